'use strict';
// A load of several kinds of request at once, each request recorded with its time, kind
// and outcome, so a bench can tell what happened in each phase (an instance killed, the
// database restarted). autocannon counts per run, not per moment; this keeps every answer.

/**
 * Starts `connections` loops against `base`, each picking a kind by weight and sending
 * what its `next()` returns ({ method, path, headers }; null = this kind has nothing left,
 * another is picked). Every answer is recorded as { at (ms since start), kind, status
 * (0 = no answer), ms, error? } and handed to the kind's `onResult(request, record)`.
 * stop() ends the loops after their current request and resolves with the records.
 */
function startMixedLoad({ base, connections, kinds, timeoutMs = 15_000 }) {
  const started = performance.now();
  const records = [];
  let running = true;
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);

  const pick = () => {
    let r = Math.random() * total;
    const ordered = kinds.filter((k) => k.weight > 0);
    const chosen = ordered.find((k) => (r -= k.weight) < 0) ?? ordered[0];
    return [chosen, ...ordered.filter((k) => k !== chosen)];
  };

  const once = async () => {
    for (const kind of pick()) {
      const request = kind.next();
      if (!request) continue;
      const at = performance.now();
      const record = { at: at - started, kind: kind.name, status: 0, ms: 0 };
      try {
        const response = await fetch(`${base}${request.path}`, {
          method: request.method ?? 'GET',
          headers: request.headers,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        record.status = response.status;
      } catch (error) {
        record.error = [error.cause?.code ?? error.name, error.cause?.message ?? error.message].filter(Boolean).join(' ');
      }
      record.ms = performance.now() - at;
      records.push(record);
      kind.onResult?.(request, record);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // every kind is done
  };

  const loops = Array.from({ length: connections }, async () => {
    while (running) await once();
  });

  return {
    elapsedMs: () => performance.now() - started,
    records,
    async stop() {
      running = false;
      await Promise.all(loops);
      return records;
    },
  };
}

/** Counts and latency of `records` (one phase, one kind): ok, 4xx, 5xx, no answer, p50/p99. */
function summarise(records, percentile) {
  const times = records.filter((r) => r.status).map((r) => r.ms).sort((a, b) => a - b);
  const count = (test) => records.filter(test).length;
  return {
    requests: records.length,
    ok: count((r) => r.status >= 200 && r.status < 400),
    status4xx: count((r) => r.status >= 400 && r.status < 500),
    status5xx: count((r) => r.status >= 500),
    noAnswer: count((r) => r.status === 0),
    p50: times.length ? percentile(times, 50) : null,
    p99: times.length ? percentile(times, 99) : null,
  };
}

module.exports = { startMixedLoad, summarise };
