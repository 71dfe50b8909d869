import type { Core } from '@strapi/strapi';
import { registerConfirmMail } from './confirm-mail';
import { recordFollowEvents } from './events';

/** Following's mail kinds join the outbox; what followers hear about is recorded as it happens. */
export function registerFollowing(strapi: Core.Strapi) {
  registerConfirmMail(strapi);
  recordFollowEvents(strapi);
}
