import { publicReadController } from '../../../public-reads/public-read-controller';

/** Public reads, and on one activity its enrolment: counts only (api::enrolment.enrolment's summary). */
export default publicReadController('api::activity.activity', {
  fastPath: true,
  async decorateOne(strapi, data) {
    const enrolment = strapi.service('api::enrolment.enrolment') as unknown as { summary(documentId: string, answered: Record<string, unknown>): Promise<unknown> };
    return { ...data, enrolment: await enrolment.summary(data.documentId, data) };
  },
});
