import type { Core } from '@strapi/strapi';

/** Without PUBLIC_URL the server only knows its address from each request's Host header, which the caller chooses. */
export function warnWithoutPublicUrl(strapi: Core.Strapi) {
  if (String(strapi.config.get('server.url') || '')) return;
  strapi.log.warn(
    '[links] PUBLIC_URL is not set: feeds link to the host each request names (so those answers are not cached) and the confirm and unsubscribe links in mails point to http://localhost. Set PUBLIC_URL to this server\'s public address, e.g. https://cms.example.org'
  );
}
