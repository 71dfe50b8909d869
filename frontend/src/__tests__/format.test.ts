/** The reference site's date and repeat-rule wording, with the browser in a zone other than the town's. */
type Format = typeof import('../format');

function loadFormat(lang: 'nl' | 'en'): Format {
  Object.assign(globalThis, {
    window: { location: { search: `?lang=${lang}` } },
    localStorage: { setItem: () => undefined, getItem: () => null },
  });
  let format: Format | undefined;
  jest.isolateModules(() => {
    format = jest.requireActual<Format>('../format');
  });
  return format!;
}

describe.each(['America/New_York', 'Pacific/Auckland'])('site formatting with the browser in %s', (zone) => {
  const original = process.env.TZ;
  let nl: Format;
  let en: Format;
  beforeAll(() => {
    process.env.TZ = zone;
    nl = loadFormat('nl');
    en = loadFormat('en');
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('shows the next Thursday of a Thursday series whose stored start is a past Sunday, with its weekday', () => {
    const pastSunday = '2026-09-06T17:30:00Z'; // Sunday 6 September, 19:30 in Amsterdam
    const now = new Date('2026-12-04T12:00:00Z'); // Friday
    expect(nl.formatNextOccurrence(pastSunday, 'FREQ=WEEKLY;BYDAY=TH', now)).toBe('Volgende keer: donderdag 10 december 2026, 19:30');
    expect(en.formatNextOccurrence(pastSunday, 'FREQ=WEEKLY;BYDAY=TH', now)).toBe('Next: Thursday, 10 December 2026, 19:30');
  });

  it('keeps the wall-clock hour across daylight saving time and says when a series has ended', () => {
    const summerStart = '2026-07-02T17:30:00Z'; // Thursday 19:30 in summer time
    expect(nl.formatNextOccurrence(summerStart, 'FREQ=WEEKLY;BYDAY=TH', new Date('2026-11-30T00:00:00Z'))).toBe(
      'Volgende keer: donderdag 3 december 2026, 19:30'
    );
    expect(nl.formatNextOccurrence(summerStart, 'FREQ=WEEKLY;BYDAY=TH;COUNT=2', new Date('2026-11-30T00:00:00Z'))).toBe('Deze reeks is afgelopen');
  });

  it('says a repeat rule in words, lowercase Dutch day names, and never shows the raw rule', () => {
    expect(nl.formatRecurrence('FREQ=WEEKLY;BYDAY=TH')).toBe('Terugkerend: elke week op donderdag');
    expect(nl.formatRecurrence('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE')).toBe('Terugkerend: elke 2 weken op woensdag');
    expect(nl.formatRecurrence('FREQ=MONTHLY;BYDAY=1TU')).toBe('Terugkerend: elke maand op de eerste dinsdag');
    expect(nl.formatRecurrence('FREQ=WEEKLY;BYDAY=MO,FR')).toBe('Terugkerend: elke week op maandag en vrijdag');
    expect(en.formatRecurrence('FREQ=MONTHLY;BYDAY=-1SA')).toBe('Recurring: every month on the last Saturday');
    expect(en.formatRecurrence('FREQ=WEEKLY')).toBe('Recurring: every week');
    for (const rule of ['FREQ=YEARLY;BYMONTH=5', 'FREQ=MONTHLY;BYMONTHDAY=15', 'FREQ=DAILY;COUNT=3']) {
      expect(nl.formatRecurrence(rule)).toBe('Terugkerend: op vaste momenten (vraag de organisator naar de data)');
    }
  });

  it('writes dates on the town clock and capitalises only a heading\'s first letter', () => {
    expect(nl.formatDate('2026-12-09T23:30:00Z')).toBe('donderdag 10 december 2026');
    expect(nl.capitaliseFirst('maandag 7 december 2026 – zondag 13 december 2026')).toBe('Maandag 7 december 2026 – zondag 13 december 2026');
    const { from, to } = nl.week(0);
    expect(nl.formatDate(from.toISOString())).toMatch(/^maandag /);
    expect(nl.formatDate(to.toISOString())).toMatch(/^zondag /);
  });
});
