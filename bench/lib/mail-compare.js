'use strict';
// What the mail benches (reminders, digests) share: the SMTP sink they send to, the
// plain nodemailer loop they are measured against, and the table that compares them.
const path = require('node:path');
const c = require('./common');

/** The SMTP sink, a child of its own, and the SMTP_* environment that points a sender at it. */
async function startSink(children, { pool = false } = {}) {
  const sink = c.startChild('smtp-sink', path.join(__dirname, 'smtp-sink.js'), { env: process.env });
  children.push(sink);
  await sink.ready;
  const port = await sink.call('port');
  const smtp = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', SMTP_USERNAME: '', SMTP_POOL: pool ? 'true' : undefined };
  return { sink, port, smtp };
}

/** The Strapi child whose tasks (bench/lib/<tasks>.js) the bench calls, on the bench's schema, sending to the sink. */
async function startStrapi(children, { schema, tasks, smtp, log }) {
  const strapi = c.startChild('strapi', path.join(__dirname, 'strapi-child.js'), {
    env: c.strapiEnv(schema, { BENCH_TASKS: path.join(__dirname, tasks), ...smtp }),
    execArgv: ['--expose-gc'],
    log,
  });
  children.push(strapi);
  await strapi.ready;
  return strapi;
}

/** The app's side, measured: `call` runs in the Strapi child and answers { ms, cpuMs, memory, statements, result }. */
async function measureApp({ sender, sink, call, log }) {
  await sink.call('reset');
  const loadAverage = c.loadAverage();
  const run = await call();
  const received = await sink.call('stats');
  log(`${sender}: ${run.result.sent} sent, ${run.result.failed} failed in ${(run.ms / 1000).toFixed(1)} s; sink got ${received.messages}`);
  return { sender, loadAverage, ms: run.ms, cpuMs: run.cpuMs, statements: run.statements, memory: run.memory, sent: run.result.sent, failed: run.result.failed, sink: received, result: run.result };
}

/** The plain nodemailer loop (bench/lib/reminders-raw.js, a child of its own): `count` copies of `mail`, `concurrency` at a time. */
async function measureRawLoop(children, { sink, smtp, pool = false, count, concurrency, mail, log }) {
  const raw = c.startChild('raw', path.join(__dirname, 'reminders-raw.js'), { env: { ...process.env, ...smtp, SMTP_POOL: pool ? 'true' : 'false' }, execArgv: ['--expose-gc'] });
  children.push(raw);
  await raw.ready;
  await sink.call('reset');
  const loadAverage = c.loadAverage();
  log(`raw: ${count} mails with nodemailer, ${concurrency} at a time (load average ${loadAverage})`);
  const loop = await raw.call('send', { count, concurrency, mail });
  const received = await sink.call('stats');
  log(`raw: ${loop.sent} sent, ${loop.failed} failed in ${(loop.ms / 1000).toFixed(1)} s; sink got ${received.messages}`);
  return { sender: 'raw nodemailer', loadAverage, ms: loop.ms, cpuMs: loop.cpuMs, statements: 0, memory: loop.memory, sent: loop.sent, failed: loop.failed, sink: received };
}

const perSecond = (r) => r.sent / (r.ms / 1000);

/** The app's row and the raw loop's side by side, and their ratio of mails per second against the aim. */
function comparisonTables([app, raw], { sentLabel, ratioLabel }) {
  const ratio = perSecond(app) / perSecond(raw);
  const measuredTable = c.markdownTable(
    ['sender', sentLabel, 'sink got', 'failed', 'time s', 'mails/s', 'CPU ms/mail', 'SQL/mail', 'bytes/mail', 'SMTP connections', 'peak RSS MB', 'peak heap MB', 'heap kept MB'],
    [app, raw].map((r) => [
      r.sender,
      r.sent,
      r.sink.messages,
      r.failed,
      (r.ms / 1000).toFixed(2),
      perSecond(r).toFixed(1),
      (r.cpuMs / r.sent).toFixed(2),
      (r.statements / r.sent).toFixed(1),
      r.sink.messages ? Math.round(r.sink.bytes / r.sink.messages) : 0,
      r.sink.connections,
      c.mb(r.memory.peakRss),
      c.mb(r.memory.peakHeapUsed),
      c.mb(r.memory.heapUsedAfterGc - r.memory.heapUsedBefore),
    ])
  );
  const ratioTable = c.markdownTable([ratioLabel, 'aim'], [[`${ratio.toFixed(2)}x`, '>= 0.8x']]);
  return { ratio, table: `${measuredTable}\n\n${ratioTable}` };
}

/** Non-zero exit when a side did not send, or the sink did not get, every mail. */
function checkDelivered(name, results, expected) {
  const bad = results.filter((r) => r.sent !== expected || r.failed || r.sink.messages !== expected);
  if (!bad.length) return;
  console.error(`[bench:${name}] ${bad.map((r) => r.sender).join(', ')}: not every mail was sent and received: see the table`);
  process.exitCode = 1;
}

module.exports = { startSink, startStrapi, measureApp, measureRawLoop, comparisonTables, checkDelivered };
