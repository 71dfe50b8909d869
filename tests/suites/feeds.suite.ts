import { XMLParser } from 'fast-xml-parser';
import { api, createDocument, unique } from '../helpers/fixtures';
import { createFeedTown, expectNoSecrets, type FeedTown } from '../helpers/feed-town';
import { FRONTEND_URL } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const uidOf = (documentId: string) => `${documentId}@${new URL(FRONTEND_URL).host}`;

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v: any) => new ICAL.Event(v));
  return { calendar, events, byUid: (uid: string) => events.find((e: any) => e.uid === uid) };
}

describe('iCalendar feed of activities', () => {
  let town: FeedTown;
  beforeAll(async () => {
    town = await createFeedTown();
  });

  it('is valid RFC 5545: CRLF lines of at most 75 octets, events with UID, DTSTAMP, TZID start and the RRULE kept', async () => {
    const res = await api().get(`/api/feeds/activities.ics?organisation=${town.organisation.slug}`).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.text.endsWith('\r\n')).toBe(true);
    expect(res.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of res.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(res.text).toMatch(/\r\n [^\r\n]/); // the long description was folded

    const { events, byUid } = parseCalendar(res.text);
    expect(events.map((e: any) => e.uid).sort()).toEqual([town.weekly, town.oneOff, town.badRule, town.noPlace].map((a) => uidOf(a.documentId)).sort());
    const weekly = byUid(uidOf(town.weekly.documentId));
    expect(weekly.summary).toBe(town.weekly.title);
    expect(weekly.description).toContain('Elke dinsdag.\nIedereen welkom; ook met rollator, rolstoel of kinderwagen');
    expect(weekly.location).toBe('Dorpsstraat 1, 1234 AB Buurtstad');
    expect(weekly.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(weekly.component.getFirstPropertyValue('url')).toBe(`${FRONTEND_URL}/activity.html?slug=${town.weekly.slug}&lang=nl`);
    expect(weekly.component.getFirstProperty('dtstart').getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(weekly.startDate.zone.tzid).toBe('Europe/Amsterdam');
    expect(weekly.startDate.toString()).toBe('2026-10-06T19:00:00');
    expect(weekly.endDate.toString()).toBe('2026-10-06T20:30:00');
    expect(weekly.component.getFirstPropertyValue('rrule').toString()).toBe('FREQ=WEEKLY;BYDAY=TU');
    // Escaped on the wire, whole again after parsing.
    expect(res.text).toContain('Koffie\\, thee\\; en');

    // A calendar app expanding the rule keeps 19:00 local time after the clocks go back.
    const iterator = weekly.iterator();
    const starts = Array.from({ length: 4 }, () => iterator.next().toJSDate().toISOString());
    expect(starts).toEqual(['2026-10-06T17:00:00.000Z', '2026-10-13T17:00:00.000Z', '2026-10-20T17:00:00.000Z', '2026-10-27T18:00:00.000Z']);

    // An unreadable rule is dropped, the event stays.
    const broken = byUid(uidOf(town.badRule.documentId));
    expect(broken.isRecurring()).toBe(false);
    expect(broken.component.getFirstPropertyValue('geo')).toEqual([60.1, 20.1]);
    expectNoSecrets(res.text, town);
  });

  it('filters by neighbourhood and category, and refuses unknown ones', async () => {
    const here = parseCalendar((await api().get(`/api/feeds/activities.ics?neighbourhood=${town.elsewhere.slug}`).expect(200)).text);
    expect(here.events.map((e: any) => e.summary)).toEqual([town.oneOff.title]);
    const sport = parseCalendar((await api().get(`/api/feeds/activities.ics?category=${town.other.slug}`).expect(200)).text);
    expect(sport.events.map((e: any) => e.uid)).toEqual([uidOf(town.oneOff.documentId)]);
    const res = await api().get('/api/feeds/activities.ics?neighbourhood=unknown-place').expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', message: 'neighbourhood: unknown neighbourhood "unknown-place"' } });
  });
});

describe('RSS feed of new activities and initiatives', () => {
  let town: FeedTown;
  beforeAll(async () => {
    town = await createFeedTown();
  });
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category'].includes(name) });

  it('is RSS 2.0 with escaped titles, RFC 822 dates, an atom:self link and only public items', async () => {
    const res = await api().get(`/api/feeds/latest.rss?neighbourhood=${town.wijk.slug}`).expect(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = parser.parse(res.text);
    expect(feed.rss['@_version']).toBe('2.0');
    const channel = feed.rss.channel;
    expect(channel['atom:link']).toMatchObject({ '@_rel': 'self', '@_type': 'application/rss+xml' });
    expect(channel['atom:link']['@_href']).toMatch(/\/api\/feeds\/latest\.rss\?neighbourhood=/);
    expect(channel.language).toBe('nl');
    const titles = channel.item.map((i: any) => i.title);
    expect(titles.sort()).toEqual([town.weekly.title, town.badRule.title, town.noPlace.title, town.initiative.title].sort());
    // The parser gives back exactly what was stored: markup in titles travels escaped.
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('Idee &lt;b&gt;moestuin&lt;/b&gt; &amp; meer');
    const idea = channel.item.find((i: any) => i.title === town.initiative.title);
    expect(idea).toMatchObject({ link: `${FRONTEND_URL}/initiative.html?slug=${town.initiative.slug}&lang=nl`, description: 'Een moestuin voor iedereen' });
    expect(idea.guid).toMatchObject({ '@_isPermaLink': 'false' });
    expect(idea.category).toEqual(expect.arrayContaining(['Initiatief', town.category.name]));
    for (const item of channel.item) {
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    const dates = channel.item.map((i: any) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expectNoSecrets(res.text, town);
  });

  it('narrows to one type and speaks English', async () => {
    const res = await api().get(`/api/feeds/latest.rss?neighbourhood=${town.wijk.slug}&types=initiative&locale=en`).expect(200);
    const channel = parser.parse(res.text).rss.channel;
    expect(channel.language).toBe('en');
    expect(channel.item.map((i: any) => i.title)).toEqual([town.initiative.title]);
    expect(channel.item[0].link).toBe(`${FRONTEND_URL}/initiative.html?slug=${town.initiative.slug}&lang=en`);
    const activities = parser.parse((await api().get(`/api/feeds/latest.rss?neighbourhood=${town.wijk.slug}&types=activity&locale=en`).expect(200)).text);
    expect(activities.rss.channel.item.map((i: any) => i.title)).toContain(`Coffee, tea; and more ${town.tag}`);
  });

  it('answers unknown types and locales with 400', async () => {
    const types = await api().get('/api/feeds/latest.rss?types=activity,poll').expect(400);
    expect(types.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', message: expect.stringMatching(/^types:/) } });
    await api().get('/api/feeds/latest.rss?locale=fr').expect(400);
  });
});

describe('schema.org JSON-LD', () => {
  let town: FeedTown;
  beforeAll(async () => {
    town = await createFeedTown();
  });

  it('describes an activity as an Event with place, organiser, offer and schedule', async () => {
    const res = await api().get(`/api/activities/${town.weekly.documentId}/jsonld`).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.body).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: town.weekly.title,
      url: `${FRONTEND_URL}/activity.html?slug=${town.weekly.slug}&lang=nl`,
      startDate: '2026-10-06T17:00:00.000Z',
      location: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', streetAddress: 'Dorpsstraat 1', postalCode: '1234 AB', addressLocality: 'Buurtstad', addressCountry: 'NL' },
        geo: { '@type': 'GeoCoordinates', latitude: 60.1, longitude: 20.1 },
      },
      organizer: { '@type': 'Organization', name: town.organisation.name },
      offers: { '@type': 'Offer', price: '0.00', priceCurrency: 'EUR' },
      isAccessibleForFree: true,
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'P1W',
        byDay: ['https://schema.org/Tuesday'],
        startTime: '19:00',
        endTime: '20:30',
        scheduleTimezone: 'Europe/Amsterdam',
        startDate: '2026-10-06',
      },
    });
    const paid = await api().get(`/api/activities/${town.oneOff.documentId}/jsonld?locale=en`).expect(200);
    expect(paid.body).toMatchObject({ endDate: '2026-10-20T14:00:00.000Z', offers: { price: '5.00', description: 'inclusief materiaal' }, isAccessibleForFree: false });
    expect(paid.body.eventSchedule).toBeUndefined();
    expectNoSecrets(res.text + paid.text, town);
  });

  it('cannot be used to put a script into the page that embeds it', async () => {
    const title = `</script><script>alert(1)</script> & ${unique('t')}`;
    const name = `<img src=x onerror=alert(1)> ${unique('o')}`;
    const organisation = await createDocument('api::organisation.organisation', { name, slug: unique('o') });
    const activity = await createDocument('api::activity.activity', { title, slug: unique('a'), organisation: organisation.documentId });
    for (const [path, text] of [
      [`/api/activities/${activity.documentId}/jsonld`, title],
      [`/api/organisations/${organisation.documentId}/jsonld`, name],
    ]) {
      const res = await api().get(path).expect(200);
      expect(res.text).not.toMatch(/[<>&]/);
      expect(JSON.parse(res.text).name).toBe(text);
      // The cached copy is the same bytes.
      expect((await api().get(path).expect(200)).text).toBe(res.text);
    }
  });

  it('describes an organisation with its public contact only', async () => {
    const res = await api().get(`/api/organisations/${town.organisation.documentId}/jsonld`).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.body).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: town.organisation.name,
      description: 'Wij organiseren koffie en wandelingen.',
      email: town.organisation.email,
      telephone: '010-1234567',
      sameAs: 'https://club.example',
      address: { '@type': 'PostalAddress', streetAddress: 'Dorpsstraat 1' },
      areaServed: [{ '@type': 'Place', name: town.wijk.name }],
    });
    expectNoSecrets(res.text, town);
  });

  it('answers 404 for drafts, archived and unknown items, 400 for a malformed id', async () => {
    for (const path of [
      `/api/activities/${town.draft.documentId}/jsonld`,
      `/api/activities/${town.archived.documentId}/jsonld`,
      `/api/organisations/${town.draftOrganisation.documentId}/jsonld`,
      `/api/organisations/${town.archivedOrganisation.documentId}/jsonld`,
      '/api/organisations/abcdefghijklmnopqrstuvwx/jsonld',
    ]) {
      const res = await api().get(path).expect(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    }
    await api().get('/api/activities/not-an-id/jsonld').expect(400);
  });
});

