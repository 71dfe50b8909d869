#!/usr/bin/env node
'use strict';
// node bench/scale.js [options]: two instances behind HAProxy on one PostgreSQL and one
// Redis, under a mixed load; one instance killed and restarted, PostgreSQL restarted; then
// what was lost, sent twice, failed after things settled, and how fast an edit on one
// instance reached the other's cache.
const net = require('node:net');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { percentile } = require('./report');
const c = require('./lib/common');
const { startHaproxy, assertInstalled } = require('./lib/haproxy');
const { startMixedLoad, summarise } = require('./lib/mixed-load');

const NAME = 'scale';
const SCHEMA = 'bench_scale';
const PERIODS = ['2099-Q2', '2099-Q3'];
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const log = c.logger(NAME);

const HELP = `Usage: node bench/scale.js [options]

Two instances of the app (A and B, NODE_ENV=production, cache in Redis at REDIS_URL,
mail to an SMTP sink) behind Debian's HAProxy (apt-get install -y haproxy), on
PostgreSQL schema "${SCHEMA}" (the demo town at --scale, seeded once and kept).
A mixed load of public lists, searches and supports goes through HAProxy the whole time.
Steps:
  1. edits on A are read back from B's cache (and the other way round): how long until
     the other instance answers the new title (cacheCoherenceMs, the worst of them)
  2. a quarter's reminders start on both instances at once; once the sink has
     --kill-at percent of them, A is killed (SIGKILL: a crash) and started again
     --down seconds after it exited; then the same with the next quarter and
     SIGTERM (a deploy's restart: Strapi shuts down, the outbox finishes its mails)
  3. PostgreSQL is restarted (pg_ctlcluster … restart; skipped with
     --no-postgres-restart), then --settle seconds to recover
  4. --after seconds more of load, the edits of step 1 again, then the load stops
  5. every support that got no 2xx is sent again; once a mail's claim has outlived
     MAIL_LEASE_MINUTES (set to 1 here) the reminders run again on B, as the next
     scheduled run would
Then: lostSupports (answered 2xx but not in the ledger, or never stored even after
the retry), duplicateMails (mails the sink got more than once: same Message-ID),
errorsAfterSettle (5xx or no answer after step 3 settled), cacheCoherenceMs.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --scale N          demo town size (1 = 200 organisations; default 1)
  --users N          residents with a token who support (default 500)
  --initiatives N    initiatives to support (default 20)
  --connections N    concurrent requests of the load (default 10)
  --kill-at N        percentage of the reminders sent when A is killed (default 25)
  --down N           seconds A stays down (default 3)
  --settle N         seconds after PostgreSQL is back before errors count (default 10)
  --after N          seconds of load after settling (default 20)
  --edits N          edits per direction in each coherence check (default 5)
  --no-postgres-restart   leave PostgreSQL running (the figures then say less)
  -h, --help         show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
REDIS_URL (default ${REDIS_URL}), HAPROXY_BIN (default /usr/sbin/haproxy).
Restarting PostgreSQL needs root and pg_ctlcluster: everything else using that
PostgreSQL (tests, other benches) sees its connections dropped.`;

const SPEC = {
  scale: { default: 1, min: 1 },
  users: { default: 500, min: 1 },
  initiatives: { default: 20, min: 1 },
  connections: { default: 10, min: 1 },
  'kill-at': { default: 25, min: 0 },
  down: { default: 3, min: 0 },
  settle: { default: 10, min: 0 },
  after: { default: 20, min: 1 },
  edits: { default: 5, min: 1 },
  'no-postgres-restart': { boolean: true },
};

const LEASE_MINUTES = 1;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `check` every `everyMs` until it returns true; the time it took, or throws after `timeoutMs`. */
async function waitFor(what, check, { everyMs = 100, timeoutMs = 120_000 } = {}) {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}

const healthy = (port) => fetch(`http://127.0.0.1:${port}/_health`).then((r) => r.status === 204);

function restartPostgres() {
  const versions = fs.readdirSync('/etc/postgresql');
  if (versions.length !== 1) throw new Error(`cannot tell which PostgreSQL to restart: /etc/postgresql has ${versions.join(', ') || 'nothing'}`);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'restart', '-m', 'fast'], { stdio: 'inherit' });
}

