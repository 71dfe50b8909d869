import type { Core } from '@strapi/strapi';
import { settings } from '../lib/settings';

export type Language = 'nl' | 'en';
export const LANGUAGES: Language[] = ['nl', 'en'];
export const languageOf = (...candidates: unknown[]): Language =>
  (candidates.find((c) => c === 'nl' || c === 'en') as Language | undefined) ?? 'nl';

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

/** One mail in one language: a subject and paragraphs; URLs become links in the HTML part. */
export interface MailText {
  subject: string;
  paragraphs: string[];
}

/** How every mail ends. */
export const SIGNATURE: Record<Language, string> = { nl: 'Met vriendelijke groet,\nbuurtplein', en: 'Kind regards,\nbuurtplein' };

/** The first lines of a longer text (an answer, an official reply): the mail invites to read it all where it stands. */
const EXCERPT = 300;
export const excerptOf = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Our own links stand in a paragraph of their own; only those become <a>.
 * A web address inside a sentence may come from what someone typed (an
 * organisation's name, a title): it stays plain, escaped text.
 */
const OWN_LINK = /^https?:\/\/\S+$/;
const paragraphHtml = (p: string) => {
  const html = escapeHtml(p);
  return OWN_LINK.test(p) ? `<a href="${html}">${html}</a>` : html.replace(/\n/g, '<br>');
};

export function renderMail(language: Language, texts: Record<Language, MailText>): Mail {
  const { subject, paragraphs } = texts[language];
  return {
    subject,
    text: paragraphs.join('\n\n') + '\n',
    html: `<!doctype html><html lang="${language}"><body>${paragraphs.map((p) => `<p>${paragraphHtml(p)}</p>`).join('')}</body></html>`,
  };
}

export type FormOfAddress = 'je' | 'u';

/**
 * Dutch texts are written once with both forms where they differ,
 * `{{kun je|kunt u}}`; the town chooses one (MAIL_FORM_OF_ADDRESS) and every
 * mail speaks with that voice.
 */
export const addressed = (text: string, form: FormOfAddress) => text.replace(/\{\{([^{}|]*)\|([^{}|]*)\}\}/g, (_, je: string, u: string) => (form === 'u' ? u : je));

/** The mail in the town's voice (MAIL_FORM_OF_ADDRESS). */
export function inTownVoice(strapi: Core.Strapi, mail: Mail): Mail {
  const form = settings(strapi).formOfAddress;
  return { subject: addressed(mail.subject, form), text: addressed(mail.text, form), html: addressed(mail.html, form) };
}

export async function sendMail(strapi: Core.Strapi, to: string | string[], mail: Mail) {
  await strapi.plugin('email').service('email').send({ to, ...inTownVoice(strapi, mail) });
}

/**
 * Sends after the response: the caller's answer and timing must not depend on
 * whether an account exists or how fast SMTP is. Failures are logged.
 */
export function sendLater(strapi: Core.Strapi, label: string, task: () => Promise<unknown>) {
  setImmediate(() => {
    task().catch((error: Error) => strapi.log.error(`[mail] ${label} failed: ${error.message}`));
  });
}

/** A page's path on the public website, which may live under a path of its own (FRONTEND_URL https://town.example/buurtplein). */
export function sitePath(strapi: Core.Strapi, path: string) {
  return `${new URL(String(strapi.config.get('buurtplein.frontendUrl'))).pathname.replace(/\/+$/, '')}${path}`;
}

/** Where links in mails point: the public website, which posts the token back to the API. */
export function frontendLink(strapi: Core.Strapi, path: string, params: Record<string, string> = {}) {
  const base = String(strapi.config.get('buurtplein.frontendUrl')).replace(/\/+$/, '');
  const query = new URLSearchParams(params).toString();
  // A link without parameters ends at its path: the approval mail's ended in a bare "?".
  return query ? `${base}${path}?${query}` : `${base}${path}`;
}
