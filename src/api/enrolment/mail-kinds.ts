import type { Core } from '@strapi/strapi';
import type { Mails } from './services/mails';

/** Enrolment mails that must go exactly once go through the outbox, which needs to know how to compose them. */
export function registerEnrolmentMail(strapi: Core.Strapi) {
  (strapi.service('api::enrolment.mails') as unknown as Mails).register();
}
