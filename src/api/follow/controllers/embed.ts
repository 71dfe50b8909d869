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

  async function page(ctx: any, status: number, locale: Locale, slug: string, message?: EmbedMessage, email?: string) {
    const neighbourhood = SLUG.test(slug) ? await following().publicNeighbourhood(slug) : null;
    ctx.status = neighbourhood ? status : 404;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderFollowEmbed(locale, { slug, place: neighbourhood?.name ?? null, message: neighbourhood ? message : 'unknown', email });
    return neighbourhood;
  }

  return {
    async form(ctx: any) {
      onlyParams(ctx.query, ['neighbourhood', 'locale']);
      if (typeof ctx.query.neighbourhood !== 'string') throw new errors.ValidationError('neighbourhood: the slug of a neighbourhood is required', { param: 'neighbourhood' });
      await page(ctx, 200, localeOf(ctx.query.locale), ctx.query.neighbourhood);
    },

    async submit(ctx: any) {
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const locale = localeOf(body.locale);
      const slug = typeof body.neighbourhood === 'string' ? body.neighbourhood : '';
      const given = typeof body.email === 'string' ? body.email.slice(0, 200) : '';
      try {
        await limited(strapi)(ctx, async () => undefined);
      } catch (error) {
        if (!(error instanceof errors.RateLimitError)) throw error;
        return page(ctx, 429, locale, slug, 'tooMany', given);
      }
      const email = await emailSchema().required().validate(given).catch(() => null);
      if (!email) return page(ctx, 400, locale, slug, 'invalidEmail', given);
      const frequency = (FREQUENCIES as readonly string[]).includes(body.frequency as string) ? (body.frequency as Frequency) : 'weekly';
      const neighbourhood = SLUG.test(slug) ? await following().publicNeighbourhood(slug) : null;
      if (neighbourhood) await following().askByEmail({ email, type: 'neighbourhood', documentId: neighbourhood.documentId, frequency, language: locale });
      await page(ctx, 202, locale, slug, 'done');
    },
  };
};
