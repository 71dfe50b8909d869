'use strict';
const { isDeepStrictEqual } = require('node:util');

const show = (value) => {
  const text = JSON.stringify(value) ?? 'missing';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** Where two JSON values first differ (key order ignored), or null when they are equal. */
function firstDifference(strapi, baseline, at = '$') {
  if (isDeepStrictEqual(strapi, baseline)) return null;
  const bothObjects = [strapi, baseline].every((v) => v && typeof v === 'object') && Array.isArray(strapi) === Array.isArray(baseline);
  if (bothObjects) {
    for (const key of new Set([...Object.keys(strapi), ...Object.keys(baseline)])) {
      const found = firstDifference(strapi[key], baseline[key], Array.isArray(strapi) ? `${at}[${key}]` : `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at}: strapi ${show(strapi)}, baseline ${show(baseline)}`;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function markdownTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

function formatTable(results, ratios) {
  const measured = markdownTable(
    ['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
    results.map((r) => [r.scenario, r.server, r.reqPerSec.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), r.non2xx, r.errors])
  );
  const compared = markdownTable(
    ['scenario', 'server', 'req/s vs baseline', 'p50 vs baseline', 'p99 vs baseline'],
    ratios.map((r) => [r.scenario, r.server, `${r.reqPerSec.toFixed(2)}x`, `${r.p50.toFixed(2)}x`, `${r.p99.toFixed(2)}x`])
  );
  return `${measured}\n\n${compared}`;
}

module.exports = { firstDifference, percentile, formatTable };
