/**
 * Memory that follows the shop's recent orders rather than its lifetime. Packing
 * (ORDER_PACK_DAYS): closed orders that have not changed for a while keep their place in every
 * list, their records in compact buckets (OrderStore.packStep). Archiving (ORDER_HISTORY_DAYS):
 * closed orders older than the history leave the lists too (OrderStore.archiveStep). Archiving
 * waits for the counters' background count to finish: an order is archived only once counted, and
 * the count must not miss one it has not reached yet.
 */
import type { AppDeps } from "../app.js";

const DAY_MS = 86_400_000;

/** One run of the worker's job: at most `maxSteps` steps of 500 orders; returns the number archived. */
export async function archiveOldOrders(deps: Pick<AppDeps, "orders" | "stats" | "config">, now = Date.now(), maxSteps = 20): Promise<number> {
  if (!(await deps.stats.backfillDone())) return 0;
  const cutoff = now - deps.config.orderHistoryDays * DAY_MS;
  let archived = 0;
  for (let i = 0; i < maxSteps; i++) {
    const step = await deps.orders.archiveStep(cutoff);
    archived += step.archived;
    if (step.done) break;
  }
  return archived;
}

/** One run of the worker's job: at most `maxSteps` steps of 500 orders; returns the number packed. */
export async function packClosedOrders(deps: Pick<AppDeps, "orders" | "config">, now = Date.now(), maxSteps = 20): Promise<number> {
  const cutoff = now - deps.config.orderPackDays * DAY_MS;
  let packed = 0;
  for (let i = 0; i < maxSteps; i++) {
    const step = await deps.orders.packStep(cutoff, now);
    packed += step.packed;
    if (step.done) break;
  }
  return packed;
}
