type Language = 'nl' | 'en';

const escape = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** "Still running? Extend it", a week before an item leaves the public site. */
export function expiryWarningMail(language: Language, { title, expiresAt, manageUrl }: { title: string; expiresAt: Date; manageUrl?: string }) {
  const date = expiresAt.toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  const texts = {
    nl: {
      subject: `Loopt "${title}" nog door?`,
      lines: [
        'Hallo,',
        `"${title}" verdwijnt na ${date} van de sociale kaart, omdat de einddatum dan voorbij is.`,
        'Loopt het nog door? Pas dan de einddatum of de herhaling aan, dan blijft het zichtbaar.',
        ...(manageUrl ? [manageUrl] : []),
        'Niets doen is ook goed: we bewaren het nog een jaar, en de gemeente kan het altijd terugzetten.',
      ],
    },
    en: {
      subject: `Is "${title}" still running?`,
      lines: [
        'Hello,',
        `"${title}" leaves the social map after ${date}, because its end date will have passed.`,
        'Still running? Change the end date or the recurrence, and it stays visible.',
        ...(manageUrl ? [manageUrl] : []),
        'Doing nothing is fine too: we keep it for a year, and staff can always bring it back.',
      ],
    },
  }[language];
  return {
    subject: texts.subject,
    text: texts.lines.join('\n\n') + '\n',
    // Only the manage link (a line of its own) becomes a link: a URL inside a title stays text.
    html: texts.lines.map((l) => `<p>${l === manageUrl ? `<a href="${escape(l)}">${escape(l)}</a>` : escape(l)}</p>`).join(''),
  };
}
