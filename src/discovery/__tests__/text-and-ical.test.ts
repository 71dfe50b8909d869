import type { Core } from '@strapi/strapi';
import { enrolmentCalendar, escapeText, foldLine } from '../ical';
import type { PublicActivity } from '../public-items';
import { parseRecurrence } from '../recurrence';
import { escapeMarkup, fullAddress, plainText, summarise } from '../markup';

describe('iCalendar text', () => {
  it('escapes backslashes, commas, semicolons and newlines (RFC 5545 §3.3.11)', () => {
    expect(escapeText('Koffie, thee; en\\of\r\nkoek\nmee')).toBe('Koffie\\, thee\\; en\\\\of\\nkoek\\nmee');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const part of lines) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(lines.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('plain text for summaries and markup', () => {
  it('strips Markdown and HTML and keeps paragraphs', () => {
    expect(plainText('# Kop\n\n\n\n**Vet**  en [een link](https://x.example) <b>html</b>\n- punt')).toBe('Kop\n\nVet en een link html\npunt');
    expect(summarise('Regel een.\n\nRegel twee.')).toBe('Regel een. Regel twee.');
  });

  it('cuts long text at a word with an ellipsis', () => {
    const text = summarise('woord '.repeat(100), 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith('woord…')).toBe(true);
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeMarkup('<script>"a" & \'b\'\u0001</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
  });

  it('writes an address from the parts that are there', () => {
    expect(fullAddress({ address: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Buurtstad' })).toBe('Dorpsstraat 1, 1234 AB Buurtstad');
    expect(fullAddress({ address: null, postalCode: null, city: 'Buurtstad' })).toBe('Buurtstad');
  });
});

describe('an enrolment as a calendar file', () => {
  const config: Record<string, string> = { 'buurtplein.frontendUrl': 'https://buurt.example', 'buurtplein.itemPath': '/{kind}/{slug}' };
  const strapi = { config: { get: (key: string) => config[key] } } as unknown as Core.Strapi;
  const weekly = {
    documentId: 'a'.repeat(24),
    slug: 'taalcafe',
    title: 'Taalcafé; koffie, thee',
    description: null,
    address: 'Dorpsstraat 1',
    postalCode: null,
    city: 'Buurtstad',
    lat: null,
    lng: null,
    startsAt: new Date('2026-12-08T18:00:00Z'),
    endsAt: new Date('2026-12-08T20:00:00Z'),
    recurrence: parseRecurrence('FREQ=WEEKLY;COUNT=4'),
    updatedAt: new Date('2026-12-01T10:00:00Z'),
    organisation: null,
    categories: [],
  } as unknown as PublicActivity;

  it('holds the date enrolled for as its own event (no RRULE), on Amsterdam time, as a PUBLISH', () => {
    const ics = enrolmentCalendar(strapi, weekly, 'nl', { uid: 'enrolment-7', start: new Date('2026-12-15T18:00:00Z') })!;
    expect(ics.split('\r\n')).toEqual(
      expect.arrayContaining([
        'METHOD:PUBLISH',
        'UID:enrolment-7@buurt.example',
        'DTSTART;TZID=Europe/Amsterdam:20261215T190000',
        'DTEND;TZID=Europe/Amsterdam:20261215T210000',
        'SUMMARY:Taalcafé\\; koffie\\, thee',
        'LOCATION:Dorpsstraat 1\\, Buurtstad',
      ])
    );
    expect(ics).not.toContain('RRULE:FREQ=WEEKLY'); // the time zone's own rules stay
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps the RRULE for an enrolment for the whole series, and has nothing for an activity without a date', () => {
    expect(enrolmentCalendar(strapi, weekly, 'nl', null)).toContain('RRULE:FREQ=WEEKLY;COUNT=4');
    expect(enrolmentCalendar(strapi, { ...weekly, startsAt: null }, 'nl', null)).toBeNull();
  });
});
