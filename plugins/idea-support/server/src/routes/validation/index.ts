import { errors } from '@strapi/utils';
import { onlyParams } from '@buurtplein/plugin-kit';
import { PERIODS, type Period } from '../../services/support';

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
