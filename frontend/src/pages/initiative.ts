import { bySlug, countView, request, SESSION_ENDED, type Named } from '../api';
import { externalLink, facts } from '../details';
import { h, notice, paragraphs, replace } from '../dom';
import { formatDate } from '../format';
import { count, t, type Key } from '../i18n';
import { notFound, runPage, setTitle } from '../layout';
import { loginForm } from '../login-form';
import { detailHref, param } from '../paths';
import { session } from '../session';
import { followSection } from '../follow-box';
import { historySection, reactionsSection } from '../initiative-progress';

interface Initiative {
  documentId: string;
  title: string;
  summary?: string;
  description?: string;
  stage: string;
  supportCount: number;
  supportUntil?: string | null;
  theme?: Named | null;
  neighbourhood?: Named | null;
  subsidies?: (Named & { url?: string })[];
}

interface SupportState {
  supportCount: number;
  supported: boolean;
}

/** Support or withdraw, with the count and a spoken confirmation updated in place. */
function supportBox(initiative: Initiative): HTMLElement {
  const path = `/api/idea-support/initiatives/${initiative.documentId}/support`;
  const counter = h('p', { class: 'support-count' });
  const state = h('p', { class: 'supported-note' });
  const message = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'support-button' });
  const box = h('section', { class: 'support', 'aria-labelledby': 'support-heading' }, h('h2', { id: 'support-heading' }, t('supportButton')), counter);
  let current: SupportState = { supportCount: initiative.supportCount ?? 0, supported: false };

  const render = () => {
    counter.textContent = count('supportCountOne', 'supportCount', current.supportCount);
    state.textContent = current.supported ? t('supportedNote') : '';
    button.textContent = current.supported ? t('withdrawButton') : t('supportButton');
  };
  render();
  if (initiative.supportUntil && new Date(initiative.supportUntil) > new Date()) box.append(h('p', {}, t('supportUntil', { date: formatDate(initiative.supportUntil) })));
  if (!session.jwt()) {
    box.append(loginForm(t('loginToSupport')));
    return box;
  }
  box.append(state, button, message);
  // Without a session the button would only fail: the page's top now offers the login.
  window.addEventListener(SESSION_ENDED, () => button.remove());
  button.addEventListener('click', async () => {
    const withdrawing = current.supported;
    button.disabled = true;
    try {
      current = (await request<{ data: SupportState }>(path, { method: withdrawing ? 'DELETE' : 'POST', auth: true })).data;
      render();
      replace(message, notice(withdrawing ? t('withdrawDone') : t('supportDone')));
    } catch (error) {
      replace(message, notice((error as Error).message, 'error'));
    } finally {
      button.disabled = false;
    }
  });
  void request<{ data: SupportState }>(path, { auth: true }).then(
    ({ data }) => {
      current = data;
      render();
    },
    () => undefined
  );
  return box;
}

runPage(null, t('typeInitiative'), async (main) => {
  const initiative = await bySlug<Initiative>('initiatives', param('slug'), {
    populate: { theme: { fields: ['name', 'slug'] }, neighbourhood: { fields: ['name', 'slug'] }, subsidies: { fields: ['name', 'slug', 'url'] } },
  });
  if (!initiative) throw notFound();
  countView('initiative', initiative.documentId);
  setTitle(initiative.title);
  const [follow, history, reactions] = await Promise.all([
    followSection('initiative', initiative.documentId),
    historySection(initiative.documentId),
    reactionsSection(initiative.documentId),
  ]);
  replace(
    main,
    h('p', { class: 'kicker' }, t('typeInitiative')),
    h('h1', {}, initiative.title),
    initiative.summary ? h('p', { class: 'intro' }, initiative.summary) : null,
    facts([
      [t('stageLabel'), t(`stage_${initiative.stage}` as Key)],
      [t('theme'), initiative.theme?.name],
      [t('neighbourhoodLabel'), initiative.neighbourhood ? h('a', { href: detailHref('neighbourhood', initiative.neighbourhood.slug) }, initiative.neighbourhood.name) : null],
    ]),
    supportBox(initiative),
    history,
    follow,
    paragraphs(initiative.description),
    initiative.subsidies?.length
      ? [h('h2', {}, t('subsidies')), h('ul', { class: 'plain-list' }, initiative.subsidies.map((s) => h('li', {}, externalLink(s.url, s.name) ?? s.name)))]
      : null,
    reactions
  );
});
