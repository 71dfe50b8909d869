import type { Core } from '@strapi/strapi';

type Data = Record<string, unknown>;

/**
 * Saves the draft of one language version. A first edit in another language
 * creates that version; its slug comes along, because Strapi does not copy
 * uid fields into a new locale.
 */
export async function updateDraft(strapi: Core.Strapi, uid: string, documentId: string, locale: string, data: Data) {
  const versions = await strapi.db.query(uid as any).findMany({ where: { documentId, publishedAt: null }, select: ['locale', 'slug'] });
  const isNewLocale = !versions.some((v: { locale: string }) => v.locale === locale);
  const withSlug = isNewLocale && versions[0]?.slug ? { slug: versions[0].slug, ...data } : data;
  return strapi.documents(uid as any).update({ documentId, locale, data: withSlug } as any);
}

/** Which of these documents have a published version. */
export async function publishedIds(strapi: Core.Strapi, uid: string, ids: string[]) {
  const rows = await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] });
  return new Set(rows.map((r: { documentId: string }) => r.documentId));
}

export async function withPublicationState<T extends { documentId: string }>(strapi: Core.Strapi, uid: string, drafts: T[]) {
  const live = await publishedIds(strapi, uid, drafts.map((d) => d.documentId));
  return drafts.map((d) => ({ ...d, isPublished: live.has(d.documentId) }));
}
