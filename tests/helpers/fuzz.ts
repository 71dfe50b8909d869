import fc from 'fast-check';
import qs from 'qs';
import type { PeerResponse, RawRequest } from './peer';

/** One route as the server's router has it, e.g. GET /api/activities/:id. */
export interface Route {
  method: string;
  path: string;
}

/** What a fuzz run knows of the data, so some requests get past "not found" into the code behind it. */
export interface FuzzWorld {
  ids: string[];
  tokens: Record<'anonymous' | 'resident' | 'editor' | 'admin', string | null>;
}

/** Names the routes read: random values under them reach validation instead of "unknown parameter". */
const FIELD_NAMES = [
  'email', 'password', 'passwordConfirmation', 'currentPassword', 'identifier', 'username', 'displayName',
  'token', 'code', 'challenge', 'secret', 'name', 'title', 'summary', 'description', 'text', 'reason',
  'startsAt', 'endsAt', 'rrule', 'latitude', 'longitude', 'address', 'postalCode', 'city', 'website', 'phone',
  'contactEmail', 'reminderEmail', 'categories', 'neighbourhood', 'neighbourhoods', 'targetGroups', 'capacity',
  'locale', 'data', 'organisation', 'activity', 'initiative', 'stage', 'status', 'period', 'dryRun', 'format',
  'filters', 'sort', 'pagination', 'fields', 'populate', 'q', 'from', 'to', 'limit', 'type', 'category', 'bbox',
  'page', 'pageSize', 'window', 'provider', 'redirect', 'next', '__proto__', 'constructor', 'prototype', '$eq', '$ne',
];

const nasty = fc.constantFrom('', ' ', '%00', '\u0000', '\ud800', '0', '-1', '0.5', '1e20', 'NaN', 'null', 'true', '[]', '{}',
  '$eq', '__proto__', '../..', 'a'.repeat(300), '2026-13-45', '2026-12-01', 'nl', 'en', '*', '<script>', "'; drop table x;--");
const word = fc.oneof(nasty, fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.integer().map(String));
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: word });

/** Nested objects and arrays of words: the shapes qs and JSON can carry. */
const nested = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 })
  ),
})).value;

const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nested);

/** Percent-encoding that also writes a lone surrogate (which encodeURIComponent refuses) as the bytes a careless client would send. */
const encode = (text: string) =>
  Array.from(text)
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    })
    .join('');

const query = fc.oneof(
  fc.dictionary(key, nested, { maxKeys: 4 }).map((params) => qs.stringify(params, { encoder: (value) => encode(String(value)) })),
  fc.array(fc.tuple(word, word), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  fc.string({ maxLength: 40 }).map((raw) => raw.replace(/[\s#]/g, '')), // raw text, possibly broken percent-encoding
);

const body = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(key, jsonValue, { maxKeys: 6 }).map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.dictionary(key, jsonValue, { maxKeys: 6 }).map((data) => JSON.stringify({ data })) },
  { weight: 1, arbitrary: jsonValue.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) } // not JSON at all
);

const pathParam = (world: FuzzWorld) => fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...world.ids) },
  { weight: 1, arbitrary: word.map(encode) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((raw) => raw.replace(/[\s/?#]/g, '')) }
);

/** Random requests to one route: its path parameters, query, body and who asks all made up. */
export function requestsTo(route: Route, world: FuzzWorld): fc.Arbitrary<RawRequest> {
  const params = (route.path.match(/:\w+/g) ?? []).map(() => pathParam(world));
  const who = fc.constantFrom(...(Object.keys(world.tokens) as (keyof FuzzWorld['tokens'])[]), 'forged' as const);
  const hasBody = !['GET', 'DELETE'].includes(route.method);
  return fc.record({
    params: fc.tuple(...params),
    query: fc.option(query, { nil: undefined }),
    body: hasBody ? fc.option(body, { nil: undefined, freq: 6 }) : fc.constant(undefined),
    who,
  }).map(({ params: values, query: search, body: payload, who: caller }) => {
    let index = 0;
    const path = route.path.replace(/:\w+/g, () => values[index++] as string) + (search ? `?${search}` : '');
    const token = caller === 'forged' ? 'not.a.jwt' : world.tokens[caller];
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    return { method: route.method, path, headers, body: payload };
  });
}

export interface ServerError {
  route: string;
  request: RawRequest;
  status: number;
  text: string;
}

/**
 * Throws `runs` random requests at each route and returns the ones answered
 * with a 5xx, shrunk by fast-check to the smallest request that still fails.
 */
export async function serverErrors(routes: Route[], world: FuzzWorld, send: (request: RawRequest) => Promise<PeerResponse>, options: { runs: number; seed: number }): Promise<ServerError[]> {
  const found: ServerError[] = [];
  for (const route of routes) {
    const result = await fc.check(
      fc.asyncProperty(requestsTo(route, world), async (request) => (await send(request)).status < 500),
      { numRuns: options.runs, seed: options.seed, endOnFailure: false, maxSkipsPerRun: 0 }
    );
    if (result.failed && result.counterexample) {
      const [request] = result.counterexample;
      // Sent once more: the answer to show is the one to the shrunk request, not to the last one tried.
      const answer = await send(request);
      found.push({ route: `${route.method} ${route.path}`, request, status: answer.status, text: answer.text.slice(0, 300) });
    }
  }
  return found;
}
