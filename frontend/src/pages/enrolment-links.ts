import type { OwnEnrolment } from '../../../src/api/enrolment/contract';
import { ApiError, request } from '../api';
import { h, notice, replace } from '../dom';
import { formatDateTime } from '../format';
import { t, type Key } from '../i18n';
import { runPage } from '../layout';
import { detailHref, param } from '../paths';

/**
 * Where the links in enrolment mails land: meedoen/bevestigen (confirm, at
 * once: the person asked for it), meedoen/afmelden (cancel: only after a
 * click, as mail scanners open links) and meedoen/mijn-inschrijvingen (every
 * enrolment of the address, each with its cancel button).
 */

const post = <T>(path: string, body: unknown) => request<{ data: T }>(path, { method: 'POST', body }).then((answer) => answer.data);
const token = param('token');

/** An error answer as the reader's words, in place of the page's content. */
async function showing(main: HTMLElement, title: Key, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    replace(main, h('h1', {}, t(title)), notice(error.message, 'error'));
  }
}

async function confirm(main: HTMLElement) {
  replace(main, h('h1', {}, t('enrolConfirmTitle')), h('p', { role: 'status' }, t('enrolConfirming')));
  await showing(main, 'enrolConfirmTitle', async () => {
    const answer = await post<{ status: 'confirmed' | 'waitlisted'; position?: number; activity: { slug: string; title: string } }>('/api/enrolments/confirm', { token });
    const text = answer.status === 'confirmed' ? t('enrolConfirmed') : t('enrolWaitlisted', { position: answer.position ?? '' });
    replace(main, h('h1', {}, t('enrolConfirmTitle')), notice(text), h('p', {}, h('a', { href: detailHref('activity', answer.activity.slug) }, answer.activity.title)));
  });
}

function cancel(main: HTMLElement) {
  const button = h('button', { type: 'button' }, t('enrolCancelButton'));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  button.addEventListener('click', () =>
    showing(main, 'enrolCancelTitle', async () => {
      button.disabled = true;
      await post('/api/enrolments/cancel', { token });
      button.remove();
      replace(status, notice(t('enrolCancelled')));
    })
  );
  replace(main, h('h1', {}, t('enrolCancelTitle')), h('p', {}, t('enrolCancelAsk')), button, status);
}

async function list(main: HTMLElement) {
  await showing(main, 'myEnrolmentsTitle', async () => {
    const own = await post<OwnEnrolment[]>('/api/enrolments/by-link', { token });
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const item = (enrolment: OwnEnrolment) => {
      const title = enrolment.activity.title ?? '';
      const button = h('button', { type: 'button', 'aria-label': t('enrolCancelThis', { title }) }, t('enrolCancelButton'));
      const row = h(
        'li',
        {},
        enrolment.activity.slug ? h('a', { href: detailHref('activity', enrolment.activity.slug) }, title) : title,
        enrolment.activity.startsAt ? ` – ${formatDateTime(enrolment.activity.startsAt)}` : '',
        ` – ${enrolment.status === 'confirmed' ? t('enrolStatusConfirmed') : t('enrolStatusWaitlisted', { position: enrolment.position ?? '' })} `,
        button
      );
      button.addEventListener('click', () =>
        showing(main, 'myEnrolmentsTitle', async () => {
          button.disabled = true;
          await post('/api/enrolments/by-link/cancel', { token, id: enrolment.id });
          row.remove();
          replace(status, notice(t('enrolCancelled')));
        })
      );
      return row;
    };
    replace(main, h('h1', {}, t('myEnrolmentsTitle')), own.length ? h('ul', { class: 'enrolments' }, own.map(item)) : h('p', {}, t('myEnrolmentsEmpty')), status);
  });
}

const folder = window.location.pathname.split('/').filter(Boolean).pop();
const PAGES: Record<string, { title: Key; build: (main: HTMLElement) => Promise<void> | void }> = {
  bevestigen: { title: 'enrolConfirmTitle', build: confirm },
  afmelden: { title: 'enrolCancelTitle', build: cancel },
  'mijn-inschrijvingen': { title: 'myEnrolmentsTitle', build: list },
};
const page = PAGES[folder ?? ''] ?? PAGES['mijn-inschrijvingen'];
runPage(null, t(page.title), async (main) => page.build(main));
