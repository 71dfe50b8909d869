import { filtersProblem, type ModelOf } from '../filter-check';

const models: Record<string, { attributes: Record<string, any> }> = {
  'api::activity.activity': {
    attributes: {
      title: { type: 'string' },
      latitude: { type: 'float' },
      capacity: { type: 'integer' },
      startsAt: { type: 'datetime' },
      free: { type: 'boolean' },
      organisation: { type: 'relation', relation: 'manyToOne', target: 'api::organisation.organisation' },
    },
  },
  'api::organisation.organisation': { attributes: { name: { type: 'string' }, latitude: { type: 'float' } } },
};
const modelOf: ModelOf = (uid) => models[uid];
const check = (filters: unknown) => filtersProblem(modelOf, 'api::activity.activity', filters);

describe('filtersProblem', () => {
  it.each([
    [{ title: 'Wandelen' }],
    [{ title: { $containsi: 'wandel' } }],
    [{ latitude: { $between: ['52.0', '52.5'] } }],
    [{ capacity: { $gt: '10', $lte: 20 } }],
    [{ id: { $in: ['1', '2'] } }],
    [{ startsAt: { $gte: '2026-12-01' } }],
    [{ free: { $eq: 'true' } }],
    [{ $or: [{ title: { $eq: 'a' } }, { organisation: { name: { $startsWith: 'W' } } }] }],
    [{ title: { $null: 'true' } }],
    [{ $not: { title: { $eq: 'x' } } }],
    [{ unknownField: { $eq: 'x' } }],
  ])('lets %j through', (filters) => {
    expect(check(filters)).toBeNull();
  });

  it.each([
    ['1', 'must be fields with operators'],
    [['a'], 'must be fields with operators'],
    [{ latitude: { $between: 'a' } }, 'takes two values'],
    [{ latitude: { $between: ['a', 'b'] } }, 'must be a number'],
    [{ title: { $eq: { $ne: '1' } } }, 'must be a single value'],
    [{ id: { $gt: 'abc' } }, 'whole number'],
    [{ capacity: '1.5' }, 'whole number'],
    [{ startsAt: { $lt: 'yesterday' } }, 'must be a date'],
    [{ latitude: { $contains: '5' } }, 'only works on text fields'],
    [{ title: { $like: 'x' } }, 'unknown operator'],
    [{ title: { eq: 'x' } }, 'use an operator'],
    [{ organisation: { latitude: { $gt: 'north' } } }, 'filters[organisation][latitude][$gt] must be a number'],
    [{ $or: 'x' }, 'must be a list of filters'],
    [{ id: { $eq: '12345678901234567890' } }, 'whole number'],
  ])('refuses %j', (filters, message) => {
    expect(check(filters)).toContain(message);
  });
});
