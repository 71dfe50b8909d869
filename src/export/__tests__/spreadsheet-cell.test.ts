import { protectCell, unprotectCell } from '../spreadsheet-cell';

describe('spreadsheet cells', () => {
  it.each(['=1+1', '+31 6 1234', '-Stad', '@SUM(A1)', '\tx', '\rx', "'=typed with a quote", "''-two"])('%j gets a leading quote and comes back unchanged', (text) => {
    expect(protectCell(text)).toBe(`'${text}`);
    expect(unprotectCell(protectCell(text))).toBe(text);
  });

  it.each(['Wandelclub', "'quoted already", "'plain", '', '1+1='])('%j stays as it is', (text) => {
    expect(protectCell(text)).toBe(text);
    expect(unprotectCell(text)).toBe(text);
  });
});
