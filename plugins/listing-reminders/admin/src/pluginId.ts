/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /listing-reminders. */
export const PLUGIN_ID = 'listing-reminders';

/** A translation key of this plugin, as registerTrads stores it. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;

/** The mail languages staff edit a text for (server: templates/defaults.ts `Language`). */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A language's name as a message; each language is named in itself, as language pickers do. */
export const languageName = (language: string) => ({
  id: getTranslation(`language.${language}`),
  defaultMessage: ({ nl: 'Nederlands', en: 'English' } as Record<string, string>)[language] ?? language,
});

/**
 * The placeholders a text may use (server: templates/defaults.ts
 * `PLACEHOLDERS`); the server refuses any other and a text without
 * {{confirmLink}}.
 */
export const PLACEHOLDERS = ['organisation', 'period', 'summary', 'activities', 'confirmLink', 'editLink', 'reach'] as const;
export const REQUIRED_PLACEHOLDER = 'confirmLink';

/** A period as the server writes it: "2026-Q4". */
export const PERIOD = /^\d{4}-Q[1-4]$/;

/** The current quarter, counted in UTC like the server does, so the default matches its overview. */
export const currentPeriod = (now = new Date()) => `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
