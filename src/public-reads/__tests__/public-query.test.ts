import { callerOf, restrictToPublic } from '../public-query';

/** The rule of a type with archivedAt, as publicRule makes it. */
const ARCHIVABLE = { documentFilters: { archivedAt: { $null: true } } };

describe('restrictToPublic', () => {
  it('forces published and non-archived, keeping the caller’s own filters', () => {
    expect(restrictToPublic({ filters: { title: { $eq: 'x' } }, sort: 'title' }, ARCHIVABLE)).toEqual({
      sort: 'title',
      status: 'published',
      filters: { $and: [{ title: { $eq: 'x' } }, { archivedAt: { $null: true } }] },
    });
    expect(restrictToPublic({}, { documentFilters: undefined })).toEqual({ status: 'published' });
  });

  it('refuses drafts (403) and unknown statuses (400)', () => {
    expect(() => restrictToPublic({ status: 'draft' }, ARCHIVABLE)).toThrow(expect.objectContaining({ name: 'ForbiddenError' }));
    expect(() => restrictToPublic({ status: 'foo' }, ARCHIVABLE)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
    expect(() => restrictToPublic({ status: ['published'] }, ARCHIVABLE)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
  });

  it('only a full-access API token counts as staff', () => {
    const ctx = (strategy: string, type?: string) => ({ state: { auth: { strategy: { name: strategy }, credentials: { type } } } });
    expect(callerOf(ctx('api-token', 'full-access')).isStaff).toBe(true);
    expect(callerOf(ctx('api-token', 'read-only')).isStaff).toBe(false);
    expect(callerOf(ctx('users-permissions')).isStaff).toBe(false);
    expect(callerOf({}).isStaff).toBe(false);
  });
});
