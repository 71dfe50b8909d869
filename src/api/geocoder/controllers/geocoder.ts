import type { Core } from '@strapi/strapi';
import { coded } from '../../../lib/error-codes';
import { badGateway, gatewayTimeout, notFound } from '../../../lib/errors';
import { GeocoderUnavailable, lookUp } from '../lib/geocoder';
import { settings } from '../../../lib/settings';
import { language, parseKnownBody, yup } from '../../../lib/validation';

const searchQuery = yup.object({
  q: yup.string().trim().min(3, 'q must name an address of at least 3 characters').max(200).required(),
  locale: language(),
});

/** Address → places for the editors' point picker (src/api/geocoder/lib/geocoder.ts); the editor confirms the point on the map. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: any) {
    ctx.body = { data: { available: Boolean(settings(strapi).geocoder.url) }, meta: {} };
  },

  async search(ctx: any) {
    const { q, locale } = await parseKnownBody<{ q: string; locale?: 'nl' | 'en' }>(ctx.query, searchQuery);
    const config = settings(strapi).geocoder;
    if (!config.url) throw notFound('This town has no address lookup (GEOCODER_URL): place the point on the map', coded('geocoder.not_configured'));
    const userAgent = `buurtplein (+${settings(strapi).frontendUrl})`;
    try {
      ctx.body = { data: await lookUp(config, q, locale ?? 'nl', userAgent), meta: {} };
    } catch (error) {
      if (!(error instanceof GeocoderUnavailable)) throw error;
      strapi.log.warn(`[geocoder] ${error.message}`);
      const answer = error.timedOut ? gatewayTimeout : badGateway;
      throw answer('The address lookup is not available right now: place the point on the map', coded('geocoder.unavailable'));
    }
  },
});
