import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { onlyParams } from '@buurtplein/plugin-kit';
import { email as emailSchema } from '../../../lib/validation';
import rateLimit from '../../../middlewares/rate-limit';
import { renderFollowEmbed, type EmbedMessage } from '../lib/embed-page';
import type { Following, Frequency } from '../services/following';
import { FREQUENCIES } from '../services/following';

type Locale = 'nl' | 'en';
const localeOf = (value: unknown): Locale => (value === 'en' ? 'en' : 'nl');
const SLUG = /^[a-z0-9-]{1,100}$/;

/** Like POST /api/follows: per IP and per address, against floods and against mailing a stranger. */
const limited = (strapi: Core.Strapi) => rateLimit({ scope: 'follow-email', emailField: 'email' }, { strapi });

/**
 * "Volg deze buurt" in an iframe (/embed/follow?neighbourhood=<slug>): the
 * form, and its post, answered as pages. The rules are POST /api/follows'
 * (service askByEmail): 202 whatever the address, one confirmation a day.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const following = () => strapi.service('api::follow.following') as unknown as Following;

  /** The neighbourhood the form is for, when the public may see it. */
  const neighbourhoodOf = (slug: string) => (SLUG.test(slug) ? following().publicNeighbourhood(slug) : Promise.resolve(null));

  /** The form's page; for an unknown neighbourhood a 404 that says so, whatever else happened. */
  function page(ctx: any, status: number, locale: Locale, slug: string, neighbourhood: { name: string } | null, message?: EmbedMessage, email?: string) {
    ctx.status = neighbourhood ? status : 404;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderFollowEmbed(locale, { slug, place: neighbourhood?.name ?? null, message: neighbourhood ? message : 'unknown', email });
  }

  return {
    async form(ctx: any) {
      onlyParams(ctx.query, ['neighbourhood', 'locale']);
      if (typeof ctx.query.neighbourhood !== 'string') throw new errors.ValidationError('neighbourhood: the slug of a neighbourhood is required', { param: 'neighbourhood' });
      page(ctx, 200, localeOf(ctx.query.locale), ctx.query.neighbourhood, await neighbourhoodOf(ctx.query.neighbourhood));
    },

    async submit(ctx: any) {
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const locale = localeOf(body.locale);
      const slug = typeof body.neighbourhood === 'string' ? body.neighbourhood : '';
      const given = typeof body.email === 'string' ? body.email.slice(0, 200) : '';
      const neighbourhood = await neighbourhoodOf(slug);
      try {
        await limited(strapi)(ctx, async () => undefined);
      } catch (error) {
        if (!(error instanceof errors.RateLimitError)) throw error;
        return page(ctx, 429, locale, slug, neighbourhood, 'tooMany', given);
      }
      const email = await emailSchema().required().validate(given).catch(() => null);
      if (!email) return page(ctx, 400, locale, slug, neighbourhood, 'invalidEmail', given);
      const frequency = (FREQUENCIES as readonly string[]).includes(body.frequency as string) ? (body.frequency as Frequency) : 'weekly';
      if (neighbourhood) await following().askByEmail({ email, type: 'neighbourhood', documentId: neighbourhood.documentId, frequency, language: locale });
      page(ctx, 202, locale, slug, neighbourhood, 'done');
    },
  };
};
