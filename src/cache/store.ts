/** A response as the cache keeps it: enough to answer the same request again byte for byte. */
export interface CachedResponse {
  status: number;
  /** Only those that describe the body (content-type and the like); never cookies or CORS. */
  headers: Record<string, string>;
  etag: string;
  body: Buffer;
}

/**
 * The generations of the scopes an answer depends on (src/cache/scopes.ts),
 * read once before the answer is made: it is kept and found under them, so a
 * change to any of those scopes makes it unreachable.
 */
export interface Stamp {
  readonly scopes: readonly string[];
  readonly text: string;
}

/** Where public responses are kept, each under the stamp it was made with. */
export interface CacheStore {
  /**
   * The stamp to read and write under, or null while the store cannot vouch
   * for its entries (Redis down, or a change not yet agreed on): then serve
   * uncached.
   */
  stamp(scopes: readonly string[]): Stamp | null;
  get(stamp: Stamp, key: string): Promise<CachedResponse | undefined>;
  /** Keeps nothing when a scope of the stamp changed meanwhile: the answer may predate the change. */
  set(stamp: Stamp, key: string, response: CachedResponse): Promise<void>;
  /** Starts new generations of these scopes; call after the change has committed. */
  bump(scopes: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The stamp's text: the scopes' generations in order (a scope never bumped is 0). */
export const stampText = (generations: ReadonlyMap<string, number>, scopes: readonly string[]) => scopes.map((scope) => generations.get(scope) ?? 0).join('.');

/** One buffer: a JSON line with the metadata (JSON never holds a raw newline), then the body bytes. */
export function encodeResponse({ body, ...meta }: CachedResponse): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), body]);
}

export function decodeResponse(bytes: Buffer): CachedResponse {
  const end = bytes.indexOf(0x0a);
  const meta = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Omit<CachedResponse, 'body'>;
  return { ...meta, body: bytes.subarray(end + 1) };
}
