/**
 * A user's unfinished dialog kept outside the conversations plugin (the top-up dialog, an admin's
 * typed input in the shop screens): one JSON value per user under the key the caller names, until
 * it expires.
 */
import type { Redis } from "./redis.js";

export class DialogStates {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (userId: number) => string,
  ) {}

  get(userId: number): Promise<string | null> {
    return this.redis.get(this.keyOf(userId));
  }

  async set(userId: number, value: string, ttlS: number): Promise<void> {
    await this.redis.set(this.keyOf(userId), value, "EX", ttlS);
  }

  /** True when there was one. */
  async clear(userId: number): Promise<boolean> {
    return (await this.redis.del(this.keyOf(userId))) > 0;
  }
}
