'use strict';
// Load and fetch helpers shared by the REST benches (bench/run.js, bench/knowledge.js).
const autocannon = require('autocannon');
const { percentile } = require('../report');

/** A GET's status and parsed body. */
async function getJson(port, urlPath, headers = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers });
  return { status: response.status, body: await response.json() };
}

/**
 * autocannon on 127.0.0.1 for `duration` seconds: every connection cycles through the same
 * requests (paths, or { path, headers }), so every server gets the same ones.
 */
async function load(port, requests, connections, duration) {
  const times = [];
  const run = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: requests.map((r) => (typeof r === 'string' ? { method: 'GET', path: r } : { method: 'GET', ...r })),
  });
  // autocannon's own percentiles are whole milliseconds, too coarse for a fast baseline.
  run.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await run;
  times.sort((a, b) => a - b);
  return {
    reqPerSec: result.requests.average,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

module.exports = { getJson, load };
