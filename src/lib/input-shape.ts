/**
 * Checks any parsed input (a JSON body, a query string) for what no route of
 * ours takes and what turns into a 500 further in: keys that reach an
 * object's prototype, NUL characters (PostgreSQL refuses them in text), and
 * nesting deeper than any real request (deep recursion in parsers and
 * sanitizers). Returns a message, or null when the input is fine.
 */
export const MAX_DEPTH = 16;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function inputProblem(value: unknown, where: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? `${where} contains a NUL character` : null;
  if (!value || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return `${where} is nested more than ${MAX_DEPTH} levels deep`;
  for (const [key, item] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(key)) return `${where} may not have a key named "${key}"`;
    if (key.includes('\u0000')) return `${where} has a key with a NUL character`;
    const problem = inputProblem(item, where, depth + 1);
    if (problem) return problem;
  }
  return null;
}
