/**
 * Archiving (ORDER_HISTORY_DAYS): closed orders older than the history leave Redis's hot
 * structures for compact buckets (OrderStore.archiveStep), so memory follows the shop's recent
 * orders rather than its lifetime. Waits for the counters' background count to finish: an order
 * is archived only once counted, and the count must not miss one it has not reached yet.
 */
import type { AppDeps } from "../app.js";

const DAY_MS = 86_400_000;

/** One run of the worker's job: at most `maxSteps` steps of 500 orders; returns the number archived. */
export async function archiveOldOrders(deps: Pick<AppDeps, "orders" | "stats" | "config">, now = Date.now(), maxSteps = 20): Promise<number> {
  if (!(await deps.stats.backfillDone())) return 0;
  const cutoff = now - deps.config.orderHistoryDays * DAY_MS;
  let archived = 0;
  for (let step = 0; step < maxSteps; step++) {
    const step = await deps.orders.archiveStep(cutoff);
    archived += step.archived;
    if (step.done) break;
  }
  return archived;
}
