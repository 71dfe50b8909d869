export type Language = 'nl' | 'en';

/** Placeholders staff can use in subject and body. */
export const PLACEHOLDERS = ['organisation', 'period', 'summary', 'activities', 'confirmLink', 'editLink', 'reach'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The Dutch texts, written with both forms where they differ: `{{je form|u form}}`. */
export const addressed = (text: string, form: FormOfAddress) => text.replace(/\{\{([^{}|]*)\|([^{}|]*)\}\}/g, (_, je: string, u: string) => (form === 'u' ? u : je));
export type FormOfAddress = 'je' | 'u';

/** {{reach}}: how often the listing was viewed last quarter, when the app counts views (config `reachOf`). */
export function reachSentence(language: Language, views: number, form: FormOfAddress): string {
  if (language === 'en') return `Last quarter your listing was viewed ${views === 1 ? 'once' : `${views.toLocaleString('en-GB')} times`}.`;
  return addressed(`In het afgelopen kwartaal is {{je|uw}} vermelding ${views.toLocaleString('nl-NL')} keer bekeken.`, form);
}

/** Used until staff save their own text on the admin page (Dutch in the town's form of address). */
export const DEFAULT_TEMPLATES: Record<Language, { subject: string; body: string }> = {
  nl: {
    subject: 'Klopt {{je|uw}} vermelding nog? {{organisation}}',
    body: [
      'Beste {{organisation}},',
      'Eens per kwartaal vragen we {{je|u}} even te kijken of {{je|uw}} gegevens op de sociale kaart nog kloppen. Zo staat er alleen actuele informatie op. {{reach}}',
      'Zo {{sta je|staat u}} er nu op:\n{{summary}}',
      '{{Je|Uw}} komende activiteiten:\n{{activities}}',
      'Klopt alles nog? Eén klik is genoeg:\n{{confirmLink}}',
      'Iets aanpassen? Met deze link {{ben je|bent u}} meteen ingelogd:\n{{editLink}}',
      'Met vriendelijke groet,\nbuurtplein',
    ].join('\n\n'),
  },
  en: {
    subject: 'Is your listing still right? {{organisation}}',
    body: [
      'Dear {{organisation}},',
      'Once a quarter we ask you to check your details on the social map, so it only shows current information. {{reach}}',
      'This is how you are listed now:\n{{summary}}',
      'Your upcoming activities:\n{{activities}}',
      'Everything still correct? One click is enough:\n{{confirmLink}}',
      'Something to change? This link logs you straight in:\n{{editLink}}',
      'Kind regards,\nbuurtplein',
    ].join('\n\n'),
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderTemplate(template: { subject: string; body: string }, values: Record<Placeholder, string>) {
  const fill = (text: string) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key) => (key in values ? values[key as Placeholder] : whole));
  // A placeholder that came out empty (no reach figures) leaves no stray space at the end of its line.
  const text = fill(template.body).replace(/[ \t]+$/gm, '');
  const html = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return { subject: fill(template.subject).replace(/\s+/g, ' ').trim(), text: text + '\n', html: `<!doctype html><html><body>${html}</body></html>` };
}
