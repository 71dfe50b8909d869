import { request } from './api';
import { h } from './dom';
import { field, onSubmit, statusArea } from './forms';
import { lang, t } from './i18n';
import { session } from './session';

/**
 * "Send me a login link": the mail's link lands on login/email, which logs
 * in and comes back to `returnTo` (this page by default).
 */
export function loginForm(intro = t('loginIntro'), returnTo?: string): HTMLFormElement {
  const status = statusArea();
  const form = h(
    'form',
    { class: 'login-form' },
    h('p', {}, intro),
    field({ name: 'email', label: t('emailLabel'), type: 'email', required: true, autocomplete: 'email' }),
    h('button', { type: 'submit' }, t('sendLink')),
    status
  );
  onSubmit(form, status, async ({ email }) => {
    const next = returnTo ?? window.location.pathname + window.location.search;
    session.rememberReturn(next);
    // Also in the link itself: it may be opened in another browser than this one.
    await request('/api/auth/magic-link', { method: 'POST', body: { email, language: lang, next } });
    return t('linkSent');
  });
  return form;
}
