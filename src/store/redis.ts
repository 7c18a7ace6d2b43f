import { Redis } from "ioredis";

/**
 * One ioredis connection. Commands wait in ioredis' offline queue while Redis reconnects, so a
 * short Redis restart delays the bot instead of failing updates.
 */
export function createRedis(url: string, opts: { lazyConnect?: boolean } = {}): Redis {
  return new Redis(url, {
    lazyConnect: opts.lazyConnect ?? false,
    maxRetriesPerRequest: 20,
    enableAutoPipelining: true,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
}

export type { Redis };
