import { escapeMarkup as e } from '../../../discovery/markup';
import type { Locale } from '../../../discovery/reader-texts';
import type { Frequency } from './matching';

const TEXTS = {
  nl: {
    title: (place: string) => `Volg ${place}`,
    intro: 'Krijg bericht over nieuwe activiteiten en initiatieven in deze buurt. Geen account nodig: we vragen eerst per mail of het klopt.',
    email: 'Je e-mailadres',
    frequency: 'Hoe vaak wil je bericht?',
    frequencies: { immediate: 'Meteen', daily: 'Eén keer per dag', weekly: 'Eén keer per week' } as Record<Frequency, string>,
    submit: 'Volgen',
    done: 'Bijna klaar: open de mail die we stuurden en bevestig daar.',
    invalidEmail: 'Vul een geldig e-mailadres in.',
    tooMany: 'Te veel aanvragen. Probeer het over een paar minuten nog eens.',
    unknown: 'Deze buurt bestaat niet (meer) op buurtplein.',
  },
  en: {
    title: (place: string) => `Follow ${place}`,
    intro: 'Hear about new activities and initiatives in this neighbourhood. No account needed: we first ask by mail whether it is right.',
    email: 'Your email address',
    frequency: 'How often do you want news?',
    frequencies: { immediate: 'At once', daily: 'Once a day', weekly: 'Once a week' } as Record<Frequency, string>,
    submit: 'Follow',
    done: 'Almost done: open the mail we sent and confirm there.',
    invalidEmail: 'Enter a valid email address.',
    tooMany: 'Too many requests. Please try again in a few minutes.',
    unknown: 'This neighbourhood does not exist (any more) on buurtplein.',
  },
};
export type EmbedMessage = 'done' | 'invalidEmail' | 'tooMany' | 'unknown';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:.75rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
h1{font-size:1.2rem;margin:0 0 .5rem}
p{margin:0 0 .75rem}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input,select{width:100%;font:inherit;padding:.45rem;border:1px solid #6b6b6b;border-radius:4px}
button{margin-top:.75rem;font:inherit;font-weight:600;padding:.5rem 1rem;border:0;border-radius:4px;background:#0b4f8a;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #c75000;outline-offset:2px}
.message{padding:.5rem .75rem;border-left:4px solid #0b4f8a;background:#f1f5fa}
.message.error{border-color:#b3261e;background:#fdf1f0}
`.trim();

/**
 * "Volg deze buurt" for an iframe on a neighbourhood's own site: a plain
 * HTML form that posts back to itself (no script, the embed's CSP allows
 * nothing else), in Dutch or English. The name is the town's text: escaped.
 */
export function renderFollowEmbed(locale: Locale, { slug, place, message, email = '' }: { slug: string; place: string | null; message?: EmbedMessage; email?: string }) {
  const text = TEXTS[locale];
  const notice = message ? `<p class="message${message === 'done' ? '' : ' error'}" role="${message === 'done' ? 'status' : 'alert'}">${e(text[message])}</p>` : '';
  const form =
    place === null || message === 'done'
      ? ''
      : `<form method="post" action="follow">
<input type="hidden" name="neighbourhood" value="${e(slug)}"><input type="hidden" name="locale" value="${locale}">
<label for="email">${e(text.email)}</label><input id="email" name="email" type="email" required autocomplete="email" value="${e(email)}">
<label for="frequency">${e(text.frequency)}</label><select id="frequency" name="frequency">${(['immediate', 'daily', 'weekly'] as Frequency[])
          .map((f) => `<option value="${f}"${f === 'weekly' ? ' selected' : ''}>${e(text.frequencies[f])}</option>`)
          .join('')}</select>
<button type="submit">${e(text.submit)}</button>
</form>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(text.title(place ?? 'buurtplein'))}</title><style>${STYLE}</style></head>
<body><main><h1>${e(text.title(place ?? 'buurtplein'))}</h1>${place === null ? '' : `<p>${e(text.intro)}</p>`}${notice}${form}</main></body></html>`;
}
