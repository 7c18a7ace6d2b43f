import { keys } from "./keys.js";
import type { Redis } from "./redis.js";

/**
 * State of the Stars check (services/stars-reconcile.ts):
 * - `stars:reconcile:cursor`: how many of the bot's Stars transactions (oldest first) are settled
 *   for good, so a run starts there instead of at the first transaction ever made;
 * - `stars:reconcile:lock`: one run at a time across all processes (PX, released at the end).
 */
export class StarsReconcileStore {
  private readonly cursorKey: string;
  private readonly lockKey: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    ({ cursor: this.cursorKey, lock: this.lockKey } = keys(prefix).starsReconcile);
  }

  async cursor(): Promise<number> {
    return Number((await this.redis.get(this.cursorKey)) ?? 0) || 0;
  }

  async setCursor(offset: number): Promise<void> {
    await this.redis.set(this.cursorKey, String(offset));
  }

  /** A run longer than `ms` loses the lock: another one may then start (the credits stay once). */
  async lock(owner: string, ms: number): Promise<boolean> {
    return (await this.redis.set(this.lockKey, owner, "PX", ms, "NX")) === "OK";
  }

  async unlock(owner: string): Promise<void> {
    if ((await this.redis.get(this.lockKey)) === owner) await this.redis.del(this.lockKey);
  }
}
