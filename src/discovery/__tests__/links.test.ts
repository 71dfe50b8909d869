import { homeUrl, itemUrl } from '../links';

const strapiWith = (config: Record<string, unknown>) => ({ config: { get: (key: string) => config[key.replace(/^buurtplein\./, '')] } }) as any;

describe('itemUrl', () => {
  it('follows the reference site by default', () => {
    const strapi = strapiWith({ frontendUrl: 'https://eemdal.example/', itemPath: '/{type}.html?slug={slug}&lang={locale}' });
    expect(itemUrl(strapi, 'en', 'activities', 'koffie-ochtend')).toBe('https://eemdal.example/activity.html?slug=koffie-ochtend&lang=en');
    expect(homeUrl(strapi, 'nl')).toBe('https://eemdal.example/?lang=nl');
  });

  it("fills in a town's own scheme, encoding the values", () => {
    const strapi = strapiWith({ frontendUrl: 'https://www.eemdal.nl/sociale-kaart', itemPath: '{locale}/{kind}/{slug}' });
    expect(itemUrl(strapi, 'nl', 'organisations', 'a b')).toBe('https://www.eemdal.nl/sociale-kaart/nl/organisations/a%20b');
  });
});
