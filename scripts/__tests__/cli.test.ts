import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * How each command-line tool answers a wrong call: the same exit code (2),
 * a message a person can act on, the help text, and no waiting for the app
 * to start (these calls never boot Strapi).
 */
const ROOT = path.resolve(__dirname, '../..');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_lifecycle_event: '', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr, ms: Date.now() - started };
}

const SCRIPTS = ['import.js', 'export.js', 'reminders.js', 'expiry.js', 'run-seed.js', 'search-rebuild.js', 'idea-support-verify.js'];

describe('command-line tools', () => {
  it.each(SCRIPTS)('%s: an unknown option is exit 2 with a plain message and the help', (script) => {
    const { code, err } = run(script, ['--nope']);
    expect(code).toBe(2);
    expect(err).toMatch(/\] unknown option --nope\n/);
    expect(err).toMatch(/Usage: npm run/);
  });

  it.each(SCRIPTS)('%s: --help is exit 0 on standard output', (script) => {
    const { code, out } = run(script, ['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: npm run/);
  });

  it.each([
    ['import.js', ['README.md'], /README\.md is not a \.csv or \.json file/],
    ['import.js', ['nothing-here.csv'], /no such file: nothing-here\.csv/],
    ['import.js', ['a.csv', 'b.csv'], /give exactly one file/],
    ['import.js', ['data/samples/launch-organisations.csv', '--type', 'poll'], /--type must be organisations or activities, not "poll"/],
    ['export.js', ['--format', 'xml'], /--format must be hsds or csv/],
    ['export.js', ['--format', 'csv'], /needs --type organisations or activities/],
    ['export.js', ['--format', 'csv', '--type', 'subsidy'], /--type must be organisations or activities/],
    ['reminders.js', ['--period', '1999-Q1'], /--period 1999-Q1 is not this quarter or one of the four before it/],
    ['reminders.js', ['--period', '2999-Q1'], /is not this quarter/],
    ['reminders.js', ['--period', '2026-Q5'], /--period must look like \d{4}-Q[1-4]/],
    ['run-seed.js', ['--scale', '0'], /--scale must be a number above 0/],
    ['search-rebuild.js', ['--type', 'poll'], /--type must be activities or organisations or initiatives, not "poll"/],
    ['idea-support-verify.js', ['--fix', '--dry-run'], /exclude each other/],
    ['expiry.js', ['--slot'], /--slot needs a value/],
  ])('%s %j is a usage error, answered at once', (script, args, message) => {
    const { code, err, ms } = run(script, args as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(ms).toBeLessThan(5000);
  });

  it('export refuses to write data after npm\'s own lines on a piped standard output', () => {
    const { code, err } = run('export.js', ['--format', 'hsds'], { npm_lifecycle_event: 'export' });
    expect(code).toBe(2);
    expect(err).toMatch(/give --out FILE, or run npm run -s export/);
  });
});
