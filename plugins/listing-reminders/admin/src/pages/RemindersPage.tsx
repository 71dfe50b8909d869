import * as React from 'react';
import { Button } from '@strapi/design-system';
import { PluginPage, Section } from '@buurtplein/plugin-kit/admin';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useRemindersApi, type Overview as OverviewData } from '../api/reminders';
import { Overview } from '../components/Overview';
import { RunPanel } from '../components/RunPanel';
import { TemplateEditor } from '../components/TemplateEditor';
import { getTranslation } from '../pluginId';

/**
 * The staff page of the quarterly reminders: what was sent and confirmed,
 * running them by hand, and the mail text per language.
 */
const RemindersPage = () => {
  const { formatMessage } = useIntl();
  const api = useRemindersApi();
  const [overview, setOverview] = React.useState<OverviewData | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [failed, setFailed] = React.useState(false);

  const loadOverview = React.useCallback(async () => {
    setLoading(true);
    try {
      setOverview(await api.overview());
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [api]);

  React.useEffect(() => {
    loadOverview();
  }, [loadOverview]);

  const title = formatMessage({ id: getTranslation('page.title'), defaultMessage: 'Listing reminders' });

  return (
    <PluginPage
      title={title}
      subtitle={formatMessage({
        id: getTranslation('page.subtitle'),
        defaultMessage: 'Once a quarter every organisation is asked to check its listing; one click confirms it is still right.',
      })}
    >
      <Section
        id="listing-reminders-overview"
        title={formatMessage({ id: getTranslation('overview.title'), defaultMessage: 'Overview' })}
        action={
          <Button variant="tertiary" startIcon={<ArrowClockwise />} loading={loading} onClick={loadOverview}>
            {formatMessage({ id: getTranslation('overview.reload'), defaultMessage: 'Refresh' })}
          </Button>
        }
      >
        <Overview overview={overview} loading={loading} failed={failed} />
      </Section>

      <Section id="listing-reminders-run" title={formatMessage({ id: getTranslation('run.title'), defaultMessage: 'Send reminders' })}>
        <RunPanel onSent={loadOverview} />
      </Section>

      <Section id="listing-reminders-templates" title={formatMessage({ id: getTranslation('templates.title'), defaultMessage: 'Mail text' })}>
        <TemplateEditor />
      </Section>
    </PluginPage>
  );
};

export default RemindersPage;
