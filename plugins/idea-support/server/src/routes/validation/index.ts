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

export function rankingQuery(query: Record<string, unknown>): { period: Period; limit: number; locale: string } {
  const period = (query.period ?? '30d') as string;
  if (!(period in PERIODS)) throw new errors.ValidationError(`period must be one of ${Object.keys(PERIODS).join(', ')}`);
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new errors.ValidationError('limit must be a whole number from 1 to 100');
  const locale = query.locale ?? 'nl';
  if (locale !== 'nl' && locale !== 'en') throw new errors.ValidationError('locale must be nl or en');
  return { period: period as Period, limit, locale };
}
