import { en } from './en';
import { nl, type Strings } from './nl';

export type Lang = 'nl' | 'en';
export type Key = keyof Strings;

const STRINGS: Record<Lang, Strings> = { nl, en };
const STORAGE_KEY = 'buurtplein.lang';
const isLang = (value: unknown): value is Lang => value === 'nl' || value === 'en';

/** ?lang= wins (and is remembered), then the remembered choice, then Dutch. */
function chooseLanguage(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLang(fromUrl)) {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLang(stored) ? stored : 'nl';
}

export const lang: Lang = chooseLanguage();
export const otherLang: Lang = lang === 'nl' ? 'en' : 'nl';
/** For Intl formatting of dates and numbers. */
export const intlLocale = lang === 'nl' ? 'nl-NL' : 'en-GB';

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** "1 result" / "12 results". */
export const count = (one: Key, many: Key, n: number) => (n === 1 ? t(one) : t(many, { count: n }));

/** The current page's address in the other language. */
export function switchLanguageHref(): string {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', otherLang);
  return `${url.pathname}${url.search}`;
}
