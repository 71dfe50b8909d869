import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import type { OutboxOverview, RetryOutcome } from '../../../shared/overview';

export type { FailedMessage, KindCounts, ListCounts, OutboxOverview } from '../../../shared/overview';

/** The plugin's admin API (admin login required), as typed calls. */
export function useOutboxApi() {
  const { get, post } = useFetchClient();
  return React.useMemo(
    () => ({
      overview: async () => (await get<{ data: OutboxOverview }>(`/${PLUGIN_ID}/overview`)).data.data,
      retry: async (id: number) => (await post<{ data: { id: number; outcome: RetryOutcome } }>(`/${PLUGIN_ID}/messages/${id}/retry`, {})).data.data.outcome,
    }),
    [get, post]
  );
}
