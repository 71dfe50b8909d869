import * as React from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Eye, PaperPlane } from '@strapi/icons';
import { ConfirmButton, RunStatus, serverMessage } from '@buurtplein/plugin-kit/admin';
import { useIntl } from 'react-intl';
import { useRemindersApi, type RunResult } from '../api/reminders';
import { PERIOD, currentPeriod, getTranslation, languageName } from '../pluginId';

function Count({ label, value, color = 'neutral800' }: { label: string; value: number; color?: string }) {
  return (
    <Box background="neutral100" hasRadius padding={4} minWidth="14rem">
      <Typography tag="dt" variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography tag="dd" variant="alpha" textColor={color} margin={0}>
        {value}
      </Typography>
    </Box>
  );
}

/** Who a dry run would mail: the first 200 by name, in a scrolling region. */
function Recipients({ result }: { result: RunResult }) {
  const { formatMessage } = useIntl();
  const headingId = React.useId();
  const recipients = result.recipients ?? [];
  const count = result.wouldSend ?? recipients.length;
  if (!recipients.length) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography id={headingId} tag="h3" variant="epsilon" fontWeight="bold">
        {formatMessage({ id: getTranslation('run.recipients.title'), defaultMessage: 'Would get a mail ({count})' }, { count })}
      </Typography>
      {/* Focusable so keyboard users can scroll a long list. */}
      <Box role="region" aria-labelledby={headingId} tabIndex={0} maxHeight="40rem" overflow="auto">
        <Table colCount={3} rowCount={recipients.length + 1}>
          <Thead>
            <Tr>
              <Th role="columnheader" textAlign="left">
                <Typography variant="sigma">{formatMessage({ id: getTranslation('run.recipients.name'), defaultMessage: 'Organisation' })}</Typography>
              </Th>
              <Th role="columnheader" textAlign="left">
                <Typography variant="sigma">{formatMessage({ id: getTranslation('run.recipients.email'), defaultMessage: 'Reminder email' })}</Typography>
              </Th>
              <Th role="columnheader" textAlign="left">
                <Typography variant="sigma">{formatMessage({ id: getTranslation('run.recipients.language'), defaultMessage: 'Language' })}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {recipients.map((recipient) => (
              <Tr key={recipient.documentId}>
                <Th role="rowheader" textAlign="left">
                  <Typography textColor="neutral800">{recipient.name}</Typography>
                </Th>
                <Td>
                  <Typography>{recipient.email}</Typography>
                </Td>
                <Td>
                  <Typography>{formatMessage(languageName(recipient.language))}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
      {count > recipients.length && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('run.recipients.partial'), defaultMessage: 'The first {shown} of {count} are listed.' },
            { shown: recipients.length, count }
          )}
        </Typography>
      )}
    </Flex>
  );
}

/** The counts of the run just done; a dry run counts who would get a mail. */
function Result({ result }: { result: RunResult }) {
  const { formatMessage } = useIntl();
  const label = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`run.result.${key}`), defaultMessage });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex tag="dl" gap={3} wrap="wrap" margin={0}>
        {result.dryRun ? (
          <Count label={label('wouldSend', 'Would get a mail')} value={result.wouldSend ?? 0} />
        ) : (
          <>
            <Count label={label('sent', 'Sent')} value={result.sent} color="success600" />
            <Count label={label('failed', 'Failed')} value={result.failed} color={result.failed ? 'danger600' : 'neutral800'} />
          </>
        )}
        <Count label={label('skipped', 'Already had this quarter’s mail')} value={result.skipped} />
      </Flex>
      {result.dryRun && <Recipients result={result} />}
    </Flex>
  );
}

/**
 * Run the reminders by hand: a dry run lists who would get a mail, "Send
 * now" (after a confirmation) mails them. Organisations that already had the
 * period's mail are skipped, so sending twice is safe.
 */
