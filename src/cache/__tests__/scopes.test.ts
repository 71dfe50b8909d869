import { ANY_CONTENT, changeScopes, documentScope, EVERYTHING, listScope, readScopes, typeScope } from '../scopes';

const ACTIVITY = 'api::activity.activity';

/** Just what scopes.ts asks of Strapi: the setting, and the models' plurals and (the activity's) attributes. */
const strapiWith = (invalidation: 'scoped' | 'everything') =>
  ({
    config: { get: () => ({ cache: { invalidation } }) },
    getModel: (uid: string) => ({
      info: { pluralName: uid === ACTIVITY ? 'activities' : `${uid.split('.')[1]}s` },
      attributes: { title: { type: 'string' }, organisation: { type: 'relation' }, categories: { type: 'relation' }, image: { type: 'media' }, cost: { type: 'decimal' } },
    }),
  }) as never;

describe('cache scopes', () => {
  const strapi = strapiWith('scoped');

  it.each([
    ['/api/activities', '', [EVERYTHING, typeScope(ACTIVITY), listScope(ACTIVITY)]],
    ['/api/activities', 'filters[title][$containsi]=zwem&sort=cost&pagination[pageSize]=5', [EVERYTHING, typeScope(ACTIVITY), listScope(ACTIVITY)]],
    ['/api/activities/abc123', '', [EVERYTHING, typeScope(ACTIVITY), documentScope(ACTIVITY, 'abc123')]],
    ['/api/activities/abc123', 'locale=en', [EVERYTHING, typeScope(ACTIVITY), documentScope(ACTIVITY, 'abc123')]],
  ])('narrows %s?%s to its own rows', (path, query, scopes) => {
    expect(readScopes(strapi, path, query)).toEqual(scopes);
  });

  it.each([
    ['/api/activities', 'populate=*'],
    ['/api/activities', 'populate[organisation]=true'],
    ['/api/activities', 'filters%5Bcategories%5D%5Bslug%5D%5B%24eq%5D=sport'], // encoded, still a relation
    ['/api/activities', 'sort=organisation.name'],
    ['/api/activities', 'fields[0]=title&fields[1]=image'],
    ['/api/activities', 'filters[title]=%E0%A4%A'], // a broken escape
    ['/api/activities/abc123/jsonld', ''],
    ['/api/search', 'q=zwemmen'],
    ['/api/agenda', ''],
    ['/api/groups', ''],
    ['/embed/agenda', ''],
  ])('lets %s?%s depend on any content', (path, query) => {
    expect(readScopes(strapi, path, query)).toEqual([EVERYTHING, ANY_CONTENT]);
  });

  it('touches a document and its lists, the whole type when the document is unknown, and mixed answers always', () => {
    expect(changeScopes(strapi, ACTIVITY, ['abc123'])).toEqual([ANY_CONTENT, listScope(ACTIVITY), documentScope(ACTIVITY, 'abc123')]);
    expect(changeScopes(strapi, ACTIVITY)).toEqual([ANY_CONTENT, typeScope(ACTIVITY)]);
    expect(changeScopes(strapi, 'api::article.article', ['x'])).toEqual([ANY_CONTENT]);
    // Enrolment counts are part of an activity's page.
    expect(changeScopes(strapi, 'api::enrolment.enrolment', ['x'])).toEqual([ANY_CONTENT, typeScope(ACTIVITY)]);
    expect(changeScopes(strapi, 'plugin::users-permissions.permission')).toEqual([EVERYTHING]);
  });

  it('puts documents in a bounded number of buckets, the same one every time', () => {
    const buckets = new Set(Array.from({ length: 5000 }, (_, i) => documentScope(ACTIVITY, `doc${i}`)));
    expect(buckets.size).toBeLessThanOrEqual(1024);
    expect(buckets.size).toBeGreaterThan(900);
    expect(documentScope(ACTIVITY, 'abc123')).toBe(documentScope(ACTIVITY, 'abc123'));
  });

  it('with CACHE_INVALIDATION=everything, every answer depends on everything and every change touches it', () => {
    const everything = strapiWith('everything');
    expect(readScopes(everything, '/api/activities/abc123', '')).toEqual([EVERYTHING, ANY_CONTENT]);
    expect(changeScopes(everything, ACTIVITY, ['abc123'])).toEqual([EVERYTHING]);
  });
});
