import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

/**
 * A real Redis for a test, isolated by a unique key prefix (tests run in parallel on one server)
 * and cleaned up afterwards. REDIS_URL overrides the default local server.
 */
export interface TestRedis {
  redis: Redis;
  url: string;
  prefix: string;
  /** deletes every key under the prefix and closes the connection */
  cleanup(): Promise<void>;
}

export async function testRedis(name = "t"): Promise<TestRedis> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  const prefix = `test:${name}:${randomUUID().slice(0, 8)}:`;
  return {
    redis,
    url,
    prefix,
    async cleanup() {
      await unlinkByPrefix(redis, prefix);
      redis.disconnect();
    },
  };
}

/**
 * Removes every key under the prefix with UNLINK (memory freed off Redis' main thread) in small
 * steps, so a cleanup of many keys does not stall a Redis that other tests or benchmarks use.
 */
export async function unlinkByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (found.length) await redis.unlink(...found);
  } while (cursor !== "0");
}
