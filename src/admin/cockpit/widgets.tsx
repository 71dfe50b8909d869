import * as React from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { SparkBars } from './charts';
import { useIntl } from 'react-intl';
import { percentage, useCsvDownload, useData, useLanguage, type Overview, type Searches } from './data';
import { Loading } from './loading';
import { COCKPIT_TEXTS } from './texts';

interface CockpitItem {
  key: string;
  count: number;
  href: string;
}

const DAYS = 30;

/** The admin panel's router lives under /admin: a link is a path inside it. */
const inPanel = (href: string) => href.replace(/^\/admin(?=\/)/, '');

/** What waits for staff today, each with a link to where it is handled. */
export function AttentionWidget() {
  const text = COCKPIT_TEXTS[useLanguage()];
  const data = useData<{ items: CockpitItem[] }>('/buurtplein/cockpit');
  return (
    <Loading data={data} texts={text}>
      {({ items }) => {
        const waiting = items.filter((item) => item.count > 0);
        if (!waiting.length) return <Typography>{text.nothingWaiting}</Typography>;
        return (
          <Box tag="ul" data-testid="cockpit-attention">
            {waiting.map((item) => (
              <Box tag="li" key={item.key} paddingBottom={2}>
                <Link href={`/admin${inPanel(item.href)}`}>{`${item.count} · ${text.items[item.key] ?? item.key}`}</Link>
              </Box>
            ))}
          </Box>
        );
      }}
    </Loading>
  );
}

/** Reach over the last 30 days: visitors, views, participation, the most viewed items, what was not found, and the CSV. */
export function ReachWidget() {
  const text = COCKPIT_TEXTS[useLanguage()];
  const { locale } = useIntl();
  const data = useData<Overview>('/buurtplein/stats/overview');
  // What residents look for and cannot find: the list staff can act on.
  const searches = useData<Searches>('/buurtplein/stats/searches?limit=5');
  const download = useCsvDownload(text.downloadFailed);
  const number = new Intl.NumberFormat(locale);

  return (
    <Loading data={data} texts={text}>
      {(overview) => {
        const figure = (label: string, value: string) => (
          <Flex direction="column" alignItems="flex-start">
            <Typography variant="alpha" tag="p">{value}</Typography>
            <Typography variant="pi" textColor="neutral600">{label}</Typography>
          </Flex>
        );
        const rows = overview.series.map((point) => ({ ...point, label: point.start }));
        return (
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="cockpit-reach">
            <Typography variant="pi" textColor="neutral600">{text.lastDays(DAYS)}</Typography>
            <Flex gap={6} wrap="wrap">
              {figure(text.visitors, number.format(overview.uniqueVisitors))}
              {figure(text.views, number.format(overview.views))}
              {figure(text.participation, percentage(overview.participation.share, locale))}
            </Flex>
            <SparkBars rows={rows} dataKey="uniqueVisitors" label={`${text.chartLabel}: ${rows.map((day) => day.uniqueVisitors).join(', ')}`} />
            <Typography variant="delta" tag="h3">{text.topItems}</Typography>
            {overview.topItems.length ? (
              <Box tag="ol" paddingLeft={4}>
                {overview.topItems.slice(0, 5).map((item) => (
                  <li key={`${item.type}:${item.documentId}`}>
                    <Typography>{`${item.title ?? item.documentId} · ${number.format(item.views)}`}</Typography>
                  </li>
                ))}
              </Box>
            ) : (
              <Typography>{text.noViews}</Typography>
            )}
            <Typography variant="delta" tag="h3">{text.notFound}</Typography>
            <Loading data={searches} texts={text}>
              {({ zeroResults }) =>
                zeroResults.length ? (
                  <Box tag="ol" paddingLeft={4}>
                    {zeroResults.map((search) => (
                      <li key={search.query}>
                        <Typography>{`${search.query} · ${number.format(search.searches)}`}</Typography>
                      </li>
                    ))}
                  </Box>
                ) : (
                  <Typography>{text.nothingMissing}</Typography>
                )
              }
            </Loading>
            <Flex gap={2} wrap="wrap">
              <Button variant="tertiary" onClick={() => void download(overview.from, overview.to)}>{text.download}</Button>
              <Link href="/admin/statistics">{text.allFigures}</Link>
            </Flex>
          </Flex>
        );
      }}
    </Loading>
  );
}
