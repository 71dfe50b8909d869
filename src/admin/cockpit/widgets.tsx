import * as React from 'react';
import { Box, Button, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { COCKPIT_TEXTS, type CockpitTexts } from './texts';

interface CockpitItem {
  key: string;
  count: number;
  href: string;
}

interface Overview {
  from: string;
  to: string;
  views: number;
  uniqueVisitors: number;
  series: { start: string; views: number; uniqueVisitors: number }[];
  topItems: { type: string; documentId: string; title: string | null; views: number }[];
  participation: { activeAccounts: number; accounts: number; share: number };
}

interface Searches {
  zeroResults: { query: string; searches: number }[];
}

const DAYS = 30;

function useTexts(): CockpitTexts {
  const { locale } = useIntl();
  return locale.startsWith('nl') ? COCKPIT_TEXTS.nl : COCKPIT_TEXTS.en;
}

/** GET `path` once; null while loading, 'error' when it failed. */
function useData<T>(path: string): T | null | 'error' {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<T | null | 'error'>(null);
  React.useEffect(() => {
    get<{ data: T }>(path).then(({ data: answer }) => setData(answer.data), () => setData('error'));
  }, [get, path]);
  return data;
}

function Loading({ data, text, children }: { data: unknown; text: CockpitTexts; children: () => React.ReactNode }) {
  if (data === null) return <Loader small>{text.loading}</Loader>;
  if (data === 'error') return <Typography textColor="danger600">{text.loadFailed}</Typography>;
  return <>{children()}</>;
}

/** The admin panel's router lives under /admin: a link is a path inside it. */
const inPanel = (href: string) => href.replace(/^\/admin(?=\/)/, '');

/** What waits for staff today, each with a link to where it is handled. */
export function AttentionWidget() {
  const text = useTexts();
  const data = useData<{ items: CockpitItem[] }>('/buurtplein/cockpit');
  return (
    <Loading data={data} text={text}>
      {() => {
        const waiting = (data as { items: CockpitItem[] }).items.filter((item) => item.count > 0);
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

/** Unique visitors per day as bars; the figures are also in the text around it, so the picture adds nothing a screen reader misses. */
function VisitorBars({ series, label }: { series: Overview['series']; label: string }) {
  const max = Math.max(1, ...series.map((day) => day.uniqueVisitors));
  const width = 300;
  const bar = width / Math.max(1, series.length);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} 60`} width="100%" height="60">
      <title>{label}</title>
      {series.map((day, i) => {
        const height = Math.round((day.uniqueVisitors / max) * 56);
        return <rect key={day.start} x={i * bar + 1} y={60 - height} width={Math.max(1, bar - 2)} height={height} fill="#4945ff" />;
      })}
    </svg>
  );
}

/** Reach over the last 30 days: visitors, views, participation, the most viewed items, and the CSV. */
export function ReachWidget() {
  const text = useTexts();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const data = useData<Overview>('/buurtplein/stats/overview');
  // What residents look for and cannot find: the list staff can act on.
  const searches = useData<Searches>('/buurtplein/stats/searches?limit=5');

  const download = async (overview: Overview) => {
    try {
      const { data: csv } = await get<Blob>(`/buurtplein/stats/daily.csv?from=${overview.from}&to=${overview.to}`, { responseType: 'blob' });
      const url = URL.createObjectURL(csv);
      const anchor = Object.assign(document.createElement('a'), { href: url, download: `buurtplein-stats-${overview.from}-${overview.to}.csv` });
      anchor.click();
      URL.revokeObjectURL(url);
    } catch {
      toggleNotification({ type: 'danger', message: text.downloadFailed });
    }
  };

  return (
    <Loading data={data} text={text}>
      {() => {
        const overview = data as Overview;
        const figure = (label: string, value: string) => (
          <Flex direction="column" alignItems="flex-start">
            <Typography variant="alpha" tag="p">{value}</Typography>
            <Typography variant="pi" textColor="neutral600">{label}</Typography>
          </Flex>
        );
        return (
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="cockpit-reach">
            <Typography variant="pi" textColor="neutral600">{text.lastDays(DAYS)}</Typography>
            <Flex gap={6} wrap="wrap">
              {figure(text.visitors, overview.uniqueVisitors.toLocaleString())}
              {figure(text.views, overview.views.toLocaleString())}
              {figure(text.participation, `${Math.round(overview.participation.share * 1000) / 10}%`)}
            </Flex>
            <VisitorBars series={overview.series} label={`${text.chartLabel}: ${overview.series.map((day) => day.uniqueVisitors).join(', ')}`} />
            <Typography variant="delta" tag="h3">{text.topItems}</Typography>
            {overview.topItems.length ? (
              <Box tag="ol" paddingLeft={4}>
                {overview.topItems.slice(0, 5).map((item) => (
                  <li key={`${item.type}:${item.documentId}`}>
                    <Typography>{`${item.title ?? item.documentId} · ${item.views.toLocaleString()}`}</Typography>
                  </li>
                ))}
              </Box>
            ) : (
              <Typography>{text.noViews}</Typography>
            )}
            <Typography variant="delta" tag="h3">{text.notFound}</Typography>
            {searches && searches !== 'error' && searches.zeroResults.length ? (
              <Box tag="ol" paddingLeft={4}>
                {searches.zeroResults.map((search) => (
                  <li key={search.query}>
                    <Typography>{`${search.query} · ${search.searches.toLocaleString()}`}</Typography>
                  </li>
                ))}
              </Box>
            ) : (
              <Typography>{searches === null ? text.loading : searches === 'error' ? text.loadFailed : text.nothingMissing}</Typography>
            )}
            <Box>
              <Button variant="tertiary" onClick={() => void download(overview)}>{text.download}</Button>
            </Box>
          </Flex>
        );
      }}
    </Loading>
  );
}
