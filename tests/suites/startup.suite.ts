import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('start-up configuration errors stop the server', () => {
  it('an unknown DATABASE_CLIENT is a start-up error, not a silent SQLite fallback', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_CLIENT: 'mongodb', PORT: '0', LOG_STARTUP: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('Unsupported DATABASE_CLIENT: mongodb');
  }, 70_000);
});
