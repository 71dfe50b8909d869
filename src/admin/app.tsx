import type { StrapiApp } from '@strapi/strapi/admin';

// Staff choose Dutch or English in their profile; our plugins ship both translations.
export default {
  config: {
    locales: ['nl'],
    // A town's communication team has no use for Strapi's onboarding videos or its release notices.
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
