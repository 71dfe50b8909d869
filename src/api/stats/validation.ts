import { errors } from '@strapi/utils';
import { DOCUMENT_ID, onlyParams, wholeNumber } from '@buurtplein/plugin-kit';
import { addDays, daysBetween, MAX_RANGE_DAYS, parseDay, townDay, type Interval } from '../../stats/days';
import { parseKnownBody, yup } from '../../lib/validation';
import { ITEM_KIND_OF_PATH } from '../../stats/items';
import { ITEM_TYPES, type ItemType, type Range } from './services/figures';

const FIRST_DAY = '2000-01-01';
const DEFAULT_DAYS = 30;

const invalid = (message: string, path: string) => new errors.ValidationError(message, { errors: [{ path: [path], message }] });

const PLURAL: Record<string, ItemType> = ITEM_KIND_OF_PATH;

/** `activity` or, as in the REST paths, `activities`. */
export function itemType(value: unknown): ItemType {
  const name = String(value);
  if (name in ITEM_TYPES) return name as ItemType;
  if (name in PLURAL) return PLURAL[name];
  throw invalid(`type must be one of ${Object.keys(ITEM_TYPES).join(', ')}`, 'type');
}

function dayParam(query: Record<string, unknown>, name: 'from' | 'to', fallback: string): string {
  const value = query[name];
  if (value === undefined || value === '') return fallback;
  const day = parseDay(value);
  if (!day) throw invalid(`${name} must be a date as YYYY-MM-DD, like ${townDay()}`, name);
  return day;
}

/** ?from&to: town days, both included; by default the last 30 days up to today. */
export function rangeOf(query: Record<string, unknown>, known: string[] = []): Range {
  onlyParams(query, ['from', 'to', ...known]);
  const today = townDay();
  const to = dayParam(query, 'to', today);
  const from = dayParam(query, 'from', addDays(to, 1 - DEFAULT_DAYS));
  if (from > to) throw invalid('from must not be after to', 'from');
  if (from < FIRST_DAY || to > addDays(today, 366)) throw invalid(`the dates must lie between ${FIRST_DAY} and a year from now`, from < FIRST_DAY ? 'from' : 'to');
  if (daysBetween(from, to) > MAX_RANGE_DAYS) throw invalid(`a range spans at most ${MAX_RANGE_DAYS} days`, 'to');
  return { from, to };
}

export function intervalOf(value: unknown): Interval {
  if (value === undefined || value === '') return 'day';
  if (value === 'day' || value === 'week' || value === 'month') return value;
  throw invalid('interval must be day, week or month', 'interval');
}

/** ?limit: 1 to 100, 20 when absent or empty. */
export const limitOf = (value: unknown): number => wholeNumber(value === '' ? undefined : value, 'limit', { max: 100, fallback: 20 });

const beaconSchema = yup.object({
  type: yup.string().required().oneOf([...Object.keys(ITEM_TYPES), ...Object.keys(PLURAL)]),
  documentId: yup.string().required().matches(DOCUMENT_ID, '${path} must be a documentId'),
});

/** A beacon: `{ "type": "activity", "documentId": "…" }` and nothing else. */
export async function beaconOf(body: unknown): Promise<{ type: ItemType; documentId: string }> {
  const parsed = await parseKnownBody<{ type: string; documentId: string }>(body, beaconSchema);
  return { type: itemType(parsed.type), documentId: parsed.documentId };
}
