import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ADMIN_VIEWS } from '../lib/admin-fields';
import { coded } from '../lib/error-codes';

/** Per content type, the fields the system sets (counting, clean-up, the quarterly check). */
const READ_ONLY: Record<string, string[]> = Object.fromEntries(
  Object.entries(ADMIN_VIEWS).map(([uid, view]) => [uid, Object.keys(view.fields).filter((name) => view.fields[name].readOnly)])
);

/** One form for a value as the admin panel sends it and as the database returns it. */
function comparable(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return value;
}

const fromAdminPanel = (strapi: Core.Strapi) => String(strapi.requestContext.get()?.request?.path ?? '').startsWith('/content-manager/');

/**
 * A save in the admin panel that changes a system-set field is refused with a
 * 400 naming the field, instead of answering "Saved" while the value is
 * silently set back (supportCount is recounted from the ledger after every
 * write). The fields are read-only in the edit view too (admin-views.ts);
 * this holds for any request to the content manager's API. Writes by the
 * system itself (plugins, jobs) do not come from the content manager.
 */
export function refuseReadOnlyChanges(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const fields = READ_ONLY[context.uid];
    if (!fields?.length || (context.action !== 'create' && context.action !== 'update') || !fromAdminPanel(strapi)) return next();
    const params = context.params as { documentId?: string; locale?: string; data?: Record<string, unknown> };
    const sent = fields.filter((name) => params.data && name in params.data);
    if (!sent.length) return next();
    const model = strapi.getModel(context.uid as any) as any;
    const stored =
      context.action === 'update' && params.documentId
        ? await strapi.db.query(context.uid as any).findOne({
            where: { documentId: params.documentId, publishedAt: null, ...(model.pluginOptions?.i18n?.localized && params.locale ? { locale: params.locale } : {}) },
            select: sent,
          })
        : null;
    const changed = sent.filter((name) => {
      const value = comparable(params.data![name]);
      // A new item may leave the field empty; it then gets its default.
      if (!stored) return value !== null && value !== comparable(model.attributes[name]?.default);
      return value !== comparable(stored[name]);
    });
    if (changed.length) {
      const message = `${changed.join(', ')} ${changed.length === 1 ? 'is' : 'are'} set by the system and cannot be changed here`;
      throw new errors.ValidationError(
        message,
        coded('field.read_only', { errors: changed.map((name) => ({ path: [name], message: `${name} is set by the system`, name: 'ValidationError' })) })
      );
    }
    return next();
  });
}
