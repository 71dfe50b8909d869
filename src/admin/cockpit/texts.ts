/** The cockpit's words, Dutch and English, as the staff member chose in their profile. */
export interface CockpitTexts {
  attentionTitle: string;
  reachTitle: string;
  loading: string;
  loadFailed: string;
  nothingWaiting: string;
  items: Record<string, string>;
  visitors: string;
  views: string;
  participation: string;
  lastDays: (days: number) => string;
  topItems: string;
  notFound: string;
  nothingMissing: string;
  noViews: string;
  chartLabel: string;
  download: string;
  downloadFailed: string;
  allFigures: string;
}

export const COCKPIT_TEXTS: Record<'nl' | 'en', CockpitTexts> = {
  nl: {
    attentionTitle: 'Wat vraagt om aandacht',
    reachTitle: 'Bereik',
    loading: 'Laden…',
    loadFailed: 'Dit kon niet worden geladen.',
    nothingWaiting: 'Er wacht niets op je.',
    items: {
      organisationsAwaitingApproval: 'Organisaties die wachten op goedkeuring',
      reportsAwaitingDecision: 'Gemelde reacties en antwoorden',
      initiativesAwaitingReply: 'Initiatieven over de drempel zonder reactie van de gemeente',
      staleListings: 'Vermeldingen die de laatste herinnering misten',
      expiringSoon: 'Wordt de komende 7 dagen gearchiveerd',
      failedReminderMails: 'Mislukte herinneringsmails',
      failedMails: 'Mislukte mails',
      fullActivities: 'Volle activiteiten',
    },
    visitors: 'Unieke bezoekers',
    views: 'Weergaven',
    participation: 'Deed mee',
    lastDays: (days) => `Afgelopen ${days} dagen`,
    topItems: 'Meest bekeken',
    notFound: 'Gezocht, niets gevonden',
    nothingMissing: 'Elke zoekopdracht vond iets.',
    noViews: 'Nog geen weergaven in deze periode.',
    chartLabel: 'Unieke bezoekers per dag',
    download: 'Cijfers per dag downloaden (CSV)',
    downloadFailed: 'Het downloaden is niet gelukt.',
    allFigures: 'Alle statistieken',
  },
  en: {
    attentionTitle: 'What needs attention',
    reachTitle: 'Reach',
    loading: 'Loading…',
    loadFailed: 'This could not be loaded.',
    nothingWaiting: 'Nothing is waiting for you.',
    items: {
      organisationsAwaitingApproval: 'Organisations waiting for approval',
      reportsAwaitingDecision: 'Reported reactions and answers',
      initiativesAwaitingReply: 'Initiatives past the threshold without a reply from the town',
      staleListings: 'Listings that missed the last reminder',
      expiringSoon: 'Archived in the next 7 days',
      failedReminderMails: 'Failed reminder mails',
      failedMails: 'Failed mails',
      fullActivities: 'Full activities',
    },
    visitors: 'Unique visitors',
    views: 'Views',
    participation: 'Took part',
    lastDays: (days) => `Last ${days} days`,
    topItems: 'Most viewed',
    notFound: 'Searched for, nothing found',
    nothingMissing: 'Every search found something.',
    noViews: 'No views in this period yet.',
    chartLabel: 'Unique visitors per day',
    download: 'Download the daily figures (CSV)',
    downloadFailed: 'The download did not work.',
    allFigures: 'All statistics',
  },
};
