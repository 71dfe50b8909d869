import * as React from 'react';
import { Button, Checkbox, Field, Flex, Textarea, TextInput } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { localInput } from '../../lib/datetime-local';
import { refusal, useEnrolmentApi, type EnrolmentSettings } from './api';
import type { Texts } from './texts';

export const SETTINGS_DEFAULTS: EnrolmentSettings = { open: false, capacity: null, waitlist: true, deadline: null, perOccurrence: false, questions: [] };

/** A refusal in the staff member's words: the server's codes for what a capacity or mode change may not do. */
function refusedText(text: Texts, error: unknown, formatDate: (iso: string) => string) {
  const { message, details } = refusal(error);
  if (details?.code === 'enrolment.capacity_below_confirmed') {
    const date = details.occurrence && details.occurrence !== 'series' ? formatDate(details.occurrence) : '';
    return text.capacityBelow(details.confirmed ?? 0, date);
  }
  if (details?.code === 'enrolment.mode_locked') return text.modeLocked;
  return message ? `${text.saveFailed}: ${message}` : text.saveFailed;
}

interface Props {
  documentId: string;
  settings: EnrolmentSettings | null;
  /** Only a recurring activity can take enrolments per date. */
  recurring: boolean;
  text: Texts;
  formatDate: (iso: string) => string;
  onSaved: () => void;
}

/** Whether and how an activity takes enrolments: what its organisation sets under Mijn vermelding, here for staff. */
export function SettingsForm({ documentId, settings, recurring, text, formatDate, onSaved }: Props) {
  const api = useEnrolmentApi(documentId);
  const { toggleNotification } = useNotification();
  const current = settings ?? SETTINGS_DEFAULTS;
  const [open, setOpen] = React.useState(current.open);
  const [waitlist, setWaitlist] = React.useState(current.waitlist);
  const [perOccurrence, setPerOccurrence] = React.useState(current.perOccurrence);
  const [capacity, setCapacity] = React.useState(current.capacity === null ? '' : String(current.capacity));
  const [deadline, setDeadline] = React.useState(localInput(current.deadline));
  const [questions, setQuestions] = React.useState(current.questions.join('\n'));
  const [busy, setBusy] = React.useState(false);

  const save = async () => {
    setBusy(true);
    try {
      await api.saveSettings({
        open,
        waitlist,
        perOccurrence: recurring && perOccurrence,
        capacity: capacity.trim() === '' ? null : Number(capacity),
        deadline: deadline ? new Date(deadline).toISOString() : null,
        questions: questions.split('\n').map((q) => q.trim()).filter(Boolean),
      });
      toggleNotification({ type: 'success', message: text.saved });
      onSaved();
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusedText(text, error, formatDate) });
    } finally {
      setBusy(false);
    }
  };

  const checkbox = (label: string, checked: boolean, set: (on: boolean) => void) => (
    <Checkbox checked={checked} onCheckedChange={(value: boolean | 'indeterminate') => set(value === true)}>
      {label}
    </Checkbox>
  );

  return (
    // No <form>: the panel sits inside the edit view's own form, and a submit would bubble up and save the document.
    <Flex role="group" aria-label={text.title} direction="column" alignItems="stretch" gap={3}>
      {checkbox(text.open, open, setOpen)}
      {checkbox(text.waitlist, waitlist, setWaitlist)}
      {recurring && checkbox(text.perOccurrence, perOccurrence, setPerOccurrence)}
      <Field.Root name="enrolment-capacity" hint={text.capacityHint}>
        <Field.Label>{text.capacity}</Field.Label>
        <TextInput type="number" min={1} value={capacity} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCapacity(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="enrolment-deadline">
        <Field.Label>{text.deadline}</Field.Label>
        <TextInput type="datetime-local" value={deadline} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDeadline(e.target.value)} />
      </Field.Root>
      <Field.Root name="enrolment-questions" hint={text.questionsHint}>
        <Field.Label>{text.questions}</Field.Label>
        <Textarea value={questions} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setQuestions(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Button variant="secondary" loading={busy} fullWidth onClick={save}>
        {text.save}
      </Button>
    </Flex>
  );
}
