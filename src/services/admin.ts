/**
 * What the admin commands do, apart from talking to Telegram: wallet corrections, settling orders
 * whose placement outcome is unknown, and the numbers behind /stats and the admin's /balance.
 */
import type { AppDeps } from "../app.js";
import { D, parseDecimal, parseUserAmount, type Money } from "../money.js";
import type { OrderStatus } from "../panel/status.js";
import type { OrderRecord, OrderScope, OrderStore, Placement } from "../store/orders.js";
import { nameForMessage } from "../text/html.js";
import { orderMargin, statsSeries, type MoneyFlows, type OrderTotals } from "./stats.js";

export type { OrderTotals } from "./stats.js";
import { formatMoney } from "../text/format.js";

export type AdminDeps = Pick<AppDeps, "config" | "adminRequests" | "wallet" | "users" | "orders" | "notifier" | "logger">;

/** A Telegram user id as an admin types it. */
export function parseUserId(text: string | undefined): number | null {
  const s = text?.trim() ?? "";
  if (!/^\d{1,15}$/.test(s)) return null;
  const id = Number(s);
  return id > 0 && Number.isSafeInteger(id) ? id : null;
}

/** "<user id> <amount>": the amount may be negative ("-5", "- 5") and is never zero. */
export function parseTopupArgs(args: string): { userId: number; amount: Money } | null {
  const match = /^\s*(\S+)\s+([+-]?)\s*(.+?)\s*$/.exec(args);
  if (!match) return null;
  const userId = parseUserId(match[1]);
  const magnitude = parseUserAmount(match[3]!);
  if (userId === null || magnitude === null || magnitude.isZero()) return null;
  return { userId, amount: match[2] === "-" ? magnitude.neg() : magnitude };
}

/** How long a handled admin command is remembered, so a redelivered update is not carried out twice. */
const REQUEST_MEMORY_S = 24 * 60 * 60;

/**
 * True the first time a request key is seen. Telegram redelivers an update when the bot did not
 * confirm it (a crash, a slow webhook answer); a wallet correction must not happen twice.
 */
export function firstTime(deps: Pick<AppDeps, "adminRequests">, requestKey: string): Promise<boolean> {
  return deps.adminRequests.firstTime(requestKey, REQUEST_MEMORY_S);
}

export type TopupResult =
  { outcome: "unknown_user" } | { outcome: "repeated" } | { outcome: "credited"; amount: Money; balance: Money } | { outcome: "debited"; asked: Money; taken: Money; balance: Money };

/**
 * Credits (positive) or debits (negative) a wallet on an admin's word. A debit takes what there is,
 * never more: the wallet cannot go below zero. The ledger records the admin; the user is told.
 */
export async function adminTopup(deps: AdminDeps, req: { adminId: number; userId: number; amount: Money; requestKey: string; note?: string }): Promise<TopupResult> {
  const { wallet, users, config } = deps;
  // Only users who started the bot: a mistyped id must not hold money nobody can reach.
  const user = await users.get(req.userId);
  if (!user) return { outcome: "unknown_user" };
  if (!(await firstTime(deps, `topup:${req.requestKey}`))) return { outcome: "repeated" };
  const note = req.note?.trim().slice(0, 200);
  const entry = { reason: "admin" as const, adminId: req.adminId, ...(note ? { note } : {}) };
  let result: TopupResult;
  if (req.amount.isPositive()) {
    // Counted as a top-up; the firstTime guard above keeps a redelivered command from counting twice.
    const { balance } = await wallet.credit(req.userId, req.amount, entry, undefined, { kind: "topup:admin" });
    result = { outcome: "credited", amount: req.amount, balance };
  } else {
    const { taken, balance } = await wallet.debit(req.userId, req.amount.abs(), entry, { upTo: true });
    result = { outcome: "debited", asked: req.amount.abs(), taken, balance };
  }
  deps.logger.info({ adminId: req.adminId, userId: req.userId, outcome: result.outcome, amount: req.amount.toFixed() }, "admin wallet correction");
  const moved = result.outcome === "credited" ? result.amount : result.taken;
  if (!moved.isZero()) {
    const key = result.outcome === "credited" ? "admin-topup-user-credited" : "admin-topup-user-debited";
    const { balance } = result;
    await deps.notifier.toUser(
      { userId: req.userId, chatId: user.chatId },
      (t, locale) => t(key, { amount: formatMoney(moved, locale, config.currency), balance: formatMoney(balance, locale, config.currency) }),
      { key: `topup:${req.requestKey}` },
    );
  }
  return result;
}

export type SettleDecision = { panelOrderId: string } | "refund";

export type SettleResult =
  | { outcome: "not_found" }
  | { outcome: "not_unknown"; placement: Placement }
  | { outcome: "panel_id_taken"; otherOrderId: string }
  | { outcome: "placed"; order: OrderRecord; panelOrderId: string }
  | { outcome: "refunded"; order: OrderRecord };

/** Panel order ids are opaque strings; this keeps out anything that cannot be one. */
export const PANEL_ORDER_ID = /^[\w.:-]{1,64}$/;

/**
 * An admin decides an order whose placement outcome was unknown: the panel has it (placed, and
 * tracked from now on) or it does not (refunded). The user is told either way.
 */
