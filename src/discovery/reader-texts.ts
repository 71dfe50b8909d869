/** What readers of the feeds and embeds see, in Dutch and English. */
export type Locale = 'nl' | 'en';

export const TEXTS = {
  nl: {
    siteName: 'Buurtplein',
    activities: 'Activiteiten',
    activitiesIn: (place: string) => `Activiteiten in ${place}`,
    latest: 'Nieuw op Buurtplein',
    latestDescription: 'De nieuwste activiteiten en initiatieven uit de buurt',
    activity: 'Activiteit',
    initiative: 'Initiatief',
    nothingPlanned: 'Er staan de komende tijd geen activiteiten gepland.',
    organisedBy: 'Georganiseerd door',
    free: 'Gratis',
    more: 'Alle activiteiten',
    opensInNewTab: '(opent in een nieuw tabblad)',
    dateLocale: 'nl-NL',
  },
  en: {
    siteName: 'Buurtplein',
    activities: 'Activities',
    activitiesIn: (place: string) => `Activities in ${place}`,
    latest: 'New on Buurtplein',
    latestDescription: 'The newest activities and initiatives in the neighbourhood',
    activity: 'Activity',
    initiative: 'Initiative',
    nothingPlanned: 'No activities are planned for the coming weeks.',
    organisedBy: 'Organised by',
    free: 'Free',
    more: 'All activities',
    opensInNewTab: '(opens in a new tab)',
    dateLocale: 'en-GB',
  },
} as const;
