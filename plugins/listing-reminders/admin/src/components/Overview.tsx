import * as React from 'react';
import { Flex, Loader, Table, Tbody, Td, Th, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Overview as OverviewData } from '../api/reminders';
import { PLUGIN_ID, getTranslation } from '../pluginId';
import { RunStartCells, RunStatusCell, TableHead, type Column } from '@buurtplein/plugin-kit/admin';

/** A table head row; the keys are translation keys under `prefix`. */
const Head = ({ prefix, columns }: { prefix: string; columns: Column[] }) => <TableHead pluginId={PLUGIN_ID} prefix={prefix} columns={columns} />;

function Part({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <Flex tag="section" aria-labelledby={id} direction="column" alignItems="stretch" gap={2}>
      <Typography id={id} tag="h3" variant="epsilon" fontWeight="bold">
        {title}
      </Typography>
      {intro && <Typography textColor="neutral600">{intro}</Typography>}
      {children}
    </Flex>
  );
}

const Empty = ({ text }: { text: string }) => <Typography>{text}</Typography>;

const RUN_COLUMNS = [
  { key: 'started', defaultMessage: 'Started' },
  { key: 'trigger', defaultMessage: 'Started by' },
  { key: 'period', defaultMessage: 'Quarter' },
  { key: 'status', defaultMessage: 'Status' },
  { key: 'sent', defaultMessage: 'Sent' },
  { key: 'failed', defaultMessage: 'Failed' },
  { key: 'skipped', defaultMessage: 'Already done' },
];

