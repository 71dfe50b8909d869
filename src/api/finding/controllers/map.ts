import type { Core } from '@strapi/strapi';
import { parseFindingFilters, UNPAGED_PARAMS } from '../../../discovery/filters';
import { activitiesToGeoJson, organisationsToGeoJson } from '../../../discovery/geojson';
import { findPublicActivities, findPublicOrganisations } from '../../../discovery/public-items';

const GEOJSON = 'application/geo+json; charset=utf-8';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async activities(ctx: any) {
    const filters = parseFindingFilters(ctx.query, { params: UNPAGED_PARAMS });
    ctx.body = activitiesToGeoJson(strapi, await findPublicActivities(strapi, filters), filters.locale);
    ctx.type = GEOJSON;
  },

  async organisations(ctx: any) {
    const filters = parseFindingFilters(ctx.query, { params: UNPAGED_PARAMS });
    ctx.body = organisationsToGeoJson(strapi, await findPublicOrganisations(strapi, filters), filters.locale);
    ctx.type = GEOJSON;
  },
});
