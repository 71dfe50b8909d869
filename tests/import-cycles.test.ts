import path from 'node:path';
import madge from 'madge';

/**
 * No import circles, type-only imports included (#16): a plugin's services
 * index and its typed service getter used to import each other. A circle
 * makes load order matter and hides which module depends on which.
 */
const ROOT = path.resolve(__dirname, '..');

it.each([['src', 'config'], ['plugins/content-expiry/server/src'], ['plugins/idea-support/server/src'], ['plugins/listing-reminders/server/src'], ['plugins/bulk-import/server/src'], ['packages/plugin-kit/src']])(
  '%s has no import circle',
  async (...dirs) => {
    const graph = await madge(
      dirs.map((dir) => path.join(ROOT, dir)),
      { fileExtensions: ['ts'], tsConfig: path.join(ROOT, 'tsconfig.json'), excludeRegExp: [/__tests__/], detectiveOptions: { ts: { skipTypeImports: false } } }
    );
    expect(graph.circular()).toEqual([]);
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(2);
  },
  60_000
);
