import { ApiError, request } from '../api';
import { h, notice, replace } from '../dom';
import { count, t } from '../i18n';
import { runPage } from '../layout';
import { href, param } from '../paths';

/**
 * Where the confirmation mail of a follow by email lands (?confirm=). It
 * confirms only after a click: mail scanners open links, and a scanner's
 * visit must not start mail nobody asked for.
 */
runPage(null, t('followTitle'), async (main) => {
  const token = param('confirm');
  if (!token) {
    replace(main, h('h1', {}, t('followTitle')), h('p', {}, t('followHowTo')), h('p', {}, h('a', { href: href('home') }, t('navMap'))));
    return;
  }
  const button = h('button', { type: 'button' }, t('followConfirmButton'));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { data } = await request<{ data: { confirmed: number } }>('/api/follows/confirm', { method: 'POST', body: { token } });
      button.remove();
      replace(status, notice(count('followConfirmedOne', 'followConfirmedMany', data.confirmed)));
    } catch (error) {
      button.disabled = false;
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      if (error.code === 'link.used') {
        button.remove();
        return replace(status, notice(t('followConfirmedAlready')));
      }
      replace(status, notice(error.message, 'error'));
    }
  });
  replace(main, h('h1', {}, t('followTitle')), h('p', {}, t('followConfirmAsk')), button, status);
});
