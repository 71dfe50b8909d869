import { TARGET_GROUP_NAMES, TARGET_GROUPS } from './target-groups';

/**
 * How staff see each content type in the admin panel, in one place: the
 * server writes it into the content manager's view configuration at every
 * start (src/bootstrap/admin-views.ts: English labels, hints, order, list
 * columns, read-only fields) and the admin app registers the Dutch labels as
 * translations (src/admin/app.tsx), so a Dutch profile sees Dutch.
 * A hint cannot be translated by the admin panel, so it carries both languages.
 */
export interface FieldText {
  nl: string;
  en: string;
  hint?: { nl: string; en: string };
  /** Set by the system (counting, clean-up, the quarterly check): shown, never edited. */
  readOnly?: boolean;
}

export interface TypeView {
  /** The schema's info.displayName: the admin panel translates the type's name in menus and headings by it. */
  displayName: string;
  name: { nl: string; en: string };
  /** Columns of the list view, in order. */
  list: string[];
  /** Every field staff edit, in the order of the edit view; fields left out follow. */
  fields: Record<string, FieldText>;
}

const title = { nl: 'Titel', en: 'Title' };
const name = { nl: 'Naam', en: 'Name' };
const slug = { nl: 'Webadres (slug)', en: 'Web address (slug)', hint: { nl: 'Deel van de link naar de pagina; uniek', en: 'Part of the link to the page; unique' } };
const description = { nl: 'Beschrijving', en: 'Description' };
const place = {
  address: { nl: 'Adres', en: 'Address' },
  postalCode: { nl: 'Postcode', en: 'Postal code' },
  city: { nl: 'Plaats', en: 'Town' },
  latitude: { nl: 'Breedtegraad', en: 'Latitude', hint: { nl: 'Plaats op de kaart, bijv. 52.155', en: 'Position on the map, e.g. 52.155' } },
  longitude: { nl: 'Lengtegraad', en: 'Longitude', hint: { nl: 'Plaats op de kaart, bijv. 5.387', en: 'Position on the map, e.g. 5.387' } },
};
const neighbourhood = { nl: 'Wijk', en: 'Neighbourhood' };
const categories = { nl: 'Categorieën', en: 'Categories' };
const externalId = { nl: 'Extern ID', en: 'External ID', hint: { nl: 'Sleutel uit een import; leeg laten', en: 'Key from an import; leave empty' } };
const lastConfirmedAt = {
  nl: 'Laatst bevestigd',
  en: 'Last confirmed',
  hint: { nl: 'Gezet als de organisatie de kwartaalcontrole bevestigt', en: 'Set when the organisation confirms the quarterly check' },
  readOnly: true,
};
const archivedAt = {
  nl: 'Gearchiveerd op',
  en: 'Archived at',
  hint: { nl: 'Gezet door de automatische opruiming; terugzetten via Opruimen', en: 'Set by the automatic clean-up; restore it under Clean-up' },
  readOnly: true,
};

/** The fields of what residents write and the moderation flow looks after (reactions, questions, answers). */
const moderated = {
  status: { nl: 'Status', en: 'Status', hint: { nl: 'Verborgen na meldingen; verwijderen of goedkeuren', en: 'Hidden after reports; remove or approve' } },
  authorName: { nl: 'Naam schrijver', en: 'Author name' },
  userId: { nl: 'Account-ID', en: 'Account ID', readOnly: true },
  reportCount: { nl: 'Meldingen', en: 'Reports', readOnly: true },
};

