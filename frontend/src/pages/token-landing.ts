import { ApiError, request } from '../api';
import { h, replace } from '../dom';
import { field, onSubmit, statusArea } from '../forms';
import { t, type Key } from '../i18n';
import { notice, runPage, setTitle } from '../layout';
import { loginForm } from '../login-form';
import { href, param } from '../paths';
import { session, type User } from '../session';

/**
 * Where links in mails land: login/email (?token=), invitation (?token=)
 * and claim (?token=). Each posts the token to its API route and logs in.
 */
const ROUTES: Record<string, { endpoint: string; title: Key }> = {
  invitation: { endpoint: '/api/invitations/accept', title: 'invitationTitle' },
  claim: { endpoint: '/api/organisations/claim/callback', title: 'claimTitle' },
  email: { endpoint: '/api/auth/magic-link/callback', title: 'loginTitle' },
};

type LoginAnswer = { jwt: string; user: User } | { twoFactorRequired: true; challenge: string } | { twoFactorSetupRequired: true; challenge: string };

function landing() {
  const folder = window.location.pathname.split('/').filter(Boolean).pop() ?? 'email';
  return ROUTES[folder] ?? ROUTES.email;
}

function finish(main: HTMLElement, answer: { jwt: string; user: User }, fallback: string) {
  session.save(answer.jwt, answer.user);
  const next = session.takeReturn() ?? fallback;
  replace(main, h('h1', {}, t('loggedIn')), h('p', {}, h('a', { href: next }, t('continueTo'))));
  window.location.replace(next);
}

/** A login that needs a TOTP code: ask for it, then finish. */
function twoFactor(main: HTMLElement, challenge: string, fallback: string) {
  const status = statusArea();
  const form = h(
    'form',
    {},
    h('p', {}, t('twoFactorIntro')),
    field({ name: 'code', label: t('twoFactorLabel'), required: true, autocomplete: 'one-time-code' }),
    h('button', { type: 'submit' }, t('verify')),
    status
  );
  onSubmit(form, status, async ({ code }) => {
    finish(main, await request('/api/auth/2fa/verify', { method: 'POST', body: { challenge, code } }), fallback);
  });
  replace(main, h('h1', {}, t('loginTitle')), form);
  form.querySelector('input')?.focus();
}

const { endpoint, title } = landing();
runPage(null, t(title), async (main) => {
  const fallback = endpoint.includes('magic-link') ? href('home') : href('manage');
  replace(main, h('h1', {}, t(title)), h('p', { role: 'status' }, t('loggingIn')));
  try {
    const answer = await request<LoginAnswer>(endpoint, { method: 'POST', body: { token: param('token') } });
    if ('twoFactorRequired' in answer) twoFactor(main, answer.challenge, fallback);
    // Setting up an authenticator (a QR code) is for the admin's own tools, not for this public site.
    else if ('twoFactorSetupRequired' in answer) replace(main, h('h1', {}, t(title)), notice(t('twoFactorSetup'), 'error'));
    else finish(main, answer, fallback);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    setTitle(t(title));
    replace(main, h('h1', {}, t(title)), notice(t('linkInvalid'), 'error'), loginForm());
  }
});
