import { request } from './api';
import { h, notice, replace } from './dom';
import { field, onSubmit, select, statusArea } from './forms';
import { count, lang, t, type Key } from './i18n';
import { session } from './session';

export type FollowType = 'initiative' | 'organisation' | 'neighbourhood' | 'category' | 'group';
type Frequency = 'immediate' | 'daily' | 'weekly';
interface OwnFollow {
  id: number;
  type: FollowType;
  documentId: string;
  frequency: Frequency;
}

const FREQUENCIES: Frequency[] = ['immediate', 'daily', 'weekly'];
const frequencyName = (frequency: Frequency) => t(`frequency_${frequency}` as Key);
const frequencyChoice = (selected: Frequency) =>
  select('frequency', t('followFrequency'), FREQUENCIES.map((value) => ({ value, label: frequencyName(value) })), selected);

/** The signed-in reader's follow of this item, if any (a failing read shows the form as for a new follow). */
async function ownFollow(type: FollowType, documentId: string): Promise<OwnFollow | undefined> {
  const mine = await request<{ data: OwnFollow[] }>('/api/my/follows', { auth: true }).catch(() => ({ data: [] as OwnFollow[] }));
  return mine.data.find((follow) => follow.type === type && follow.documentId === documentId);
}

/**
 * "Volgen" on an item's page: how many follow it (never who), and a form to
 * follow it. Signed in: follow, change how often, or stop. Otherwise by email
 * address, which its owner confirms by mail first.
 */
export async function followSection(type: FollowType, documentId: string): Promise<HTMLElement> {
  const user = session.user();
  const [followers, own] = await Promise.all([
    request<{ data: { followers: number } }>('/api/follows/count', { query: { type, documentId } }).then((answer) => answer.data.followers).catch(() => null),
    user ? ownFollow(type, documentId) : Promise.resolve(undefined),
  ]);
  const status = statusArea();
  const form = h(
    'form',
    { class: 'follow-form', novalidate: true },
    user ? null : field({ name: 'email', label: t('followEmail'), type: 'email', required: true, autocomplete: 'email' }),
    frequencyChoice(own?.frequency ?? 'weekly'),
    h('button', { type: 'submit' }, own ? t('followSave') : t('followButton'))
  );
  let followId = own?.id;
  const stop = h('button', { type: 'button', class: 'secondary', hidden: !followId }, t('unfollowButton'));
  stop.addEventListener('click', async () => {
    stop.disabled = true;
    try {
      await request(`/api/my/follows/${followId}`, { method: 'DELETE', auth: true });
      followId = undefined;
      stop.hidden = true;
      replace(status, notice(t('followEnded')));
    } catch (error) {
      replace(status, notice((error as Error).message, 'error'));
    } finally {
      stop.disabled = false;
    }
  });
  onSubmit(form, status, async (data) => {
    const chosen = data.frequency as Frequency;
    if (!user) {
      await request('/api/follows', { method: 'POST', body: { data: { email: data.email, type, documentId, frequency: chosen, language: lang } } });
      return t('followCheckMail');
    }
    const answer = await request<{ data: OwnFollow }>('/api/my/follows', { method: 'POST', body: { data: { type, documentId, frequency: chosen } }, auth: true });
    followId = answer.data.id;
    stop.hidden = false;
    return t('followingNow', { frequency: frequencyName(answer.data.frequency).toLowerCase() });
  });
  return h(
    'section',
    { class: 'follow', 'aria-labelledby': 'follow-title' },
    h('h2', { id: 'follow-title' }, t('followHeading')),
    followers === null ? null : h('p', { class: 'meta' }, count('followersOne', 'followersMany', followers)),
    h('p', {}, user ? t('followIntro') : t('followIntroByEmail')),
    form,
    stop,
    status
  );
}
