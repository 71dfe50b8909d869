import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * A new .env (copied from .env.example) sets unused variables to "", and
 * Strapi's env() returns "" rather than the default then: these read an empty
 * value as "not set".
 */
export const envList = (env: Env, name: string): string[] =>
  (env.array(name, []) as string[]).map((item) => item.trim()).filter(Boolean);

/** The public website (links in mails point there): FRONTEND_URL, else PUBLIC_URL, else this server. */
export const websiteUrl = (env: Env): string =>
  (env('FRONTEND_URL', '') || env('PUBLIC_URL', '') || `http://localhost:${env('PORT', '') || '1337'}`).replace(/\/+$/, '');
