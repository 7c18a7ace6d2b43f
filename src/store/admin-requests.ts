import { RedisStore } from "./redis-store.js";

/**
 * Admin commands already carried out. Telegram redelivers an update when the bot did not confirm
 * it (a crash, a slow webhook answer); a wallet correction or a broadcast must not happen twice.
 */
export class AdminRequests extends RedisStore {
  /** True the first time `requestKey` is seen within `rememberS` seconds. */
  async firstTime(requestKey: string, rememberS: number): Promise<boolean> {
    return (await this.redis.set(this.k.adminRequest(requestKey), "1", "EX", rememberS, "NX")) === "OK";
  }
}
