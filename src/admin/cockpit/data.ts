import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

/** One period of GET /buurtplein/stats/overview's series. */
export interface Point {
  start: string;
  views: number;
  uniqueVisitors: number;
  activeAccounts: number;
  newOrganisations: number;
  newActivities: number;
}

export interface Overview {
  from: string;
  to: string;
  interval: 'day' | 'week' | 'month';
  views: number;
  uniqueVisitors: number;
  series: Point[];
  topItems: { type: 'activity' | 'organisation' | 'initiative'; documentId: string; title: string | null; views: number; uniqueVisitors: number }[];
  channels: { type: 'feed' | 'embed'; name: string; views: number; uniqueVisitors: number }[];
  searches: number;
  zeroResultSearches: number;
  participation: { activeAccounts: number; accounts: number; share: number };
  newOrganisations: number;
  newActivities: number;
}

export interface Searches {
  top: { query: string; searches: number }[];
  zeroResults: { query: string; searches: number }[];
}

/** The staff member's language, as chosen in their profile: Dutch, or English for anything else. */
export function useLanguage(): 'nl' | 'en' {
  return useIntl().locale.startsWith('nl') ? 'nl' : 'en';
}

/**
 * GET `path` whenever it changes; null until the first answer, 'error' when
 * the last load failed. The previous answer stays while the next loads, so a
 * page keeps its place (and an open table) when a choice changes; an older
 * answer never overwrites a newer one.
 */
export function useData<T>(path: string): T | null | 'error' {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<T | null | 'error'>(null);
  React.useEffect(() => {
    let current = true;
    get<{ data: T }>(path).then(
      ({ data: answer }) => current && setData(answer.data),
      () => current && setData('error')
    );
    return () => {
      current = false;
    };
  }, [get, path]);
  return data;
}

/** Downloads the daily figures of a range as a CSV file; a failure is told in a notification. */
export function useCsvDownload(failedMessage: string) {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  return React.useCallback(
    async (from: string, to: string) => {
      try {
        const { data: csv } = await get<Blob>(`/buurtplein/stats/daily.csv?from=${from}&to=${to}`, { responseType: 'blob' });
        const url = URL.createObjectURL(csv);
        Object.assign(document.createElement('a'), { href: url, download: `buurtplein-stats-${from}-${to}.csv` }).click();
        URL.revokeObjectURL(url);
      } catch {
        toggleNotification({ type: 'danger', message: failedMessage });
      }
    },
    [get, toggleNotification, failedMessage]
  );
}

/** A share (0.256) as a percentage in the staff member's language ("25,6%"). */
export const percentage = (share: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
