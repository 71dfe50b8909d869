import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminToken, removeAdmins } from '../helpers/admin';
import { createSocialMap, editor, resident } from '../helpers/fixtures';
import { serverErrors, type FuzzWorld, type Route } from '../helpers/fuzz';
import { sendRaw, type RawRequest } from '../helpers/peer';
import { strapi } from '../helpers/strapi';

/**
 * Property-based fuzzing (#14.13): random JSON bodies, query strings, path
 * parameters and callers at every route of ours and at Strapi's own
 * collections, looking for any 5xx. The seed is fixed so a run is repeatable;
 * FUZZ_SEED=random (or a number) and FUZZ_RUNS=N explore further.
 */
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED || 20261203);
const RUNS = Number(process.env.FUZZ_RUNS || 12);

// Our plugins' admin routes, and the app's own (/buurtplein: approval, the enrolment side panel).
const OUR_ADMIN_PREFIXES = ['idea-support', 'content-expiry', 'listing-reminders', 'bulk-import', 'outbox', 'moderation', 'buurtplein'];
// Multipart uploads have a suite of their own; /api/connect only redirects to OAuth providers, none configured.
const LEFT_OUT = [/^\/api\/upload/, /^\/api\/connect/];

/** Every content-API route, /embed, and our admin routes, from the router itself: a new route is fuzzed without anyone listing it. */
function routesToFuzz(): Route[] {
  const ours = (path: string) =>
    path.startsWith('/api/') || path.startsWith('/embed/') || OUR_ADMIN_PREFIXES.some((name) => path.startsWith(`/${name}/`));
  const routes: Route[] = strapi()
    .server.listRoutes()
    .flatMap((layer: { path: string; methods: string[] }) => layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: layer.path })))
    .filter((route: Route) => ours(route.path) && !LEFT_OUT.some((pattern) => pattern.test(route.path)));
  return [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
}

async function world(): Promise<FuzzWorld> {
  const map = await createSocialMap();
  const documents = [map.category, map.neighbourhood, map.published, map.draft, map.archived, map.activity, map.initiative];
  const ids = documents.flatMap((doc: any) => [doc.documentId, doc.slug].filter(Boolean));
  return {
    ids: [...ids, String(map.member.id)],
    tokens: { anonymous: null, resident: (await resident()).jwt, editor: (await editor()).jwt, admin: await adminToken() },
  };
}

afterAll(removeAdmins);

it('finds no 5xx on any route', async () => {
  const routes = routesToFuzz();
  // The router holds the collections and our routes: fewer means the listing broke, and the test would pass on nothing.
  expect(routes.length).toBeGreaterThan(60);
  expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/activities', '/api/my/activities', '/api/auth/local', '/embed/activities']));
  const errors = await serverErrors(routes, await world(), sendRaw, { runs: RUNS, seed: SEED });
  expect({ seed: SEED, errors }).toEqual({ seed: SEED, errors: [] });
}, 600_000);

it('reports a route that answers 500, with the request that did it', async () => {
  // The same search against a server that fails on one body key: the search must find and name it.
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.statusCode = /"title"/.test(body) ? 500 : 400;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const send = (request: RawRequest) => sendRaw(request, `http://127.0.0.1:${port}`);
  try {
    const worldOfNothing: FuzzWorld = { ids: ['x'], tokens: { anonymous: null, resident: null, editor: null, admin: null } };
    const errors = await serverErrors([{ method: 'POST', path: '/things' }], worldOfNothing, send, { runs: 300, seed: SEED });
    expect(errors).toHaveLength(1);
    expect(errors[0].request.body).toMatch(/"title"/);
  } finally {
    server.close();
  }
});