export const ADMIN_VIEWS: Record<string, TypeView> = {
  'api::activity.activity': {
    displayName: 'Activity',
    name: { nl: 'Activiteit', en: 'Activity' },
    list: ['title', 'startsAt', 'organisation', 'neighbourhood', 'archivedAt'],
    fields: {
      title,
      slug,
      organisation: { nl: 'Organisatie', en: 'Organisation' },
      startsAt: { nl: 'Begint op', en: 'Starts at' },
      endsAt: { nl: 'Eindigt op', en: 'Ends at' },
      recurrence: {
        nl: 'Herhaling',
        en: 'Repeats',
        hint: { nl: 'Regel (RRULE), bijv. FREQ=WEEKLY;BYDAY=TH = elke donderdag; leeg = eenmalig', en: 'Rule (RRULE), e.g. FREQ=WEEKLY;BYDAY=TH = every Thursday; empty = once' },
      },
      description,
      categories,
      neighbourhood,
      ...place,
      cost: { nl: 'Kosten (€)', en: 'Cost (€)', hint: { nl: '0 = gratis; leeg = onbekend', en: '0 = free; empty = unknown' } },
      costNote: { nl: 'Toelichting op de kosten', en: 'Note on the cost' },
      targetGroups: {
        nl: 'Doelgroepen',
        en: 'Target groups',
        hint: { nl: 'Voor wie de activiteit is; kies er een of meer', en: 'Who the activity is for; choose one or more' },
      },
      capacity: { nl: 'Aantal plaatsen', en: 'Places' },
      enrolmentUrl: { nl: 'Link om in te schrijven', en: 'Enrolment link' },
      image: { nl: 'Afbeelding', en: 'Image' },
      externalId,
      lastConfirmedAt,
      archivedAt,
    },
  },
  'api::organisation.organisation': {
    displayName: 'Organisation',
    name: { nl: 'Organisatie', en: 'Organisation' },
    list: ['name', 'approvalStatus', 'city', 'lastConfirmedAt', 'archivedAt'],
    fields: {
      name,
      slug,
      approvalStatus: {
        nl: 'Goedkeuring',
        en: 'Approval',
        hint: { nl: 'Goedkeuren met de knop "Goedkeuren" rechts', en: 'Approve with the "Approve" button on the right' },
      },
      description,
      logo: { nl: 'Logo', en: 'Logo' },
      categories,
      neighbourhoods: { nl: 'Wijken', en: 'Neighbourhoods' },
      ...place,
      phone: { nl: 'Telefoon', en: 'Phone' },
      email: { nl: 'E-mail', en: 'Email' },
      website: { nl: 'Website', en: 'Website' },
      reminderEmail: {
        nl: 'E-mailadres voor de kwartaalcontrole',
        en: 'Quarterly check address',
        hint: { nl: 'Krijgt elk kwartaal de vraag of de vermelding nog klopt', en: 'Asked every quarter whether the listing is still right' },
      },
      preferredLanguage: { nl: 'Taal van de mails', en: 'Language of mails' },
      members: { nl: 'Redacteuren (accounts)', en: 'Editors (accounts)' },
      activities: { nl: 'Activiteiten', en: 'Activities' },
      externalId,
      lastConfirmedAt,
      archivedAt,
    },
  },
  'api::initiative.initiative': {
    displayName: 'Initiative',
    name: { nl: 'Initiatief', en: 'Initiative' },
    list: ['title', 'stage', 'supportCount', 'thresholdReachedAt', 'archivedAt'],
    fields: {
      title,
      slug,
      stage: { nl: 'Fase', en: 'Stage' },
      summary: { nl: 'Samenvatting', en: 'Summary' },
      description,
      theme: { nl: 'Thema', en: 'Theme' },
      neighbourhood,
      initiator: { nl: 'Initiatiefnemer', en: 'Initiator' },
      subsidies: { nl: 'Subsidies', en: 'Grants' },
      supportUntil: { nl: 'Steunen kan tot', en: 'Support open until', hint: { nl: 'Leeg = geen einddatum', en: 'Empty = no end date' } },
      supportCount: {
        nl: 'Steunbetuigingen',
        en: 'Supports',
        hint: { nl: 'Geteld door het systeem', en: 'Counted by the system' },
        readOnly: true,
      },
      thresholdReachedAt: {
        nl: 'Drempel bereikt op',
        en: 'Threshold reached at',
        hint: { nl: 'Gezet als het idee genoeg steun heeft', en: 'Set when the idea has enough support' },
        readOnly: true,
      },
      latitude: place.latitude,
      longitude: place.longitude,
      archivedAt,
    },
  },
  'api::category.category': {
    displayName: 'Category',
    name: { nl: 'Categorie', en: 'Category' },
    list: ['name', 'slug', 'icon'],
    fields: { name, slug, description, icon: { nl: 'Pictogram', en: 'Icon' } },
  },
  'api::neighbourhood.neighbourhood': {
    displayName: 'Neighbourhood',
    name: { nl: 'Wijk', en: 'Neighbourhood' },
    list: ['name', 'slug', 'website'],
    fields: {
      name,
      slug,
      description,
      website: { nl: 'Website', en: 'Website' },
      latitude: place.latitude,
      longitude: place.longitude,
      boundary: { nl: 'Grens (GeoJSON)', en: 'Boundary (GeoJSON)', hint: { nl: 'Polygoon van de wijk voor de kaart', en: 'Polygon of the neighbourhood for the map' } },
    },
  },
  'api::subsidy.subsidy': {
    displayName: 'Subsidy',
    name: { nl: 'Subsidie', en: 'Grant' },
    list: ['name', 'provider', 'maxAmount'],
    fields: {
      name,
      slug,
      provider: { nl: 'Verstrekker', en: 'Provider' },
      url: { nl: 'Link', en: 'Link' },
      description,
      maxAmount: { nl: 'Maximaal bedrag (€)', en: 'Maximum amount (€)' },
      themes: { nl: "Thema's", en: 'Themes' },
    },
  },
  'api::group.group': {
    displayName: 'Group',
    name: { nl: 'Groep', en: 'Group' },
    list: ['name', 'visibility', 'memberCount', 'category'],
    fields: {
      name,
      slug,
      description,
      visibility: {
        nl: 'Zichtbaarheid',
        en: 'Visibility',
        hint: { nl: 'Open: iedereen met een account doet mee. Besloten: op verzoek. Geheim: alleen op uitnodiging, onzichtbaar voor anderen', en: 'Open: anyone signed in joins. Closed: on request. Secret: invitation only, invisible to others' },
      },
      category: { nl: 'Categorie', en: 'Category' },
      neighbourhood,
      organisations: { nl: 'Organisaties', en: 'Organisations' },
      initiatives: { nl: 'Initiatieven', en: 'Initiatives' },
      memberCount: { nl: 'Leden', en: 'Members', readOnly: true },
    },
  },
  'api::article.article': {
    displayName: 'Article',
    name: { nl: 'Kennisartikel', en: 'Knowledge article' },
    list: ['title', 'kind', 'visibility', 'group', 'lastReviewedAt'],
    fields: {
      title,
      slug,
      summary: { nl: 'Samenvatting', en: 'Summary' },
      body: { nl: 'Tekst', en: 'Text' },
      kind: { nl: 'Soort', en: 'Kind', hint: { nl: 'Een handleiding is een praktische how-to met een controledatum', en: 'A guide is a practical how-to with a review date' } },
      lastReviewedAt: { nl: 'Laatst gecontroleerd', en: 'Last reviewed' },
      visibility: {
        nl: 'Zichtbaarheid',
        en: 'Visibility',
        hint: { nl: 'Openbaar; leden (iedereen met een account); groep (alleen leden van de groep); verborgen (alleen medewerkers)', en: 'Public; members (anyone signed in); group (its members only); hidden (staff only)' },
      },
      group: { nl: 'Groep', en: 'Group' },
      categories,
      tags: { nl: 'Trefwoorden', en: 'Tags', hint: { nl: 'Lijst van woorden, bijv. ["subsidie", "zonnepanelen"]', en: 'List of words, e.g. ["subsidy", "solar panels"]' } },
      related: { nl: 'Verwante artikelen', en: 'Related articles' },
      image: { nl: 'Afbeelding', en: 'Image' },
      attachments: { nl: 'Bijlagen', en: 'Attachments' },
    },
  },
  'api::question.question': {
    displayName: 'Question',
    name: { nl: 'Vraag', en: 'Question' },
    list: ['title', 'group', 'answerCount', 'status', 'locked'],
    fields: {
      title,
      body: { nl: 'Toelichting', en: 'Details' },
      group: { nl: 'Groep', en: 'Group', hint: { nl: 'Leeg: openbaar gesteld', en: 'Empty: asked in public' } },
      categories,
      acceptedAnswer: { nl: 'Geaccepteerd antwoord', en: 'Accepted answer' },
      locked: { nl: 'Gesloten voor antwoorden', en: 'Closed for answers' },
      answerCount: { nl: 'Antwoorden', en: 'Answers', readOnly: true },
      ...moderated,
      authorName: { nl: 'Naam vraagsteller', en: 'Name of who asked' },
    },
  },
  'api::answer.answer': {
    displayName: 'Answer',
    name: { nl: 'Antwoord', en: 'Answer' },
    list: ['body', 'question', 'official', 'status'],
    fields: {
      body: { nl: 'Tekst', en: 'Text' },
      question: { nl: 'Vraag', en: 'Question' },
      official: { nl: 'Officieel antwoord', en: 'Official answer', hint: { nl: 'Gegeven door de gemeente; zo gemarkeerd', en: 'Given by the municipality; shown marked' } },
      ...moderated,
    },
  },
  'plugin::idea-support.comment': {
    displayName: 'Reacties',
    name: { nl: 'Reacties', en: 'Reactions' },
    list: ['authorName', 'body', 'status', 'reportCount'],
    fields: {
      body: { nl: 'Tekst', en: 'Text' },
      initiative: { nl: 'Initiatief (documentId)', en: 'Initiative (documentId)', readOnly: true },
      ...moderated,
    },
  },
};

