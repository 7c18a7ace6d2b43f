import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";

/** An admin's unfinished typed input (a new markup, a name) as the bot stored it (JSON), until it expires. */
export class AdminInputs {
  private readonly k: Keys;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
  }

  get(userId: number): Promise<string | null> {
    return this.redis.get(this.k.adminInput(userId));
  }

  async set(userId: number, value: string, ttlS: number): Promise<void> {
    await this.redis.set(this.k.adminInput(userId), value, "EX", ttlS);
  }

  /** True when there was one. */
  async clear(userId: number): Promise<boolean> {
    return (await this.redis.del(this.k.adminInput(userId))) > 0;
  }
}
