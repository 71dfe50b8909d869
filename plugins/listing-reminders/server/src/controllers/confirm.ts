import type { Core } from '@strapi/strapi';
import { confirmPage } from '../templates/confirm-page';
import { getPluginService } from '../utils/get-plugin-service';
import { pluginConfig } from '../utils/plugin-config';

const STATUS = { confirmed: 200, already: 200, expired: 410, invalid: 400 } as const;

/** GET from the mail: works without login or JavaScript, answers a page, never a 500 for a bad link. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async confirm(ctx: any) {
    const { outcome, language, name } = await getPluginService(strapi, 'confirmations').confirm(ctx.query.token);
    ctx.status = STATUS[outcome];
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    ctx.body = confirmPage(language, outcome, name, pluginConfig(strapi).formOfAddress);
  },
});
