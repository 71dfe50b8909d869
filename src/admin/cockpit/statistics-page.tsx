import * as React from 'react';
import { Box, Button, Field, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { PluginPage, Section } from '@buurtplein/plugin-kit/admin';
import { useIntl } from 'react-intl';
import { PeriodChart, periodLabel, type Row, type Series } from './charts';
import { percentage, useCsvDownload, useData, useLanguage, type Overview, type Searches } from './data';
import { ITEM_UID } from '../../stats/items';
import { Loading } from './loading';
import { fittingInterval, periodRange, rangeProblem } from './periods';
import { STATISTICS_TEXTS, type IntervalChoice, type PeriodChoice, type StatisticsTexts } from './statistics-texts';

const PERIODS: PeriodChoice[] = ['last7', 'last30', 'last90', 'last365', 'thisQuarter', 'lastQuarter', 'custom'];
const INTERVALS: IntervalChoice[] = ['day', 'week', 'month'];
const SEARCH_LIMIT = 20;

interface Choice {
  period: PeriodChoice;
  from: string;
  to: string;
  interval: IntervalChoice;
}

const initialChoice = (): Choice => {
  const range = periodRange('last30');
  return { period: 'last30', ...range, interval: fittingInterval(range.from, range.to) };
};

/** The page's two charts: what each shows of the series, and how. */
const charts = (text: StatisticsTexts): { id: string; title: string; description: string; series: Series[] }[] => [
  {
    id: 'statistics-visits',
    title: text.visits,
    description: text.visitsDescription,
    series: [
      { key: 'views', name: text.views, shape: 'bar' },
      { key: 'uniqueVisitors', name: text.visitors, shape: 'line' },
    ],
  },
  {
    id: 'statistics-taking-part',
    title: text.takingPart,
    description: text.takingPartDescription,
    series: [
      { key: 'newOrganisations', name: text.newOrganisations, shape: 'bar' },
      { key: 'newActivities', name: text.newActivities, shape: 'bar' },
      { key: 'activeAccounts', name: text.activeAccounts, shape: 'line' },
    ],
  },
];

/** A table of figures: headings over columns, numbers aligned right, named for screen readers by `label`. */
function FiguresTable({ label, headings, rows, numeric }: { label: string; headings: string[]; rows: React.ReactNode[][]; numeric: boolean[] }) {
  return (
    <Table colCount={headings.length} rowCount={rows.length + 1} aria-label={label}>
      <Thead>
        <Tr>
          {headings.map((heading, i) => (
            <Th key={heading} textAlign={numeric[i] ? 'right' : 'left'}>
              <Typography variant="sigma">{heading}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((cells, r) => (
          <Tr key={r}>
            {cells.map((cell, i) => (
              <Td key={i} textAlign={numeric[i] ? 'right' : 'left'}>
                <Typography>{cell}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** A chart and, one click away, the same figures as a table: the chart for the eye, the table for everyone. */
function ChartWithTable({ id, title, description, rows, series, text, locale }: { id: string; title: string; description: string; rows: Row[]; series: Series[]; text: StatisticsTexts; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  return (
    <Section id={id} title={title}>
      <Typography variant="pi" textColor="neutral600">{description}</Typography>
      <Box data-testid={`${id}-chart`}>
        <PeriodChart title={title} description={description} rows={rows} series={series} locale={locale} />
      </Box>
      <details>
        <summary>
          <Typography>{text.asTable}</Typography>
        </summary>
        <Box paddingTop={3}>
          <FiguresTable
            label={title}
            headings={[text.periodColumn, ...series.map((s) => s.name)]}
            numeric={[false, ...series.map(() => true)]}
            rows={rows.map((row) => [row.label, ...series.map((s) => number.format(row[s.key]))])}
          />
        </Box>
      </details>
    </Section>
  );
}

/** Period, dates and interval; typed dates that cannot be asked for are said, not sent. */
function RangeControls({ choice, onChange, text }: { choice: Choice; onChange: (choice: Choice) => void; text: StatisticsTexts }) {
  const problem = rangeProblem(choice.from, choice.to);
  const choosePeriod = (period: PeriodChoice) => {
    if (period === 'custom') return onChange({ ...choice, period });
    const range = periodRange(period);
    onChange({ period, ...range, interval: fittingInterval(range.from, range.to) });
  };
  const chooseDate = (field: 'from' | 'to', value: string) => onChange({ ...choice, period: 'custom', [field]: value });
  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-start">
      <Field.Root name="period" id="statistics-period">
        <Field.Label>{text.period}</Field.Label>
        <SingleSelect value={choice.period} onChange={(value: string | number) => choosePeriod(String(value) as PeriodChoice)}>
          {PERIODS.map((period) => (
            <SingleSelectOption key={period} value={period}>{text.periods[period]}</SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="from" id="statistics-from" error={problem === 'order' || problem === 'incomplete' ? text.rangeProblem[problem] : undefined}>
        <Field.Label>{text.from}</Field.Label>
        <TextInput type="date" value={choice.from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => chooseDate('from', e.target.value)} />
        <Field.Error />
      </Field.Root>
      <Field.Root name="to" id="statistics-to" error={problem === 'tooLong' ? text.rangeProblem.tooLong : undefined}>
        <Field.Label>{text.to}</Field.Label>
        <TextInput type="date" value={choice.to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => chooseDate('to', e.target.value)} />
        <Field.Error />
      </Field.Root>
      <Field.Root name="interval" id="statistics-interval">
        <Field.Label>{text.interval}</Field.Label>
        <SingleSelect value={choice.interval} onChange={(value: string | number) => onChange({ ...choice, interval: String(value) as IntervalChoice })}>
          {INTERVALS.map((interval) => (
            <SingleSelectOption key={interval} value={interval}>{text.intervals[interval]}</SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Flex>
  );
}

/** The period's key figures, as a list of terms and values. */
function Summary({ overview, text, locale }: { overview: Overview; text: StatisticsTexts; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  const figures: [string, string, string?][] = [
    [text.visitors, number.format(overview.uniqueVisitors)],
    [text.views, number.format(overview.views)],
    [text.searches, number.format(overview.searches), overview.searches ? text.zeroShare(percentage(overview.zeroResultSearches / overview.searches, locale)) : undefined],
    [text.participation, percentage(overview.participation.share, locale), text.participationOf(number.format(overview.participation.activeAccounts), number.format(overview.participation.accounts))],
    [text.newOrganisations, number.format(overview.newOrganisations)],
    [text.newActivities, number.format(overview.newActivities)],
  ];
  return (
    <Flex tag="dl" gap={8} wrap="wrap" alignItems="flex-start" data-testid="statistics-summary">
      {figures.map(([term, value, note]) => (
        <Flex key={term} direction="column" alignItems="flex-start" maxWidth="20rem">
          <Typography tag="dt" variant="pi" textColor="neutral600">{term}</Typography>
          <Typography tag="dd" variant="alpha">{value}</Typography>
          {note && <Typography tag="dd" variant="pi" textColor="neutral600">{note}</Typography>}
        </Flex>
      ))}
    </Flex>
  );
}

/** Everything the figures API knows about one period, for the communication team. */
const StatisticsPage = () => {
  const { locale } = useIntl();
  const text = STATISTICS_TEXTS[useLanguage()];
  const number = new Intl.NumberFormat(locale);
  const [choice, setChoice] = React.useState<Choice>(initialChoice);
  // Only a range the API accepts is asked for; while the dates typed in are wrong, the last good figures stay.
  const [asked, setAsked] = React.useState(choice);
  React.useEffect(() => {
    if (!rangeProblem(choice.from, choice.to)) setAsked(choice);
  }, [choice]);
  const range = `from=${asked.from}&to=${asked.to}`;
  const overview = useData<Overview>(`/buurtplein/stats/overview?${range}&interval=${asked.interval}`);
  const searches = useData<Searches>(`/buurtplein/stats/searches?${range}&limit=${SEARCH_LIMIT}`);
  const download = useCsvDownload(text.downloadFailed);

  const searchTable = (title: string, found: { query: string; searches: number }[], empty: string) => (
    <Flex direction="column" alignItems="stretch" gap={2} flex="1" minWidth="16rem">
      <Typography tag="h3" variant="omega" fontWeight="bold">{title}</Typography>
      {found.length ? (
        <FiguresTable label={title} headings={[text.query, text.times]} numeric={[false, true]} rows={found.map((s) => [s.query, number.format(s.searches)])} />
      ) : (
        <Typography>{empty}</Typography>
      )}
    </Flex>
  );

  return (
    <PluginPage title={text.title} subtitle={text.subtitle}>
      <Section
        id="statistics-range"
        title={text.figuresFor}
        action={
          <Button variant="secondary" startIcon={<Download />} onClick={() => void download(asked.from, asked.to)}>
            {text.download}
          </Button>
        }
      >
        <RangeControls choice={choice} onChange={setChoice} text={text} />
      </Section>
      <Loading data={overview} texts={text}>
        {(figures) => {
          const rows: Row[] = figures.series.map((point) => ({ ...point, label: periodLabel(point.start, figures.interval, locale, text.weekOf) }));
          return (
            <>
              <Section id="statistics-summary" title={text.summary}>
                <Summary overview={figures} text={text} locale={locale} />
              </Section>
              {charts(text).map((chart) => (
                <ChartWithTable key={chart.id} {...chart} rows={rows} text={text} locale={locale} />
              ))}
              <Section id="statistics-top" title={text.topItems}>
                {figures.topItems.length ? (
                  <FiguresTable
                    label={text.topItems}
                    headings={[text.rank, text.item, text.kind, text.views, text.visitors]}
                    numeric={[true, false, false, true, true]}
                    rows={figures.topItems.map((item, i) => [
                      number.format(i + 1),
                      <Link key="title" href={`/admin/content-manager/collection-types/${ITEM_UID[item.type]}/${item.documentId}`}>{item.title ?? item.documentId}</Link>,
                      text.kinds[item.type],
                      number.format(item.views),
                      number.format(item.uniqueVisitors),
                    ])}
                  />
                ) : (
                  <Typography>{text.noViews}</Typography>
                )}
              </Section>
              <Section id="statistics-channels" title={text.channels}>
                {figures.channels.length ? (
                  <FiguresTable
                    label={text.channels}
                    headings={[text.channel, text.kind, text.views, text.visitors]}
                    numeric={[false, false, true, true]}
                    rows={figures.channels.map((channel) => [channel.name, text.kinds[channel.type], number.format(channel.views), number.format(channel.uniqueVisitors)])}
                  />
                ) : (
                  <Typography>{text.noChannels}</Typography>
                )}
              </Section>
            </>
          );
        }}
      </Loading>
      <Section id="statistics-searches" title={text.searches}>
        <Loading data={searches} texts={text}>
          {(found) => (
            <Flex gap={6} wrap="wrap" alignItems="flex-start">
              {searchTable(text.topSearches, found.top, text.noSearches)}
              {searchTable(text.notFound, found.zeroResults, text.nothingMissing)}
            </Flex>
          )}
        </Loading>
      </Section>
    </PluginPage>
  );
};

export default StatisticsPage;
