import { ApiError, request } from '../api';
import { h, notice, replace } from '../dom';
import { t, type Key } from '../i18n';
import { runPage, setTitle } from '../layout';
import { loginForm } from '../login-form';
import { href, param, sitePath } from '../paths';
import { session } from '../session';
import { continueLogin, type LoginAnswer, type Session } from '../second-factor';

/**
 * Where links in mails land: login/email (?token=), invitation (?token=)
 * and claim (?token=). Each posts the token to its API route and logs in.
 */
const ROUTES: Record<string, { endpoint: string; title: Key }> = {
  invitation: { endpoint: '/api/invitations/accept', title: 'invitationTitle' },
  claim: { endpoint: '/api/organisations/claim/callback', title: 'claimTitle' },
  email: { endpoint: '/api/auth/magic-link/callback', title: 'loginTitle' },
};

function landing() {
  const folder = window.location.pathname.split('/').filter(Boolean).pop() ?? 'email';
  return ROUTES[folder] ?? ROUTES.email;
}

function finish(main: HTMLElement, answer: Session, fallback: string) {
  session.save(answer.jwt, answer.user);
  // The link's own page first: the browser that asked for it may not be this one.
  const stored = session.takeReturn();
  const next = sitePath(param('next')) ?? stored ?? fallback;
  replace(main, h('h1', {}, t('loggedIn')), h('p', {}, h('a', { href: next }, t('continueTo'))));
  window.location.replace(next);
}

const { endpoint, title } = landing();
runPage(null, t(title), async (main) => {
  const fallback = endpoint.includes('magic-link') ? href('home') : href('manage');
  replace(main, h('h1', {}, t(title)), h('p', { role: 'status' }, t('loggingIn')));
  try {
    const answer = await request<LoginAnswer>(endpoint, { method: 'POST', body: { token: param('token') }, cookie: true });
    continueLogin(main, t('loginTitle'), answer, (session) => finish(main, session, fallback));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    setTitle(t(title));
    replace(main, h('h1', {}, t(title)), notice(t('linkInvalid'), 'error'), loginForm());
  }
});