describe('embeddable activity list for neighbourhood websites', () => {
  let town: FeedTown;
  beforeAll(async () => {
    town = await createFeedTown();
  });

  it('is a small accessible HTML page without scripts, served outside /api', async () => {
    const res = await api().get(`/embed/activities?neighbourhood=${town.wijk.slug}`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<h1>Activiteiten in ${town.wijk.name}</h1>`);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).toContain('Koffie, thee; en &lt;script&gt;alert(1)&lt;/script&gt;');
    // The weekly activity goes on: its next occurrence is listed with a machine-readable time.
    expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z">dinsdag \d{1,2} [a-z]+, 19:00<\/time>–<time datetime="[^"]+">20:30<\/time>/);
    expect(html).toContain(`<a href="${FRONTEND_URL}/activity.html?slug=${town.weekly.slug}&amp;lang=nl" target="_blank" rel="noopener">`);
    expect(html).toContain('(opent in een nieuw tabblad)');
    expect(html).not.toContain(town.oneOff.title); // another neighbourhood, and in the past
    expectNoSecrets(html, town);
    await api().get(`/api/embed/activities?neighbourhood=${town.wijk.slug}`).expect(404);
  });

  it('may be framed by any site, also when answered from the cache, while the rest of the API still may not', async () => {
    const url = `/embed/activities?neighbourhood=${town.wijk.slug}&limit=3`;
    const first = await api().get(url).expect(200);
    const cached = await api().get(url).expect(200);
    expect([first.headers['x-cache'], cached.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    for (const res of [first, cached]) {
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    }
    const api_ = await api().get('/api/categories').expect(200);
    expect(api_.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(api_.headers['content-security-policy']).not.toContain('frame-ancestors *');
  });

  it('speaks English, honours limit and says so when nothing is planned', async () => {
    const en = await api().get(`/embed/activities?neighbourhood=${town.wijk.slug}&locale=en&limit=1`).expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain(`<h1>Activities in ${town.wijk.name}</h1>`);
    expect(en.text).toContain(`Coffee, tea; and more ${town.tag}`);
    expect(en.text.match(/<li>/g)).toHaveLength(1);
    const empty = await api().get(`/embed/activities?neighbourhood=${town.elsewhere.slug}`).expect(200);
    expect(empty.text).toContain('Er staan de komende tijd geen activiteiten gepland.');
    expect(empty.text).not.toContain('<ul>');
  });

  it('answers bad input with 400 in Strapi’s error shape', async () => {
    const unknown = await api().get('/embed/activities?neighbourhood=no-such-place').expect(400);
    expect(unknown.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', message: 'neighbourhood: unknown neighbourhood "no-such-place"' } });
    await api().get('/embed/activities?limit=0').expect(400);
    await api().get('/embed/activities?limit=51').expect(400);
    await api().get('/embed/activities?locale=de').expect(400);
  });
});
