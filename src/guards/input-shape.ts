/**
 * Checks any parsed input (a JSON body, a query string) for what no route of
 * ours takes and what turns into a 500 further in: keys that reach an
 * object's prototype, NUL characters (PostgreSQL refuses them in text), text
 * that is not well-formed Unicode (a lone surrogate: PostgreSQL cannot store
 * it, and bcryptjs loops on it until the process dies), and nesting deeper
 * than any real request (deep recursion in parsers and sanitizers). Returns a
 * message, or null when the input is fine.
 */
export const MAX_DEPTH = 16;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with one piece of text, or null. */
export function textProblem(text: string, where: string): string | null {
  if (text.includes('\u0000')) return `${where} contains a NUL character`;
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return `${where} contains text that is not valid Unicode (a lone surrogate)`;
  return null;
}

export function inputProblem(value: unknown, where: string, depth = 0): string | null {
  if (typeof value === 'string') return textProblem(value, where);
  if (!value || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return `${where} is nested more than ${MAX_DEPTH} levels deep`;
  for (const [key, item] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(key)) return `${where} may not have a key named "${key}"`;
    const keyProblem = textProblem(key, `${where} has a key that`);
    if (keyProblem) return keyProblem;
    const problem = inputProblem(item, where, depth + 1);
    if (problem) return problem;
  }
  return null;
}
