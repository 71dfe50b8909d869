import type { Core } from '@strapi/strapi';
import { registerConfirmMail } from './confirm-mail';
import { recordFollowEvents } from './events';
import { registerReplyMail } from './reply-mail';
import type { Delivery } from '../services/delivery';

/** Following's mail kinds join the outbox; what followers hear about is recorded as it happens. */
export function registerFollowing(strapi: Core.Strapi) {
  registerConfirmMail(strapi);
  (strapi.service('api::follow.delivery') as unknown as Delivery).register();
  recordFollowEvents(strapi);
  registerReplyMail(strapi);
}
