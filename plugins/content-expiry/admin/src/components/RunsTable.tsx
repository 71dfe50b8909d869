import { Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RunRecord } from '../api/expiry';
import { PLUGIN_ID, getTranslation } from '../pluginId';
import { RunStartCells, RunStatusCell, TableHead } from '@buurtplein/plugin-kit/admin';
import { useFormatDuration } from './RunReport';

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
  const { formatMessage } = useIntl();
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
      <TableHead pluginId={PLUGIN_ID} prefix="runs.column" columns={COLUMNS} />
      <Tbody>
        {runs.map((run) => {
          const archived = archivedTotal(run);
          return (
            <Tr key={run.id}>
              <RunStartCells pluginId={PLUGIN_ID} startedAt={run.startedAt} trigger={run.trigger} />
              <Td>
                <Typography>
                  {run.dryRun
                    ? formatMessage({ id: getTranslation('runs.yes'), defaultMessage: 'Yes' })
                    : formatMessage({ id: getTranslation('runs.no'), defaultMessage: 'No' })}
                </Typography>
              </Td>
              <RunStatusCell pluginId={PLUGIN_ID} status={run.status} />
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
