'use strict';
// Deterministic sample rows for the import: the launch scenario, a broken-rows
// file for the tests, and any number of rows for the benchmark.
const { stringify } = require('csv-stringify/sync');

/** mulberry32: the same numbers on every machine. */
function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

// Names as the demo town has them (src/seed/vocabulary.ts), written the ways people write them in a sheet.
const CATEGORIES = [
  { forms: ['Maaltijden', 'maaltijden', 'Meals'], kinds: ['Buurtkeuken', 'Eettafel', 'Maaltijdservice'], activities: ['Samen eten', 'Soepmiddag', 'Kookworkshop gezond en goedkoop'], en: ['Eating together', 'Soup afternoon', 'Healthy budget cooking workshop'] },
  { forms: ['Vervoer', 'vervoer', 'Transport'], kinds: ['Vrijwillige vervoersdienst', 'Buurtbus', 'Fietsmaatjes'], activities: ['Ritjes naar het ziekenhuis', 'Boodschappenbus', 'Fietsles voor volwassenen'], en: ['Rides to the hospital', 'Shopping bus', 'Cycling lessons for adults'] },
  { forms: ['Sport en bewegen', 'sport', 'Sport en Bewegen', 'sport-en-bewegen'], kinds: ['Wandelgroep', 'Jeu de boules', 'Sportvereniging', 'Beweegclub 55+'], activities: ['Wandelen in de buurt', 'Stoelyoga', 'Sportmiddag voor kinderen', 'Fietstocht langs de Eem'], en: ['Neighbourhood walk', 'Chair yoga', 'Sports afternoon for children', 'Bike ride along the river'] },
  { forms: ['Bewonersinitiatieven', 'bewonersinitiatieven', 'Resident initiatives'], kinds: ['Bewonerscommissie', 'Buurttuin', 'Repair Café'], activities: ['Opschoondag', 'Tuinieren in de buurttuin', 'Repair Café'], en: ['Clean-up day', 'Gardening in the community garden', 'Repair café'] },
  { forms: ['Ontmoeting', 'ontmoeting', 'Meeting'], kinds: ['Buurthuis', 'Koffiehuis', 'Inloophuis'], activities: ['Koffieochtend', 'Spelletjesmiddag', 'Buurtborrel'], en: ['Coffee morning', 'Games afternoon', 'Neighbourhood drinks'] },
  { forms: ['Cursussen', 'cursussen', 'Courses'], kinds: ['Taalhuis', 'Digicafé', 'Creatief atelier'], activities: ['Taalcafé Nederlands', 'Hulp bij de computer en telefoon', 'Schildercursus'], en: ['Dutch language café', 'Help with computer and phone', 'Painting course'] },
  { forms: ['Mantelzorg', 'mantelzorg', 'Informal care'], kinds: ['Mantelzorgpunt', 'Respijthuis', 'Steunpunt Zorg'], activities: ['Lotgenotengroep mantelzorgers', 'Mantelzorgcafé', 'Informatieavond dementie'], en: ['Peer group for carers', 'Carers café', 'Information evening on dementia'] },
];

const NEIGHBOURHOODS = [
  { name: 'Binnenstad', at: [52.1561, 5.3878] },
  { name: 'Oosterpark', at: [52.1601, 5.4088] },
  { name: 'Westwijk', at: [52.1541, 5.3638] },
  { name: 'De Hoven', at: [52.1391, 5.3938] },
  { name: 'Molenbuurt', at: [52.1721, 5.3798] },
  { name: 'Zuiderveld', at: [52.1301, 5.3758] },
  { name: 'Vogelwijk', at: [52.1831, 5.3998] },
  { name: 'Bloemenbuurt', at: [52.1671, 5.3568] },
  { name: 'Havenkwartier', at: [52.1471, 5.4238] },
  { name: 'Noorderhout', at: [52.1941, 5.3858] },
];

const STREETS = ['Kerkstraat', 'Molenweg', 'Lindelaan', 'Beukenlaan', 'Havenkade', 'Schoolstraat', 'Dorpsstraat', 'Stationsplein', 'Parkweg', 'Vijverlaan', 'Kastanjehof', 'Merelstraat'];
const RECURRENCES = ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TH', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', 'FREQ=MONTHLY;BYDAY=1SA', 'FREQ=WEEKLY;BYDAY=MO,FR'];
const TARGET_GROUPS = ['children', 'youth', 'adults', 'seniors', 'families', 'newcomers', 'carers', 'everyone'];
const ORG_COLUMNS = ['externalId', 'name', 'description', 'description_en', 'categories', 'neighbourhoods', 'address', 'postalCode', 'city', 'latitude', 'longitude', 'phone', 'email', 'website', 'reminderEmail', 'preferredLanguage'];
const ACTIVITY_COLUMNS = ['externalId', 'title', 'title_en', 'description', 'description_en', 'organisation', 'categories', 'neighbourhood', 'address', 'postalCode', 'city', 'latitude', 'longitude', 'startsAt', 'endsAt', 'recurrence', 'cost', 'costNote', 'costNote_en', 'targetGroups', 'capacity', 'enrolmentUrl'];

