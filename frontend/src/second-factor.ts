import { request } from './api';
import { h, notice, replace } from './dom';
import { field, onSubmit, statusArea } from './forms';
import { t } from './i18n';
import type { User } from './session';

export interface Session {
  jwt: string;
  user: User;
}

/** What every login route answers: a session, or a challenge when the account has (or must set up) a second factor. */
export type LoginAnswer = Session | { twoFactorRequired: true; challenge: string } | { twoFactorSetupRequired: true; challenge: string };

/** A login that needs a TOTP code: ask for it, then hand the session on. */
function askCode(main: HTMLElement, title: string, challenge: string, done: (session: Session) => void) {
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
    done(await request<Session>('/api/auth/2fa/verify', { method: 'POST', body: { challenge, code }, cookie: true }));
  });
  replace(main, h('h1', {}, title), form);
  form.querySelector('input')?.focus();
}

/** Ends any login (email link, invitation, claim, password reset): a session goes to `done`, a challenge asks for the code first. */
export function continueLogin(main: HTMLElement, title: string, answer: LoginAnswer, done: (session: Session) => void) {
  if ('twoFactorRequired' in answer) return askCode(main, title, answer.challenge, done);
  // Setting up an authenticator (a QR code) is for the admin's own tools, not for this public site.
  if ('twoFactorSetupRequired' in answer) return replace(main, h('h1', {}, title), notice(t('twoFactorSetup'), 'error'));
  done(answer);
}
