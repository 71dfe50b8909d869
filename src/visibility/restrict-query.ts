import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hasVisibility, visibilityFilter, type Filter } from './rules';
import type { Viewer } from './viewer';

type Query = Record<string, unknown>;
type Attribute = { type: string; target?: string; private?: boolean };

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> => (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, Attribute>;

/** The target of a relation attribute (media excluded: files carry no visibility). */
function relationTarget(strapi: Core.Strapi, uid: string, name: string): string | null {
  const attribute = attributesOf(strapi, uid)[name];
  return attribute?.type === 'relation' && attribute.target ? attribute.target : null;
}

const both = (a: Filter | undefined, b: Filter | null): Filter | undefined => (a && b ? { $and: [a, b] } : (a ?? b ?? undefined));

/**
 * The caller's filters with the viewer's visibility added wherever they reach
 * a type that has one through a relation: `filters[related][title]=…` then
 * only matches related articles the viewer may see, so a filter cannot tell
 * whether a hidden one exists. Strapi filters relations row by row of the
 * join, so under `$not` a hidden related row would still count (as "not
 * matching"): negating a condition on such a relation is refused.
 */
function restrictFilters(strapi: Core.Strapi, uid: string, filters: unknown, viewer: Viewer, negated = false): unknown {
  if (Array.isArray(filters)) return filters.map((each) => restrictFilters(strapi, uid, each, viewer, negated));
  if (!filters || typeof filters !== 'object') return filters;
  return Object.fromEntries(
    Object.entries(filters as Record<string, unknown>).map(([key, value]) => {
      if (key === '$and' || key === '$or') return [key, restrictFilters(strapi, uid, value, viewer, negated)];
      if (key === '$not') return [key, restrictFilters(strapi, uid, value, viewer, true)];
      const target = relationTarget(strapi, uid, key);
      if (!target) return [key, value];
      const visible = visibilityFilter(target, viewer);
      if (visible && negated) throw new errors.ValidationError(`Filters cannot use $not on ${key}`);
      return [key, both(restrictFilters(strapi, target, value, viewer, negated) as Filter, visible)];
    })
  );
}

/** `populate` in any of its REST forms ('*', 'a,b.c', ['a'], { a: … }) as one object. */
function populateObject(strapi: Core.Strapi, uid: string, populate: unknown): Record<string, unknown> {
  if (populate === '*' || populate === true || populate === 'true') {
    // What '*' means to the content API: every relation, file and component, except private ones and the admin users who edited.
    const all = Object.entries(attributesOf(strapi, uid)).filter(
      ([name, attribute]) => ['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type) && !attribute.private && !['createdBy', 'updatedBy'].includes(name)
    );
    return Object.fromEntries(all.map(([name]) => [name, true]));
  }
  const paths = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate.flatMap((each) => String(each).split(',')) : null;
  if (!paths) return (populate ?? {}) as Record<string, unknown>;
  const tree: Record<string, unknown> = {};
  for (const path of paths.map((each) => each.trim()).filter(Boolean)) {
    let level = tree;
    const names = path.split('.');
    names.forEach((name, index) => {
      if (index === names.length - 1) {
        level[name] ??= true;
        return;
      }
      const entry = (level[name] = typeof level[name] === 'object' ? level[name] : { populate: {} }) as { populate: Record<string, unknown> };
      entry.populate ??= {};
      level = entry.populate;
    });
  }
  return tree;
}

/** Every populated relation to a type with visibility gets the viewer's filter, at every depth. */
function restrictPopulate(strapi: Core.Strapi, uid: string, populate: unknown, viewer: Viewer): unknown {
  if (populate === undefined || populate === null || populate === false || populate === 'false') return populate;
  const tree = populateObject(strapi, uid, populate);
  return Object.fromEntries(
    Object.entries(tree).map(([name, value]) => {
      const target = relationTarget(strapi, uid, name);
      if (!target) return [name, value];
      const visible = visibilityFilter(target, viewer);
      if (!value || typeof value !== 'object') return [name, visible ? { filters: visible } : value];
      const { filters, populate: nested, ...rest } = value as Query;
      const restricted = both(filters === undefined ? undefined : (restrictFilters(strapi, target, filters, viewer) as Filter), visible);
      return [
        name,
        {
          ...rest,
          ...(restricted ? { filters: restricted } : {}),
          ...(nested !== undefined ? { populate: restrictPopulate(strapi, target, nested, viewer) } : {}),
        },
      ];
    })
  );
}

/** Sorting by a field of a related item with visibility would order by what the viewer may not see. */
function refuseHiddenSort(strapi: Core.Strapi, uid: string, sort: unknown) {
  const paths: string[] = [];
  const collect = (value: unknown, prefix: string[]) => {
    if (typeof value === 'string') value.split(',').forEach((each) => paths.push([...prefix, each.split(':')[0].trim()].join('.')));
    else if (Array.isArray(value)) value.forEach((each) => collect(each, prefix));
    else if (value && typeof value === 'object') {
      for (const [key, nested] of Object.entries(value)) {
        if (typeof nested === 'string') paths.push([...prefix, key].join('.'));
        else collect(nested, [...prefix, key]);
      }
    }
  };
  collect(sort, []);
  for (const path of paths) {
    const [first] = path.split('.');
    const target = relationTarget(strapi, uid, first);
    if (target && hasVisibility(target) && path.includes('.')) throw new errors.ValidationError(`Sorting by a field of ${first} is not possible`);
  }
}

/**
 * A REST query as the viewer may run it: the type's own visibility added to
 * its filters, and the visibility of every type it reaches through filters
 * and populate added there. Staff's queries are left as they are.
 */
export function restrictQuery(strapi: Core.Strapi, uid: string, query: Query, viewer: Viewer): Query {
  if (viewer.kind === 'staff') return query;
  const { filters, populate, sort } = query;
  if (sort !== undefined) refuseHiddenSort(strapi, uid, sort);
  const own = both(filters === undefined ? undefined : (restrictFilters(strapi, uid, filters, viewer) as Filter), visibilityFilter(uid, viewer));
  return {
    ...query,
    ...(own ? { filters: own } : {}),
    ...(populate !== undefined ? { populate: restrictPopulate(strapi, uid, populate, viewer) } : {}),
  };
}
