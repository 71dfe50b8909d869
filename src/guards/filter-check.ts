/**
 * Checks Strapi's `filters` grammar against a content type before Strapi
 * turns it into SQL. Strapi leaves some shapes to the database, which then
 * fails with a 500 (PostgreSQL is strict where SQLite shrugs): text compared
 * with a number column, a nested operator where a value belongs, $between
 * with one value, a text operator on a number. Each becomes a 400 that says
 * what to change. Anything this does not know (a field Strapi does not have,
 * components) is left to Strapi, which answers those itself.
 */

export interface Attribute {
  type: string;
  target?: string;
  relation?: string;
}
export type ModelOf = (uid: string) => { attributes: Record<string, Attribute> } | undefined;

const LOGICAL = new Set(['$and', '$or']);
const NULL_CHECKS = new Set(['$null', '$notNull']);
const LISTS = new Set(['$in', '$notIn']);
const TEXT_ONLY = new Set(['$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi']);
const COMPARISONS = new Set(['$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', ...TEXT_ONLY]);

const INTEGER_TYPES = new Set(['integer', 'biginteger']);
const NUMBER_TYPES = new Set(['float', 'decimal']);
const DATE_TYPES = new Set(['date', 'datetime', 'time', 'timestamp']);
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'password', 'blocks']);
// Databases hold 64-bit integers; JavaScript numbers past this lose digits.
const INTEGER = /^-?\d{1,15}$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const isScalar = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The attribute `id` is not in a model's attributes, yet every model can be filtered by it. */
const attributeOf = (attributes: Record<string, Attribute>, key: string): Attribute | undefined =>
  key === 'id' ? { type: 'integer' } : attributes[key];

function valueProblem(type: string, value: unknown, where: string): string | null {
  if (!isScalar(value)) return `${where} must be a single value`;
  const text = String(value);
  if (INTEGER_TYPES.has(type) && !INTEGER.test(text)) return `${where} must be a whole number`;
  if (NUMBER_TYPES.has(type) && !NUMBER.test(text)) return `${where} must be a number`;
  if (DATE_TYPES.has(type) && type !== 'time' && Number.isNaN(Date.parse(text))) return `${where} must be a date, e.g. 2026-12-01 or 2026-12-01T10:00:00Z`;
  if (type === 'time' && !/^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text)) return `${where} must be a time, e.g. 10:00`;
  if (type === 'boolean' && !['true', 'false', '1', '0'].includes(text)) return `${where} must be true or false`;
  return null;
}

function operatorsProblem(attribute: Attribute, operators: Record<string, unknown>, where: string): string | null {
  for (const [operator, value] of Object.entries(operators)) {
    const at = `${where}[${operator}]`;
    if (operator === '$not') {
      const problem = isPlainObject(value) ? operatorsProblem(attribute, value, at) : valueProblem(attribute.type, value, at);
      if (problem) return problem;
    } else if (NULL_CHECKS.has(operator)) {
      if (!['true', 'false', true, false].includes(value as string)) return `${at} must be true or false`;
    } else if (LISTS.has(operator) || operator === '$between') {
      const values = Array.isArray(value) ? value : [value];
      if (operator === '$between' && values.length !== 2) return `${at} takes two values: ${at}[0]=…&${at}[1]=…`;
      for (const [index, item] of values.entries()) {
        const problem = valueProblem(attribute.type, item, `${at}[${index}]`);
        if (problem) return problem;
      }
    } else if (COMPARISONS.has(operator)) {
      if (TEXT_ONLY.has(operator) && !TEXT_TYPES.has(attribute.type)) return `${at} only works on text fields`;
      const problem = valueProblem(TEXT_ONLY.has(operator) ? 'string' : attribute.type, value, at);
      if (problem) return problem;
    } else {
      return `${at}: ${operator.startsWith('$') ? 'unknown operator' : 'use an operator such as $eq'}`;
    }
  }
  return null;
}

export function filtersProblem(modelOf: ModelOf, uid: string, filters: unknown, where = 'filters', depth = 0): string | null {
  if (!isPlainObject(filters)) return `${where} must be fields with operators, like filters[title][$eq]=…`;
  const model = modelOf(uid);
  if (!model || depth > 6) return null;
  for (const [key, value] of Object.entries(filters)) {
    const at = `${where}[${key}]`;
    if (LOGICAL.has(key)) {
      const parts = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
      if (!parts) return `${at} must be a list of filters`;
      for (const [index, part] of parts.entries()) {
        const problem = filtersProblem(modelOf, uid, part, `${at}[${index}]`, depth + 1);
        if (problem) return problem;
      }
      continue;
    }
    if (key === '$not') {
      const problem = filtersProblem(modelOf, uid, value, at, depth + 1);
      if (problem) return problem;
      continue;
    }
    const attribute = attributeOf(model.attributes, key);
    if (!attribute) continue;
    if (attribute.type === 'relation' && attribute.target) {
      // A bare value on a relation means its id; a nested filter is checked against the related type.
      const problem = isPlainObject(value) ? filtersProblem(modelOf, attribute.target, value, at, depth + 1) : valueProblem('integer', value, at);
      if (problem) return problem;
      continue;
    }
    if (['component', 'dynamiczone', 'media', 'relation', 'json'].includes(attribute.type)) continue;
    const problem = isPlainObject(value) ? operatorsProblem(attribute, value, at) : valueProblem(attribute.type, value, at);
    if (problem) return problem;
  }
  return null;
}
