import * as React from 'react';
import { Button, Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { inAdminLanguage, PluginPage, RunStatus, Section, serverMessage, TableHead, useLoaded, usePluginMessages } from '@buurtplein/plugin-kit/admin';
import { useIntl } from 'react-intl';
import { useOutboxApi, type FailedMessage } from '../api/outbox';
import { PLUGIN_ID } from '../pluginId';

const KIND_COLUMNS = [
  { key: 'kind', defaultMessage: 'Kind of mail' },
  { key: 'sent', defaultMessage: 'Sent' },
  { key: 'failed', defaultMessage: 'Failed' },
  { key: 'sending', defaultMessage: 'Being sent' },
];
const FAILED_COLUMNS = [
  { key: 'when', defaultMessage: 'Last try' },
  { key: 'kind', defaultMessage: 'Kind of mail' },
  { key: 'recipient', defaultMessage: 'To' },
  { key: 'attempts', defaultMessage: 'Tries' },
  { key: 'error', defaultMessage: 'Error' },
  { key: 'action', defaultMessage: 'Action' },
];
const LIST_COLUMNS = [
  { key: 'list', defaultMessage: 'Mailing' },
  { key: 'unsubscribed', defaultMessage: 'Unsubscribed' },
];

/**
 * The staff page: how many mails of each kind went out, the ones that failed
 * after their last try (with "Try again"), and who left which mailing.
 */
const OutboxPage = () => {
  const { formatDate, locale } = useIntl();
  const t = usePluginMessages(PLUGIN_ID);
  const api = useOutboxApi();
  const { data: overview, failed: loadFailed, reload: load } = useLoaded(api.overview);
  const [busy, setBusy] = React.useState<number | null>(null);
  const [status, setStatus] = React.useState<{ text: string; error: boolean } | null>(null);

  const kindName = (kind: string) => {
    const found = overview?.kinds.find((k) => k.kind === kind);
    return found ? inAdminLanguage(found.label, locale) : kind;
  };

  const retry = async (message: FailedMessage) => {
    setBusy(message.id);
    setStatus({ text: t('failed.retrying', 'Sending the mail to {recipient} again…', { recipient: message.recipient }), error: false });
    try {
      const outcome = await api.retry(message.id);
      setStatus(
        outcome === 'sent'
          ? { text: t('failed.retried', 'Sent to {recipient}.', { recipient: message.recipient }), error: false }
          : { text: t('failed.stillFailing', 'Sending to {recipient} failed again; the error is in the list.', { recipient: message.recipient }), error: true }
      );
    } catch (error) {
      setStatus({ text: t('failed.retryError', 'Could not try again: {reason}', { reason: serverMessage(error) ?? t('error.unknown', 'unknown error') }), error: true });
    } finally {
      setBusy(null);
      load();
    }
  };

  const title = t('page.title', 'Outbox');
  if (loadFailed) {
    return (
      <PluginPage title={title} subtitle="">
        <Typography textColor="danger600">{t('overview.error', 'The outbox could not be loaded.')}</Typography>
      </PluginPage>
    );
  }
  return (
    <PluginPage title={title} subtitle={t('page.subtitle', 'Mail that must go exactly once: reminders, warnings, notifications. A mail that failed can be sent again here.')}>
      {!overview ? (
        <Loader small>{t('overview.loading', 'Loading the outbox…')}</Loader>
      ) : (
        <>
          <Section id="outbox-failed" title={t('failed.title', 'Failed mails')}>
            <RunStatus busy={busy !== null} status={status} />
            {overview.failed.length === 0 ? (
              <Typography>{t('failed.empty', 'No failed mails. Everything was delivered to the mail server.')}</Typography>
            ) : (
              <Table colCount={FAILED_COLUMNS.length} rowCount={overview.failed.length + 1}>
                <TableHead pluginId={PLUGIN_ID} prefix="failed.column" columns={FAILED_COLUMNS} />
                <Tbody>
                  {overview.failed.map((message) => (
                    <Tr key={message.id}>
                      <Td>
                        <Typography>{formatDate(message.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
                      </Td>
                      <Td>
                        <Typography>{kindName(message.kind)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{message.recipient}</Typography>
                      </Td>
                      <Td>
                        <Typography>{message.attempts}</Typography>
                      </Td>
                      <Td>
                        {/* SMTP errors can be long: let them wrap instead of widening the table. */}
                        <Typography textColor="danger600" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                          {message.lastError ?? '—'}
                        </Typography>
                      </Td>
                      <Td>
                        <Button
                          variant="secondary"
                          size="S"
                          startIcon={<ArrowClockwise />}
                          loading={busy === message.id}
                          disabled={busy !== null}
                          onClick={() => retry(message)}
                          aria-label={t('failed.retryLabel', 'Try again: mail to {recipient}', { recipient: message.recipient })}
                        >
                          {t('failed.retry', 'Try again')}
                        </Button>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Section>

          <Section id="outbox-kinds" title={t('kinds.title', 'Sent per kind of mail')}>
            {overview.kinds.length === 0 ? (
              <Typography>{t('kinds.empty', 'No mail has gone through the outbox yet.')}</Typography>
            ) : (
              <Table colCount={KIND_COLUMNS.length} rowCount={overview.kinds.length + 1}>
                <TableHead pluginId={PLUGIN_ID} prefix="kinds.column" columns={KIND_COLUMNS} />
                <Tbody>
                  {overview.kinds.map((kind) => (
                    <Tr key={kind.kind}>
                      <Td>
                        <Typography>{inAdminLanguage(kind.label, locale)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{kind.sent}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor={kind.failed ? 'danger600' : 'neutral800'}>{kind.failed}</Typography>
                      </Td>
                      <Td>
                        <Typography>{kind.sending}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Section>

          {overview.lists.length > 0 && (
            <Section id="outbox-lists" title={t('lists.title', 'Unsubscribes')}>
              <Typography>{t('lists.intro', 'People can stop mailings they chose to get with one click. Service mail, such as login links, always arrives.')}</Typography>
              <Table colCount={LIST_COLUMNS.length} rowCount={overview.lists.length + 1}>
                <TableHead pluginId={PLUGIN_ID} prefix="lists.column" columns={LIST_COLUMNS} />
                <Tbody>
                  {overview.lists.map((list) => (
                    <Tr key={list.id}>
                      <Td>
                        <Typography>{inAdminLanguage(list.name, locale)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{list.unsubscribed}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Section>
          )}
        </>
      )}
    </PluginPage>
  );
};

export default OutboxPage;
