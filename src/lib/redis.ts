import Redis, { type RedisOptions } from 'ioredis';

const CONNECTION: RedisOptions = {
  // A request must never wait for Redis to come back: fail at once and let the caller fall back.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 2000,
  retryStrategy: (times) => Math.min(times * 500, 5000),
};

/** A connection for request paths (cache, rate limits): commands fail fast while Redis is away. */
export function openRedis(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, { ...CONNECTION, ...overrides });
}

/** Resolves once the socket is gone, so a shutdown leaves nothing open. */
export function closeRedis(connection: Redis): Promise<void> {
  if (connection.status === 'end') return Promise.resolve();
  return new Promise<void>((resolve) => {
    // Between reconnection attempts there is no socket and no 'end' to wait for.
    const timer = setTimeout(resolve, 1000);
    connection.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
    connection.disconnect();
  });
}

/** host:port of a REDIS_URL, for log lines: the URL itself may hold a password. */
export function redisHost(url: string): string {
  try {
    const { hostname, port } = new URL(url);
    return `${hostname}:${port || 6379}`;
  } catch {
    return 'the configured REDIS_URL';
  }
}
