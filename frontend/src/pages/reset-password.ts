import { ApiError, request } from '../api';
import { h, notice, replace } from '../dom';
import { field, onSubmit, statusArea } from '../forms';
import { t } from '../i18n';
import { layout, runPage } from '../layout';
import { href, param } from '../paths';
import { session } from '../session';
import { continueLogin, type LoginAnswer, type Session } from '../second-factor';

/**
 * Where the CMS's password-reset mail lands (?code=): choose a new password
 * with users-permissions' POST /api/auth/reset-password, which also logs in.
 */

const isBadCode = (error: unknown) => error instanceof ApiError && error.code === 'password_reset.bad_code';

function badCode(main: HTMLElement) {
  replace(
    main,
    h('h1', {}, t('resetTitle')),
    notice(t('resetLinkInvalid'), 'error'),
    h('p', {}, h('a', { href: href('login') }, t('requestLoginLink')))
  );
}

function done(answer: Session) {
  session.save(answer.jwt, answer.user);
  // Drawn again so the header shows who is now logged in.
  const main = layout(null, t('resetTitle'));
  replace(main, h('h1', {}, t('resetTitle')), notice(t('resetDone')), h('p', {}, h('a', { href: href('manage') }, t('manageTitle'))));
  main.focus();
}

function resetForm(main: HTMLElement, code: string): HTMLFormElement {
  const status = statusArea();
  const password = { type: 'password', required: true, autocomplete: 'new-password' };
  const form = h(
    'form',
    { class: 'reset-password' },
    h('p', {}, t('resetIntro')),
    field({ name: 'password', label: t('newPasswordLabel'), ...password }),
    field({ name: 'passwordConfirmation', label: t('repeatPasswordLabel'), ...password }),
    h('button', { type: 'submit' }, t('resetButton')),
    status
  );
  onSubmit(form, status, async () => {
    // Read as typed: the shared form values are trimmed, and spaces are part of a password.
    const typed = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    try {
      const answer = await request<LoginAnswer>('/api/auth/reset-password', {
        method: 'POST',
        body: { code, password: typed('password'), passwordConfirmation: typed('passwordConfirmation') },
        cookie: true,
      });
      // The password is changed either way; an account with a second factor logs in only with its code.
      continueLogin(main, t('resetTitle'), answer, done);
    } catch (error) {
      if (!isBadCode(error)) throw error;
      badCode(main);
    }
  });
  return form;
}

runPage(null, t('resetTitle'), async (main) => {
  const code = param('code');
  if (!code) return badCode(main);
  replace(main, h('h1', {}, t('resetTitle')), resetForm(main, code));
});
