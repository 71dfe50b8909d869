import { errors } from '@strapi/utils';
import { PERIOD, periodOf } from '../../utils/periods';
import type { Language } from '../../templates/defaults';

export function languageParam(params: Record<string, unknown>): Language {
  if (params.language !== 'nl' && params.language !== 'en') throw new errors.ValidationError('language must be nl or en');
  return params.language;
}

export function templateBody(body: unknown): { subject: string; body: string } {
  const { subject, body: text } = (body ?? {}) as Record<string, unknown>;
  if (typeof subject !== 'string' || !subject.trim() || subject.length > 200) throw new errors.ValidationError('subject is required (at most 200 characters)');
  if (typeof text !== 'string' || !text.trim() || text.length > 10_000) throw new errors.ValidationError('body is required (at most 10,000 characters)');
  return { subject: subject.trim(), body: text };
}

export function runBody(body: unknown, now = new Date()): { period: string; dryRun: boolean } {
  const { period = periodOf(now), dryRun = true } = (body ?? {}) as Record<string, unknown>;
  if (typeof period !== 'string' || !PERIOD.test(period)) throw new errors.ValidationError('period must look like 2026-Q4');
  if (typeof dryRun !== 'boolean') throw new errors.ValidationError('dryRun must be true or false');
  return { period, dryRun };
}
