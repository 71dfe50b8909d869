import { isShownPublicly } from '../shown-publicly';

describe('plugin-kit isShownPublicly: a plugin type marks itself as public in its schema', () => {
  it('holds only for an explicit true under pluginOptions.buurtplein.shownPublicly', () => {
    expect(isShownPublicly({ pluginOptions: { buurtplein: { shownPublicly: true } } })).toBe(true);
    expect(isShownPublicly({ pluginOptions: { buurtplein: { shownPublicly: 'yes' } } })).toBe(false);
    expect(isShownPublicly({ pluginOptions: { buurtplein: {} } })).toBe(false);
    expect(isShownPublicly({ pluginOptions: { 'content-manager': { visible: true } } })).toBe(false);
    expect(isShownPublicly({})).toBe(false);
    expect(isShownPublicly(undefined)).toBe(false);
  });
});
