import type { Core } from '@strapi/strapi';

type Data = Record<string, unknown>;

type Attribute = { type: string; target?: string; mappedBy?: string; relation?: string };

/**
 * The relations a new language version of a document starts with: those of
 * an existing version, as far as their targets exist in the new language
 * (Strapi links a version only to versions of the same language, and links
 * a new one to nothing). An English activity text then has its organiser and
 * categories on the English site too.
 */
async function inheritedRelations(strapi: Core.Strapi, uid: string, source: Data, locale: string): Promise<Data> {
  const attributes = (strapi.getModel(uid as any) as unknown as { attributes: Record<string, Attribute> }).attributes;
  const owned = Object.entries(attributes).filter(([, a]) => a.type === 'relation' && a.target && !a.mappedBy && a.target !== uid);
  const inherited: Data = {};
  for (const [name, attribute] of owned) {
    const linked = ([] as ({ documentId: string } | null)[]).concat(source[name] as any).filter(Boolean) as { documentId: string }[];
    if (!linked.length) continue;
    const target = strapi.getModel(attribute.target as any) as unknown as { pluginOptions?: { i18n?: { localized?: boolean } } };
    const ids = linked.map((item) => item.documentId);
    const present = target.pluginOptions?.i18n?.localized
      ? new Set((await strapi.db.query(attribute.target as any).findMany({ where: { documentId: { $in: ids }, locale, publishedAt: null }, select: ['documentId'] })).map((row: Data) => row.documentId))
      : new Set(ids);
    const kept = ids.filter((id) => present.has(id));
    if (kept.length) inherited[name] = Array.isArray(source[name]) ? kept : kept[0];
  }
  return inherited;
}

/**
 * Saves the draft of one language version. A first edit in another language
 * creates that version; its slug and relations come along, because Strapi
 * copies neither uid fields nor relations into a new locale.
 */
export async function updateDraft(strapi: Core.Strapi, uid: string, documentId: string, locale: string, data: Data) {
  const versions = await strapi.db.query(uid as any).findMany({ where: { documentId, publishedAt: null } });
  if (versions.length && !versions.some((v: Data) => v.locale === locale)) {
    const from = versions.find((v: Data) => v.locale === 'nl') ?? versions[0];
    const source = await strapi.db.query(uid as any).findOne({ where: { id: from.id }, populate: true });
    const relations = await inheritedRelations(strapi, uid, source, locale);
    const slug = source.slug ? { slug: source.slug } : {};
    return strapi.documents(uid as any).update({ documentId, locale, data: { ...slug, ...relations, ...data } } as any);
  }
  return strapi.documents(uid as any).update({ documentId, locale, data } as any);
}

/**
 * Edits to something already public go public too: a volunteer should not
 * have to publish twice. `everyLanguage` is for what all languages share (a
 * picture): it goes public in each language that is public.
 */
export async function saveDraftKeepingLive(strapi: Core.Strapi, uid: string, documentId: string, locale: string, data: Data, { everyLanguage = false } = {}) {
  const live = await strapi.db.query(uid as any).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] });
  const liveLocales = new Set<string>(live.map((row: { locale: string }) => row.locale));
  const draft = await updateDraft(strapi, uid, documentId, locale, data);
  const toPublish = !liveLocales.size ? [] : everyLanguage ? new Set([...liveLocales, locale]) : [locale];
  for (const each of toPublish) await strapi.documents(uid as any).publish({ documentId, locale: each } as any);
  return { ...draft, isPublished: liveLocales.size > 0 };
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
