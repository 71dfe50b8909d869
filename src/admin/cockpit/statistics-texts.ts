import { COCKPIT_TEXTS, type CockpitTexts } from './texts';

export type PeriodChoice = 'last7' | 'last30' | 'last90' | 'last365' | 'thisQuarter' | 'lastQuarter' | 'custom';
export type IntervalChoice = 'day' | 'week' | 'month';

/** The statistics page's words, Dutch and English; what it shares with the cockpit's reach widget comes from there. */
export interface StatisticsTexts extends Pick<CockpitTexts, 'loading' | 'loadFailed' | 'visitors' | 'views' | 'topItems' | 'notFound' | 'nothingMissing' | 'noViews' | 'download' | 'downloadFailed'> {
  menu: string;
  title: string;
  subtitle: string;
  figuresFor: string;
  period: string;
  periods: Record<PeriodChoice, string>;
  from: string;
  to: string;
  interval: string;
  intervals: Record<IntervalChoice, string>;
  rangeProblem: { order: string; tooLong: string; incomplete: string };
  summary: string;
  searches: string;
  zeroShare: (share: string) => string;
  participation: string;
  participationOf: (active: string, accounts: string) => string;
  newOrganisations: string;
  newActivities: string;
  visits: string;
  visitsDescription: string;
  takingPart: string;
  takingPartDescription: string;
  activeAccounts: string;
  asTable: string;
  periodColumn: string;
  weekOf: (day: string) => string;
  rank: string;
  item: string;
  kind: string;
  kinds: Record<string, string>;
  channels: string;
  noChannels: string;
  channel: string;
  topSearches: string;
  noSearches: string;
  query: string;
  times: string;
}

const shared = (texts: CockpitTexts) => ({
  loading: texts.loading,
  loadFailed: texts.loadFailed,
  visitors: texts.visitors,
  views: texts.views,
  topItems: texts.topItems,
  notFound: texts.notFound,
  nothingMissing: texts.nothingMissing,
  noViews: texts.noViews,
  download: texts.download,
  downloadFailed: texts.downloadFailed,
});

export const STATISTICS_TEXTS: Record<'nl' | 'en', StatisticsTexts> = {
  nl: {
    ...shared(COCKPIT_TEXTS.nl),
    menu: 'Statistieken',
    title: 'Statistieken',
    subtitle: 'Wie buurtplein bekeek, wat er werd gezocht en wie meedeed. Zonder cookies en zonder persoonsgegevens.',
    figuresFor: 'Welke cijfers',
    period: 'Periode',
    periods: {
      last7: 'Afgelopen 7 dagen',
      last30: 'Afgelopen 30 dagen',
      last90: 'Afgelopen 90 dagen',
      last365: 'Afgelopen 365 dagen',
      thisQuarter: 'Dit kwartaal',
      lastQuarter: 'Vorig kwartaal',
      custom: 'Zelf kiezen',
    },
    from: 'Van',
    to: 'Tot en met',
    interval: 'Per',
    intervals: { day: 'Dag', week: 'Week', month: 'Maand' },
    rangeProblem: {
      order: '"Van" moet op of voor "Tot en met" liggen.',
      tooLong: 'Kies een periode van hoogstens twee jaar.',
      incomplete: 'Vul beide datums in.',
    },
    summary: 'Samenvatting',
    searches: 'Zoekopdrachten',
    zeroShare: (share) => `${share} vond niets`,
    participation: 'Deed mee',
    participationOf: (active, accounts) => `${active} van ${accounts} accounts steunden, reageerden, schreven zich in of gaven antwoord`,
    newOrganisations: 'Nieuwe organisaties',
    newActivities: 'Nieuwe activiteiten',
    visits: 'Bezoek',
    visitsDescription: 'Weergaven als staven, unieke bezoekers als lijn.',
    takingPart: 'Meedoen en nieuwe vermeldingen',
    takingPartDescription: 'Accounts die meededen als lijn, nieuwe organisaties en activiteiten als staven.',
    activeAccounts: 'Accounts die meededen',
    asTable: 'Dezelfde cijfers als tabel',
    periodColumn: 'Periode',
    weekOf: (day) => `week van ${day}`,
    rank: 'Plaats',
    item: 'Titel',
    kind: 'Soort',
    kinds: { activity: 'Activiteit', organisation: 'Organisatie', initiative: 'Initiatief', feed: 'Feed', embed: 'Embed' },
    channels: 'Feeds en embeds',
    noChannels: 'Geen feed of embed opgevraagd in deze periode.',
    channel: 'Naam',
    topSearches: 'Meest gezocht',
    noSearches: 'Niemand zocht iets in deze periode.',
    query: 'Zoekopdracht',
    times: 'Keer',
  },
  en: {
    ...shared(COCKPIT_TEXTS.en),
    menu: 'Statistics',
    title: 'Statistics',
    subtitle: 'Who viewed buurtplein, what was searched for and who took part. Without cookies and without personal data.',
    figuresFor: 'Which figures',
    period: 'Period',
    periods: {
      last7: 'Last 7 days',
      last30: 'Last 30 days',
      last90: 'Last 90 days',
      last365: 'Last 365 days',
      thisQuarter: 'This quarter',
      lastQuarter: 'Last quarter',
      custom: 'Choose dates',
    },
    from: 'From',
    to: 'To (inclusive)',
    interval: 'Per',
    intervals: { day: 'Day', week: 'Week', month: 'Month' },
    rangeProblem: {
      order: '"From" must be on or before "To".',
      tooLong: 'Choose a period of at most two years.',
      incomplete: 'Fill in both dates.',
    },
    summary: 'Summary',
    searches: 'Searches',
    zeroShare: (share) => `${share} found nothing`,
    participation: 'Took part',
    participationOf: (active, accounts) => `${active} of ${accounts} accounts supported, reacted, enrolled or answered`,
    newOrganisations: 'New organisations',
    newActivities: 'New activities',
    visits: 'Visits',
    visitsDescription: 'Views as bars, unique visitors as a line.',
    takingPart: 'Taking part and new listings',
    takingPartDescription: 'Accounts that took part as a line, new organisations and activities as bars.',
    activeAccounts: 'Accounts that took part',
    asTable: 'The same figures as a table',
    periodColumn: 'Period',
    weekOf: (day) => `week of ${day}`,
    rank: 'Rank',
    item: 'Title',
    kind: 'Kind',
    kinds: { activity: 'Activity', organisation: 'Organisation', initiative: 'Initiative', feed: 'Feed', embed: 'Embed' },
    channels: 'Feeds and embeds',
    noChannels: 'No feed or embed was fetched in this period.',
    channel: 'Name',
    topSearches: 'Searched for most',
    noSearches: 'Nobody searched in this period.',
    query: 'Search',
    times: 'Times',
  },
};
