import { nextOccurrence } from '../discovery/recurrence';
import { slugify } from '../lib/slugify';
import { TARGET_GROUPS } from '../lib/target-groups';
import { createRandom, type Random } from './random';
import {
  ACTIVITY_KINDS,
  CATEGORIES,
  INITIATIVE_IDEAS,
  NEIGHBOURHOODS,
  ORGANISATION_KINDS,
  STREETS,
  SUBSIDIES,
  TOWN,
  type Bilingual,
  type CategorySlug,
} from './vocabulary';

/**
 * The demo town as plain data: what seeding writes, before any database is
 * involved. Relations are by key (slug or externalId) so the writer can
 * resolve them to documentIds and skip what already exists.
 */

export const DEMO_SEED = 20240601;
const DAY = 24 * 60 * 60 * 1000;

export interface DemoOptions {
  /** Multiplies organisations, activities and initiatives (the benchmark uses 10). */
  scale?: number;
  /** Dates are relative to this moment, so the agenda is current whenever the demo is seeded. */
  anchor?: Date;
}

export interface SeedOrganisation {
  externalId: string;
  slug: string;
  name: string;
  description: Bilingual;
  categories: CategorySlug[];
  neighbourhoods: string[];
  address: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string;
  email: string;
  website: string;
  reminderEmail: string;
  lastConfirmedAt: string;
}

export interface SeedActivity {
  externalId: string;
  slug: string;
  title: Bilingual;
  description: Bilingual;
  organisation: string;
  categories: CategorySlug[];
  neighbourhood: string;
  address: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  startsAt: string;
  endsAt: string | null;
  recurrence: string | null;
  cost: number;
  costNote: Bilingual | null;
  targetGroups: string[];
  capacity: number | null;
  enrolmentUrl: string | null;
  lastConfirmedAt: string;
}

export interface SeedInitiative {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  description: Bilingual;
  theme: CategorySlug;
  neighbourhood: string;
  stage: 'idea' | 'elaboration' | 'running' | 'done';
  subsidies: string[];
  supportUntil: string | null;
  latitude: number;
  longitude: number;
}

export interface SeedNeighbourhood {
  slug: string;
  name: string;
  description: Bilingual;
  website: string;
  latitude: number;
  longitude: number;
  boundary: { type: 'Polygon'; coordinates: number[][][] };
}

export interface DemoTown {
  categories: typeof CATEGORIES;
  neighbourhoods: SeedNeighbourhood[];
  subsidies: typeof SUBSIDIES;
  organisations: SeedOrganisation[];
  activities: SeedActivity[];
  initiatives: SeedInitiative[];
}

const round = (value: number, digits = 6) => Number(value.toFixed(digits));
const fill = (template: string, neighbourhood: string) => template.replace('{n}', neighbourhood);
const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/** Monday 00:00 UTC of the anchor's week: the same demo all week long. */
export function weekStart(anchor: Date): Date {
  const day = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - weekday * DAY);
}

function buildNeighbourhoods(): SeedNeighbourhood[] {
  const half = 0.006;
  return NEIGHBOURHOODS.map(({ name, offset }) => {
    const latitude = round(TOWN.centre.latitude + offset[0]);
    const longitude = round(TOWN.centre.longitude + offset[1]);
    const slug = slugify(name);
    const ring = [
      [longitude - half, latitude - half],
      [longitude + half, latitude - half],
      [longitude + half, latitude + half],
      [longitude - half, latitude + half],
      [longitude - half, latitude - half],
    ].map(([lng, lat]) => [round(lng), round(lat)]);
    return {
      slug,
      name,
      latitude,
      longitude,
      website: `https://${slug}.buurt.example`,
      description: {
        nl: `${name} is een wijk van ${TOWN.name} met een eigen buurtwebsite.`,
        en: `${name} is a neighbourhood of ${TOWN.name} with its own website.`,
      },
      boundary: { type: 'Polygon', coordinates: [ring] },
    };
  });
}

