import { RedisStore } from "./redis-store.js";

/** Which process runs the daily reconciliation: the first to claim the day, across all workers. */
export class ReconcileRuns extends RedisStore {
  /** True for the one caller that claims `day` (YYYY-MM-DD); the claim outlives the day. */
  async claim(day: string): Promise<boolean> {
    return (await this.redis.set(this.k.reconcileRun(day), "1", "EX", 2 * 24 * 60 * 60, "NX")) === "OK";
  }
}
