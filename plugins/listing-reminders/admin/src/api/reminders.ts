import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID, type Language } from '../pluginId';
import type { RunResult, SendFailure } from '../../../shared/run';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';
export type Trigger = 'schedule' | 'cli' | 'admin';

/** A row of the run log: one real (not dry) sending run. */
export interface RunRecord {
  id: number;
  documentId: string;
  period: string;
  trigger: Trigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  sent: number;
  failed: number;
  skipped: number;
}

/** Results of one quarter; confirmationRate is a percentage (0–100, one decimal). */
export interface PeriodStats {
  period: string;
  sent: number;
  failed: number;
  confirmed: number;
  confirmationRate: number;
}

export interface StaleOrganisation {
  documentId: string;
  name: string;
  reminderEmail: string | null;
  lastConfirmedAt: string | null;
}

/** The body of GET /listing-reminders/overview. */
export interface Overview {
  /** The current quarter, as the server counts it. */
  period: string;
  runs: RunRecord[];
  perPeriod: PeriodStats[];
  /** Organisations that confirmed none of the reminders of `periods`. */
  stale: { periods: string[]; organisations: StaleOrganisation[] };
  failures: SendFailure[];
}

export type { ReminderRecipient as Recipient, RunResult } from '../../../shared/run';

export interface MailText {
  subject: string;
  body: string;
}

/** A language's text: staff's own (`custom`) or the default. */
export interface Template extends MailText {
  custom: boolean;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The plugin's admin API (admin login required), as typed calls. */
export function useRemindersApi() {
  const { get, post, put, del } = useFetchClient();

  return React.useMemo(
    () => ({
      overview: async () => (await get<{ data: Overview }>(`/${PLUGIN_ID}/overview`)).data.data,

      run: async (period: string, dryRun: boolean) => (await post<{ data: RunResult }>(`/${PLUGIN_ID}/runs`, { period, dryRun })).data.data,

      templates: async () => (await get<{ data: Record<Language, Template> }>(`/${PLUGIN_ID}/templates`)).data.data,

      saveTemplate: async (language: Language, text: MailText) =>
        (await put<{ data: Template }>(`/${PLUGIN_ID}/templates/${language}`, text)).data.data,

      resetTemplate: async (language: Language) => (await del<{ data: Template }>(`/${PLUGIN_ID}/templates/${language}`)).data.data,

      preview: async (language: Language, text: MailText) =>
        (await post<{ data: RenderedMail }>(`/${PLUGIN_ID}/templates/${language}/preview`, text)).data.data,

      sendTest: async (language: Language, text: MailText) =>
        (await post<{ data: { sentTo: string } }>(`/${PLUGIN_ID}/templates/${language}/test`, text)).data.data,
    }),
    [get, post, put, del]
  );
}