/** Instances A and B: same env, same .env (secrets), own fixed port so HAProxy's config stays. */
function instances({ sinkPort }) {
  const env = c.strapiEnv(SCHEMA, {
    BENCH_TASKS: path.join(__dirname, 'lib/scale-tasks.js'),
    REDIS_URL,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sinkPort),
    MAIL_LEASE_MINUTES: String(LEASE_MINUTES),
    // HAProxy checks every 500 ms and takes an instance out after 2 failures (bench/lib/haproxy.js).
    SHUTDOWN_DELAY_SECONDS: '2',
    STAFF_EMAILS: undefined, // no threshold mail to staff in the mail count
  });
  // The first compiles the app; the others start from its dist/, as a deployment's instances do.
  let compiled = false;
  return async (name, port) => {
    const child = c.startChild(name, path.join(__dirname, 'lib/strapi-child.js'), { env: { ...env, BENCH_COMPILED: String(compiled) }, log });
    compiled = true;
    await child.ready;
    await child.call('listen', { port });
    return child;
  };
}

/**
 * Staff edit an activity on `writer`; how long until `reader` (asked directly, not through
 * HAProxy) answers the new title. The reader's answer is made a cache hit first, so what is
 * measured is the invalidation reaching it, not a cold read.
 */
async function coherence(writer, readerPort, documentId, label) {
  const url = `http://127.0.0.1:${readerPort}/api/activities/${documentId}`;
  const read = async () => {
    const response = await fetch(url);
    return { cache: response.headers.get('x-cache'), title: (await response.json()).data?.title };
  };
  let before = await read();
  for (let i = 0; i < 50 && before.cache !== 'HIT'; i++) {
    await sleep(20);
    before = await read();
  }
  const title = `${label} ${Date.now()}`;
  await writer.call('rename', { documentId, title });
  const written = performance.now();
  await waitFor(`${label}: the new title on the other instance`, async () => (await read()).title === title, { everyMs: 5, timeoutMs: 10_000 });
  return { ms: performance.now() - written, cachedBefore: before.cache === 'HIT' };
}

