import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseFindingFilters } from '../../../discovery/filters';
import { activityJsonLd, organisationJsonLd } from '../../../discovery/jsonld';
import { findPublicActivities, findPublicOrganisations } from '../../../discovery/public-items';
import { documentIdParam } from '../../../lib/validation';
import { embeddableJson } from '../../../discovery/embeddable-json';

// Sites paste this into <script type="application/ld+json">: escaped for that place.
const JSON_LD = 'application/ld+json; charset=utf-8';

function single<T>(items: T[]): T {
  if (!items.length) throw new errors.NotFoundError('Not found');
  return items[0];
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async activity(ctx: any) {
    const documentId = documentIdParam(ctx.params);
    const { locale } = parseFindingFilters(ctx.query, { params: ['locale'] });
    const activity = single(await findPublicActivities(strapi, { locale, page: 1, pageSize: 1 }, { documentId }));
    ctx.body = embeddableJson(activityJsonLd(strapi, activity, locale));
    ctx.type = JSON_LD;
  },

  async organisation(ctx: any) {
    const documentId = documentIdParam(ctx.params);
    const { locale } = parseFindingFilters(ctx.query, { params: ['locale'] });
    const organisation = single(await findPublicOrganisations(strapi, { locale, page: 1, pageSize: 1 }, { documentId }));
    ctx.body = embeddableJson(organisationJsonLd(strapi, organisation, locale));
    ctx.type = JSON_LD;
  },
});
