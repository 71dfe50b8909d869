/**
 * Every page of the site and its address, in one place: mails from the CMS
 * link to login/email, invitation, claim, reset-password and meedoen/…, so those paths
 * must match its FRONTEND_URL links. Folders (login/email/) are served as their index.html
 * by any static host; detail pages take a ?slug= query string.
 */
export const PAGES = {
  home: '',
  activity: 'activity.html',
  organisation: 'organisation.html',
  agenda: 'agenda.html',
  neighbourhood: 'neighbourhood.html',
  initiatives: 'initiatives.html',
  initiative: 'initiative.html',
  knowledge: 'knowledge.html',
  article: 'article.html',
  group: 'group.html',
  question: 'question.html',
  login: 'login/',
  loginEmail: 'login/email/',
  invitation: 'invitation/',
  claim: 'claim/',
  manage: 'manage/',
  resetPassword: 'reset-password/',
  enrolConfirm: 'meedoen/bevestigen/',
  enrolCancel: 'meedoen/afmelden/',
  myEnrolments: 'meedoen/mijn-inschrijvingen/',
} as const;

export type Page = keyof typeof PAGES;

type Params = Record<string, string | number | undefined | null>;

export function href(page: Page, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const search = query.toString();
  return `${import.meta.env.BASE_URL}${PAGES[page]}${search ? `?${search}` : ''}`;
}

/**
 * A page of this site to go back to after a login (from storage or from the
 * mail's ?next=), or null: anything that could lead to another site is refused.
 * The API accepts the same paths only (SITE_PATH in src/lib/validation.ts).
 */
export function sitePath(value: string | null | undefined): string | null {
  return value && /^\/(?![/\\])[^\\\s\p{Cc}]*$/u.test(value) ? value : null;
}

export const param = (name: string): string => new URLSearchParams(window.location.search).get(name)?.trim() ?? '';

/** The detail page of a search hit or map item. */
export const detailHref = (type: 'activity' | 'organisation' | 'initiative' | 'neighbourhood', slug: string) => href(type, { slug });
