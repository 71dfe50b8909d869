import type { StrapiApp } from '@strapi/strapi/admin';
import { Bell, ChartPie } from '@strapi/icons';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { adminTranslations } from '../lib/admin-fields';
import { ApproveAction } from './approve-action';
import { EnrolmentPanel } from './enrolment/panel';
import { GroupMembersPanel } from './group-members/panel';
import { translateChoiceColumns } from './enum-cells';
import { dismissMediaLibraryBanner } from './media-library-banner';
import { COCKPIT_TEXTS } from './cockpit/texts';
import { STATISTICS_TEXTS } from './cockpit/statistics-texts';

// Staff choose Dutch or English in their profile; field labels, type names and
// choices come in both (src/lib/admin-fields.ts), as do our plugins' screens.
export default {
  config: {
    locales: ['nl'],
    translations: {
      nl: { ...adminTranslations('nl'), 'buurtplein.cockpit.attention': COCKPIT_TEXTS.nl.attentionTitle, 'buurtplein.cockpit.reach': COCKPIT_TEXTS.nl.reachTitle, 'buurtplein.statistics.menu': STATISTICS_TEXTS.nl.menu },
      en: { ...adminTranslations('en'), 'buurtplein.cockpit.attention': COCKPIT_TEXTS.en.attentionTitle, 'buurtplein.cockpit.reach': COCKPIT_TEXTS.en.reachTitle, 'buurtplein.statistics.menu': STATISTICS_TEXTS.en.menu },
    },
    // A town's communication team has no use for Strapi's onboarding videos or its release notices.
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The communication team's cockpit on the admin home page (src/admin/cockpit).
    app.widgets.register([
      {
        id: 'attention',
        icon: Bell,
        title: { id: 'buurtplein.cockpit.attention', defaultMessage: 'What needs attention' },
        component: async () => (await import('./cockpit/widgets')).AttentionWidget,
      },
      {
        id: 'reach',
        icon: ChartPie,
        title: { id: 'buurtplein.cockpit.reach', defaultMessage: 'Reach' },
        component: async () => (await import('./cockpit/widgets')).ReachWidget,
      },
    ]);
    // The whole of the figures, for any period: /admin/statistics.
    app.addMenuLink({
      to: 'statistics',
      icon: ChartPie,
      intlLabel: { id: 'buurtplein.statistics.menu', defaultMessage: 'Statistics' },
      Component: () => import('./cockpit/statistics-page'),
      permissions: [],
    });
    app.customFields.register({
      name: 'target-groups',
      type: 'json',
      intlLabel: { id: 'buurtplein.target-groups.label', defaultMessage: 'Target groups' },
      intlDescription: { id: 'buurtplein.target-groups.description', defaultMessage: 'Who an activity is for' },
      components: { Input: async () => ({ default: (await import('./target-groups-input')).TargetGroupsInput as any }) },
    });
  },
  bootstrap(app: StrapiApp) {
    dismissMediaLibraryBanner();
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addDocumentAction((actions) => [ApproveAction, ...actions]);
    contentManager.addEditViewSidePanel((panels) => [...panels, EnrolmentPanel, GroupMembersPanel]);
    // Content types are defined in code: "Edit the model" leads staff to a Content-Type Builder they cannot use (src/bootstrap/developer-tools.ts).
    contentManager.addDocumentHeaderAction((actions) => actions.filter((action) => (action as { type?: string }).type !== 'edit-the-model'));
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', translateChoiceColumns);
  },
};
