/** The items a view can be of, by the REST path's plural: the stats name them in the singular (`activity`). */
export const ITEM_KIND_OF_PATH = { activities: 'activity', organisations: 'organisation', initiatives: 'initiative' } as const;
export type ItemKind = (typeof ITEM_KIND_OF_PATH)[keyof typeof ITEM_KIND_OF_PATH];

/** The content type of each kind of item, e.g. for a link to its edit page in the admin panel. */
export const ITEM_UID: Record<ItemKind, string> = {
  activity: 'api::activity.activity',
  organisation: 'api::organisation.organisation',
  initiative: 'api::initiative.initiative',
};
