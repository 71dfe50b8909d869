import './style.css';
import { logout, SessionEnded } from './api';
import { h, replace } from './dom';
import { lang, otherLang, switchLanguageHref, t, type Key } from './i18n';
import { href, type Page } from './paths';
import { session } from './session';
import { sessionEndedNotice, watchSessionEnd } from './session-ended';

const NAV: [Page, Key][] = [
  ['home', 'navMap'],
  ['agenda', 'navAgenda'],
  ['initiatives', 'navInitiatives'],
  ['knowledge', 'navKnowledge'],
  ['manage', 'navManage'],
];

function account(): HTMLElement | null {
  const user = session.user();
  if (!user) return null;
  const logoutHere = async () => {
    await logout();
    window.location.reload();
  };
  return h(
    'p',
    { class: 'account' },
    t('loggedInAs', { email: user.email }),
    ' ',
    h('button', { type: 'button', class: 'link-button', onclick: logoutHere }, t('logout'))
  );
}

/**
 * The frame every page shares: skip link, header with the main menu and the
 * language switch, one <main>, footer. Returns <main> for the page to fill.
 */
export function layout(current: Page | null, title: string): HTMLElement {
  document.documentElement.lang = lang;
  setTitle(title);
  const main = h('main', { id: 'main', tabindex: -1 });
  const nav = h(
    'nav',
    { 'aria-label': t('navLabel') },
    h(
      'ul',
      {},
      NAV.map(([page, key]) => h('li', {}, h('a', { href: href(page), 'aria-current': page === current ? 'page' : null }, t(key))))
    )
  );
  const languageSwitch = h(
    'a',
    { class: 'language', href: switchLanguageHref(), hreflang: otherLang, lang: otherLang, 'aria-label': t('switchLanguageLabel') },
    t('switchLanguage')
  );
  replace(
    document.body,
    h('a', { class: 'skip-link', href: '#main' }, t('skipLink')),
    h(
      'header',
      { class: 'site-header' },
      h('div', { class: 'brand' }, h('a', { href: href('home'), class: 'site-name' }, t('siteName')), h('span', { class: 'tagline' }, t('tagline'))),
      nav,
      h('div', { class: 'tools' }, account(), languageSwitch)
    ),
    main,
    h('footer', { class: 'site-footer' }, h('p', {}, t('footer')))
  );
  return main;
}

export function setTitle(title: string) {
  document.title = `${title} – ${t('siteName')}`;
}

/** Thrown by a page whose item does not exist (or is not public). */
export const notFound = () => Object.assign(new Error('Not found'), { status: 404 });

/** Replaces the page body with a "not found" or error message. */
export function showProblem(main: HTMLElement, error: unknown) {
  if (error instanceof SessionEnded) {
    setTitle(t('sessionEndedHeading'));
    return replace(main, sessionEndedNotice('h1'));
  }
  const missing = (error as { status?: number })?.status === 404;
  setTitle(missing ? t('notFound') : t('loadFailed', { message: '' }));
  replace(
    main,
    h('h1', {}, missing ? t('notFound') : t('loadFailed', { message: (error as Error).message })),
    missing ? h('p', {}, t('notFoundText')) : null,
    h('p', {}, h('a', { href: href('home') }, t('backToMap')))
  );
}

/** Runs a page: its body builder gets <main>; failures show a message instead of a blank page. */
export async function runPage(current: Page | null, title: string, build: (main: HTMLElement) => Promise<void>) {
  const main = layout(current, title);
  watchSessionEnd(main);
  main.append(h('p', { role: 'status', class: 'loading' }, t('loading')));
  try {
    await build(main);
  } catch (error) {
    showProblem(main, error);
  }
  main.querySelector('.loading')?.remove();
  document.body.dataset.ready = 'true';
}
