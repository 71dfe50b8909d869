'use strict';
// Shared by bench/supports.js, bench/expiry.js and bench/reminders.js: options, a
// PostgreSQL helper, child processes with a small request/answer protocol over IPC,
// tables and the results files. (bench/run.js keeps its own code.)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork } = require('node:child_process');
const { parseArgs } = require('node:util');
const { Client } = require('pg');

const RESULTS_DIR = path.join(__dirname, '..', 'results');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const logger = (name) => (line) => console.log(`[bench:${name}] ${line}`);

/**
 * parseArgs with whole-number options. `spec`: { name: { default, min, help } } for
 * numbers; booleans as { boolean: true }; comma-separated lists of whole numbers as
 * { list: true, default: '1,2', min } (an array). Returns null after --help (printed).
 */
function options(spec, help) {
  const parseSpec = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec)) parseSpec[name] = o.boolean ? { type: 'boolean' } : { type: 'string', default: String(o.default) };
  const { values } = parseArgs({ options: parseSpec });
  if (values.help) {
    console.log(help);
    return null;
  }
  const result = {};
  for (const [name, o] of Object.entries(spec)) {
    if (o.boolean) {
      result[name] = Boolean(values[name]);
      continue;
    }
    if (o.list) {
      const list = values[name].split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
      if (list.some((v) => !Number.isInteger(v) || v < (o.min ?? 0))) throw new Error(`--${name} must be a comma-separated list of whole numbers of at least ${o.min ?? 0}`);
      result[name] = list;
      continue;
    }
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < (o.min ?? 0)) throw new Error(`--${name} must be a whole number of at least ${o.min ?? 0}`);
    result[name] = value;
  }
  return result;
}

/** Environment for a Strapi child working in `schema`: quiet, no cron, no demo seed. */
function strapiEnv(schema, extra = {}) {
  return {
    ...process.env,
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    SEED_DEMO_DATA: 'false',
    CRON_ENABLED: 'false', // no scheduled expiry or reminder run in the middle of a measurement
    LOG_STARTUP: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...extra,
  };
}

async function withPg(schema, run) {
  const client = new Client({ connectionString: DATABASE_URL, options: schema ? `-c search_path=${schema}` : undefined });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function ensureSchema(schema) {
  await withPg(null, (pg) => pg.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
}

async function vacuumAnalyze(pg, schema, tables) {
  for (const table of tables) await pg.query(`VACUUM (ANALYZE) ${schema}."${table}"`);
}

/**
 * A child process that answers requests: the parent sends { id, cmd, args }, the
 * child answers { id, result } or { id, error }. Other messages ({ log }) are printed.
 */
function startChild(name, script, { env, execArgv = [], log = console.log } = {}) {
  // BENCH_CPU_PROFILE=<dir>: every child writes a V8 CPU profile there on exit (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = fork(script, [], { env, execArgv: [...execArgv, ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let next = 0;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  exited.then((code) => {
    for (const { reject } of pending.values()) reject(new Error(`${name} exited (${code}) while working`));
    pending.clear();
  });
  const ready = new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message && message.ready) {
        child.off('message', onMessage);
        resolve();
      }
    };
    child.on('message', onMessage);
    exited.then((code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
  child.on('message', (message) => {
    if (!message) return;
    if (message.log) return log(message.log);
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${name}: ${message.error}`));
    else waiting.resolve(message.result);
  });
  return {
    name,
    ready,
    pid: child.pid,
    exited, // resolves with the exit code or signal

    call(cmd, args = {}) {
      return new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        child.send({ id, cmd, args });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.disconnect(); // the child's cue to shut down
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The child's side: answers the parent's requests with `handlers[cmd](args)`; exits
 * when the parent goes (`onExit` first). Call once the child is ready to work.
 */
function serveParent(handlers, onExit = async () => undefined) {
  process.on('message', async ({ id, cmd, args }) => {
    try {
      if (typeof handlers[cmd] !== 'function') throw new Error(`unknown command ${cmd}`);
      process.send({ id, result: await handlers[cmd](args) });
    } catch (error) {
      process.send({ id, error: error.stack || error.message });
    }
  });
  process.on('disconnect', () => {
    Promise.resolve()
      .then(onExit)
      .finally(() => process.exit(0));
  });
  process.send({ ready: true });
}

/**
 * Runs `job` while sampling process.memoryUsage() every `everyMs`: wall time, this
 * process's CPU time, the peaks of rss and heapUsed, the values just before (after a GC
 * when exposed) and, with a GC exposed, heapUsed after a GC at the end.
 */
async function measured(job, everyMs = 50) {
  if (typeof global.gc === 'function') global.gc();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak.rss = m.rss;
    if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed;
  };
  const timer = setInterval(sample, everyMs);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let result;
  try {
    result = await job();
  } finally {
    clearInterval(timer);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  sample();
  // What the job left behind once garbage is collected (only with --expose-gc).
  let heapUsedAfterGc = null;
  if (typeof global.gc === 'function') {
    global.gc();
    heapUsedAfterGc = process.memoryUsage().heapUsed;
  }
  return {
    result,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    memory: {
      rssBefore: before.rss,
      heapUsedBefore: before.heapUsed,
      peakRss: peak.rss,
      peakHeapUsed: peak.heapUsed,
      heapUsedAfterGc,
    },
  };
}

const mb = (bytes) => {
  const value = bytes / 1024 / 1024;
  return (Math.abs(value) < 0.05 ? 0 : value).toFixed(1); // no "-0.0"
};

function markdownTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(', ');

/** Writes bench/results/<ISO date>-<name>.json and .md; returns the base path. */
function writeResults(name, json, markdownLines) {
  const date = new Date();
  const stamp = date.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `${stamp}-${name}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ date: date.toISOString(), ...json }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `${markdownLines.join('\n')}\n`);
  return path.relative(process.cwd(), base);
}

/** One goal of an issue, with the figure measured and whether it was met. */
const goalLine = (text, value, met) => `- ${text}: ${value} (${met ? 'met' : 'NOT met'})`;

/**
 * The figures a run is compared by from run to run (issue #21's names): each
 * rounded to three decimals, a figure that could not be measured left out.
 */
const figures = (named) => Object.fromEntries(Object.entries(named).filter(([, v]) => Number.isFinite(v)).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));

/** A deterministic PRNG (mulberry32), so the same options give the same data and order. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(name, run) {
  run().catch((error) => {
    console.error(`[bench:${name}] failed: ${error.stack || error.message}`);
    process.exitCode = 1;
  });
}

module.exports = {
  DATABASE_URL,
  logger,
  options,
  strapiEnv,
  withPg,
  ensureSchema,
  vacuumAnalyze,
  startChild,
  serveParent,
  measured,
  mb,
  markdownTable,
  machine,
  loadAverage,
  writeResults,
  goalLine,
  figures,
  prng,
  main,
};
