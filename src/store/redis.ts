import { Redis } from "ioredis";

/**
 * One ioredis connection. Commands wait in ioredis' offline queue while Redis reconnects, so a
 * short Redis restart delays the bot instead of failing updates.
 */
export function createRedis(url: string, opts: { lazyConnect?: boolean; onError?: (err: Error) => void } = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: opts.lazyConnect ?? false,
    maxRetriesPerRequest: 20,
    enableAutoPipelining: true,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
  // Without a listener ioredis prints each connection error's stack to stderr, past the logger and
  // its scrubbing, once per retry: they go to the caller instead.
  if (opts.onError) redis.on("error", opts.onError);
  return redis;
}

export type { Redis };
