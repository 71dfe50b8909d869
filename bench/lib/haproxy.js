'use strict';
// Debian's HAProxy in front of the scale bench's instances, in the foreground as a child
// process, with the settings docs/scaling.md recommends (health checks on /_health,
// a refused connection retried on the other instance).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const BINARY = process.env.HAPROXY_BIN || '/usr/sbin/haproxy';

/**
 * Retries only a connection that could not be made (the request never reached an
 * instance), on the other instance: safe for every route. A request that reached an
 * instance killed mid-answer is not replayed (a write may have happened): the client sees
 * a 502 and decides (docs/scaling.md).
 */
function config({ port, backends }) {
  return `global
  maxconn 2000

defaults
  mode http
  option http-keep-alive
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout http-request 10s
  retries 3
  option redispatch 1
  retry-on conn-failure

frontend web
  bind 127.0.0.1:${port}
  default_backend strapi

backend strapi
  balance roundrobin
  option httpchk GET /_health
  http-check expect status 204
  default-server inter 500ms fall 2 rise 2 maxconn 64
${backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`).join('\n')}
`;
}

function assertInstalled() {
  if (!fs.existsSync(BINARY)) {
    throw new Error(`${BINARY} not found: install Debian's HAProxy (apt-get install -y haproxy) or set HAPROXY_BIN`);
  }
}

/** Starts HAProxy on 127.0.0.1:`port` in front of `backends` ({ name, port }); stop() ends it. */
async function startHaproxy({ port, backends, log }) {
  assertInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, config({ port, backends }));
  const child = spawn(BINARY, ['-f', file, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) log(`  haproxy: ${line}`);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Started when it answers on its port (a refused connection until then).
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}); config in ${file}`);
    const up = await fetch(`http://127.0.0.1:${port}/_health`).then(
      () => true,
      () => false
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('haproxy did not start within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    config: config({ port, backends }),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startHaproxy, assertInstalled };
