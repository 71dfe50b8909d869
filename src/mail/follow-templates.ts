import { ENUM_VALUES } from '../lib/admin-fields';
import { addressed, renderMail, SIGNATURE, type FormOfAddress, type Language } from './index';

/** One thing a follower hears about, with the public name and address of the item it is about. */
export interface NewsEntry {
  kind: string;
  title: string;
  url: string;
  /** The new stage of an initiative.stage event. */
  detail?: string;
  /** The first lines of an official reply. */
  excerpt?: string;
}

const stageName = (stage: string | undefined, language: Language) => (stage && ENUM_VALUES[stage]?.[language]) || stage || '';

/** The fixed words around each kind of news; the title is residents' or staff's text and is added after the voice is applied. */
const HEADLINES: Record<string, Record<Language, (entry: NewsEntry) => string>> = {
  'activity.new': { nl: () => 'Nieuwe activiteit', en: () => 'New activity' },
  'initiative.new': { nl: () => 'Nieuw initiatief', en: () => 'New initiative' },
  'initiative.stage': { nl: (e) => `Initiatief in een nieuwe fase (${stageName(e.detail, 'nl')})`, en: (e) => `Initiative in a new stage (${stageName(e.detail, 'en')})` },
  'initiative.threshold': { nl: () => 'Initiatief heeft genoeg steun', en: () => 'Initiative reached its support threshold' },
  'initiative.reply': { nl: () => 'Officiële reactie van de gemeente', en: () => 'Official reply from the town' },
  'article.new': { nl: () => 'Nieuw artikel', en: () => 'New article' },
  'answer.new': { nl: () => 'Nieuw antwoord op een vraag', en: () => 'New answer to a question' },
};

const headline = (entry: NewsEntry, language: Language) => (HEADLINES[entry.kind]?.[language] ?? (() => entry.kind))(entry);

const TEXTS = {
  nl: {
    hello: 'Hallo,',
    one: 'Er is nieuws over iets dat {{je|u}} volgt op buurtplein:',
    many: (n: number) => `Dit is er nieuw in wat {{je|u}} volgt op buurtplein (${n} berichten):`,
    daily: (period: string) => `{{Je|Uw}} dagoverzicht van buurtplein (${period})`,
    weekly: (period: string) => `{{Je|Uw}} weekoverzicht van buurtplein (${period})`,
    footer: '{{Je krijgt|U krijgt}} dit bericht omdat {{je|u}} dit volgt. Hoe vaak {{je|u}} berichten krijgt, wat {{je|u}} volgt, of stoppen met alles:',
  },
  en: {
    hello: 'Hello,',
    one: 'There is news about something you follow on buurtplein:',
    many: (n: number) => `This is new in what you follow on buurtplein (${n} updates):`,
    daily: (period: string) => `Your daily buurtplein digest (${period})`,
    weekly: (period: string) => `Your weekly buurtplein digest (${period})`,
    footer: 'You get this because you follow it. How often you hear, what you follow, or stop everything:',
  },
};

/**
 * News for a follower: one entry at once, or a digest of a day or week.
 * Only our own fixed text speaks in the town's voice (`{{je|u}}`); titles are
 * added after, so a title that happens to hold `{{a|b}}` stays as written,
 * and each stands in a paragraph of its own that never becomes a link.
 */
export function followNewsMail(language: Language, form: FormOfAddress, { entries, digest, manageLink }: { entries: NewsEntry[]; digest?: { frequency: 'daily' | 'weekly'; period: string }; manageLink: string }) {
  const texts = TEXTS[language];
  const voice = (text: string) => addressed(text, form);
  const subject = digest ? voice(texts[digest.frequency](digest.period)) : `${headline(entries[0], language)}: ${entries[0].title.replace(/\s+/g, ' ')}`;
  const paragraphs = [texts.hello, voice(entries.length === 1 ? texts.one : texts.many(entries.length))];
  // The excerpt stands in quotes: staff's text, never taken for one of our links.
  for (const entry of entries) paragraphs.push(`${headline(entry, language)}:\n${entry.title}${entry.excerpt ? `\n“${entry.excerpt}”` : ''}`, entry.url);
  paragraphs.push(voice(texts.footer), manageLink, SIGNATURE[language]);
  // The voice was applied above; renderMail gets finished text.
  return renderMail(language, { nl: { subject, paragraphs }, en: { subject, paragraphs } });
}

/** To the initiator, at once, when staff reply for the town on their initiative; the reply is staff's text, quoted. */
export function officialReplyMail(language: Language, form: FormOfAddress, { title, author, reply, link }: { title: string; author: string; reply: string; link: string }) {
  const voice = (text: string) => addressed(text, form);
  const texts = {
    nl: {
      subject: voice('Officiële reactie op {{je|uw}} initiatief'),
      paragraphs: ['Hallo,', `${voice('Er is een officiële reactie op {{je|uw}} initiatief')} (van ${author}):\n${title}`, `“${reply}”`, voice('Lees de reactie en wat er nu gebeurt op de pagina van {{je|uw}} initiatief:'), link, SIGNATURE.nl],
    },
    en: {
      subject: 'An official reply to your initiative',
      paragraphs: ['Hello,', `There is an official reply to your initiative (from ${author}):\n${title}`, `“${reply}”`, 'Read the reply, and what happens next, on the page of your initiative:', link, SIGNATURE.en],
    },
  };
  return renderMail(language, texts);
}
