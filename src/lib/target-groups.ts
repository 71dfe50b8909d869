/** Who an activity is for: the values of `targetGroups`, shown by every client in its reader's words. */
export const TARGET_GROUPS = ['children', 'youth', 'adults', 'seniors', 'families', 'newcomers', 'carers', 'everyone'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
