import { Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RunRecord, RunStatus } from '../api/expiry';
import { getTranslation } from '../pluginId';
import { useFormatDuration } from './RunReport';

const STATUS_COLOR: Record<RunStatus, string> = {
  running: 'primary600',
  succeeded: 'success600',
  failed: 'danger600',
  interrupted: 'danger600',
  skipped: 'neutral600',
};

/** Archived in this run, dependants included; null while the run has no report yet. */
const archivedTotal = (run: RunRecord) =>
  run.report
    ? Object.values(run.report).reduce((total, t) => total + t.archived + Object.values(t.cascaded ?? {}).reduce((a, n) => a + n, 0), 0)
    : null;

const COLUMNS = [
  { key: 'started', defaultMessage: 'Started' },
  { key: 'trigger', defaultMessage: 'Started by' },
  { key: 'dryRun', defaultMessage: 'Dry run' },
  { key: 'status', defaultMessage: 'Status' },
  { key: 'duration', defaultMessage: 'Duration' },
  { key: 'archived', defaultMessage: 'Archived' },
  { key: 'errors', defaultMessage: 'Errors' },
];

/** The run log, newest first: scheduled, command-line and on-demand runs alike. */
export function RunsTable({ runs, loading, failed }: { runs: RunRecord[]; loading: boolean; failed: boolean }) {
  const { formatMessage, formatDate } = useIntl();
  const formatDuration = useFormatDuration();

  if (failed) {
    return (
      <Typography textColor="danger600">
        {formatMessage({ id: getTranslation('runs.error'), defaultMessage: 'The run log could not be loaded.' })}
      </Typography>
    );
  }
  if (loading && !runs.length) {
    return <Loader small>{formatMessage({ id: getTranslation('runs.loading'), defaultMessage: 'Loading the run log…' })}</Loader>;
  }
  if (!runs.length) {
    return <Typography>{formatMessage({ id: getTranslation('runs.empty'), defaultMessage: 'No runs yet.' })}</Typography>;
  }

  return (
    <Table colCount={COLUMNS.length} rowCount={runs.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((column) => (
            <Th key={column.key} role="columnheader" textAlign="left">
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation(`runs.column.${column.key}`), defaultMessage: column.defaultMessage })}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {runs.map((run) => {
          const archived = archivedTotal(run);
          return (
            <Tr key={run.id}>
              <Td>
                <Typography>{formatDate(run.startedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
              </Td>
              <Td>
                <Typography>{formatMessage({ id: getTranslation(`runs.trigger.${run.trigger}`), defaultMessage: run.trigger })}</Typography>
              </Td>
              <Td>
                <Typography>
                  {run.dryRun
                    ? formatMessage({ id: getTranslation('runs.yes'), defaultMessage: 'Yes' })
                    : formatMessage({ id: getTranslation('runs.no'), defaultMessage: 'No' })}
                </Typography>
              </Td>
              <Td>
                <Typography fontWeight="semiBold" textColor={STATUS_COLOR[run.status] ?? 'neutral800'}>
                  {formatMessage({ id: getTranslation(`runs.status.${run.status}`), defaultMessage: run.status })}
                </Typography>
              </Td>
              <Td>
                <Typography>{run.durationMs === null ? '—' : formatDuration(run.durationMs)}</Typography>
              </Td>
              <Td>
                <Typography>{archived ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography textColor={run.errors?.length ? 'danger600' : 'neutral800'}>{run.errors?.length ?? 0}</Typography>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
