import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface RowResult {
  line: number;
  externalId: string | null;
  status: RowStatus;
  documentId?: string;
  problems?: { field: string; reason: string }[];
}

/** The import report (src/import/types.ts ImportReport). */
export interface ImportReport {
  type: string;
  dryRun: boolean;
  allOrNothing: boolean;
  written: boolean;
  totals: Record<RowStatus, number>;
  rows: RowResult[];
  warnings: string[];
  durationMs: number;
}

export interface UploadOptions {
  file: File;
  type: string;
  dryRun: boolean;
  allOrNothing: boolean;
}

export function useImportApi() {
  const { get, post } = useFetchClient();
  return React.useMemo(
    () => ({
      types: async () => (await get<{ data: string[] }>(`/${PLUGIN_ID}/types`)).data.data,
      upload: async ({ file, type, dryRun, allOrNothing }: UploadOptions) => {
        const form = new FormData();
        form.append('file', file);
        if (type) form.append('type', type);
        form.append('dryRun', String(dryRun));
        form.append('allOrNothing', String(allOrNothing));
        return (await post<{ data: ImportReport }>(`/${PLUGIN_ID}/imports`, form)).data.data;
      },
    }),
    [get, post]
  );
}
