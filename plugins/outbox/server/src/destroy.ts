import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './plugin-id';

/** Long enough for a slow SMTP server to answer the mails under way; a stop signal's grace period is usually 30 s. */
const DRAIN_MS = 10_000;

/** Runs before Strapi closes the server and the database: mails being sent are finished and recorded, nothing new is claimed. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin(PLUGIN_ID).service('outbox').drain(DRAIN_MS);
};
