import type { EnrolAnswer, EnrolmentSummary } from '../../src/api/enrolment/contract';
import { request } from './api';
import { h } from './dom';
import { formatDateTime } from './format';
import { field, onSubmit, select, statusArea } from './forms';
import { lang, t } from './i18n';
import { session } from './session';

export type { EnrolmentSummary };


function places(placesLeft: number | null, waitlistKept: boolean): string {
  if (placesLeft === null) return t('enrolPlacesOpen');
  if (placesLeft === 0) return waitlistKept ? t('enrolFullWaitlist') : t('error.enrolment.full');
  return placesLeft === 1 ? t('enrolOnePlaceLeft') : t('enrolPlacesLeft', { count: placesLeft });
}

const outcome = ({ status, position }: EnrolAnswer) =>
  status === 'confirmed' ? t('enrolConfirmed') : status === 'waitlisted' ? t('enrolWaitlisted', { position: position ?? '' }) : t('enrolPending');

/**
 * The activity page's enrol form: name, an email unless the reader is logged
 * in, the date for a recurring activity, and the organisation's questions.
 * The answer (enrolled, waiting list position, or "confirm by mail") is read
 * out in the status area.
 */
export function enrolSection(documentId: string, enrolment: EnrolmentSummary | undefined): HTMLElement | null {
  if (!enrolment?.open) return null;
  const user = session.user();
  const dates = (enrolment.occurrences ?? []).map((o) => ({ value: o.occurrence, label: `${formatDateTime(o.occurrence)} – ${places(o.placesLeft, enrolment.waitlistKept)}` }));
  const status = statusArea();
  const form = h(
    'form',
    { class: 'enrol-form', novalidate: true },
    field({ name: 'name', label: t('enrolName'), required: true, autocomplete: 'name' }),
    user ? h('p', {}, t('enrolAs', { email: user.email })) : field({ name: 'email', label: t('enrolEmail'), type: 'email', required: true, autocomplete: 'email', hint: t('enrolEmailHint') }),
    enrolment.perOccurrence ? select('occurrence', t('enrolDate'), dates, dates[0]?.value) : null,
    enrolment.questions.map((question, index) => field({ name: `answer-${index}`, label: question })),
    h('button', { type: 'submit' }, t('enrolButton')),
    status
  );
  onSubmit(form, status, async (data) => {
    const answers = enrolment.questions.map((_q, index) => (data[`answer-${index}`] as string | null) ?? '');
    const body = {
      name: data.name,
      ...(user ? {} : { email: data.email }),
      ...(data.occurrence ? { occurrence: data.occurrence } : {}),
      ...(answers.length ? { answers } : {}),
    };
    const answer = await request<{ data: EnrolAnswer }>(`/api/activities/${encodeURIComponent(documentId)}/enrolments?locale=${lang}`, {
      method: 'POST',
      body: { data: body },
      auth: Boolean(user),
    });
    form.querySelector('button[type=submit]')?.setAttribute('hidden', '');
    return outcome(answer.data);
  });
  return h(
    'section',
    { class: 'enrol', 'aria-labelledby': 'enrol-title' },
    h('h2', { id: 'enrol-title' }, t('enrolTitle')),
    enrolment.perOccurrence ? null : h('p', {}, places(enrolment.placesLeft, enrolment.waitlistKept)),
    enrolment.deadline ? h('p', {}, t('enrolDeadline', { date: formatDateTime(enrolment.deadline) })) : null,
    form
  );
}