/** Enumeration values, which the admin panel translates by the value itself (so one text per value, across types). */
export const ENUM_VALUES: Record<string, { nl: string; en: string }> = {
  pending: { nl: 'Wacht op goedkeuring', en: 'Waiting for approval' },
  approved: { nl: 'Goedgekeurd', en: 'Approved' },
  rejected: { nl: 'Afgewezen', en: 'Rejected' },
  idea: { nl: 'Idee', en: 'Idea' },
  elaboration: { nl: 'Uitwerking', en: 'Being worked out' },
  running: { nl: 'Loopt', en: 'Running' },
  done: { nl: 'Afgerond', en: 'Done' },
  visible: { nl: 'Zichtbaar', en: 'Visible' },
  hidden: { nl: 'Verborgen', en: 'Hidden' },
  removed: { nl: 'Verwijderd', en: 'Removed' },
  open: { nl: 'Open', en: 'Open' },
  closed: { nl: 'Besloten', en: 'Closed' },
  secret: { nl: 'Geheim', en: 'Secret' },
  public: { nl: 'Openbaar', en: 'Public' },
  members: { nl: 'Leden (iedereen met een account)', en: 'Members (anyone signed in)' },
  group: { nl: 'Alleen de groep', en: 'Group only' },
  article: { nl: 'Artikel', en: 'Article' },
  guide: { nl: 'Handleiding', en: 'Guide' },
  nl: { nl: 'Nederlands', en: 'Dutch' },
  en: { nl: 'Engels', en: 'English' },
};

/** The hint as the admin panel shows it: both languages. */
export const hintText = (hint: FieldText['hint']) => (hint ? `${hint.nl} · ${hint.en}` : '');

/** The admin panel's translations for one language: field labels, type names and enumeration values. */
export function adminTranslations(language: 'nl' | 'en'): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [uid, view] of Object.entries(ADMIN_VIEWS)) {
    entries.push([view.displayName, view.name[language]]);
    for (const [field, text] of Object.entries(view.fields)) entries.push([`content-manager.content-types.${uid}.${field}`, text[language]]);
  }
  for (const [value, text] of Object.entries(ENUM_VALUES)) entries.push([value, text[language]]);
  for (const group of TARGET_GROUPS) entries.push([`buurtplein.targetGroup.${group}`, TARGET_GROUP_NAMES[group][language]]);
  return Object.fromEntries(entries);
}
