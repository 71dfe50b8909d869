import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Enrolee, EnrolmentSettings } from '../../api/enrolment/contract';

export type { Enrolee, EnrolmentSettings };
export { refusal } from '../refusal';

/** What the admin routes of src/api/enrolment/admin-routes.ts answer, as typed calls. */
export function useEnrolmentApi(documentId: string) {
  const { get, put, post } = useFetchClient();
  return React.useMemo(() => {
    const base = `/buurtplein/activities/${encodeURIComponent(documentId)}`;
    return {
      list: async () => (await get<{ data: Enrolee[]; meta: { settings: EnrolmentSettings | null } }>(`${base}/enrolments`)).data,
      saveSettings: async (settings: EnrolmentSettings) => (await put<{ data: EnrolmentSettings }>(`${base}/enrolment`, { data: settings })).data.data,
      markAttendance: async (id: number, attended: boolean) => put(`${base}/enrolments/${id}`, { data: { attended } }),
      message: async (subject: string, message: string, occurrence?: string) =>
        (await post<{ data: { recipients: number } }>(`${base}/enrolments/message`, { data: { subject, message, ...(occurrence ? { occurrence } : {}) } })).data.data,
      csv: async (occurrence?: string) => (await get<Blob>(`${base}/enrolments?format=csv${occurrence ? `&occurrence=${encodeURIComponent(occurrence)}` : ''}`, { responseType: 'blob' })).data,
    };
  }, [get, put, post, documentId]);
}
