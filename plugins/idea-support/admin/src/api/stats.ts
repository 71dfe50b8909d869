import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/** The body of GET /idea-support/initiatives/:documentId/stats (admin API). */
export interface SupportStats {
  supportCount: number;
  ledgerCount: number;
  last7Days: number;
  last30Days: number;
  perWeek: { weekStart: string; supports: number }[];
  threshold: number;
  thresholdReachedAt: string | null;
}

type State = { status: 'loading' } | { status: 'error' } | { status: 'done'; stats: SupportStats };

/**
 * Fetches the support statistics of one initiative. `refreshKey` refetches
 * when it changes (the edit view passes the document's stored count).
 */
export function useSupportStats(documentId: string, refreshKey?: unknown): State {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State>({ status: 'loading' });

  React.useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    get<{ data: SupportStats }>(`/${PLUGIN_ID}/initiatives/${documentId}/stats`)
      .then(({ data }) => current && setState({ status: 'done', stats: data.data }))
      .catch(() => current && setState({ status: 'error' }));
    return () => {
      current = false;
    };
  }, [get, documentId, refreshKey]);

  return state;
}
