import { localPluginProblems } from '../plugin-check';

describe('localPluginProblems', () => {
  const config = {
    'users-permissions': { config: {} },
    'idea-support': { enabled: true, resolve: './plugins/idea-support' },
  };

  it('is quiet when every enabled local plugin loaded', () => {
    expect(localPluginProblems(config, () => true)).toEqual([]);
  });

  it('names an enabled plugin that did not load', () => {
    expect(localPluginProblems(config, (name) => name !== 'idea-support')).toEqual([
      expect.stringContaining('plugin "idea-support" is enabled in config/plugins.ts but did not load'),
    ]);
  });

  it('names a local plugin without enabled: true, and accepts one switched off', () => {
    expect(localPluginProblems({ x: { resolve: './plugins/x' } }, () => false)).toEqual([expect.stringContaining('no `enabled: true`')]);
    expect(localPluginProblems({ x: { enabled: false, resolve: './plugins/x' } }, () => false)).toEqual([]);
  });
});