const pad = (n, width = 4) => String(n).padStart(width, '0');
const round = (n) => Number(n.toFixed(6));
const ascii = (text) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function place(random, neighbourhood) {
  return {
    address: `${random.pick(STREETS)} ${random.int(1, 180)}`,
    postalCode: `38${random.int(11, 99)} ${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
    city: 'Eemdal',
    latitude: round(neighbourhood.at[0] + (random.next() - 0.5) * 0.01),
    longitude: round(neighbourhood.at[1] + (random.next() - 0.5) * 0.016),
  };
}

/** `count` organisations with externalIds `<prefix>-org-0001`…, categories and neighbourhoods of the demo town. */
function organisationRows(count, { prefix = 'eemdal', seed = 9 } = {}) {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const category = CATEGORIES[index % CATEGORIES.length];
    const home = NEIGHBOURHOODS[Math.floor(index / CATEGORIES.length) % NEIGHBOURHOODS.length];
    const round_ = Math.floor(index / (CATEGORIES.length * NEIGHBOURHOODS.length));
    const name = `${random.pick(category.kinds)} ${home.name}${round_ ? ` ${round_ + 1}` : ''}`;
    const domain = `${ascii(name)}.example`;
    const extra = random.chance(0.3) ? [random.pick(CATEGORIES).forms[0]] : [];
    const alsoServes = random.chance(0.25) ? [random.pick(NEIGHBOURHOODS).name] : [];
    return {
      externalId: `${prefix}-org-${pad(index + 1)}`,
      name,
      description: `${name} is er voor iedereen in ${home.name}. Kom gerust langs of neem contact op.`,
      description_en: random.chance(0.7) ? `Open to everyone in ${home.name}. Feel free to drop by or get in touch.` : '',
      categories: [...new Set([random.pick(category.forms), ...extra])].join('|'),
      neighbourhoods: [...new Set([home.name, ...alsoServes])].join('|'),
      ...place(random, home),
      phone: `033-${random.int(2000000, 9999999)}`,
      email: `info@${domain}`,
      website: `https://${domain}`,
      reminderEmail: `beheer@${domain}`,
      preferredLanguage: random.chance(0.9) ? 'nl' : 'en',
    };
  });
}

const DAY = 24 * 3600 * 1000;
const FIRST_DAY = Date.UTC(2027, 0, 4); // a Monday: the season the launch sheet plans for
const local = (ms) => new Date(ms).toISOString().slice(0, 16); // written without offset: Amsterdam time

/** `count` activities spread over the organisations; about a third recur (RRULE). */
function activityRows(count, organisations, { prefix = 'eemdal', seed = 11 } = {}) {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const organisation = organisations[index % organisations.length];
    const category = CATEGORIES.find((c) => c.forms.some((f) => organisation.categories.split('|')[0] === f));
    const kind = random.int(0, category.activities.length - 1);
    const neighbourhood = NEIGHBOURHOODS.find((n) => organisation.neighbourhoods.startsWith(n.name));
    const hour = random.pick([9.5, 10, 13.5, 14, 19, 19.5]);
    const start = FIRST_DAY + random.int(0, 120) * DAY + hour * 3600 * 1000;
    const recurrence = random.chance(0.33) ? random.pick(RECURRENCES) : '';
    const cost = random.chance(0.55) ? 0 : random.pick([2.5, 5, 7.5, 10, 15]);
    const title = `${category.activities[kind]} (${neighbourhood.name})`;
    return {
      externalId: `${prefix}-act-${pad(index + 1, 5)}`,
      title,
      title_en: random.chance(0.6) ? `${category.en[kind]} (${neighbourhood.name})` : '',
      description: `${category.activities[kind]} georganiseerd door ${organisation.name}. Iedereen is welkom.`,
      description_en: random.chance(0.5) ? `${category.en[kind]} organised by ${organisation.name}. Everyone is welcome.` : '',
      organisation: organisation.externalId,
      categories: organisation.categories.split('|')[0],
      neighbourhood: neighbourhood.name,
      ...place(random, neighbourhood),
      startsAt: local(start),
      endsAt: recurrence ? '' : local(start + random.pick([1.5, 2, 3]) * 3600 * 1000),
      recurrence,
      cost: cost ? String(cost).replace('.', ',') : '0',
      costNote: cost ? 'inclusief koffie en thee' : '',
      costNote_en: cost ? 'coffee and tea included' : '',
      targetGroups: [...new Set([random.pick(TARGET_GROUPS), random.pick(TARGET_GROUPS)])].join('|'),
      capacity: random.chance(0.4) ? String(random.pick([8, 12, 15, 20, 30])) : '',
      enrolmentUrl: cost ? `${organisation.website}/aanmelden` : '',
    };
  });
}

const toCsv = (rows, columns, delimiter = ';') => stringify(rows, { header: true, columns, delimiter });

module.exports = { organisationRows, activityRows, toCsv, ORG_COLUMNS, ACTIVITY_COLUMNS };
