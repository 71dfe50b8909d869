#!/usr/bin/env node
'use strict';
// node bench/knowledge.js [options]: the knowledge base's article list, for the public and
// for a signed-in member, with visibility applied, next to a plain node:http + pg server.
const path = require('node:path');
const { firstDifference, formatTable } = require('./report');
const { getJson, load } = require('./lib/http-load');
const c = require('./lib/common');

const NAME = 'knowledge';
const SCHEMA = 'bench_knowledge';
const log = c.logger(NAME);

const HELP = `Usage: node bench/knowledge.js [options]   (npm run bench:knowledge)

Seeds PostgreSQL schema "${SCHEMA}" (once; later runs with the same sizes reuse it) with
--groups groups (one in ten secret, three in ten closed), --articles articles (a quarter
for their group's members only, about 12 % for members, 4 % hidden, a fifth of the public
ones inside a group; draft and published rows, 12 categories), --questions questions and
--answers answers, and --members residents who are each a member of 5 groups (one secret).
Starts Strapi with its response cache, Strapi with CACHE_ENABLED=false and a plain
node:http + pg server that applies the same visibility in SQL, checks that all three give
the same JSON for every sample request (anonymous and as each member), measures what one
request costs each server (CPU ms and SQL statements, one request at a time), then loads
each with autocannon on 127.0.0.1:
  public list    GET /api/articles?filters[categories][slug][$eq]=…&populate[group]=true
                 &populate[categories]=true&pagination[pageSize]=25&pagination[page]=1|2
  member's list  the same URLs with a member's Bearer token (their groups' articles too)
Signed-in reads are never cached (Cache-Control: private, no-store), so the cached server
answers a member's list as the uncached one does.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --groups N        groups (default 200)
  --articles N      articles (default 20000)
  --questions N     questions (default 5000)
  --answers N       answers (default 50000)
  --members N       signed-in members whose lists are read (default 10)
  --duration S      seconds measured per scenario and server (default 10)
  --warmup S        seconds of unmeasured load first (default 2)
  --connections N   concurrent connections (default 10)
  -h, --help        show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  groups: { default: 200, min: 10 },
  articles: { default: 20000, min: 100 },
  questions: { default: 5000, min: 1 },
  answers: { default: 50000, min: 1 },
  members: { default: 10, min: 1 },
  duration: { default: 10, min: 1 },
  warmup: { default: 2, min: 0 },
  connections: { default: 10, min: 1 },
};
const SERVERS = ['strapi cached', 'strapi uncached', 'baseline'];

function sampleRequests({ categories, tokens }) {
  const anonymous = categories.flatMap((slug) =>
    [1, 2].map((page) => {
      const query = new URLSearchParams({
        'filters[categories][slug][$eq]': slug,
        'populate[group]': 'true',
        'populate[categories]': 'true',
        'pagination[pageSize]': '25',
        'pagination[page]': String(page),
      });
      return { path: `/api/articles?${query}` };
    })
  );
  const member = anonymous.map(({ path: urlPath }, i) => ({ path: urlPath, headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } }));
  return { 'public list': anonymous, "member's list": member };
}

/**
 * The comparison is only honest if the servers do the same work: every sample request gets
 * the same status and body from all three (Strapi's twice, so a cached answer is checked
 * too). And visibility must matter: a member sees more than the public in every category.
 */
async function verifySameAnswers(servers, requests) {
  const [baseline] = servers.filter((s) => s.name === 'baseline');
  const totals = {};
  for (const [scenario, list] of Object.entries(requests)) {
    for (const { path: urlPath, headers } of list) {
      const expected = await getJson(baseline.port, urlPath, headers);
      if (expected.status !== 200 || !expected.body.data.length) throw new Error(`baseline answered ${urlPath} with ${expected.status} and ${expected.body.data?.length} articles`);
      (totals[scenario] ??= []).push(expected.body.meta.pagination.total);
      for (const server of servers.filter((s) => s !== baseline)) {
        for (let round = 0; round < 2; round++) {
          const where = firstDifference(await getJson(server.port, urlPath, headers), expected);
          if (where !== null) throw new Error(`${server.name} and baseline answer ${scenario} ${urlPath} differently at ${where}; fix bench/lib/knowledge-baseline.js before measuring`);
        }
      }
    }
  }
  const more = totals["member's list"].filter((total, i) => total > totals['public list'][i]).length;
  if (more !== totals['public list'].length) throw new Error(`members saw more than the public in only ${more} of ${totals['public list'].length} requests`);
  return totals;
}

/**
 * What one request costs the server, asked one at a time (three passes over the samples,
 * after one unmeasured pass): its CPU time and SQL statements, from the server's own counters.
 */
async function costPerRequest(server, list) {
  for (const { path: urlPath, headers } of list) await getJson(server.port, urlPath, headers);
  const before = await server.call('usage');
  for (let pass = 0; pass < 3; pass++) for (const { path: urlPath, headers } of list) await getJson(server.port, urlPath, headers);
  const after = await server.call('usage');
  const n = 3 * list.length;
  const cpuMs = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000;
  return { cpuMs: cpuMs / n, sql: (after.statements - before.statements) / n };
}

function report({ opts, dataset, results, costs, totals, loadBefore }) {
  const find = (scenario, server) => results.find((r) => r.scenario === scenario && r.server === server);
  const ratios = [...new Set(results.map((r) => r.scenario))].flatMap((scenario) =>
    SERVERS.filter((s) => s !== 'baseline').map((server) => {
      const ratio = (key) => find(scenario, server)[key] / find(scenario, 'baseline')[key];
      return { scenario, server, reqPerSec: ratio('reqPerSec'), p50: ratio('p50'), p99: ratio('p99') };
    })
  );
  const ratio = (scenario, server) => ratios.find((r) => r.scenario === scenario && r.server === server).reqPerSec;
  const memberSlowdown = find("member's list", 'strapi uncached').p50 / find('public list', 'strapi uncached').p50;
  const goals = [
    'Goals (issue #18):',
    c.goalLine('public list uncached at least half the plain server', `${ratio('public list', 'strapi uncached').toFixed(2)}x`, ratio('public list', 'strapi uncached') >= 0.5),
    c.goalLine("member's list uncached at least half the plain server", `${ratio("member's list", 'strapi uncached').toFixed(2)}x`, ratio("member's list", 'strapi uncached') >= 0.5),
    c.goalLine("member's list p50 no more than 1.5x the public list's (uncached)", `${memberSlowdown.toFixed(2)}x`, memberSlowdown <= 1.5),
  ];
  const table = [
    formatTable(results, ratios),
    c.markdownTable(
      ['scenario', 'server', 'CPU ms/request', 'SQL/request'],
      costs.map((r) => [r.scenario, r.server, r.cpuMs.toFixed(2), r.sql.toFixed(1)])
    ),
  ].join('\n\n');
  const mean = (list) => Math.round(list.reduce((s, n) => s + n, 0) / list.length);
  const seen = `Articles per category: the public see ${mean(totals['public list'])}, a member ${mean(totals["member's list"])} (mean total over the sample requests).`;
  console.log(`\n${table}\n\n${seen}\n\n${goals.join('\n')}`);
  const machine = c.machine();
  const base = c.writeResults(NAME, { options: opts, machine, dataset, totals, results, ratios, costs }, [
    `# Knowledge base benchmark, ${new Date().toISOString()}`,
    '',
    `${opts.duration} s per run after ${opts.warmup} s warm-up, ${opts.connections} connections, ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
    `Load average before ${loadBefore}, after ${c.loadAverage()}.`,
    `Data: ${Object.entries(dataset).map(([k, v]) => `${v} ${k}`).join(', ')}.`,
    '',
    table,
    '',
    seen,
    '',
    ...goals,
  ]);
  log(`wrote ${base}.json and .md`);
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  require('../scripts/setup-env').writeEnvIfMissing(); // Strapi needs the secrets in .env
  await c.ensureSchema(SCHEMA);
  const loadBefore = c.loadAverage();
  log(`load average before: ${loadBefore}`);

  // The in-memory cache (one instance); every request comes from 127.0.0.1, so no per-IP limit.
  const env = c.strapiEnv(SCHEMA, { BENCH_TASKS: path.join(__dirname, 'lib/knowledge-tasks.js'), REDIS_URL: '', RATE_LIMIT_MAX_PER_IP: '100000000', PUBLIC_URL: 'http://127.0.0.1' });
  const strapiChild = path.join(__dirname, 'lib/strapi-child.js');
  const children = [];
  const start = async (name, script, childEnv) => {
    const child = c.startChild(name, script, { env: childEnv, log });
    children.push(child);
    await child.ready;
    return child;
  };
  try {
    log(`booting Strapi on schema "${SCHEMA}"`);
    const cached = await start('strapi cached', strapiChild, env);
    const { categories, userIds } = await cached.call('setup', { groups: opts.groups, articles: opts.articles, questions: opts.questions, answers: opts.answers, members: opts.members });
    const tokens = await cached.call('tokens', { userIds });
    const dataset = await c.withPg(SCHEMA, async (pg) => {
      const { rows } = await pg.query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [SCHEMA]);
      await c.vacuumAnalyze(pg, SCHEMA, rows.map((r) => r.tablename));
      const count = async (table) => Number((await pg.query(`SELECT count(DISTINCT document_id) AS n FROM ${table} WHERE published_at IS NOT NULL`)).rows[0].n);
      return { groups: await count('groups'), articles: await count('articles'), questions: await count('questions'), answers: await count('answers'), members: userIds.length };
    });
    log(`data: ${Object.entries(dataset).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    cached.port = await cached.call('listen');
    log('booting Strapi without its response cache, and the baseline');
    const uncached = await start('strapi uncached', strapiChild, { ...env, CACHE_ENABLED: 'false' });
    uncached.port = await uncached.call('listen');
    const baseline = await start('baseline', path.join(__dirname, 'lib/knowledge-baseline.js'), env);
    await baseline.call('tokens', { tokens: Object.fromEntries(tokens.map((token, i) => [token, userIds[i]])) });
    baseline.port = await baseline.call('listen');
    const servers = [cached, uncached, baseline];

    const requests = sampleRequests({ categories, tokens });
    log(`checking all servers give the same JSON for ${requests['public list'].length} requests, anonymous and as a member`);
    const totals = await verifySameAnswers(servers, requests);

    const costs = [];
    for (const [scenario, list] of Object.entries(requests)) {
      for (const server of servers) costs.push({ scenario, server: server.name, ...(await costPerRequest(server, list)) });
    }
    const results = [];
    for (const [scenario, list] of Object.entries(requests)) {
      for (const server of servers) {
        log(`measuring ${scenario} on ${server.name}: ${opts.warmup} s warm-up, ${opts.duration} s x ${opts.connections} connections`);
        if (opts.warmup) await load(server.port, list, opts.connections, opts.warmup);
        results.push({ scenario, server: server.name, ...(await load(server.port, list, opts.connections, opts.duration)) });
      }
    }
    report({ opts, dataset, results, costs, totals, loadBefore });
    if (results.some((r) => r.non2xx || r.errors)) {
      console.error(`[bench:${NAME}] some requests failed (see non-2xx/errors): these numbers are not comparable`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

c.main(NAME, main);
