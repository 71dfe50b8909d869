import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { saveDraftKeepingLive } from '../lib/drafts';
import { coded } from '../../../lib/error-codes';
import { unsupportedMediaType } from '../../../lib/errors';
import { cleanPicture, PICTURE_FIELDS, sniffPictureType } from '../lib/picture-file';
import type { PictureUpload } from '../validation/picture';

export type PictureKind = 'organisation' | 'activity';

/** Which field holds the picture, and the membership check that guards it. */
const KINDS = {
  organisation: { uid: 'api::organisation.organisation', field: 'logo', assert: 'assertMember' },
  activity: { uid: 'api::activity.activity', field: 'image', assert: 'assertActivityMember' },
} as const;

type StoredFile = { id: number } & Record<string, unknown>;

const notAPicture = () => unsupportedMediaType('This is not a JPEG, PNG or WebP picture', coded('picture.not_an_image'));
const publicPart = (file: StoredFile) => Object.fromEntries(['id', ...PICTURE_FIELDS].map((key) => [key, file[key] ?? null]));

/**
 * An organisation's logo and an activity's picture, set by its own editors.
 * The upload goes through Strapi's upload plugin (the media library, its
 * formats and provider), after we checked and re-encoded it. Nothing is left
 * half-done: a picture that could not be linked is removed again, and a
 * replaced picture is removed once nothing else uses it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const membership = () => strapi.service('api::organisation.membership') as any;
  const uploads = () => strapi.plugin('upload').service('upload') as any;

  /** Media fields are the same in every language: save through the document's Dutch version, or the one it has. */
  async function draftLocale(uid: string, documentId: string): Promise<string> {
    const rows = await strapi.db.query(uid as any).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] });
    const locales = rows.map((row: { locale: string }) => row.locale);
    return locales.includes('nl') ? 'nl' : locales[0];
  }

  async function currentFile(uid: string, field: string, documentId: string, locale: string): Promise<StoredFile | null> {
    const row = await strapi.db.query(uid as any).findOne({ where: { documentId, locale, publishedAt: null }, populate: { [field]: true } });
    return row?.[field] ?? null;
  }

  /** Staff may have used the same file elsewhere through the media library: only an unused file goes. */
  async function removeIfUnused(file: StoredFile | null) {
    if (!file) return;
    const { joinTable } = (strapi.db.metadata.get('plugin::upload.file') as any).attributes.related;
    const [{ uses }] = await strapi.db.connection(joinTable.name).where(joinTable.joinColumn.name, file.id).count({ uses: '*' });
    if (Number(uses) === 0) await uploads().remove(file);
  }

  async function owned(kind: PictureKind, userId: number, documentId: string) {
    const { uid, field, assert } = KINDS[kind];
    await membership()[assert](documentId, userId);
    const locale = await draftLocale(uid, documentId);
    return { uid, field, locale, previous: await currentFile(uid, field, documentId, locale) };
  }

  return {
    async set(kind: PictureKind, userId: number, documentId: string, { file, alternativeText }: PictureUpload) {
      const { uid, field, locale, previous } = await owned(kind, userId, documentId);
      const type = await sniffPictureType(file.filepath);
      if (!type) throw notAPicture();
      const clean = await cleanPicture(file.filepath, type, path.dirname(file.filepath)).catch(() => {
        throw notAPicture();
      });
      try {
        const baseName = path.parse(file.originalFilename ?? '').name.slice(0, 100) || kind;
        const [stored] = await uploads().upload({
          data: { fileInfo: { name: `${baseName}${clean.ext}`, alternativeText } },
          files: { filepath: clean.filepath, originalFilename: `${baseName}${clean.ext}`, mimetype: clean.mime, size: clean.size },
        });
        try {
          await saveDraftKeepingLive(strapi, uid, documentId, locale, { [field]: stored.id }, { everyLanguage: true });
        } catch (error) {
          await uploads().remove(stored);
          throw error;
        }
        await removeIfUnused(previous);
        return { [field]: publicPart(stored) };
      } finally {
        await fs.rm(clean.filepath, { force: true });
      }
    },

    async remove(kind: PictureKind, userId: number, documentId: string) {
      const { uid, field, locale, previous } = await owned(kind, userId, documentId);
      await saveDraftKeepingLive(strapi, uid, documentId, locale, { [field]: null }, { everyLanguage: true });
      await removeIfUnused(previous);
      return { [field]: null };
    },
  };
};
