import { Box, Flex, Loader, Typography, VisuallyHidden } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useSupportStats, type SupportStats } from '../api/stats';
import { getTranslation } from '../pluginId';

const INITIATIVE_UID = 'api::initiative.initiative';

/** Weeks, bars and figures come from the server in UTC; format them in UTC so a week never shifts a day. */
const WEEK_FORMAT = { day: 'numeric', month: 'short', timeZone: 'UTC' } as const;

function WeekBars({ perWeek }: { perWeek: SupportStats['perWeek'] }) {
  const { formatMessage, formatDate } = useIntl();
  const most = Math.max(1, ...perWeek.map((w) => w.supports));
  return (
    <Box tag="ol" role="list" aria-label={formatMessage({ id: getTranslation('panel.perWeek.label'), defaultMessage: 'Supports per week, last 8 weeks' })} padding={0} margin={0} style={{ listStyle: 'none' }}>
      {perWeek.map((week) => {
        const label = formatDate(week.weekStart, WEEK_FORMAT);
        return (
          <Box tag="li" key={week.weekStart} paddingBottom={1}>
            {/* Screen readers get one sentence per week; the bar is for the eye only. */}
            <VisuallyHidden>
              {formatMessage({ id: getTranslation('panel.perWeek.item'), defaultMessage: 'Week of {week}: {count}' }, { week: label, count: week.supports })}
            </VisuallyHidden>
            <Flex aria-hidden gap={2} alignItems="center">
              <Box width="5.6rem" shrink={0}>
                <Typography variant="pi" textColor="neutral600">
                  {label}
                </Typography>
              </Box>
              <Box flex={1} background="neutral150" hasRadius height="0.8rem" overflow="hidden">
                <Box background="primary600" height="100%" style={{ width: `${(week.supports / most) * 100}%` }} />
              </Box>
              <Box width="2.4rem" shrink={0} textAlign="right">
                <Typography variant="pi" fontWeight="semiBold">
                  {week.supports}
                </Typography>
              </Box>
            </Flex>
          </Box>
        );
      })}
    </Box>
  );
}

function ThresholdState({ stats }: { stats: SupportStats }) {
  const { formatMessage, formatDate } = useIntl();
  const { threshold, thresholdReachedAt, supportCount } = stats;
  const text = thresholdReachedAt
    ? formatMessage(
        { id: getTranslation('panel.threshold.reachedOn'), defaultMessage: 'Threshold of {threshold} reached on {date}' },
        { threshold, date: formatDate(thresholdReachedAt, { dateStyle: 'long' }) }
      )
    : supportCount >= threshold
      ? formatMessage({ id: getTranslation('panel.threshold.reached'), defaultMessage: 'Threshold of {threshold} reached' }, { threshold })
      : formatMessage(
          { id: getTranslation('panel.threshold.toGo'), defaultMessage: '{remaining} more to go to the threshold of {threshold}' },
          { threshold, remaining: threshold - supportCount }
        );
  return (
    <Typography variant="omega" fontWeight="semiBold" textColor={thresholdReachedAt || supportCount >= threshold ? 'success600' : 'neutral800'}>
      {text}
    </Typography>
  );
}

function SupportFigures({ documentId, refreshKey }: { documentId: string; refreshKey?: unknown }) {
  const { formatMessage } = useIntl();
  const state = useSupportStats(documentId, refreshKey);

  if (state.status === 'loading') {
    return <Loader small>{formatMessage({ id: getTranslation('panel.loading'), defaultMessage: 'Loading support figures…' })}</Loader>;
  }
  if (state.status === 'error') {
    return (
      <Typography variant="omega" textColor="danger600">
        {formatMessage({ id: getTranslation('panel.error'), defaultMessage: 'The support figures could not be loaded.' })}
      </Typography>
    );
  }
  const { stats } = state;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="beta" tag="p">
        {formatMessage({ id: getTranslation('panel.count'), defaultMessage: '{count, plural, one {# supporter} other {# supporters}}' }, { count: stats.supportCount })}
      </Typography>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="omega">
          {formatMessage({ id: getTranslation('panel.last7Days'), defaultMessage: 'Last 7 days: {count}' }, { count: stats.last7Days })}
        </Typography>
        <Typography variant="omega">
          {formatMessage({ id: getTranslation('panel.last30Days'), defaultMessage: 'Last 30 days: {count}' }, { count: stats.last30Days })}
        </Typography>
      </Flex>
      <ThresholdState stats={stats} />
      <WeekBars perWeek={stats.perWeek} />
      {stats.ledgerCount !== stats.supportCount && (
        <Typography variant="pi" textColor="danger600">
          {formatMessage(
            { id: getTranslation('panel.ledgerDiffers'), defaultMessage: 'The ledger holds {ledger} supports; the counter says {count}. Run idea-support:verify.' },
            { ledger: stats.ledgerCount, count: stats.supportCount }
          )}
        </Typography>
      )}
    </Flex>
  );
}

/**
 * Edit-view side panel of initiatives: the support count, its trend and the
 * threshold state. Hidden on other content types and while an initiative is
 * still being created (there is nothing to count yet).
 */
export const SupportPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  if (model !== INITIATIVE_UID || !documentId) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Support' }),
    // The stored count changes when the document is refetched: refetch the figures with it.
    content: <SupportFigures documentId={documentId} refreshKey={document?.supportCount} />,
  };
};
