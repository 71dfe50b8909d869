import { isFetchError } from '@strapi/strapi/admin';

/** The server's own message for a failed call (a 400 validation message, a 404), if it sent one. */
export function serverMessage(error: unknown): string | null {
  if (isFetchError(error)) return error.response?.data?.error?.message ?? error.message ?? null;
  return null;
}
