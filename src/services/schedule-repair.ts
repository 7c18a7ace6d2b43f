/**
 * Puts every order that still needs watching back on the poll schedule: placed with a status the
 * panel has not finished (the order queue), or with a refill under way (the refill queue). Run
 * after a restore: a backup reads the schedule in batches, so an order placed while it ran can come
 * back without its schedule entry, and it would never be looked at again (no status message, no
 * refund of what was not delivered). Entries already there are left as they are. One pass over
 * the hot orders, in pages.
 */
import type { AppDeps } from "../app.js";
import { isFinalOrderStatus } from "../panel/status.js";
import { refillUnderWay, type OrderRecord } from "../store/orders.js";

const PAGE = 500;

export async function repairSchedule(deps: Pick<AppDeps, "orders" | "schedule">, now = Date.now()): Promise<{ checked: number; orders: number; refills: number }> {
  const added = { checked: 0, orders: 0, refills: 0 };
  for await (const ids of deps.orders.listPages(PAGE)) {
    const open = (await deps.orders.getMany(ids)).filter((o): o is OrderRecord => o?.placement === "placed" && Boolean(o.panelOrderId));
    added.checked += ids.length;
    added.orders += await deps.schedule.ensure(
      "orders",
      open.filter((o) => !isFinalOrderStatus(o.status)).map((o) => o.id),
      now,
    );
    added.refills += await deps.schedule.ensure(
      "refills",
      open.filter(refillUnderWay).map((o) => o.id),
      now,
    );
  }
  return added;
}
