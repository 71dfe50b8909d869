import { callerOf, restrictToPublic } from '../public-query';

describe('restrictToPublic', () => {
  it('forces published and non-archived, keeping the caller’s own filters', () => {
    expect(restrictToPublic({ filters: { title: { $eq: 'x' } }, sort: 'title' }, { hasArchivedAt: true })).toEqual({
      sort: 'title',
      status: 'published',
      filters: { $and: [{ title: { $eq: 'x' } }, { archivedAt: { $null: true } }] },
    });
    expect(restrictToPublic({}, { hasArchivedAt: false })).toEqual({ status: 'published' });
  });

  it('refuses drafts (403) and unknown statuses (400)', () => {
    expect(() => restrictToPublic({ status: 'draft' }, { hasArchivedAt: true })).toThrow(expect.objectContaining({ name: 'ForbiddenError' }));
    expect(() => restrictToPublic({ status: 'foo' }, { hasArchivedAt: true })).toThrow(expect.objectContaining({ name: 'ValidationError' }));
    expect(() => restrictToPublic({ status: ['published'] }, { hasArchivedAt: true })).toThrow(expect.objectContaining({ name: 'ValidationError' }));
  });

  it('only a full-access API token counts as staff', () => {
    const ctx = (strategy: string, type?: string) => ({ state: { auth: { strategy: { name: strategy }, credentials: { type } } } });
    expect(callerOf(ctx('api-token', 'full-access')).isStaff).toBe(true);
    expect(callerOf(ctx('api-token', 'read-only')).isStaff).toBe(false);
    expect(callerOf(ctx('users-permissions')).isStaff).toBe(false);
    expect(callerOf({}).isStaff).toBe(false);
  });
});
