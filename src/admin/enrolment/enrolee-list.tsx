import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Modal, SingleSelect, SingleSelectOption, Table, Tbody, Td, Textarea, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { refusal, useEnrolmentApi, type Enrolee } from './api';
import type { Texts } from './texts';

const ALL = 'all';

interface Props {
  documentId: string;
  title: string;
  enrolees: Enrolee[];
  questions: string[];
  text: Texts;
  formatDate: (iso: string) => string;
  onChanged: () => void;
}

function AttendedBox({ documentId, enrolee, text, onChanged }: { documentId: string; enrolee: Enrolee; text: Texts; onChanged: () => void }) {
  const api = useEnrolmentApi(documentId);
  const { toggleNotification } = useNotification();
  const [attended, setAttended] = React.useState(enrolee.attended === true);
  if (enrolee.status !== 'confirmed') return null;
  const change = async (on: boolean) => {
    setAttended(on);
    try {
      await api.markAttendance(enrolee.id, on);
      onChanged();
    } catch {
      setAttended(!on);
      toggleNotification({ type: 'danger', message: text.attendanceFailed });
    }
  };
  return <Checkbox aria-label={text.attendedOf(enrolee.name)} checked={attended} onCheckedChange={(value: boolean | 'indeterminate') => void change(value === true)} />;
}

function MessageForm({ documentId, occurrence, text }: { documentId: string; occurrence?: string; text: Texts }) {
  const api = useEnrolmentApi(documentId);
  const { toggleNotification } = useNotification();
  const [subject, setSubject] = React.useState('');
  const [message, setMessage] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const { recipients } = await api.message(subject, message, occurrence);
      toggleNotification({ type: 'success', message: text.sent(recipients) });
      setSubject('');
      setMessage('');
    } catch (error) {
      const reason = refusal(error).message;
      toggleNotification({ type: 'danger', message: reason ? `${text.sendFailed}: ${reason}` : text.sendFailed });
    } finally {
      setBusy(false);
    }
  };
  return (
    // No <form>: React carries a submit from this dialog up to the edit view's own form, which would save the document.
    <Flex role="group" aria-label={text.messageTitle} direction="column" alignItems="stretch" gap={2}>
      <Typography variant="delta" tag="h3">
        {text.messageTitle}
      </Typography>
      <Field.Root name="enrolment-message-subject" required>
        <Field.Label>{text.subject}</Field.Label>
        <TextInput value={subject} maxLength={150} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSubject(e.target.value)} />
      </Field.Root>
      <Field.Root name="enrolment-message-text" required>
        <Field.Label>{text.message}</Field.Label>
        <Textarea value={message} maxLength={5000} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setMessage(e.target.value)} />
      </Field.Root>
      <Box>
        <Button loading={busy} disabled={!subject.trim() || !message.trim()} onClick={send}>
          {text.send}
        </Button>
      </Box>
    </Flex>
  );
}

/** Hands the server's CSV (every cell safe for spreadsheets) to the browser as a download. */
async function download(blob: Blob, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Who is enrolled, in a dialog over the edit view: confirmed first, then the
 * waiting list in order, per date for a recurring activity; attendance, the
 * CSV and a message to everyone on the list shown.
 */
export function EnroleeList({ documentId, title, enrolees, questions, text, formatDate, onChanged }: Props) {
  const api = useEnrolmentApi(documentId);
  const dates = [...new Set(enrolees.map((e) => e.occurrence).filter((d): d is string => d !== null))];
  const [date, setDate] = React.useState(ALL);
  const occurrence = date === ALL ? undefined : date;
  const shown = occurrence ? enrolees.filter((e) => e.occurrence === occurrence) : enrolees;
  // A date column only where people enrol per date.
  const columns = [...(dates.length ? [text.date] : []), text.name, text.email, text.status, ...questions, text.attended];

  return (
    <Modal.Root>
      <Modal.Trigger>
        <Button variant="tertiary" fullWidth>
          {text.showList}
        </Button>
      </Modal.Trigger>
      {/* Wide enough for the list with three questions, on a laptop screen. */}
      <Modal.Content style={{ width: 'min(110rem, 94vw)', maxWidth: 'none' }}>
        <Modal.Header closeLabel={text.close}>
          <Modal.Title>{text.listTitle(title)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {dates.length > 1 && (
              <Field.Root name="enrolment-date">
                <Field.Label>{text.dateFilter}</Field.Label>
                <SingleSelect value={date} onChange={(value: string | number) => setDate(String(value))}>
                  <SingleSelectOption value={ALL}>{text.allDates}</SingleSelectOption>
                  {dates.map((each) => (
                    <SingleSelectOption key={each} value={each}>
                      {formatDate(each)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
            {shown.length === 0 ? (
              <Typography>{text.none}</Typography>
            ) : (
              <Table colCount={columns.length} rowCount={shown.length + 1}>
                <Thead>
                  <Tr>
                    {columns.map((column) => (
                      <Th key={column}>
                        <Typography variant="sigma">{column}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {shown.map((enrolee) => (
                    <Tr key={enrolee.id}>
                      {dates.length > 0 && (
                        <Td>
                          <Typography>{enrolee.occurrence ? formatDate(enrolee.occurrence) : text.series}</Typography>
                        </Td>
                      )}
                      <Td>
                        <Typography>{enrolee.name}</Typography>
                      </Td>
                      <Td>
                        <Typography>{enrolee.email}</Typography>
                      </Td>
                      <Td>
                        <Typography>{enrolee.status === 'confirmed' ? text.confirmed : text.waiting(enrolee.position ?? 0)}</Typography>
                      </Td>
                      {questions.map((question, index) => (
                        <Td key={question}>
                          <Typography>{enrolee.answers[index] ?? ''}</Typography>
                        </Td>
                      ))}
                      <Td>
                        <AttendedBox documentId={documentId} enrolee={enrolee} text={text} onChanged={onChanged} />
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
            {shown.length > 0 && <MessageForm documentId={documentId} occurrence={occurrence} text={text} />}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="secondary" disabled={shown.length === 0} onClick={async () => download(await api.csv(occurrence), `inschrijvingen-${documentId}.csv`)}>
            {text.csv}
          </Button>
          <Modal.Close>
            <Button variant="tertiary">{text.close}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}
