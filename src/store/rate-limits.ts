import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";

/** Per-user update counters in fixed time windows, shared by every process (the flood guard). */
export class RateLimits {
  private readonly k: Keys;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
  }

  /** Counts one update of the user in the current window; returns the count so far. */
  async hit(userId: number, windowMs: number, now = Date.now()): Promise<number> {
    const key = this.k.rateLimit(userId, Math.floor(now / windowMs));
    // One pipelined write per update; the expiry keeps old windows from piling up.
    const [[, count]] = (await this.redis
      .pipeline()
      .incr(key)
      .pexpire(key, windowMs * 2)
      .exec()) as [[null, number], [null, number]];
    return count;
  }
}
