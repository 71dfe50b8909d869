import { embeddableJson } from '../embeddable-json';

describe('embeddableJson', () => {
  it('writes nothing that can close or open an HTML element, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: 'a & b > c <!-- d', lines: 'one\u2028two\u2029three', nested: ['<b>'] };
    const json = embeddableJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(value);
  });
});
