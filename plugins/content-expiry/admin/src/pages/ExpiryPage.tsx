import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Eye, Play } from '@strapi/icons';
import { ConfirmButton, PluginPage, RunStatus, Section, serverMessage, useLoaded } from '@buurtplein/plugin-kit/admin';
import { useIntl } from 'react-intl';
import { useExpiryApi, type RunRecord, type RunReport as RunReportData } from '../api/expiry';
import { ArchivedList } from '../components/ArchivedList';
import { RunReport } from '../components/RunReport';
import { RunsTable } from '../components/RunsTable';
import { getTranslation } from '../pluginId';

/**
 * The staff page: run the clean-up now (dry or for real), the run log, and
 * the archived items of each managed type with a Restore button.
 */
const ExpiryPage = () => {
  const { formatMessage } = useIntl();
  const api = useExpiryApi();
  const [runs, setRuns] = React.useState<RunRecord[]>([]);
  const [runsLoading, setRunsLoading] = React.useState(true);
  const [runsFailed, setRunsFailed] = React.useState(false);
  const [running, setRunning] = React.useState<'dryRun' | 'run' | null>(null);
  const [report, setReport] = React.useState<RunReportData | null>(null);
  const [status, setStatus] = React.useState<{ text: string; error: boolean } | null>(null);
  const [archivedRefresh, setArchivedRefresh] = React.useState(0);
  const managed = useLoaded(api.managedTypes).data;

  const loadRuns = React.useCallback(async () => {
    setRunsLoading(true);
    try {
      setRuns(await api.latestRuns());
      setRunsFailed(false);
    } catch {
      setRunsFailed(true);
    } finally {
      setRunsLoading(false);
    }
  }, [api]);

  React.useEffect(() => {
    loadRuns();
  }, [loadRuns]);

  // The types the config names, plus any other a stored report names (a type since taken out of the config).
  const types = React.useMemo(() => {
    const named = runs.flatMap((run) => Object.keys(run.report ?? {}));
    return [...new Set([...(managed ?? []).map((type) => type.uid), ...named, ...Object.keys(report?.types ?? {})])];
  }, [managed, runs, report]);

  const runNow = async (dryRun: boolean) => {
    setRunning(dryRun ? 'dryRun' : 'run');
    setReport(null);
    setStatus({
      text: dryRun
        ? formatMessage({ id: getTranslation('run.status.dryRunning'), defaultMessage: 'Dry run in progress…' })
        : formatMessage({ id: getTranslation('run.status.running'), defaultMessage: 'Clean-up in progress…' }),
      error: false,
    });
    try {
      const result = await api.runNow(dryRun);
      setReport(result);
      setStatus({
        text:
          result.status === 'skipped'
            ? formatMessage({ id: getTranslation('report.skipped'), defaultMessage: 'Skipped: another run is busy with this time slot.' })
            : result.status === 'failed'
              ? formatMessage({ id: getTranslation('run.status.failed'), defaultMessage: 'The run finished with errors; see the report below.' })
              : formatMessage(
                  dryRun
                    ? { id: getTranslation('run.status.dryRunDone'), defaultMessage: 'Dry run finished; nothing was changed. See the report below.' }
                    : { id: getTranslation('run.status.done'), defaultMessage: 'Clean-up finished; see the report below.' }
                ),
        error: result.status === 'failed',
      });
      // A real run may have archived or deleted items: the archived list is out of date.
      if (!dryRun) setArchivedRefresh((n) => n + 1);
    } catch (error) {
      setStatus({
        text: formatMessage(
          { id: getTranslation('run.status.error'), defaultMessage: 'The run could not be started: {reason}' },
          { reason: serverMessage(error) ?? formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'unknown error' }) }
        ),
        error: true,
      });
    } finally {
      setRunning(null);
      loadRuns();
    }
  };

  const title = formatMessage({ id: getTranslation('page.title'), defaultMessage: 'Content expiry' });

  return (
    <PluginPage
      title={title}
      subtitle={formatMessage({
        id: getTranslation('page.subtitle'),
        defaultMessage: 'Expired content leaves the public site by itself; archived items can be restored in one action.',
      })}
    >
      <Section id="content-expiry-run" title={formatMessage({ id: getTranslation('run.title'), defaultMessage: 'Clean up now' })}>
        <Typography>
          {formatMessage({
            id: getTranslation('run.intro'),
            defaultMessage:
              'The clean-up runs every night by itself. A dry run shows what it would archive and delete, without changing anything.',
          })}
        </Typography>
        <Flex gap={2} wrap="wrap">
          <Button variant="secondary" startIcon={<Eye />} disabled={running !== null} onClick={() => runNow(true)}>
            {formatMessage({ id: getTranslation('run.dryRun'), defaultMessage: 'Dry run now' })}
          </Button>
          <ConfirmButton
            label={formatMessage({ id: getTranslation('run.run'), defaultMessage: 'Run now' })}
            icon={<Play />}
            disabled={running !== null}
            title={formatMessage({ id: getTranslation('run.confirm.title'), defaultMessage: 'Run the clean-up now?' })}
            body={formatMessage({
              id: getTranslation('run.confirm.body'),
              defaultMessage:
                'Expired items will be archived and leave the public site, items archived longer than the retention period will be deleted for good, and owners of items that expire soon will be mailed.',
            })}
            cancel={formatMessage({ id: getTranslation('run.confirm.cancel'), defaultMessage: 'Cancel' })}
            confirm={formatMessage({ id: getTranslation('run.confirm.action'), defaultMessage: 'Yes, run now' })}
            onConfirm={() => runNow(false)}
          />
        </Flex>
        <RunStatus busy={running !== null} status={status} />
        {report && <RunReport report={report} />}
      </Section>

      <Section id="content-expiry-runs" title={formatMessage({ id: getTranslation('runs.title'), defaultMessage: 'Last runs' })}>
        <RunsTable runs={runs} loading={runsLoading} failed={runsFailed} />
      </Section>

      <Section id="content-expiry-archived" title={formatMessage({ id: getTranslation('archived.title'), defaultMessage: 'Archived items' })}>
        <ArchivedList types={types} refreshKey={archivedRefresh} />
      </Section>
    </PluginPage>
  );
};

export default ExpiryPage;
