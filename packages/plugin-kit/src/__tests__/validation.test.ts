import { documentIdOf, idParam, limitQuery, MAX_ROW_ID, onlyParams, pageQuery, wholeNumber } from '../validation';

/** The ValidationError's message, or null when the call passed. */
const refusal = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    expect((error as Error).name).toBe('ValidationError');
    return (error as Error).message;
  }
};

describe('plugin-kit validation at the edge', () => {
  it('takes only a plain string of digits as a whole number', () => {
    expect(wholeNumber('42', 'n')).toBe(42);
    for (const raw of ['', ' 4', '4 ', '1.5', '-1', '0x10', '1e3', ['5'], { 0: '5' }, 5, null]) {
      expect(refusal(() => wholeNumber(raw, 'n'))).toBe('n must be a whole number from 1');
    }
    expect(wholeNumber(undefined, 'n', { fallback: 7 })).toBe(7);
    expect(refusal(() => wholeNumber(undefined, 'n'))).toMatch(/^n must be/);
    expect(refusal(() => wholeNumber('101', 'pageSize', { max: 100 }))).toBe('pageSize must be a whole number from 1 to 100');
  });

  it('keeps row ids inside the id column, so a huge id is a 400 and not a database error', () => {
    expect(idParam({ id: String(MAX_ROW_ID) })).toBe(MAX_ROW_ID);
    expect(refusal(() => idParam({ id: String(MAX_ROW_ID + 1) }))).toMatch(/^id must be a whole number from 1 to 2147483647$/);
    expect(refusal(() => idParam({ id: '0' }))).not.toBeNull();
  });

  it('limits and pages have defaults and bounds', () => {
    expect(limitQuery({})).toBe(100);
    expect(refusal(() => limitQuery({ limit: '501' }))).not.toBeNull();
    expect(pageQuery({})).toEqual({ page: 1, pageSize: 25 });
    expect(pageQuery({ page: '3', pageSize: '10' }, { maxPageSize: 10 })).toEqual({ page: 3, pageSize: 10 });
    expect(refusal(() => pageQuery({ page: ['1', '2'] }))).not.toBeNull();
  });

  it('checks documentIds and names unknown query parameters', () => {
    expect(documentIdOf('abcdefghijklmnopqrstuvwx')).toBe('abcdefghijklmnopqrstuvwx');
    for (const value of ['ABCDEFGHIJKLMNOPQRSTUVWX', 'abc', 'abcdefghijklmnopqrstuvwx1', 42]) expect(refusal(() => documentIdOf(value))).toBe('documentId is not a valid document id');
    expect(refusal(() => onlyParams({ page: '1', pge: '2' }, ['page']))).toBe('Unknown query parameters: pge (this endpoint understands page)');
    expect(refusal(() => onlyParams({ x: '1' }, []))).toBe('Unknown query parameters: x (this endpoint takes none)');
    expect(refusal(() => onlyParams({ page: '1' }, ['page']))).toBeNull();
  });
});
