import type { AppDeps } from "../app.js";
import { D, moneyString } from "../money.js";
import { LEDGER_MAX } from "../store/wallet.js";
import { csvRow } from "../text/csv.js";

/**
 * CSV exports for the owner's accounting, read through the stores' own read APIs (not the Redis
 * encoding), so a change of how an order or a ledger row is stored keeps them working.
 */
export type ExportDeps = Pick<AppDeps, "config" | "orders" | "users" | "wallet">;

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : "");

export const ORDER_COLUMNS = [
  "order_id",
  "created_at",
  "placed_at",
  "user_id",
  "service_id",
  "service",
  "category",
  "link",
  "quantity",
  "price",
  "currency",
  "placement",
  "status",
  "panel_order_id",
  "panel_charge",
  "refunded",
  "fail_reason",
];

/** Orders created since `sinceMs`, oldest first (drafts are no orders: nothing was charged). */
export async function* exportOrders(deps: ExportDeps, sinceMs: number): AsyncGenerator<string> {
  yield csvRow(ORDER_COLUMNS);
  for await (const o of deps.orders.createdSince(sinceMs)) {
    yield csvRow([
      o.id,
      iso(o.createdAt),
      iso(o.placedAt),
      o.userId,
      o.serviceId,
      o.serviceName,
      o.category,
      o.link,
      o.quantity,
      moneyString(new D(o.price)),
      deps.config.currency,
      o.placement,
      o.status,
      o.panelOrderId,
      o.charge,
      o.refunded,
      o.failReason,
    ]);
  }
}

export const LEDGER_COLUMNS = ["at", "user_id", "amount", "balance_after", "currency", "reason", "order_id", "admin_id", "ref", "note"];

/**
 * Every wallet movement since `sinceMs`, per customer, oldest first. A ledger keeps its newest
 * LEDGER_MAX movements: older ones of a very active customer are no longer there to export.
 */
export async function* exportLedger(deps: ExportDeps, sinceMs: number): AsyncGenerator<string> {
  yield csvRow(LEDGER_COLUMNS);
  for await (const userId of deps.users.ids()) {
    const entries = await deps.wallet.entries(userId, LEDGER_MAX);
    for (const e of entries.reverse()) {
      if (e.at < sinceMs) continue;
      yield csvRow([iso(e.at), userId, e.amount, e.balance, deps.config.currency, e.reason, e.orderId, e.adminId, e.ref, e.note]);
    }
  }
}

/** "YYYY-MM-DD" as the start of that day in UTC; null for anything else (2026-02-30 too). */
export function parseDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? null : ms;
}