export async function settleOrder(deps: AdminDeps, req: { orderId: string; decision: SettleDecision; adminId: number }, now = Date.now()): Promise<SettleResult> {
  const { orders, config } = deps;
  const order = await orders.get(req.orderId);
  if (!order || order.placement === "draft") return { outcome: "not_found" };
  if (order.placement !== "unknown") return { outcome: "not_unknown", placement: order.placement };
  let result: SettleResult;
  if (req.decision === "refund") {
    const refund = await orders.failAndRefund(order.id, `settled by admin ${req.adminId}: not placed`, ["unknown"], now);
    if (!refund.ok) return { outcome: "not_unknown", placement: (await orders.get(order.id))?.placement ?? "failed" };
    result = { outcome: "refunded", order };
  } else {
    const { panelOrderId } = req.decision;
    // One panel order belongs to one local order, or the poller would report it twice.
    const owner = await orders.panelIdOwner(panelOrderId);
    if (owner !== null && owner !== order.id) return { outcome: "panel_id_taken", otherOrderId: owner };
    if (!(await orders.markPlaced(order.id, panelOrderId, now + config.poll.intervalMs, now))) {
      return { outcome: "not_unknown", placement: (await orders.get(order.id))?.placement ?? "failed" };
    }
    result = { outcome: "placed", order, panelOrderId };
  }
  deps.logger.info({ adminId: req.adminId, orderId: order.id, outcome: result.outcome }, "order settled by admin");
  const service = nameForMessage(order.serviceName);
  const placed = result.outcome === "placed";
  await deps.notifier.toUser(
    { userId: order.userId, chatId: order.chatId, locale: order.locale },
    (t, locale) =>
      placed ? t("admin-settle-user-placed", { id: order.id, service }) : t("admin-settle-user-refunded", { id: order.id, service, amount: formatMoney(new D(order.price), locale, config.currency) }),
    { key: `settle:${order.id}` },
  );
  return result;
}

const emptyTotals = (): OrderTotals => ({ byStatus: {}, failed: 0, unknown: 0, placing: 0, turnover: new D(0), refunded: new D(0), margin: new D(0) });

export const placedCount = (t: OrderTotals): number => Object.values(t.byStatus).reduce((a, b) => a + b, 0);

const STATS_FIELDS = ["placement", "status", "price", "refunded", "rate", "exchangeRate", "quantity", "runs", "serviceType", "charge", "createdAt"] as const;
type StatsRow = Partial<Record<(typeof STATS_FIELDS)[number], string>>;

const decimalOr0 = (s: string | undefined) => parseDecimal(s) ?? new D(0);

function addRow(t: OrderTotals, row: StatsRow): void {
  switch (row.placement) {
    case "placed": {
      const status = (row.status ?? "unknown") as OrderStatus;
      t.byStatus[status] = (t.byStatus[status] ?? 0) + 1;
      const price = decimalOr0(row.price);
      const refunded = decimalOr0(row.refunded);
      t.turnover = t.turnover.add(price).sub(refunded);
      t.refunded = t.refunded.add(refunded);
      t.margin = t.margin.add(
        orderMargin({
          price,
          refunded,
          rate: decimalOr0(row.rate),
          quantity: Number(row.quantity ?? 0),
          runs: Number(row.runs ?? 1),
          serviceType: row.serviceType ?? "",
          charge: row.charge ? decimalOr0(row.charge) : undefined,
          exchangeRate: row.exchangeRate ? decimalOr0(row.exchangeRate) : undefined,
        }),
      );
      return;
    }
    case "failed":
      t.failed++;
      return;
    case "unknown":
      t.unknown++;
      return;
    case "reserved":
    case "sending":
      t.placing++;
      return;
    default:
      return;
  }
}

/**
 * Totals over the orders in the scope (all orders, or one user's), and over those created since
 * `since`, by reading every order record in pages: for one user's orders, and for the whole shop
 * only until the counters (src/services/stats.ts) have counted the orders from before them.
 */
export async function orderTotals(orders: OrderStore, scope: OrderScope, since: number): Promise<{ all: OrderTotals; recent: OrderTotals }> {
  const all = emptyTotals();
  const recent = emptyTotals();
  for await (const page of orders.scanFields(scope, STATS_FIELDS)) {
    for (const row of page) {
      addRow(all, row);
      if (Number(row.createdAt ?? 0) >= since) addRow(recent, row);
    }
  }
  return { all, recent };
}

/** Midnight UTC of the day `now` is in: where "today" in /stats starts. */
export const startOfUtcDay = (now: number): number => Math.floor(now / 86_400_000) * 86_400_000;

export interface ShopStats {
  users: number;
  day: string;
  today: OrderTotals;
  total: OrderTotals;
  /** top-ups by method, bonuses and Stars refunds: today and all time (always from the counters) */
  money: { today: MoneyFlows; total: MoneyFlows };
}

/** /stats: from the counters (a few reads, whatever the number of orders); orders by a scan while the old ones are being counted. */
export async function shopStats(deps: Pick<AppDeps, "users" | "orders" | "stats">, now = Date.now()): Promise<ShopStats> {
  const dayStart = startOfUtcDay(now);
  const day = new Date(dayStart).toISOString().slice(0, 10);
  const [users, series] = await Promise.all([deps.users.count(), statsSeries(deps, { days: 1, now, topServices: 0 })]);
  const money = { today: series.money.period, total: series.money.total };
  if (series.complete) return { users, day, today: series.days[0]!.totals, total: series.total, money };
  const totals = await orderTotals(deps.orders, "all", dayStart);
  return { users, day, today: totals.recent, total: totals.all, money };
}
