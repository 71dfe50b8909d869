/**
 * CSV written for spreadsheets: a cell starting with = + - @ (or a tab or
 * carriage return) is taken as a formula by Excel and LibreOffice, so user
 * text like `=HYPERLINK("http://evil", "klik")` would run on the reader's
 * machine. OWASP's advice: put a ' in front, which spreadsheets show as text.
 * Our importer takes that one ' off again, so an export imports unchanged.
 */
// Text that already starts with quotes before such a character gets one more, so the round trip is exact.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PROTECTED = /^'+[=+\-@\t\r]/;

export const protectCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export const unprotectCell = (text: string): string => (PROTECTED.test(text) ? text.slice(1) : text);
