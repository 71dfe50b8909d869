import type { Core } from '@strapi/strapi';
import { registerConfirmMail } from './confirm-mail';

/** Following's mail kinds join the outbox. */
export function registerFollowing(strapi: Core.Strapi) {
  registerConfirmMail(strapi);
}
