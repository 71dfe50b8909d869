import * as React from 'react';
import { Badge, Button, Flex, Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Check, Trash } from '@strapi/icons';
import { inAdminLanguage, PluginPage, RunStatus, Section, serverMessage, TableHead, useLoaded, usePluginMessages } from '@buurtplein/plugin-kit/admin';
import { useIntl } from 'react-intl';
import { useModerationApi, type Decision, type QueueItem } from '../api/moderation';
import { PLUGIN_ID } from '../pluginId';

const COLUMNS = [
  { key: 'status', defaultMessage: 'Status' },
  { key: 'reports', defaultMessage: 'Reports' },
  { key: 'type', defaultMessage: 'Kind' },
  { key: 'text', defaultMessage: 'Text' },
  { key: 'author', defaultMessage: 'Written by' },
  { key: 'action', defaultMessage: 'Decision' },
];

/**
 * The staff queue: residents' text that others reported. Hidden items wait
 * here (they are offline until staff decide); approve keeps an item online
 * whatever reports follow, remove takes it down.
 */
const ModerationPage = () => {
  const { locale } = useIntl();
  const t = usePluginMessages(PLUGIN_ID);
  const api = useModerationApi();
  const { data: items, failed: loadFailed, reload: load } = useLoaded(api.queue);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<{ text: string; error: boolean } | null>(null);

  const decide = async (item: QueueItem, decision: Decision) => {
    setBusy(`${item.type}:${item.id}`);
    try {
      await api.decide(item, decision);
      setStatus({ text: decision === 'approve' ? t('decided.approve', 'Approved: it stays online.') : t('decided.remove', 'Removed: it is offline.'), error: false });
    } catch (error) {
      setStatus({ text: t('decided.error', 'That did not work: {reason}', { reason: serverMessage(error) ?? t('error.unknown', 'unknown error') }), error: true });
    } finally {
      setBusy(null);
      load();
    }
  };

  const title = t('page.title', 'Moderation');
  const subtitle = t('page.subtitle', 'Text residents reported. Hidden items are offline until you decide; approved items stay online whatever reports follow.');
  return (
    <PluginPage title={title} subtitle={subtitle}>
      <Section id="moderation-queue" title={t('queue.title', 'Reported')}>
        <RunStatus busy={busy !== null} status={status} />
        {loadFailed ? (
          <Typography textColor="danger600">{t('queue.error', 'The queue could not be loaded.')}</Typography>
        ) : !items ? (
          <Loader small>{t('queue.loading', 'Loading the queue…')}</Loader>
        ) : items.length === 0 ? (
          <Typography>{t('queue.empty', 'Nothing reported. Nothing to do.')}</Typography>
        ) : (
          <Table colCount={COLUMNS.length} rowCount={items.length + 1}>
            <TableHead pluginId={PLUGIN_ID} prefix="queue.column" columns={COLUMNS} />
            <Tbody>
              {items.map((item) => {
                const key = `${item.type}:${item.id}`;
                const preview = item.text.length > 300 ? `${item.text.slice(0, 300)}…` : item.text;
                return (
                  <Tr key={key}>
                    <Td>
                      <Badge active={item.status === 'hidden'}>
                        {item.status === 'hidden' ? t('status.hidden', 'Hidden, waits for you') : t('status.visible', 'Online')}
                      </Badge>
                    </Td>
                    <Td>
                      <Typography>{item.reportCount}</Typography>
                    </Td>
                    <Td>
                      <Typography>{inAdminLanguage(item.label, locale)}</Typography>
                    </Td>
                    <Td>
                      {/* Residents' text: React escapes it; long text wraps instead of widening the table. */}
                      <Typography style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{preview}</Typography>
                    </Td>
                    <Td>
                      <Typography>{item.author ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Button variant="success-light" size="S" startIcon={<Check />} disabled={busy !== null} onClick={() => decide(item, 'approve')} aria-label={t('action.approveLabel', 'Approve: {text}', { text: preview.slice(0, 60) })}>
                          {t('action.approve', 'Approve')}
                        </Button>
                        <Button variant="danger-light" size="S" startIcon={<Trash />} disabled={busy !== null} onClick={() => decide(item, 'remove')} aria-label={t('action.removeLabel', 'Remove: {text}', { text: preview.slice(0, 60) })}>
                          {t('action.remove', 'Remove')}
                        </Button>
                      </Flex>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
      </Section>
    </PluginPage>
  );
};

export default ModerationPage;
