import { addressed, type FormOfAddress, type Language } from './defaults';

export type ConfirmOutcome = 'confirmed' | 'already' | 'expired' | 'invalid';

const TEXTS: Record<Language, Record<ConfirmOutcome, { title: string; text: string }>> = {
  nl: {
    confirmed: { title: '{{Dank je wel|Dank u wel}}!', text: '{{Je|Uw}} vermelding "{name}" is bevestigd. Tot het volgende kwartaal.' },
    already: { title: 'Al bevestigd', text: '{{Je|Uw}} vermelding "{name}" was al bevestigd voor dit kwartaal. {{Je hoeft|U hoeft}} niets meer te doen.' },
    expired: { title: 'Deze link is verlopen', text: 'Deze link hoort bij een eerder kwartaal. {{Je krijgt|U krijgt}} bij de volgende herinnering een nieuwe link; aanpassen kan altijd door in te loggen.' },
    invalid: { title: 'Deze link werkt niet', text: 'De link is niet compleet of niet geldig. Kopieer de hele link uit de mail, of log in om {{je|uw}} vermelding te bekijken.' },
  },
  en: {
    confirmed: { title: 'Thank you!', text: 'Your listing "{name}" is confirmed. Until next quarter.' },
    already: { title: 'Already confirmed', text: 'Your listing "{name}" was already confirmed for this quarter. Nothing else to do.' },
    expired: { title: 'This link has expired', text: 'This link belongs to an earlier quarter. The next reminder brings a new one; you can always log in to make changes.' },
    invalid: { title: 'This link does not work', text: 'The link is incomplete or not valid. Copy the whole link from the email, or log in to check your listing.' },
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small page that works without JavaScript or styles from elsewhere, in the organisation's language. */
export function confirmPage(language: Language, outcome: ConfirmOutcome, name = '', form: FormOfAddress = 'je') {
  // The name is filled in after choosing the form, so braces in it stay as typed.
  const title = addressed(TEXTS[language][outcome].title, form);
  const text = addressed(TEXTS[language][outcome].text, form);
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – buurtplein</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.6rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text.replace('{name}', name))}</p></main></body>
</html>
`;
}
