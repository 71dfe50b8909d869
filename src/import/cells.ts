import { rrulestr } from 'rrule';
import { fromFloating } from '../discovery/local-time';

/** A cell read into the value an attribute stores, or the reason it cannot be. */
export type Cell<T> = { value: T } | { reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/\S+$/i;
// The activity schema's own pattern, so nothing we accept is refused by Strapi later.
const RRULE = /^(RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,+-:]+)*$/;

export const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
const text = (raw: unknown) => String(raw).trim();

export function readText(raw: unknown, max?: number): Cell<string> {
  if (typeof raw === 'object') return { reason: 'must be text' };
  const value = text(raw);
  return max && value.length > max ? { reason: `is ${value.length} characters long; at most ${max} are allowed` } : { value };
}

export function readEmail(raw: unknown): Cell<string> {
  const value = text(raw).toLowerCase();
  return EMAIL.test(value) && value.length <= 200 ? { value } : { reason: `"${value}" is not an email address` };
}

export function readUrl(raw: unknown): Cell<string> {
  const value = text(raw);
  return URL_PATTERN.test(value) && value.length <= 500 ? { value } : { reason: `"${value}" is not a web address starting with http:// or https://` };
}

/** 52.15 and 52,15 both: Dutch spreadsheets write decimal commas. */
export function readNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const value = text(raw).replace(/^€\s*/, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
}

export function readCoordinate(raw: unknown, axis: 'latitude' | 'longitude'): Cell<number> {
  const value = readNumber(raw);
  const limit = axis === 'latitude' ? 90 : 180;
  if (value === null) return { reason: `bad coordinates: "${text(raw)}" is not a number` };
  if (Math.abs(value) > limit) return { reason: `bad coordinates: ${axis} ${value} is outside -${limit}…${limit}` };
  return { value };
}

export function readDecimal(raw: unknown): Cell<number> {
  const value = readNumber(raw);
  return value === null || value < 0 ? { reason: `"${text(raw)}" is not an amount (0 or more, e.g. 2,50)` } : { value };
}

export function readInteger(raw: unknown): Cell<number> {
  const value = readNumber(raw);
  return value === null || value < 0 || !Number.isInteger(value) ? { reason: `"${text(raw)}" is not a whole number of 0 or more` } : { value };
}

export function readLanguage(raw: unknown): Cell<'nl' | 'en'> {
  const value = text(raw).toLowerCase();
  return value === 'nl' || value === 'en' ? { value } : { reason: `"${value}" is not a language: use nl or en` };
}

/** `a|b|c` in CSV, or a JSON list. */
export function readList(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw.map(String) : text(raw).split('|');
  return [...new Set(items.map((i) => i.trim()).filter(Boolean))];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DUTCH = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

/**
 * ISO 8601 (`2026-03-14`, `2026-03-14T19:30`, `…Z`, `…+01:00`) or Dutch
 * `14-03-2026 19:30`. Without an offset the time is Amsterdam time, as the
 * people filling in the sheet mean it.
 */
export function readDateTime(raw: unknown): Cell<string> {
  const value = text(raw);
  const iso = ISO.exec(value);
  const dutch = iso ? null : DUTCH.exec(value);
  if (!iso && !dutch) return { reason: `bad date: "${value}" is not a date like 2026-03-14 or 2026-03-14T19:30` };
  const [y, mo, d, h = '0', mi = '0', s = '0'] = iso ? iso.slice(1, 7) : [dutch![3], dutch![2], dutch![1], dutch![4], dutch![5]];
  const zone = iso?.[7];
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const wall = Date.UTC(...fields);
  const check = new Date(wall);
  if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) {
    return { reason: `bad date: "${value}" does not exist` };
  }
  let utc: number;
  if (zone) {
    const sign = zone[0] === '-' ? -1 : 1;
    const [zh, zm] = zone.toUpperCase() === 'Z' ? [0, 0] : [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    utc = wall - (zone.toUpperCase() === 'Z' ? 0 : sign * (zh * 60 + zm) * 60_000);
  } else {
    utc = fromFloating(new Date(wall)).getTime();
  }
  return { value: new Date(utc).toISOString() };
}

export function readRecurrence(raw: unknown): Cell<string> {
  const value = text(raw).toUpperCase();
  if (!RRULE.test(value)) return { reason: `"${value}" is not an RRULE like FREQ=WEEKLY;BYDAY=TU` };
  try {
    rrulestr(value.replace(/^RRULE:/, ''));
  } catch (error) {
    return { reason: `"${value}" is not a valid RRULE: ${(error as Error).message}` };
  }
  return { value };
}
