import type { Core } from '@strapi/strapi';
import { outboxOf } from '@buurtplein/plugin-kit';
import { PLACED_KIND } from './services/enrolment';

/** Enrolment mails that must go exactly once go through the outbox, which needs to know how to compose them. */
export function registerEnrolmentMail(strapi: Core.Strapi) {
  const enrolment = strapi.service('api::enrolment.enrolment') as unknown as { placedKind: Parameters<ReturnType<typeof outboxOf>['registerKind']>[1] };
  outboxOf(strapi, 'enrolment').registerKind(PLACED_KIND, enrolment.placedKind);
}
