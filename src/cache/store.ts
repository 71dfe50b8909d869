/** A response as the cache keeps it: enough to answer the same request again byte for byte. */
export interface CachedResponse {
  status: number;
  /** Only those that describe the body (content-type and the like); never cookies or CORS. */
  headers: Record<string, string>;
  etag: string;
  body: Buffer;
}

/**
 * Where public responses are kept. Entries belong to a generation: any content
 * change starts a new one, so nothing stored before the change is ever read again.
 */
export interface CacheStore {
  /**
   * The generation to read and write under, or null while the store cannot
   * vouch for its entries (Redis down, or a change not yet agreed on): then
   * serve uncached.
   */
  generation(): number | null;
  get(generation: number, key: string): Promise<CachedResponse | undefined>;
  set(generation: number, key: string, response: CachedResponse): Promise<void>;
  /** Starts a new generation; call after the change has committed. */
  bump(): Promise<void>;
  close(): Promise<void>;
}

/** One buffer: a JSON line with the metadata (JSON never holds a raw newline), then the body bytes. */
export function encodeResponse({ body, ...meta }: CachedResponse): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), body]);
}

export function decodeResponse(bytes: Buffer): CachedResponse {
  const end = bytes.indexOf(0x0a);
  const meta = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Omit<CachedResponse, 'body'>;
  return { ...meta, body: bytes.subarray(end + 1) };
}
