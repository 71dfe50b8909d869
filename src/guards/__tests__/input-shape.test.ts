import { inputProblem, MAX_DEPTH } from '../input-shape';

const nested = (levels: number): unknown => (levels === 0 ? 'x' : { a: nested(levels - 1) });

describe('inputProblem', () => {
  it('lets ordinary input through', () => {
    expect(inputProblem({ data: { title: 'Wandelen', tags: ['a', 'b'], n: 1, ok: true, none: null } }, 'body')).toBeNull();
    expect(inputProblem(nested(MAX_DEPTH - 1), 'body')).toBeNull();
  });

  it.each([
    ['a prototype key', JSON.parse('{"data":{"__proto__":{"admin":true}}}')],
    ['a constructor key', { identifier: 'a', constructor: { prototype: {} } }],
    ['a NUL in text', { data: { title: 'a\u0000b' } }],
    ['a NUL in a key', { ['a\u0000']: 1 }],
    ['a NUL in a list', ['ok', 'n\u0000']],
    ['deep nesting', nested(MAX_DEPTH + 1)],
  ])('refuses %s', (_name, value) => {
    expect(inputProblem(value, 'body')).toMatch(/^body /);
  });
});

describe('text that is not valid Unicode', () => {
  it('is refused in values and keys; whole surrogate pairs (emoji) are fine', () => {
    expect(inputProblem({ password: '\ud800x' }, 'body')).toMatch(/not valid Unicode/);
    expect(inputProblem({ ['k\udc00']: 1 }, 'body')).toMatch(/not valid Unicode/);
    expect(inputProblem({ name: 'Koffie ☕ en 🎉' }, 'body')).toBeNull();
  });
});
