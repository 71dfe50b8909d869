import type { Core } from '@strapi/strapi';
import { unsubscribePage, type UnsubscribePageState } from '../templates/unsubscribe-page';
import { getPluginService } from '../utils/get-plugin-service';
import { pluginConfig } from '../utils/plugin-config';
import { readUnsubscribeToken } from '../utils/unsubscribe-token';

/** From the mail: works without login or JavaScript, answers a page, never a 500 for a bad link. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => getPluginService(strapi, 'outbox');

  function answer(ctx: any, status: number, state: UnsubscribePageState, language: 'nl' | 'en', details: Parameters<typeof unsubscribePage>[2] = {}) {
    ctx.status = status;
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.body = unsubscribePage(language, state, details);
  }

  const read = (ctx: any) => readUnsubscribeToken(pluginConfig(strapi).secret, ctx.query.token);

  return {
    /** GET only asks: link scanners open every link in a mail. */
    async ask(ctx: any) {
      const found = read(ctx);
      if (!found) return answer(ctx, 400, 'invalid', 'nl');
      answer(ctx, 200, 'ask', found.language, { email: found.email, list: outbox().listName(found.list, found.language), action: ctx.originalUrl });
    },
    /** RFC 8058 one-click (the mail client posts `List-Unsubscribe=One-Click`), and the page's own button. */
    async unsubscribe(ctx: any) {
      const found = read(ctx);
      if (!found) return answer(ctx, 400, 'invalid', 'nl');
      await outbox().unsubscribe(found.list, found.email);
      answer(ctx, 200, 'done', found.language, { email: found.email, list: outbox().listName(found.list, found.language) });
    },
  };
};
