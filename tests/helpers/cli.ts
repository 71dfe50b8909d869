import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface ScriptRun {
  code: number | null;
  out: string;
}

/**
 * Runs one of scripts/*.js as a process of its own (a second Strapi
 * instance on the same database), with the test's environment, which makes
 * it use the test run's build (STRAPI_PRECOMPILED): two processes rewriting
 * dist/ at once could load each other's half-written files.
 */
export function runScript(script: string, args: string[]): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: process.env,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}