function place(random: Random, neighbourhood: SeedNeighbourhood) {
  return {
    address: `${random.pick(STREETS)} ${random.int(1, 180)}`,
    postalCode: `${TOWN.postalPrefix}${random.int(11, 99)} ${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
    city: TOWN.name,
    latitude: round(neighbourhood.latitude + (random.next() - 0.5) * 0.01),
    longitude: round(neighbourhood.longitude + (random.next() - 0.5) * 0.016),
  };
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function buildOrganisations(random: Random, count: number, neighbourhoods: SeedNeighbourhood[], anchor: Date) {
  const slugs = new Set<string>();
  return Array.from({ length: count }, (_, index): SeedOrganisation => {
    const category = CATEGORIES[index % CATEGORIES.length].slug;
    const home = neighbourhoods[Math.floor(index / CATEGORIES.length) % neighbourhoods.length];
    const kind = random.pick(ORGANISATION_KINDS[category]);
    const base = fill(kind.nl, home.name);
    const slug = uniqueSlug(slugify(base), slugs);
    const name = slug === slugify(base) ? base : `${base} ${slug.split('-').pop()}`;
    const extra = random.chance(0.3) ? [random.pick(CATEGORIES).slug] : [];
    const alsoServes = random.chance(0.25) ? [random.pick(neighbourhoods).slug] : [];
    return {
      externalId: `demo-org-${pad(index + 1)}`,
      slug,
      name,
      description: {
        nl: `${name} is er voor iedereen in ${home.name}. Kom gerust langs of neem contact op.`,
        en: `${kind.en} in ${home.name}, open to everyone. Feel free to drop by or get in touch.`,
      },
      categories: [...new Set([category, ...extra])],
      neighbourhoods: [...new Set([home.slug, ...alsoServes])],
      ...place(random, home),
      phone: `033-${random.int(2000000, 9999999)}`,
      email: `info@${slug}.example`,
      website: `https://${slug}.example`,
      reminderEmail: `beheer@${slug}.example`,
      lastConfirmedAt: new Date(anchor.getTime() - random.int(0, 200) * DAY).toISOString(),
    };
  });
}

const RECURRENCES = ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TH', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', 'FREQ=MONTHLY;BYDAY=1SA', 'FREQ=WEEKLY;BYDAY=MO,FR'];
const START_HOURS = [9.5, 10, 13.5, 14, 19, 19.5];

function buildActivities(random: Random, count: number, organisations: SeedOrganisation[], neighbourhoods: SeedNeighbourhood[], anchor: Date) {
  const slugs = new Set<string>();
  const bySlug = new Map(neighbourhoods.map((n) => [n.slug, n]));
  return Array.from({ length: count }, (_, index): SeedActivity => {
    const organisation = organisations[index % organisations.length];
    const category = organisation.categories[0];
    const kind = random.pick(ACTIVITY_KINDS[category]);
    const neighbourhood = bySlug.get(organisation.neighbourhoods[0])!;
    const shape = random.next();
    const hour = random.pick(START_HOURS);
    const durationHours = random.pick([1.5, 2, 2.5, 3]);
    const dayOffset = shape < 0.15 ? -random.int(20, 200) : shape < 0.45 ? -random.int(0, 60) : random.int(0, 90);
    const drawnStart = new Date(anchor.getTime() + dayOffset * DAY + hour * 3600 * 1000);
    const recurrence = shape >= 0.15 && shape < 0.45 ? random.pick(RECURRENCES) : null;
    // A series starts on a day its rule names, as an editor entering "every Thursday" would.
    const startsAt = recurrence ? nextOccurrence(drawnStart, recurrence)! : drawnStart;
    // An ended recurring series stops with UNTIL; a one-off ends the same day.
    const endsAt = recurrence ? null : new Date(startsAt.getTime() + durationHours * 3600 * 1000);
    const cost = random.chance(0.55) ? 0 : random.pick([2.5, 5, 7.5, 10, 15]);
    const title = { nl: `${kind.nl} (${neighbourhood.name})`, en: `${kind.en} (${neighbourhood.name})` };
    return {
      externalId: `demo-act-${pad(index + 1)}`,
      slug: uniqueSlug(slugify(title.nl), slugs),
      title,
      description: {
        nl: `${kind.nl} georganiseerd door ${organisation.name}. Aanmelden is ${cost ? 'nodig' : 'niet nodig'}, iedereen is welkom.`,
        en: `${kind.en} organised by ${organisation.name}. ${cost ? 'Please register' : 'No need to register'}; everyone is welcome.`,
      },
      organisation: organisation.externalId,
      categories: [category],
      neighbourhood: neighbourhood.slug,
      ...place(random, neighbourhood),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt ? endsAt.toISOString() : null,
      recurrence,
      cost,
      costNote: cost ? { nl: 'inclusief koffie en thee', en: 'coffee and tea included' } : null,
      targetGroups: random.sample(TARGET_GROUPS, random.int(1, 3)),
      capacity: random.chance(0.4) ? random.pick([8, 12, 15, 20, 30]) : null,
      enrolmentUrl: cost ? `${organisation.website}/aanmelden` : null,
      lastConfirmedAt: organisation.lastConfirmedAt,
    };
  });
}

