import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from '../bootstrap/permissions';
import { settings } from '../lib/settings';

/**
 * What a cached answer depends on, and what a change touches, as scopes: each
 * scope has a generation, a kept answer is found again only while the
 * generations of its scopes are unchanged, and a change bumps the scopes it
 * touches. So an edit to one activity no longer throws away the subsidies
 * list or another activity's page.
 *
 * Most answers mix types (search, agenda, map, feeds, embeds, anything that
 * populates, filters or sorts by a relation, types whose visibility depends on
 * membership): they depend on ANY_CONTENT, which every content change bumps.
 * Only the public reads of a type's own rows (src/public-reads) are narrower:
 * a list of one type, or one document of it, asked for without naming a
 * relation, media or component, is made from that type's rows alone.
 */

/** Permissions, locales, media and settings change any answer, or who may have it. */
export const EVERYTHING = 'all';
/** Every content change bumps it: the scope of answers that mix types. */
export const ANY_CONTENT = 'content';

/** The public collections, answered by src/public-reads/public-read-controller.ts: their answers hold their own rows only. */
const isOwnRowsType = (uid: string) => (PUBLIC_CONTENT_TYPES as readonly string[]).includes(uid);
let ownRowsTypes: Map<string, string> | undefined;
/** One of those by its REST plural (`activities`), as the models name it. */
const ownRowsTypeOf = (strapi: Core.Strapi, plural: string) =>
  (ownRowsTypes ??= new Map(PUBLIC_CONTENT_TYPES.map((uid) => [strapi.getModel(uid).info.pluralName, uid]))).get(plural);

/**
 * Types whose rows a narrow answer shows without naming them: a public
 * activity carries its enrolment counts (its controller's decorateOne).
 */
const SHOWN_WITHIN: Record<string, string[]> = {
  'api::enrolment.enrolment': ['api::activity.activity'],
  'api::enrolment.enrolment-settings': ['api::activity.activity'],
};

/** Strapi's own types whose rows change every public answer: media, locales, the public role's permissions, the core store (the default locale lives there). */
export const CHANGES_EVERYTHING = new Set([
  'plugin::upload.file',
  'plugin::upload.folder',
  'plugin::i18n.locale',
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
  'strapi::core-store',
]);

// Documents share a scope per bucket: generations stay bounded however many documents change, at the price of a rare needless miss.
const BUCKETS = 1024;
function bucketOf(documentId: string): number {
  // FNV-1a: cheap, and its low bits spread well enough over similar ids.
  let hash = 0x811c9dc5;
  for (let i = 0; i < documentId.length; i++) hash = Math.imul(hash ^ documentId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

export const typeScope = (uid: string) => `type:${uid}`;
export const listScope = (uid: string) => `list:${uid}`;
export const documentScope = (uid: string, documentId: string) => `doc:${uid}:${bucketOf(documentId)}`;

const scoped = (strapi: Core.Strapi) => settings(strapi).cache.invalidation === 'scoped';

const NARROW_PATH = /^\/api\/([a-z]+)(?:\/([A-Za-z0-9]+))?$/;

/** The attribute names that would bring other rows into an answer of `uid`. */
function foreignKeys(strapi: Core.Strapi, uid: string): Set<string> {
  const { attributes } = strapi.getModel(uid as never) as { attributes: Record<string, { type: string }> };
  const foreign = Object.entries(attributes).filter(([, attribute]) => ['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type));
  return new Set(['populate', ...foreign.map(([name]) => name)]);
}
const foreignKeysOf = new Map<string, Set<string>>();

/**
 * The scopes a public read depends on. The query is read as words: one that
 * names populate, a relation, media or a component makes the answer a mix
 * (a search for the word "categories" too, which costs only a narrower hit).
 */
export function readScopes(strapi: Core.Strapi, path: string, querystring: string): string[] {
  const narrow = scoped(strapi) ? NARROW_PATH.exec(path) : null;
  const uid = narrow && ownRowsTypeOf(strapi, narrow[1]);
  if (!uid) return [EVERYTHING, ANY_CONTENT];
  let words: string[];
  try {
    words = decodeURIComponent(querystring.replace(/\+/g, ' ')).split(/[^A-Za-z0-9_]+/);
  } catch {
    return [EVERYTHING, ANY_CONTENT]; // a malformed escape: Strapi answers it with an error, which is never kept
  }
  if (!foreignKeysOf.has(uid)) foreignKeysOf.set(uid, foreignKeys(strapi, uid));
  const foreign = foreignKeysOf.get(uid)!;
  if (words.some((word) => foreign.has(word))) return [EVERYTHING, ANY_CONTENT];
  return [EVERYTHING, typeScope(uid), narrow[2] ? documentScope(uid, narrow[2]) : listScope(uid)];
}

/**
 * The scopes a committed change of `uid` touches: those of its documents
 * (and the type's lists) when they are known, else the whole type; mixed
 * answers always.
 */
export function changeScopes(strapi: Core.Strapi, uid: string, documentIds?: readonly string[]): string[] {
  if (!scoped(strapi) || CHANGES_EVERYTHING.has(uid)) return [EVERYTHING];
  const scopes = new Set([ANY_CONTENT]);
  if (isOwnRowsType(uid)) {
    if (documentIds?.length) [listScope(uid), ...documentIds.map((id) => documentScope(uid, id))].forEach((s) => scopes.add(s));
    else scopes.add(typeScope(uid));
  }
  for (const shownIn of SHOWN_WITHIN[uid] ?? []) scopes.add(typeScope(shownIn));
  return [...scopes];
}
