import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import type { Decision, DecisionResult, QueueItem } from '../../../shared/queue';

export type { Decision, QueueItem } from '../../../shared/queue';

/** The plugin's admin API (admin login required), as typed calls. */
export function useModerationApi() {
  const { get, post } = useFetchClient();
  return React.useMemo(
    () => ({
      queue: async () => (await get<{ data: QueueItem[] }>(`/${PLUGIN_ID}/queue`)).data.data,
      decide: async (item: QueueItem, decision: Decision) =>
        (await post<{ data: DecisionResult }>(`/${PLUGIN_ID}/decisions`, { type: item.type, id: item.id, decision })).data.data,
    }),
    [get, post]
  );
}