const STAGES: SeedInitiative['stage'][] = ['idea', 'idea', 'idea', 'elaboration', 'elaboration', 'running', 'done'];

function buildInitiatives(random: Random, count: number, neighbourhoods: SeedNeighbourhood[], anchor: Date) {
  const combinations = INITIATIVE_IDEAS.flatMap((idea) => neighbourhoods.map((n) => ({ idea, n })));
  const slugs = new Set<string>();
  return Array.from({ length: count }, (_, index): SeedInitiative => {
    const { idea, n } = combinations[(index * 7) % combinations.length];
    const round_ = Math.floor((index * 7) / combinations.length);
    const suffix = round_ ? ` ${round_ + 1}` : '';
    const title = { nl: fill(idea.nl, n.name) + suffix, en: fill(idea.en, n.name) + suffix };
    const themeSubsidies = SUBSIDIES.filter((s) => (s.themes as readonly string[]).includes(idea.theme)).map((s) => s.slug);
    return {
      slug: uniqueSlug(slugify(title.nl), slugs),
      title,
      summary: idea.summary,
      description: {
        nl: `${idea.summary.nl}\n\nWie doet er mee in ${n.name}? Steun dit idee als je het ook wilt.`,
        en: `${idea.summary.en}\n\nWho in ${n.name} wants to join? Support this idea if you want it too.`,
      },
      theme: idea.theme,
      neighbourhood: n.slug,
      stage: random.pick(STAGES),
      subsidies: random.sample(themeSubsidies, random.int(0, Math.min(2, themeSubsidies.length))),
      supportUntil: random.chance(0.3) ? new Date(anchor.getTime() + random.int(-30, 120) * DAY).toISOString() : null,
      latitude: round(n.latitude + (random.next() - 0.5) * 0.008),
      longitude: round(n.longitude + (random.next() - 0.5) * 0.012),
    };
  });
}

export function buildDemoTown({ scale = 1, anchor = new Date() }: DemoOptions = {}): DemoTown {
  const random = createRandom(DEMO_SEED);
  const start = weekStart(anchor);
  const neighbourhoods = buildNeighbourhoods();
  const organisations = buildOrganisations(random, Math.round(200 * scale), neighbourhoods, start);
  return {
    categories: CATEGORIES,
    neighbourhoods,
    subsidies: SUBSIDIES,
    organisations,
    activities: buildActivities(random, Math.round(350 * scale), organisations, neighbourhoods, start),
    initiatives: buildInitiatives(random, Math.round(50 * scale), neighbourhoods, start),
  };
}