export function RunPanel({ onSent }: { onSent: () => void }) {
  const { formatMessage } = useIntl();
  const api = useRemindersApi();
  const [period, setPeriod] = React.useState(currentPeriod);
  const [periodError, setPeriodError] = React.useState<string | undefined>();
  const [running, setRunning] = React.useState<'dryRun' | 'send' | null>(null);
  const [result, setResult] = React.useState<RunResult | null>(null);
  const [status, setStatus] = React.useState<{ text: string; error: boolean } | null>(null);

  const invalidPeriod = () =>
    formatMessage({ id: getTranslation('run.period.invalid'), defaultMessage: 'Write a quarter like {example}.' }, { example: currentPeriod() });

  const checkPeriod = () => {
    const valid = PERIOD.test(period.trim());
    setPeriodError(valid ? undefined : invalidPeriod());
    return valid;
  };

  const start = async (dryRun: boolean) => {
    if (!checkPeriod()) return;
    const chosen = period.trim();
    setRunning(dryRun ? 'dryRun' : 'send');
    setResult(null);
    setStatus({
      text: dryRun
        ? formatMessage({ id: getTranslation('run.status.dryRunning'), defaultMessage: 'Dry run in progress…' })
        : formatMessage({ id: getTranslation('run.status.sending'), defaultMessage: 'Sending the reminders for {period}…' }, { period: chosen }),
      error: false,
    });
    try {
      const done = await api.run(chosen, dryRun);
      setResult(done);
      setStatus({
        text: dryRun
          ? formatMessage(
              {
                id: getTranslation('run.status.dryRunDone'),
                defaultMessage: 'Dry run for {period}: {count, plural, =0 {nobody would get a mail} one {# organisation would get a mail} other {# organisations would get a mail}}. Nothing was sent.',
              },
              { period: done.period, count: done.wouldSend ?? 0 }
            )
          : done.status === 'skipped'
            ? formatMessage({ id: getTranslation('run.status.skipped'), defaultMessage: 'Skipped: another run is already sending for {period}.' }, { period: done.period })
            : done.status === 'failed'
              ? formatMessage(
                  { id: getTranslation('run.status.failed'), defaultMessage: 'The run for {period} stopped with an error after {sent} mails. Start it again to send the rest.' },
                  { period: done.period, sent: done.sent }
                )
              : formatMessage(
                  { id: getTranslation('run.status.sent'), defaultMessage: 'Done for {period}: {sent} sent, {failed} failed.' },
                  { period: done.period, sent: done.sent, failed: done.failed }
                ),
        error: !dryRun && (done.status === 'failed' || done.failed > 0),
      });
    } catch (error) {
      const reason = serverMessage(error) ?? formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'unknown error' });
      setStatus({
        text: formatMessage({ id: getTranslation('run.status.error'), defaultMessage: 'The run could not be started: {reason}' }, { reason }),
        error: true,
      });
    } finally {
      setRunning(null);
      // A real run changed the run log and the counts, even when it failed halfway.
      if (!dryRun) onSent();
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>
        {formatMessage({
          id: getTranslation('run.intro'),
          defaultMessage:
            'The reminders go out by themselves on the first Monday of each quarter. A dry run shows who would get a mail, without sending anything. Organisations that already had the mail for a quarter never get it twice.',
        })}
      </Typography>
      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        <Box minWidth="20rem">
          <Field.Root
            name="period"
            id="listing-reminders-period"
            required
            error={periodError}
            hint={formatMessage({ id: getTranslation('run.period.hint'), defaultMessage: 'Year and quarter, like {example}.' }, { example: currentPeriod() })}
          >
            <Field.Label>{formatMessage({ id: getTranslation('run.period.label'), defaultMessage: 'Quarter' })}</Field.Label>
            <Field.Input
              value={period}
              autoComplete="off"
              spellCheck={false}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                setPeriod(event.target.value);
                setPeriodError(undefined);
              }}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Box>
        {/* Aligns the buttons with the input, below the label. */}
        <Flex gap={2} wrap="wrap" paddingTop={6}>
          <Button variant="secondary" startIcon={<Eye />} disabled={running !== null} loading={running === 'dryRun'} onClick={() => start(true)}>
            {formatMessage({ id: getTranslation('run.dryRun'), defaultMessage: 'Dry run' })}
          </Button>
          <ConfirmButton
            label={formatMessage({ id: getTranslation('run.send'), defaultMessage: 'Send now' })}
            icon={<PaperPlane />}
            disabled={running !== null}
            loading={running === 'send'}
            // A wrong quarter shows its error on the field instead of opening the dialog.
            canOpen={checkPeriod}
            title={formatMessage({ id: getTranslation('run.confirm.title'), defaultMessage: 'Send the reminders for {period} now?' }, { period: period.trim() })}
            body={formatMessage({
              id: getTranslation('run.confirm.body'),
              defaultMessage:
                'Every approved organisation with a reminder address that has not had this quarter’s mail yet gets it now. This cannot be undone.',
            })}
            cancel={formatMessage({ id: getTranslation('run.confirm.cancel'), defaultMessage: 'Cancel' })}
            confirm={formatMessage({ id: getTranslation('run.confirm.action'), defaultMessage: 'Yes, send now' })}
            onConfirm={() => start(false)}
          />
        </Flex>
      </Flex>
      <RunStatus busy={running !== null} status={status} />
      {result && <Result result={result} />}
    </Flex>
  );
}
