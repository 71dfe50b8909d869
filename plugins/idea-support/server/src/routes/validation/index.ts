import { errors } from '@strapi/utils';
import { PERIODS, type Period } from '../../services/support';

const DOCUMENT_ID = /^[a-z0-9]{24}$/;

export function documentIdParam(params: Record<string, unknown>): string {
  const { documentId } = params;
  if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) {
    throw new errors.ValidationError('documentId is not a valid document id');
  }
  return documentId;
}

/** Public reads are strict: an unknown parameter is a 400 naming it, so made-up ones cannot each fill a cache entry. */
export function onlyParams(query: Record<string, unknown>, known: string[]) {
  const unknown = Object.keys(query ?? {}).filter((key) => !known.includes(key));
  if (unknown.length) {
    const understood = known.length ? `this endpoint understands ${known.join(', ')}` : 'this endpoint takes none';
    throw new errors.ValidationError(`Unknown query parameters: ${unknown.join(', ')} (${understood})`, { params: unknown });
  }
}

export function rankingQuery(query: Record<string, unknown>): { period: Period; limit: number; locale: string } {
  onlyParams(query, ['period', 'limit', 'locale']);
  const period = query.period ?? '30d';
  if (typeof period !== 'string' || !Object.prototype.hasOwnProperty.call(PERIODS, period)) throw new errors.ValidationError(`period must be one of ${Object.keys(PERIODS).join(', ')}`);
  // Plain digits only: `5.0`, `05`, `0x5`, ` 5` or `limit[]=5` would be the same limit under another cache key.
  const limit = query.limit === undefined ? 10 : typeof query.limit === 'string' && /^[1-9]\d{0,2}$/.test(query.limit) ? Number(query.limit) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new errors.ValidationError('limit must be a whole number from 1 to 100');
  const locale = query.locale ?? 'nl';
  if (locale !== 'nl' && locale !== 'en') throw new errors.ValidationError('locale must be nl or en');
  return { period: period as Period, limit, locale };
}
