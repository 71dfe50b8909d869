import { MAX_POPULATE_DEPTH, paginationProblem, populateDepth, queryProblem, fieldsProblem } from '../query-guard';

describe('populateDepth', () => {
  it.each([
    [undefined, 0],
    ['*', 1],
    ['organisation', 1],
    ['organisation,categories', 1],
    ['organisation.activities', 2],
    [['organisation.activities.categories', 'image'], 3],
    [{ organisation: true }, 1],
    [{ organisation: { fields: ['name'] } }, 1],
    [{ organisation: { populate: { activities: { populate: '*' } } } }, 3],
    [{ blocks: { on: { 'shared.quote': { populate: 'image' } } } }, 2],
  ])('%j is %i deep', (populate, depth) => {
    expect(populateDepth(populate)).toBe(depth);
  });

  it('allows a few levels only', () => {
    expect(MAX_POPULATE_DEPTH).toBeGreaterThanOrEqual(3);
    expect(MAX_POPULATE_DEPTH).toBeLessThanOrEqual(5);
  });
});

describe('paginationProblem', () => {
  it.each([
    [{ page: '2', pageSize: '25' }],
    [{ start: '0', limit: '10' }],
    [{ page: 1, withCount: 'false' }],
  ])('accepts %j', (pagination) => {
    expect(paginationProblem(pagination)).toBeNull();
  });

  it.each([
    [{ page: '0' }, 'from 1 to'],
    [{ page: '-1' }, 'from 1 to'],
    [{ pageSize: 'abc' }, 'whole number'],
    [{ pageSize: '2.5' }, 'whole number'],
    [{ start: '-3' }, 'from 0 to'],
    [{ offset: '3' }, 'not a pagination parameter'],
    [{ page: ['1', '2'] }, 'whole number'],
    [{ withCount: 'maybe' }, 'true or false'],
    ['5', 'must be an object'],
  ])('rejects %j', (pagination, message) => {
    expect(paginationProblem(pagination)).toContain(message);
  });
});

describe('queryProblem', () => {
  it('wants locale and status as single values', () => {
    expect(queryProblem({ locale: ['nl', 'en'] })?.message).toBe('locale must be a single value');
    expect(queryProblem({ status: { $ne: 'x' } })?.message).toBe('status must be a single value');
    expect(queryProblem({ locale: 'en', status: 'published' })).toBeNull();
  });
});

describe('queryProblem: pagination and shapes Strapi would turn into a 500', () => {
  it.each([
    [{ pagination: { start: '100000000000000000000' } }, 'from 0 to'],
    [{ pagination: { start: '1e20' } }, 'whole number'],
    [{ 'a\u0000': '1' }, 'NUL'],
    [{ filters: { title: { $eq: 'a\u0000' } } }, 'NUL'],
    [{ constructor: 'x' }, 'constructor'],
  ])('refuses %j', (query, message) => {
    expect(queryProblem(query as Record<string, unknown>)?.message).toContain(message);
  });
});

describe('fieldsProblem', () => {
  it.each([['title'], ['title,slug'], [['title', 'slug']], [{ 0: 'title' }]])('accepts %j', (fields) => {
    expect(fieldsProblem(fields)).toBeNull();
  });
  it.each([[''], [['']], [[]], ['title,'], [{ a: { b: 'c' } }], [['x y']]])('refuses %j', (fields) => {
    expect(fieldsProblem(fields)).toMatch(/fields must name attributes/);
  });
});
