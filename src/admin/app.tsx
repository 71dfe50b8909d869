import type { StrapiApp } from '@strapi/strapi/admin';

// Staff choose Dutch or English in their profile; our plugins ship both translations.
export default {
  config: {
    locales: ['nl'],
  },
  bootstrap(_app: StrapiApp) {},
};
