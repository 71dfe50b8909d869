import type { Core } from '@strapi/strapi';
import { UIDS, type ImportType, type RowProblem } from './types';
import type { RowPlan } from './plan';
import type { Data } from './validate';

/** Imported items go live at once; an organisation counts as approved by staff. */
export const dutchData = (type: ImportType, nl: Data): Data => (type === 'organisations' ? { ...nl, approvalStatus: 'approved' } : nl);

/**
 * Changed items (and new ones with writer `document-service`) go through
 * the Document Service, so the archive guard, i18n and lifecycles see them
 * like an item saved in the admin panel.
 */
export async function writeRow(strapi: Core.Strapi, type: ImportType, write: NonNullable<RowPlan['write']>): Promise<string> {
  const documents = strapi.documents(UIDS[type] as any);
  const nl = dutchData(type, write.nl);
  let documentId = write.documentId;
  if (documentId) {
    await documents.update({ documentId, locale: 'nl', data: nl, status: 'published' } as any);
  } else {
    documentId = ((await documents.create({ data: { ...nl, slug: write.slug }, locale: 'nl', status: 'published' } as any)) as any).documentId as string;
  }
  // The English version is published too, also when only Dutch cells changed: it shares the non-localized fields.
  if (write.hasEnglish) {
    await documents.update({ documentId, locale: 'en', data: { ...(write.en ?? {}), slug: write.slug }, status: 'published' } as any);
  }
  return documentId;
}

// knex puts the whole statement before the database's own words: "insert into … values (…) - <reason>".
const QUERY_PREFIX = /^\s*(insert|update|delete|select|with)\b[\s\S]* - /i;
const withoutQuery = (message: string) => message.replace(QUERY_PREFIX, '');

/** A refused write as a row problem: Strapi's validation names the field, anything else is a reason of its own. */
export function writeProblem(error: unknown): RowProblem {
  const { message, details } = error as { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } };
  const first = details?.errors?.[0];
  return { field: first?.path?.join('.') || '(row)', reason: `not saved: ${first?.message ?? (message ? withoutQuery(message) : String(error))}` };
}