function RunsTable({ runs }: { runs: OverviewData['runs'] }) {
  const { formatMessage } = useIntl();
  if (!runs.length) return <Empty text={formatMessage({ id: getTranslation('runs.empty'), defaultMessage: 'No mails have been sent yet.' })} />;
  return (
    <Table colCount={RUN_COLUMNS.length} rowCount={runs.length + 1}>
      <Head prefix="runs.column" columns={RUN_COLUMNS} />
      <Tbody>
        {runs.map((run) => (
          <Tr key={run.id}>
            <RunStartCells pluginId={PLUGIN_ID} startedAt={run.startedAt} trigger={run.trigger} />
            <Td>
              <Typography>{run.period}</Typography>
            </Td>
            <RunStatusCell pluginId={PLUGIN_ID} status={run.status} />
            <Td>
              <Typography>{run.sent}</Typography>
            </Td>
            <Td>
              <Typography textColor={run.failed ? 'danger600' : 'neutral800'}>{run.failed}</Typography>
            </Td>
            <Td>
              <Typography>{run.skipped}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

const PERIOD_COLUMNS = [
  { key: 'period', defaultMessage: 'Quarter' },
  { key: 'sent', defaultMessage: 'Sent' },
  { key: 'failed', defaultMessage: 'Failed' },
  { key: 'confirmed', defaultMessage: 'Confirmed' },
  { key: 'rate', defaultMessage: 'Confirmation rate' },
];

function PerPeriodTable({ periods }: { periods: OverviewData['perPeriod'] }) {
  const { formatMessage, formatNumber } = useIntl();
  if (!periods.length) return <Empty text={formatMessage({ id: getTranslation('perPeriod.empty'), defaultMessage: 'No quarters with reminders yet.' })} />;
  return (
    <Table colCount={PERIOD_COLUMNS.length} rowCount={periods.length + 1}>
      <Head prefix="perPeriod.column" columns={PERIOD_COLUMNS} />
      <Tbody>
        {periods.map((row) => (
          <Tr key={row.period}>
            <Th role="rowheader" textAlign="left">
              <Typography fontWeight="semiBold" textColor="neutral800">
                {row.period}
              </Typography>
            </Th>
            <Td>
              <Typography>{row.sent}</Typography>
            </Td>
            <Td>
              <Typography textColor={row.failed ? 'danger600' : 'neutral800'}>{row.failed}</Typography>
            </Td>
            <Td>
              <Typography>{row.confirmed}</Typography>
            </Td>
            <Td>
              {/* The server sends a percentage with one decimal; nothing sent means no rate, not 0 %. */}
              <Typography>{row.sent ? formatNumber(row.confirmationRate / 100, { style: 'percent', maximumFractionDigits: 1 }) : '—'}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

const FAILURE_COLUMNS = [
  { key: 'email', defaultMessage: 'Email' },
  { key: 'attempts', defaultMessage: 'Attempts' },
  { key: 'lastError', defaultMessage: 'Last error' },
  { key: 'updatedAt', defaultMessage: 'Last try' },
];

function FailuresTable({ failures }: { failures: OverviewData['failures'] }) {
  const { formatMessage, formatDate } = useIntl();
  if (!failures.length) return <Empty text={formatMessage({ id: getTranslation('failures.empty'), defaultMessage: 'No failed mails this quarter.' })} />;
  return (
    <Table colCount={FAILURE_COLUMNS.length} rowCount={failures.length + 1}>
      <Head prefix="failures.column" columns={FAILURE_COLUMNS} />
      <Tbody>
        {failures.map((failure) => (
          <Tr key={failure.id}>
            <Td>
              <Typography>{failure.email}</Typography>
            </Td>
            <Td>
              <Typography>{failure.attempts}</Typography>
            </Td>
            <Td>
              {/* SMTP errors can be long: let them wrap instead of widening the table. */}
              <Typography textColor="danger600" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {failure.lastError ?? '—'}
              </Typography>
            </Td>
            <Td>
              <Typography>{formatDate(failure.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

const STALE_COLUMNS = [
  { key: 'name', defaultMessage: 'Organisation' },
  { key: 'reminderEmail', defaultMessage: 'Reminder email' },
  { key: 'lastConfirmedAt', defaultMessage: 'Last confirmed' },
];

function StaleTable({ organisations }: { organisations: OverviewData['stale']['organisations'] }) {
  const { formatMessage, formatDate } = useIntl();
  if (!organisations.length) return <Empty text={formatMessage({ id: getTranslation('stale.empty'), defaultMessage: 'No stale listings.' })} />;
  return (
    <Table colCount={STALE_COLUMNS.length} rowCount={organisations.length + 1}>
      <Head prefix="stale.column" columns={STALE_COLUMNS} />
      <Tbody>
        {organisations.map((organisation) => (
          <Tr key={organisation.documentId}>
            <Th role="rowheader" textAlign="left">
              <Typography fontWeight="semiBold" textColor="neutral800">
                {organisation.name}
              </Typography>
            </Th>
            <Td>
              <Typography>{organisation.reminderEmail ?? '—'}</Typography>
            </Td>
            <Td>
              <Typography>
                {organisation.lastConfirmedAt
                  ? formatDate(organisation.lastConfirmedAt, { dateStyle: 'medium' })
                  : formatMessage({ id: getTranslation('stale.never'), defaultMessage: 'Never' })}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** What the reminders did: the last runs, each quarter's results, this quarter's failures and the stale listings. */
export function Overview({ overview, loading, failed }: { overview: OverviewData | null; loading: boolean; failed: boolean }) {
  const { formatMessage, formatList } = useIntl();

  if (failed && !overview) {
    return (
      <Typography textColor="danger600">
        {formatMessage({ id: getTranslation('overview.error'), defaultMessage: 'The overview could not be loaded.' })}
      </Typography>
    );
  }
  if (!overview) {
    return loading ? <Loader small>{formatMessage({ id: getTranslation('overview.loading'), defaultMessage: 'Loading the overview…' })}</Loader> : null;
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Part id="listing-reminders-runs" title={formatMessage({ id: getTranslation('runs.title'), defaultMessage: 'Last runs' })}>
        <RunsTable runs={overview.runs} />
      </Part>
      <Part id="listing-reminders-periods" title={formatMessage({ id: getTranslation('perPeriod.title'), defaultMessage: 'Per quarter' })}>
        <PerPeriodTable periods={overview.perPeriod} />
      </Part>
      <Part
        id="listing-reminders-failures"
        title={formatMessage({ id: getTranslation('failures.title'), defaultMessage: 'Failed mails in {period}' }, { period: overview.period })}
        intro={formatMessage({
          id: getTranslation('failures.intro'),
          defaultMessage: 'These emails were not sent, even after the last try. The next run tries again; to send one now, use the Outbox page.',
        })}
      >
        <FailuresTable failures={overview.failures} />
      </Part>
      <Part
        id="listing-reminders-stale"
        title={formatMessage({ id: getTranslation('stale.title'), defaultMessage: 'Stale listings' })}
        intro={formatMessage(
          {
            id: getTranslation('stale.intro'),
            defaultMessage: 'Organisations that got the reminders of {periods} and confirmed none of them.',
          },
          { periods: formatList(overview.stale.periods, { type: 'conjunction' }) }
        )}
      >
        <StaleTable organisations={overview.stale.organisations} />
      </Part>
    </Flex>
  );
}
