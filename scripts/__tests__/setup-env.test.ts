import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'REMINDER_LINK_SECRET', 'MAIL_LINK_SECRET'];

function project() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buurtplein-env-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(path.join(ROOT, 'scripts/setup-env.js'), path.join(dir, 'scripts/setup-env.js'));
  fs.copyFileSync(path.join(ROOT, '.env.example'), path.join(dir, '.env.example'));
  const run = () => execFileSync(process.execPath, ['scripts/setup-env.js'], { cwd: dir, encoding: 'utf8' });
  const env = () => Object.fromEntries(
    fs.readFileSync(path.join(dir, '.env'), 'utf8').split('\n').filter((l) => /^[A-Z]/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2))
  );
  return { dir, run, env };
}

describe('scripts/setup-env.js', () => {
  it('writes .env with fresh secrets, mode 0600, and never overwrites it', () => {
    const { dir, run, env } = project();
    expect(run()).toContain('wrote .env');
    const first = env();
    for (const key of SECRETS) expect(first[key]).toMatch(/^[A-Za-z0-9+/=]{16,}/);
    expect(first.APP_KEYS.split(',')).toHaveLength(4);
    expect(new Set(SECRETS.map((k) => first[k])).size).toBe(SECRETS.length);
    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    run();
    expect(env()).toEqual(first);
  });

  it('documents every variable the config reads', () => {
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const configs = fs.readdirSync(path.join(ROOT, 'config')).map((f) => fs.readFileSync(path.join(ROOT, 'config', f), 'utf8'));
    const src = [...configs, fs.readFileSync(path.join(ROOT, 'src/bootstrap/first-admin.ts'), 'utf8'), fs.readFileSync(path.join(ROOT, 'src/seed/index.ts'), 'utf8')];
    const used = new Set(src.flatMap((text) => [...text.matchAll(/env(?:\.\w+)?\('([A-Z_]+)'|env\.([A-Z_]+)/g)].map((m) => m[1] || m[2])));
    // Documented as NAME=value, or as a commented-out # NAME= for optional settings.
    for (const name of used) expect(example).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
  });
});
