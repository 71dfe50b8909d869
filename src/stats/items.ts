/** The items a view can be of, by the REST path's plural: the stats name them in the singular (`activity`). */
export const ITEM_KIND_OF_PATH = { activities: 'activity', organisations: 'organisation', initiatives: 'initiative' } as const;
export type ItemKind = (typeof ITEM_KIND_OF_PATH)[keyof typeof ITEM_KIND_OF_PATH];
