import { SESSION_ENDED } from './api';
import { h } from './dom';
import { t } from './i18n';
import { loginForm } from './login-form';

const here = () => window.location.pathname + window.location.search;

/** Says the session has ended and offers a new login link that comes back to this page; `h1` when it is all the page shows. */
export function sessionEndedNotice(heading: 'h1' | 'h2' = 'h2'): HTMLElement {
  return h(
    'section',
    { class: 'session-ended', 'aria-labelledby': 'session-ended-heading' },
    // Announced when it appears; the heading names the section for those who browse by headings.
    h('div', { role: 'alert' }, h(heading, { id: 'session-ended-heading' }, t('sessionEndedHeading'))),
    loginForm(t('sessionEnded'), here())
  );
}

/**
 * When a request finds the session over (see api.ts), the header stops
 * saying who is logged in and the page offers the login at its top, once.
 */
export function watchSessionEnd(main: HTMLElement) {
  window.addEventListener(SESSION_ENDED, () => {
    document.querySelector('.account')?.remove();
    if (!main.querySelector('.session-ended')) main.prepend(sessionEndedNotice());
  });
}
