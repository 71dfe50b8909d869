import type { Core } from '@strapi/strapi';
import { slugify } from './slugify';

/** A slug from `text` that no other document of `uid` uses yet. */
export async function uniqueSlug(strapi: Core.Strapi, uid: string, text: string) {
  const base = slugify(text) || 'item';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await strapi.db.query(uid as any).count({ where: { slug: candidate } }))) return candidate;
  }
}
