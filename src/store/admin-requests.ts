import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";

/**
 * Admin commands already carried out. Telegram redelivers an update when the bot did not confirm
 * it (a crash, a slow webhook answer); a wallet correction or a broadcast must not happen twice.
 */
export class AdminRequests {
  private readonly k: Keys;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
  }

  /** True the first time `requestKey` is seen within `rememberS` seconds. */
  async firstTime(requestKey: string, rememberS: number): Promise<boolean> {
    return (await this.redis.set(this.k.adminRequest(requestKey), "1", "EX", rememberS, "NX")) === "OK";
  }
}