async function coherenceRound(a, b, ports, documents, edits, label) {
  const samples = [];
  for (let i = 0; i < edits; i++) {
    samples.push(await coherence(a.child, ports.b, documents[i % documents.length], `${label} A→B ${i}`));
    samples.push(await coherence(b.child, ports.a, documents[(i + edits) % documents.length], `${label} B→A ${i}`));
  }
  log(`${label}: ${samples.map((s) => s.ms.toFixed(0)).join(', ')} ms until the other instance had the edit`);
  return samples;
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  assertInstalled();
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadStart = c.loadAverage();
  log(`load average before: ${loadStart}`);

  const stopping = [];
  const sink = c.startChild('smtp-sink', path.join(__dirname, 'lib/smtp-sink.js'), { env: process.env, log });
  stopping.push(() => sink.stop());
  try {
    await sink.ready;
    const start = instances({ sinkPort: await sink.call('port') });
    const ports = { a: await freePort(), b: await freePort(), proxy: await freePort() };

    log(`booting instance A on schema "${SCHEMA}" and seeding the demo town x${opts.scale} (the first run takes minutes)`);
    const a = { child: await start('A', ports.a) };
    stopping.push(() => a.child.stop());
    const { organisations } = await a.child.call('seed', { scale: opts.scale });
    const { userIds, initiatives } = await a.child.call('setup', { users: opts.users, initiatives: opts.initiatives });
    const tokens = await a.child.call('tokens', { userIds });
    const documents = await a.child.call('someActivities', { count: 2 * opts.edits });
    await a.child.call('resetSupports');
    await a.child.call('resetMail');
    await sink.call('reset');
    log('booting instance B');
    const b = { child: await start('B', ports.b) };
    stopping.push(() => b.child.stop());
    const proxy = await startHaproxy({ port: ports.proxy, backends: [{ name: 'a', port: ports.a }, { name: 'b', port: ports.b }], log });
    stopping.push(() => proxy.stop());

    // The load: what residents and the town's website do at once.
    const pairs = [];
    for (let u = 0; u < userIds.length; u++) for (let i = 0; i < initiatives.length; i++) pairs.push({ user: userIds[u], token: tokens[u], initiative: initiatives[i] });
    const random = c.prng(1);
    for (let k = pairs.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [pairs[k], pairs[j]] = [pairs[j], pairs[k]];
    }
    let nextPair = 0;
    const words = ['wandelen', 'koffie', 'taal', 'sport', 'buurthuis', 'muziek', 'eten', 'kinderen', 'moestuin', 'yoga'];
    const lists = ['/api/activities?pagination[pageSize]=25', '/api/organisations?pagination[pageSize]=25', '/api/initiatives?pagination[pageSize]=10'];
    const load = startMixedLoad({
      base: `http://127.0.0.1:${ports.proxy}`,
      connections: opts.connections,
      kinds: [
        { name: 'list', weight: 45, next: () => ({ path: `${lists[Math.floor(Math.random() * lists.length)]}&pagination[page]=${1 + Math.floor(Math.random() * 4)}` }) },
        { name: 'search', weight: 35, next: () => ({ path: `/api/search?q=${words[Math.floor(Math.random() * words.length)]}` }) },
        {
          name: 'support',
          weight: 20,
          next: () => {
            const pair = pairs[nextPair++];
            if (!pair) return null;
            return { method: 'POST', path: `/api/idea-support/initiatives/${pair.initiative}/support`, headers: { authorization: `Bearer ${pair.token}` }, pair };
          },
          onResult: (request, record) => {
            request.pair.sent = true;
            if (record.status >= 200 && record.status < 300) request.pair.acknowledged = true;
          },
        },
      ],
    });
    const marks = [];
    const mark = (name) => {
      const at = load.elapsedMs();
      marks.push({ name, at });
      log(`${(at / 1000).toFixed(1)} s: ${name}`);
      return at;
    };

    await sleep(3000);
    mark('coherence check (both up)');
    const coherenceBefore = await coherenceRound(a, b, ports, documents, opts.edits, 'before');

    // A crash (SIGKILL) in the first quarter's run, a deploy's restart (SIGTERM) in the second.
    const reminderRound = async (period, signal) => {
      mark(`reminders ${period} started on A and B`);
      const base = (await sink.call('stats')).messages;
      const runs = [a.child.call('reminders', { period }), b.child.call('reminders', { period })].map((run) =>
        run.then(
          (result) => result,
          (error) => ({ status: 'stopped', error: error.message.split('\n')[0] })
        )
      );
      const killAt = base + Math.floor((organisations * opts['kill-at']) / 100);
      await waitFor(`${killAt} mails at the sink`, async () => (await sink.call('stats')).messages >= killAt, { everyMs: 5, timeoutMs: 60_000 });
      process.kill(a.child.pid, signal);
      const signalAt = mark(`A sent ${signal}`);
      const stoppedAt = Date.now();
      const sinkAtKill = (await sink.call('stats')).messages - base;
      const exit = await a.child.exited;
      mark(`A exited (${exit})`);
      await sleep(opts.down * 1000);
      mark('A starting again');
      a.child = await start('A', ports.a);
      const listeningAt = mark('A listening');
      const [runA, runB] = await Promise.all(runs);
      return { period, signal, stoppedAt, signalAt, listeningAt, sinkAtKill, runA, runB };
    };
    const rounds = [await reminderRound(PERIODS[0], 'SIGKILL'), await reminderRound(PERIODS[1], 'SIGTERM')];

    if (!opts['no-postgres-restart']) {
      await sleep(3000);
      mark('PostgreSQL restarting');
      restartPostgres();
      mark('PostgreSQL back');
    }
    await sleep(opts.settle * 1000);
    const settledAt = mark('settled');
    await waitFor('both instances healthy after settling', async () => (await healthy(ports.a)) && (await healthy(ports.b)), { timeoutMs: 30_000 });
    await sleep((opts.after * 1000) / 2);
    mark('coherence check (after restarts)');
    const coherenceAfter = await coherenceRound(a, b, ports, documents, opts.edits, 'after');
    await sleep((opts.after * 1000) / 2);
    const stoppedAt = mark('load stopping');
    const records = await load.stop();

    // Residents whose click got no answer click again.
    const unanswered = pairs.filter((p) => p.sent && !p.acknowledged);
    for (const pair of unanswered) {
      const response = await fetch(`http://127.0.0.1:${ports.proxy}/api/idea-support/initiatives/${pair.initiative}/support`, {
        method: 'POST',
        headers: { authorization: `Bearer ${pair.token}` },
      });
      pair.retried = response.status;
    }
    log(`${unanswered.length} supports without a 2xx sent again: ${JSON.stringify(countBy(unanswered.map((p) => p.retried)))}`);

    // What A claimed but never sent is B's once the lease is over: the next scheduled run sends it.
    const waitMs = rounds[0].stoppedAt + LEASE_MINUTES * 60_000 + 2000 - Date.now();
    if (waitMs > 0) log(`waiting ${(waitMs / 1000).toFixed(0)} s until A's mail claims are past their lease (MAIL_LEASE_MINUTES=${LEASE_MINUTES})`);
    await sleep(Math.max(0, waitMs));
    for (const round of rounds) round.rerun = await b.child.call('reminders', { period: round.period });
    const mail = await sink.call('stats');
    const outbox = await b.child.call('outboxStatus');
    // Which round each mail the sink got more than once belongs to (a re-send keeps its Message-ID).
    const bare = (id) => id.replace(/^<|>$/g, '');
    const roundOf = new Map(
      await c.withPg(SCHEMA, async (pg) => (await pg.query('SELECT message_id, round FROM outbox_messages')).rows.map((r) => [bare(r.message_id), r.round]))
    );
    for (const round of rounds) {
      round.duplicates = Object.entries(mail.repeated)
        .filter(([id]) => roundOf.get(bare(id)) === round.period)
        .reduce((sum, [, times]) => sum + times - 1, 0);
    }

    const check = await b.child.call('verify');
    const ledger = new Set(await c.withPg(SCHEMA, async (pg) => (await pg.query('SELECT initiative, user_id FROM idea_supports')).rows.map((r) => `${r.initiative}/${r.user_id}`)));
    const sent = pairs.filter((p) => p.sent);
    const acknowledgedLost = sent.filter((p) => p.acknowledged && !ledger.has(`${p.initiative}/${p.user}`)).length;
    const neverStored = sent.filter((p) => !ledger.has(`${p.initiative}/${p.user}`)).length;

    report({
      opts,
      organisations,
      marks,
      records,
      phases: [
        ['steady', 0, rounds[0].signalAt],
        ['A crashed (SIGKILL) until it listens again', rounds[0].signalAt, rounds[0].listeningAt],
        ['steady', rounds[0].listeningAt, rounds[1].signalAt],
        ['A restarted (SIGTERM) until it listens again', rounds[1].signalAt, rounds[1].listeningAt],
        [opts['no-postgres-restart'] ? 'settling' : 'PostgreSQL restarted, settling', rounds[1].listeningAt, settledAt],
        ['after settling', settledAt, stoppedAt],
      ],
      settledAt,
      supports: { sent: sent.length, acknowledged: sent.filter((p) => p.acknowledged).length, unanswered: unanswered.length, acknowledgedLost, neverStored, ledgerRows: check.ledgerRows, drift: check.drift },
      mail: { organisations, rounds, sink: mail, outbox },
      coherence: { before: coherenceBefore, after: coherenceAfter },
      proxyConfig: proxy.config,
      loadStart,
    });
  } finally {
    for (const stop of stopping.reverse()) await stop().catch((error) => log(`stopping: ${error.message}`));
  }
}

