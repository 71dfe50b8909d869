import fs from 'node:fs';
import path from 'node:path';
import { startStrapi, stopStrapi } from './helpers/strapi';

/**
 * Boots Strapi once for the whole run and runs every integration suite
 * against it: tests/suites/*.suite.ts, the suites in src (any __tests__ folder) and each plugin's __tests__/*.suite.ts.
 * Booting takes seconds, so suites share one instance and make their own
 * uniquely named data instead of booting again.
 */
const ROOT = path.resolve(__dirname, '..');

function suiteFiles(): string[] {
  const inDir = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.suite.ts')).map((f) => path.join(dir, f)) : [];
  const plugins = fs.readdirSync(path.join(ROOT, 'plugins'));
  // The app's own: suites beside the code they check (src/**/__tests__), such as the second implementations' equivalence suites.
  const beside = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (!entry.isDirectory()) return [];
      const full = path.join(dir, entry.name);
      return entry.name === '__tests__' ? inDir(full) : beside(full);
    });
  return [
    ...inDir(path.join(ROOT, 'tests/suites')),
    ...beside(path.join(ROOT, 'src')),
    ...plugins.flatMap((name) => inDir(path.join(ROOT, 'plugins', name, 'server/src/__tests__'))),
  ]
    // SUITE=search,feeds runs only the suites whose path contains one of the words (for quick local runs).
    .filter((file) => !process.env.SUITE || process.env.SUITE.split(',').some((word) => file.includes(word)))
    // The fuzz suite goes last: it leaves random documents and accounts behind that other suites' counts must not see.
    .sort((a, b) => Number(a.endsWith('fuzz.suite.ts')) - Number(b.endsWith('fuzz.suite.ts')) || a.localeCompare(b));
}

beforeAll(async () => {
  await startStrapi();
}, 180_000);

afterAll(async () => {
  await stopStrapi();
}, 60_000);

for (const file of suiteFiles()) {
  describe(path.relative(ROOT, file), () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  });
}
