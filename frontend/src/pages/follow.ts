import { ApiError, request } from '../api';
import { h, notice, replace } from '../dom';
import { count, t, type Key } from '../i18n';
import { runPage } from '../layout';
import { href, param } from '../paths';

interface LinkedFollow {
  id: number;
  type: string;
  title: string | null;
  frequency: string;
}

/** A 4xx the page explains itself; anything else is the page's error. */
function explain(status: HTMLElement, error: unknown, used: Key) {
  if (!(error instanceof ApiError) || error.status >= 500) throw error;
  replace(status, notice(error.code === 'link.used' ? t(used) : error.message, error.code === 'link.used' ? 'status' : 'error'));
}

/**
 * Where the confirmation mail of a follow by email lands (?confirm=). It
 * confirms only after a click: mail scanners open links, and a scanner's
 * visit must not start mail nobody asked for.
 */
function confirmPage(main: HTMLElement, token: string) {
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
      explain(status, error, 'followConfirmedAlready');
      if ((error as ApiError).code === 'link.used') button.remove();
    }
  });
  replace(main, h('h1', {}, t('followTitle')), h('p', {}, t('followConfirmAsk')), button, status);
}

/**
 * Where every follow mail's "manage" link lands (?manage=), and where its
 * one-click address sends a person who opens it: what this address follows,
 * each with a stop button, and "stop everything". Nothing stops before a click.
 */
async function managePage(main: HTMLElement, token: string) {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const stopUrl = `/api/follows/unsubscribe?token=${encodeURIComponent(token)}`;
  let follows: LinkedFollow[];
  try {
    follows = (await request<{ data: LinkedFollow[] }>('/api/follows/manage', { query: { token } })).data;
  } catch (error) {
    replace(main, h('h1', {}, t('followManageTitle')), status);
    return explain(status, error, 'followLinkUsed');
  }
  const nameOf = (follow: LinkedFollow) => `${t(`followType_${follow.type}` as Key)}: ${follow.title ?? t('followManageGone')}`;
  const list = h(
    'ul',
    { class: 'plain-list follow-list' },
    follows.map((follow) => {
      const stop = h('button', { type: 'button', class: 'secondary', 'aria-label': `${t('unfollowButton')}: ${nameOf(follow)}` }, t('unfollowButton'));
      const item = h('li', {}, h('span', {}, nameOf(follow), ' · ', t(`frequency_${follow.frequency}` as Key)), ' ', stop);
      stop.addEventListener('click', async () => {
        stop.disabled = true;
        try {
          await request(stopUrl, { method: 'POST', body: { data: { id: follow.id } } });
          item.remove();
          replace(status, notice(t('followStoppedOne', { name: nameOf(follow) })));
        } catch (error) {
          stop.disabled = false;
          explain(status, error, 'followLinkUsed');
        }
      });
      return item;
    })
  );
  const stopAll = h('button', { type: 'button' }, t('followStopAll'));
  stopAll.addEventListener('click', async () => {
    stopAll.disabled = true;
    try {
      await request(stopUrl, { method: 'POST', body: {} });
      list.remove();
      stopAll.remove();
      replace(status, notice(t('followStoppedAll')));
    } catch (error) {
      stopAll.disabled = false;
      explain(status, error, 'followLinkUsed');
    }
  });
  replace(
    main,
    h('h1', {}, t('followManageTitle')),
    follows.length ? [h('p', {}, t('followManageIntro')), list, stopAll] : h('p', {}, t('followManageEmpty')),
    status
  );
}

runPage(null, t('followTitle'), async (main) => {
  const confirm = param('confirm');
  const manage = param('manage');
  if (confirm) return confirmPage(main, confirm);
  if (manage) return managePage(main, manage);
  replace(main, h('h1', {}, t('followTitle')), h('p', {}, t('followHowTo')), h('p', {}, h('a', { href: href('home') }, t('navMap'))));
});