const countBy = (values) => values.reduce((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});

function report({ opts, organisations, marks, records, phases, settledAt, supports, mail, coherence, proxyConfig, loadStart }) {
  const phaseRows = [];
  for (const [phase, from, to] of phases) {
    for (const kind of ['list', 'search', 'support']) {
      // By when the answer (or its failure) came: a request cut off by the kill is in the kill's phase.
      const s = summarise(records.filter((r) => r.kind === kind && r.at + r.ms >= from && r.at + r.ms < to), percentile);
      const seconds = (to - from) / 1000;
      phaseRows.push([`${phase} (${seconds.toFixed(0)} s)`, kind, s.requests, (s.requests / seconds).toFixed(0), s.ok, s.status4xx, s.status5xx, s.noAnswer, s.p50?.toFixed(1) ?? '–', s.p99?.toFixed(1) ?? '–']);
    }
  }
  const phaseTable = c.markdownTable(['phase', 'kind', 'requests', 'req/s', 'ok', '4xx', '5xx', 'no answer', 'p50 ms', 'p99 ms'], phaseRows);
  const afterSettle = records.filter((r) => r.at + r.ms >= settledAt);
  const coherenceMs = [...coherence.before, ...coherence.after].map((s) => s.ms);
  const named = c.figures({
    lostSupports: supports.neverStored,
    duplicateMails: mail.sink.messages - mail.sink.messageIds,
    errorsAfterSettle: afterSettle.filter((r) => r.status >= 500 || r.status === 0).length,
    cacheCoherenceMs: Math.max(...coherenceMs),
  });
  const missingMails = mail.organisations * mail.rounds.length - mail.sink.messageIds;
  const summaryTable = c.markdownTable(
    ['what', 'figure'],
    [
      ['supports sent / answered 2xx / without 2xx (sent again)', `${supports.sent} / ${supports.acknowledged} / ${supports.unanswered}`],
      ['answered 2xx but not in the ledger', supports.acknowledgedLost],
      ['not in the ledger after sending again (lostSupports)', supports.neverStored],
      ['ledger rows, counter drift', `${supports.ledgerRows}, ${supports.drift}`],
      ['reminders: organisations × quarters / mails the sink got / distinct Message-IDs', `${mail.organisations} × ${mail.rounds.length} / ${mail.sink.messages} / ${mail.sink.messageIds}`],
      ...mail.rounds.flatMap((r) => [
        [`${r.period}: A stopped by ${r.signal} after the sink had`, `${r.sinkAtKill} of its mails`],
        [`${r.period}: run on A / on B / on B after the lease`, `${runSummary(r.runA)} / ${runSummary(r.runB)} / ${runSummary(r.rerun)}`],
        [`${r.period}: mails sent twice (same Message-ID)`, r.duplicates],
      ]),
      ['outbox rows by status at the end', JSON.stringify(mail.outbox)],
      ['reminders never sent', missingMails],
      ['edit → other instance answers it, ms (before / after the restarts)', `${coherence.before.map((s) => s.ms.toFixed(0)).join(' ')} / ${coherence.after.map((s) => s.ms.toFixed(0)).join(' ')}`],
      ['requests without an answer, by error', JSON.stringify(countBy(records.filter((r) => r.status === 0).map((r) => `${r.kind}: ${r.error}`)))],
      ['reader\'s answer was a cache hit before the edit', `${[...coherence.before, ...coherence.after].filter((s) => s.cachedBefore).length} of ${coherenceMs.length}`],
    ]
  );
  const goals = [
    'Goals (#21):',
    c.goalLine('zero lost supports', String(named.lostSupports), named.lostSupports === 0 && supports.acknowledgedLost === 0 && supports.drift === 0),
    c.goalLine('zero duplicate mails', String(named.duplicateMails), named.duplicateMails === 0),
    c.goalLine('zero 5xx after the restart settles', String(named.errorsAfterSettle), named.errorsAfterSettle === 0),
    c.goalLine('an edit on one instance seen on the other within one second', `${named.cacheCoherenceMs} ms at worst`, named.cacheCoherenceMs <= 1000),
    c.goalLine('every organisation got each quarter\'s reminder', `${missingMails} missing`, missingMails === 0),
  ];
  const timeline = marks.map(({ name, at }) => `${(at / 1000).toFixed(1)} s ${name}`).join('; ');
  console.log(`\n${phaseTable}\n\n${summaryTable}\n\n${goals.join('\n')}\n`);
  const machine = c.machine();
  const loadEnd = c.loadAverage();
  const written = c.writeResults(
    NAME,
    { options: opts, machine, loadAverage: { before: loadStart, after: loadEnd }, marks, supports, mail, coherence, proxyConfig, figures: named },
    [
      `# Scale-out benchmark, ${new Date().toISOString()}`,
      '',
      `Two instances behind HAProxy (config below), PostgreSQL schema ${SCHEMA} (demo town x${opts.scale}, ${organisations} organisations), cache and rate limits in Redis; ${opts.connections} concurrent requests (45 % lists, 35 % searches, 20 % supports by ${opts.users} residents on ${opts.initiatives} initiatives); ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
      `Load average ${loadStart} before, ${loadEnd} after. Timeline: ${timeline}.`,
      opts['no-postgres-restart'] ? 'PostgreSQL was NOT restarted (--no-postgres-restart).' : '',
      '',
      phaseTable,
      '',
      summaryTable,
      '',
      ...goals,
      '',
      '```',
      proxyConfig.trim(),
      '```',
    ]
  );
  log(`wrote ${written}.json and .md`);
  if (!goals.slice(1).every((line) => line.endsWith('(met)'))) process.exitCode = 1;
}

const runSummary = (run) => (run.status === 'stopped' ? 'stopped with A' : `${run.status}: ${run.sent} sent, ${run.skipped} skipped, ${run.failed} failed`);

c.main(NAME, main);
