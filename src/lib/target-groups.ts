/** Who an activity is for: the values of `targetGroups`, shown by every client in its reader's words. */
export const TARGET_GROUPS = ['children', 'youth', 'adults', 'seniors', 'families', 'newcomers', 'carers', 'everyone'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Their names, for the admin panel and the reference website alike. */
export const TARGET_GROUP_NAMES: Record<TargetGroup, { nl: string; en: string }> = {
  children: { nl: 'kinderen', en: 'children' },
  youth: { nl: 'jongeren', en: 'young people' },
  adults: { nl: 'volwassenen', en: 'adults' },
  seniors: { nl: 'ouderen', en: 'older people' },
  families: { nl: 'gezinnen', en: 'families' },
  newcomers: { nl: 'nieuwkomers', en: 'newcomers' },
  carers: { nl: 'mantelzorgers', en: 'carers' },
  everyone: { nl: 'iedereen', en: 'everyone' },
};

/** The names as `targetGroup.<value>` texts of one language. */
export const targetGroupTexts = (language: 'nl' | 'en') =>
  Object.fromEntries(TARGET_GROUPS.map((group) => [`targetGroup.${group}`, TARGET_GROUP_NAMES[group][language]])) as { [G in TargetGroup as `targetGroup.${G}`]: string };
