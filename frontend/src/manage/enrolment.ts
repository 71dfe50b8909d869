import type { Enrolee, EnrolmentSettings } from '../../../src/api/enrolment/contract';
import { API_URL, request } from '../api';
import { h, replace } from '../dom';
import { localInput } from '../../../src/lib/datetime-local';
import { formatDateTime } from '../format';
import { checkboxes, field, onSubmit, statusArea } from '../forms';
import { t } from '../i18n';
import { session } from '../session';
import type { MyActivity } from './types';

const OPTIONS = ['open', 'waitlist', 'perOccurrence'] as const;
const route = (activity: MyActivity) => `/api/my/activities/${encodeURIComponent(activity.documentId)}`;

function settingsForm(activity: MyActivity, settings: EnrolmentSettings | null, reload: () => Promise<void>): HTMLElement {
  const current = settings ?? { open: false, capacity: null, waitlist: true, deadline: null, perOccurrence: false, questions: [] };
  const status = statusArea();
  const form = h(
    'form',
    { class: 'enrolment-settings' },
    checkboxes(
      'options',
      t('enrolSettingsLegend'),
      OPTIONS.filter((option) => option !== 'perOccurrence' || activity.recurrence).map((option) => ({ value: option, label: t(`enrolOption_${option}`) })),
      OPTIONS.filter((option) => current[option])
    ),
    field({ name: 'places', label: t('capacityLabel'), type: 'number', value: current.capacity, hint: t('capacityHint') }),
    field({ name: 'deadline', label: t('enrolDeadlineLabel'), type: 'datetime-local', value: localInput(current.deadline) }),
    field({ name: 'questions', label: t('enrolQuestionsLabel'), value: current.questions.join('\n'), multiline: true, hint: t('enrolQuestionsHint') }),
    h('button', { type: 'submit' }, t('save')),
    status
  );
  onSubmit(form, status, async (values) => {
    const options = (values.options as string[] | null) ?? [];
    const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
    const enrolment = {
      open: options.includes('open'),
      waitlist: options.includes('waitlist'),
      ...(activity.recurrence ? { perOccurrence: options.includes('perOccurrence') } : {}),
      capacity: text('places') ? Number(text('places')) : null,
      deadline: text('deadline') ? new Date(text('deadline')).toISOString() : null,
      questions: text('questions').split('\n').map((q) => q.trim()).filter(Boolean),
    };
    await request(route(activity), { method: 'PUT', auth: true, body: { data: { enrolment } } });
    await reload();
    return t('saved');
  });
  return form;
}

/** The list as a spreadsheet: fetched with the session (a plain link would go without it) and handed to the browser as a download. */
async function downloadCsv(activity: MyActivity) {
  const response = await fetch(`${API_URL}${route(activity)}/enrolments?format=csv`, { headers: { Authorization: `Bearer ${session.jwt()}` } });
  if (!response.ok) throw new Error(response.statusText);
  const link = h('a', { href: URL.createObjectURL(await response.blob()), download: `inschrijvingen-${activity.slug}.csv` });
  link.click();
  URL.revokeObjectURL(link.href);
}

function enroleeTable(activity: MyActivity, enrolees: Enrolee[], questions: string[]): HTMLElement {
  if (!enrolees.length) return h('p', {}, t('enroleesNone'));
  const attended = (enrolee: Enrolee) => {
    const box = h('input', { type: 'checkbox', checked: enrolee.attended === true, 'aria-label': t('enroleeAttended', { name: enrolee.name }) });
    box.addEventListener('change', () =>
      void request(`${route(activity)}/enrolments/${enrolee.id}`, { method: 'PUT', auth: true, body: { data: { attended: box.checked } } }).catch(() => {
        box.checked = !box.checked;
      })
    );
    return enrolee.status === 'confirmed' ? box : '';
  };
  return h(
    'table',
    { class: 'enrolees' },
    h('caption', {}, t('enroleesCaption', { count: enrolees.length })),
    h(
      'thead',
      {},
      h('tr', {}, [t('enrolDate'), t('enrolName'), t('enrolEmail'), t('enroleeStatus'), ...questions, t('enroleeAttendedHeader')].map((title) => h('th', { scope: 'col' }, title)))
    ),
    h(
      'tbody',
      {},
      enrolees.map((enrolee) =>
        h(
          'tr',
          {},
          h('td', {}, enrolee.occurrence ? formatDateTime(enrolee.occurrence) : '–'),
          h('td', {}, enrolee.name),
          h('td', {}, enrolee.email),
          h('td', {}, enrolee.status === 'confirmed' ? t('enrolStatusConfirmed') : t('enrolStatusWaitlisted', { position: enrolee.position ?? '' })),
          questions.map((_q, index) => h('td', {}, enrolee.answers[index] ?? '')),
          h('td', {}, attended(enrolee))
        )
      )
    )
  );
}

function messageForm(activity: MyActivity): HTMLElement {
  const status = statusArea();
  const form = h(
    'form',
    { class: 'enrolee-message' },
    field({ name: 'subject', label: t('enrolMessageSubject'), required: true }),
    field({ name: 'message', label: t('enrolMessageText'), required: true, multiline: true }),
    h('button', { type: 'submit' }, t('enrolMessageSend')),
    status
  );
  onSubmit(form, status, async (values) => {
    const answer = await request<{ data: { recipients: number } }>(`${route(activity)}/enrolments/message`, {
      method: 'POST',
      auth: true,
      body: { data: { subject: values.subject, message: values.message } },
    });
    form.reset();
    return t('enrolMessageSent', { count: answer.data.recipients });
  });
  return form;
}

/**
 * "Inschrijvingen" in an activity of Mijn vermelding: whether and how it
 * takes enrolments, who is enrolled (confirmed, then the waiting list in
 * order), attendance, the list as CSV, and a message to everyone enrolled.
 */
export function enrolmentPanel(activity: MyActivity): HTMLElement {
  const body = h('div', {}, h('p', { role: 'status' }, t('loading')));
  const load = async () => {
    const { data, meta } = await request<{ data: Enrolee[]; meta: { settings: EnrolmentSettings | null } }>(`${route(activity)}/enrolments`, { auth: true });
    const questions = meta.settings?.questions ?? [];
    const csv = h('button', { type: 'button' }, t('enroleesCsv'));
    csv.addEventListener('click', () => void downloadCsv(activity));
    replace(
      body,
      settingsForm(activity, meta.settings, load),
      h('h4', {}, t('enroleesTitle')),
      enroleeTable(activity, data, questions),
      data.length ? csv : null,
      data.length ? h('h4', {}, t('enrolMessageTitle')) : null,
      data.length ? messageForm(activity) : null
    );
  };
  const panel = h('details', { class: 'enrolment-panel' }, h('summary', {}, t('enroleesSummary')), body);
  panel.addEventListener('toggle', () => {
    if (panel.open && body.querySelector('[role=status]')) void load().catch((error: Error) => replace(body, h('p', { role: 'alert' }, error.message)));
  });
  return panel;
}
