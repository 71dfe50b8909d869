export interface OutboxConfig {
  /** This server's public URL: unsubscribe links point here. */
  publicUrl: string;
  /** Signs unsubscribe links (HMAC); keep it secret and stable. */
  secret: string;
  /** The right-hand side of every Message-ID (a domain of the town's). */
  messageIdDomain: string;
  /** Tries per mail; waits backoffMs, 4×, 16× … in between. */
  attempts: number;
  backoffMs: number;
  /** A mail claimed longer ago than this and still "sending" belongs to a process that died: another may take it over. */
  leaseMinutes: number;
}

const DEFAULTS: OutboxConfig = {
  publicUrl: 'http://localhost:1337',
  secret: '',
  messageIdDomain: 'buurtplein.local',
  attempts: 4,
  backoffMs: 2000,
  leaseMinutes: 10,
};

export default {
  default: DEFAULTS,
  validator(config: OutboxConfig) {
    const fail = (message: string) => {
      throw new Error(`[outbox] config: ${message}`);
    };
    if (typeof config.secret !== 'string' || config.secret.length < 16) fail('secret must be a string of at least 16 characters');
    if (!/^https?:\/\//.test(config.publicUrl)) fail('publicUrl must start with http:// or https://');
    if (!/^[a-z0-9.-]+$/i.test(config.messageIdDomain)) fail('messageIdDomain must be a domain name, like gemeente.example');
    for (const key of ['attempts', 'leaseMinutes'] as const) {
      if (!Number.isInteger(config[key]) || config[key] < 1) fail(`${key} must be a whole number ≥ 1`);
    }
    if (!Number.isInteger(config.backoffMs) || config.backoffMs < 0) fail('backoffMs must be a whole number ≥ 0');
  },
};
