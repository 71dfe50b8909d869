import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import type { RunError, RunReport, RunStatus, Trigger, TypeReport } from '../../../shared/report';

export type { ListedItem, RunError, RunReport, RunStatus, Trigger, TypeReport } from '../../../shared/report';

/** A content type the plugin manages (GET /content-expiry/types), as config/plugins.ts names it. */
export interface ManagedType {
  uid: string;
  displayName: string;
}

/** A row of the run log (GET /content-expiry/runs); report and errors are empty while it runs. */
export interface RunRecord {
  id: number;
  documentId: string;
  trigger: Trigger;
  dryRun: boolean;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  report: Record<string, TypeReport> | null;
  errors: RunError[] | null;
}

export interface ArchivedItem {
  documentId: string;
  title: string;
  archivedAt: string;
  locale: string | null;
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
}

/** One item a restore brought back: the one asked for first, then what was archived because of it. */
export interface RestoredItem {
  uid: string;
  documentId: string;
  republished: boolean;
}

/** The plugin's admin API (admin login required), as typed calls. */
export function useExpiryApi() {
  const { get, post } = useFetchClient();

  return React.useMemo(
    () => ({
      managedTypes: async () => (await get<{ data: ManagedType[] }>(`/${PLUGIN_ID}/types`)).data.data,

      latestRuns: async () => (await get<{ data: RunRecord[] }>(`/${PLUGIN_ID}/runs`)).data.data,

      runNow: async (dryRun: boolean) => (await post<{ data: RunReport }>(`/${PLUGIN_ID}/runs`, { dryRun })).data.data,

      archived: async (uid: string, page: number, pageSize: number) => {
        const query = new URLSearchParams({ uid, page: String(page), pageSize: String(pageSize) });
        const { data } = await get<{ data: ArchivedItem[]; meta: { pagination: Pagination } }>(`/${PLUGIN_ID}/archived?${query}`);
        return { items: data.data, pagination: data.meta.pagination };
      },

      restore: async (uid: string, documentId: string) =>
        (await post<{ data: RestoredItem[] }>(`/${PLUGIN_ID}/restore`, { uid, documentId })).data.data,
    }),
    [get, post]
  );
}
