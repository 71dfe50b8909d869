import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '../../../src/lib/error-codes';
import { TARGET_GROUPS } from '../../../src/lib/target-groups';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';

describe('every error code the API can send', () => {
  it.each([...ERROR_CODES])('%s has a Dutch and an English text on the website', (code) => {
    const key = `error.${code}` as keyof typeof nl;
    expect(nl[key]).toEqual(expect.stringMatching(/\S/));
    expect(en[key]).toEqual(expect.stringMatching(/\S/));
    expect(nl[key]).not.toBe(en[key]);
  });

  it('has no website text left for a code the API no longer sends', () => {
    const texts = Object.keys(nl).filter((key) => key.startsWith('error.'));
    expect(texts.sort()).toEqual(ERROR_CODES.map((code) => `error.${code}`).sort());
  });
});

describe('the codes thrown in our plugins', () => {
  // src/ uses coded(), which TypeScript checks; plugins stand alone and write the code as a literal.
  it('are all known codes', () => {
    const root = path.resolve(__dirname, '../../../plugins');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === '__tests__' || entry.name === 'node_modules' ? [] : files(full);
        return full.endsWith('.ts') ? [full] : [];
      });
    const used = files(root).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bcode: '([^']+)'/g)].map((match) => match[1]));
    expect(used.length).toBeGreaterThan(0);
    for (const code of used) expect(ERROR_CODES).toContain(code);
  });
});

describe('every target group', () => {
  it.each([...TARGET_GROUPS])('%s has a Dutch and an English name on the website', (group) => {
    const key = `targetGroup.${group}` as keyof typeof nl;
    expect(nl[key]).toEqual(expect.stringMatching(/\S/));
    expect(en[key]).toEqual(expect.stringMatching(/\S/));
  });
});
