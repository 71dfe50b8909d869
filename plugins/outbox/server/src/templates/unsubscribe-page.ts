import type { Language } from '@buurtplein/plugin-kit';

export type UnsubscribePageState = 'ask' | 'done' | 'invalid';

const TEXTS: Record<Language, Record<UnsubscribePageState, { title: string; text: string }> & { button: string; generic: string }> = {
  nl: {
    ask: { title: 'Afmelden', text: 'Wil je deze mails niet meer ontvangen op {email}? Het gaat om: {list}.' },
    done: { title: 'Je bent afgemeld', text: 'Je ontvangt deze mails niet meer op {email} ({list}). Andere berichten, zoals inloglinks, blijven gewoon komen.' },
    invalid: { title: 'Deze link werkt niet', text: 'De link is niet compleet of niet geldig. Kopieer de hele link uit de mail.' },
    button: 'Afmelden',
    generic: 'berichten van buurtplein',
  },
  en: {
    ask: { title: 'Unsubscribe', text: 'Stop receiving these emails at {email}? This is about: {list}.' },
    done: { title: 'You are unsubscribed', text: 'You will no longer get these emails at {email} ({list}). Other messages, such as login links, still arrive.' },
    invalid: { title: 'This link does not work', text: 'The link is incomplete or not valid. Copy the whole link from the email.' },
    button: 'Unsubscribe',
    generic: 'messages from buurtplein',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page behind the unsubscribe link. Opening it changes nothing (mail
 * scanners open links): the button posts the same URL, as a mail client's
 * one-click unsubscribe does. No JavaScript, no styles from elsewhere.
 */
export function unsubscribePage(language: Language, state: UnsubscribePageState, { email = '', list = null as string | null, action = '' } = {}) {
  const texts = TEXTS[language];
  const { title, text } = texts[state];
  const filled = text.replace('{email}', email).replace('{list}', list ?? texts.generic);
  const form = state === 'ask' ? `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(texts.button)}</button></form>` : '';
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – buurtplein</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.6rem}button{font:inherit;padding:.5rem 1.2rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(filled)}</p>${form}</main></body>
</html>
`;
}
