/**
 * The shop's numbers from counters kept as events happen (StatsStore, includes/stats.lua), so a
 * call costs the same with 10 orders or 10 million: /stats and the back office dashboard read them.
 *
 * An order contributes, on the UTC day it was created and to the all-time total:
 *   placed, st:<panel status>   1 each while it is placed (by its status now)
 *   placing, unknown, failed    1 while its placement is reserved|sending, unknown, failed
 *   turnover                    what the user paid minus what went back (units of 0.00001)
 *   refunded                    what went back, units
 *   margin                      turnover minus the panel's cost of it (`orderMarginUnits`), units
 *   svc:<service id>            1 once placed (top services)
 * Every script that changes one of these moves the counters in the same step; orders from before
 * the counters are counted once by a background pass (`countOldOrders`), after which /stats reads
 * the counters only (until then it scans, the old way).
 *
 * Money moved in wallets counts on the UTC day it moves (and to the total), in units:
 *   topup:<method>, :units      a top-up: card (Telegram Payments), stars, receipt (approved),
 *                               admin (a /topup credit); topup:stars:xtr the stars paid
 *   bonus:promo, bonus:referral credit codes and referral rewards (+ :units): not money coming in,
 *                               so never among the top-ups
 *   refund:stars, :units, :xtr  Stars payments given back: what the wallets gave back (at most what
 *                               was credited) and the stars. Its own counter, on the day of the
 *                               refund: the Stars top-ups stay what came in, and a refund never
 *                               rewrites a past day.
 * The script that moves the money counts it, only when it moves it now: a payment by its charge
 * marker, a receipt by its own, an admin credit behind the command's firstTime guard, a refund
 * behind its claim. So a redelivered payment or a second approval counts nothing. Order refunds
 * and admin debits are not counted here; money moved before these counters existed is not either.
 */
import type { AppDeps } from "../app.js";
import { D, fromUnits, panelCost, parseDecimal, roundUnits, type Money } from "../money.js";
import { orderCostUnits } from "../store/orders.js";
import { BONUS_KINDS, TOPUP_METHODS, type BonusKind, type TopupCounted } from "../store/stats.js";
import { isFinalOrderStatus, type OrderStatus } from "../panel/status.js";

/** Order counts and money for one period. */
export interface OrderTotals {
  /** placed orders by their panel status */
  byStatus: Partial<Record<OrderStatus, number>>;
  /** the panel refused or was never reached (the money went back) */
  failed: number;
  /** outcome unknown: money reserved until an admin settles the order */
  unknown: number;
  /** reserved or being sent right now */
  placing: number;
  /** what users paid for placed orders, minus what went back to them */
  turnover: Money;
  refunded: Money;
  /** turnover minus the panel's cost of what was kept; see `orderMargin` */
  margin: Money;
}

/** The fields an order's counters are computed from, as stored. */
export const COUNTED_FIELDS = ["placement", "status", "price", "refunded", "charge", "rate", "quantity", "runs", "serviceType", "serviceId", "costUnits", "exchangeRate"] as const;
export type CountedOrder = Partial<Record<(typeof COUNTED_FIELDS)[number], string>>;

/** Counter name → amount. */
export type Counters = Record<string, number>;

const units = (s: string | undefined): number => roundUnits(parseDecimal(s) ?? new D(0));

/**
 * The margin of one placed order, from its own record rather than today's markup: what the user
 * kept paying (price − refunded) minus the panel's cost of it. The cost is the panel's reported
 * charge when there is one, else the stored rate × quantity / 1000 (the flat rate for packages),
 * scaled to the share of the price the user kept.
 */
export function orderMargin(row: { price: Money; refunded: Money; rate: Money; quantity: number; runs?: number; serviceType: string; charge?: Money; exchangeRate?: Money }): Money {
  // In the shop currency: the panel's cost × the exchange rate the order was priced at (1 for older orders).
  const exchangeRate = row.exchangeRate ?? new D(1);
  const kept = row.price.sub(row.refunded);
  if (row.charge) return kept.sub(row.charge.mul(exchangeRate));
  const base = panelCost({ rate: row.rate, quantity: row.quantity, type: row.serviceType, runs: row.runs }).mul(exchangeRate);
  if (row.price.isZero()) return base.neg();
  return kept.sub(base.mul(kept).div(row.price));
}

/** `orderMargin` in whole units, the way the counters add it up (the cost rounded first, as the placement script does). */
export function orderMarginUnits(o: CountedOrder): number {
  const price = units(o.price);
  const kept = price - units(o.refunded);
  const exchange = parseDecimal(o.exchangeRate) ?? new D(1);
  if (o.charge) return kept - roundUnits((parseDecimal(o.charge) ?? new D(0)).mul(exchange));
  const cost =
    o.costUnits !== undefined
      ? Number(o.costUnits)
      : orderCostUnits({ rate: o.rate ?? "0", quantity: Number(o.quantity ?? 0), serviceType: o.serviceType ?? "", runs: o.runs ? Number(o.runs) : undefined, exchangeRate: o.exchangeRate });
  if (price === 0) return -cost;
  return kept - new D(cost).mul(kept).div(price).toDecimalPlaces(0).toNumber();
}

/** What one order adds to the counters in its present state. */
export function orderCounters(o: CountedOrder): Counters {
  switch (o.placement) {
    case "placed": {
      const refunded = units(o.refunded);
      return { placed: 1, [`st:${o.status ?? "unknown"}`]: 1, turnover: units(o.price) - refunded, refunded, margin: orderMarginUnits(o) };
    }
    case "reserved":
    case "sending":
      return { placing: 1 };
    case "unknown":
      return { unknown: 1 };
    case "failed":
      return { failed: 1 };
    default:
      return {};
  }
}

/** The counter moves from one state of an order to the next, as (counter, n) pairs without zeros. */
export function countersDelta(before: Counters, after: Counters): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const n = (after[k] ?? 0) - (before[k] ?? 0);
    if (n !== 0) out.push([k, n]);
  }
  return out;
}

/** Counters as OrderTotals (what /stats shows). */
export function totalsOf(c: Counters): OrderTotals {
  const byStatus: Partial<Record<OrderStatus, number>> = {};
  for (const [k, n] of Object.entries(c)) if (k.startsWith("st:") && n !== 0) byStatus[k.slice(3) as OrderStatus] = n;
  return {
    byStatus,
    failed: c.failed ?? 0,
    unknown: c.unknown ?? 0,
    placing: c.placing ?? 0,
    turnover: fromUnits(c.turnover ?? 0),
    refunded: fromUnits(c.refunded ?? 0),
    margin: fromUnits(c.margin ?? 0),
  };
}

/** How many and how much of one kind of wallet movement. */
export interface MoneyLine {
  count: number;
  amount: Money;
}

/** Money moved in wallets over one period (see the counters at the top of this file). */
export interface MoneyFlows {
  topups: Record<TopupCounted, MoneyLine>;
  /** every method together: the money that came in */
  topupsTotal: MoneyLine;
  /** the stars paid for the Stars top-ups */
  starsPaid: number;
  /** Stars payments given back, with the stars */
  starsRefunds: MoneyLine & { stars: number };
  bonuses: Record<BonusKind, MoneyLine>;
}

const moneyLine = (c: Counters, kind: string): MoneyLine => ({ count: c[kind] ?? 0, amount: fromUnits(c[`${kind}:units`] ?? 0) });

export function moneyFlowsOf(c: Counters): MoneyFlows {
  const topups = Object.fromEntries(TOPUP_METHODS.map((m) => [m, moneyLine(c, `topup:${m}`)])) as Record<TopupCounted, MoneyLine>;
  const lines = Object.values(topups);
  return {
    topups,
    topupsTotal: { count: lines.reduce((n, l) => n + l.count, 0), amount: lines.reduce((a, l) => a.add(l.amount), new D(0)) },
    starsPaid: c["topup:stars:xtr"] ?? 0,
    starsRefunds: { ...moneyLine(c, "refund:stars"), stars: c["refund:stars:xtr"] ?? 0 },
    bonuses: Object.fromEntries(BONUS_KINDS.map((k) => [k, moneyLine(c, `bonus:${k}`)])) as Record<BonusKind, MoneyLine>,
  };
}

const DAY_MS = 86_400_000;
export const dayNumber = (ms: number): number => Math.floor(ms / DAY_MS);
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface DayStats {
  /** YYYY-MM-DD (UTC) */
  day: string;
  /** orders created that day, as they stand now */
  totals: OrderTotals;
  /** placed orders (by their status now) */
  placed: number;
  /** the panel's cost of what was kept: turnover − margin */
  panelCost: Money;
  /** top-ups, bonuses and Stars refunds made that day */
  money: MoneyFlows;
}

export interface StatsSeries {
  /** oldest first, one entry per day (days without orders too) */
  days: DayStats[];
  /** all time */
  total: OrderTotals;
  /** placed orders the panel has not finished, by status */
  openByStatus: Partial<Record<OrderStatus, number>>;
  /** the most ordered services of the period: service id and orders placed */
  topServices: Array<{ serviceId: string; orders: number }>;
  /** top-ups by method, bonuses and Stars refunds: over the period and all time */
  money: { period: MoneyFlows; total: MoneyFlows };
  /** false while orders from before the counters are still being counted (figures are partial) */
  complete: boolean;
}

/**
 * The dashboard's numbers: `days` days up to and including today (UTC), all-time totals, open
 * orders by status, the top services and the top-ups of the period. Reads days + 2 hashes,
 * whatever the number of orders.
 */
export async function statsSeries(deps: Pick<AppDeps, "stats">, opts: { days: number; now?: number; topServices?: number }): Promise<StatsSeries> {
  const today = dayNumber(opts.now ?? Date.now());
  const from = today - Math.max(1, Math.floor(opts.days)) + 1;
  const [perDay, total, complete] = await Promise.all([deps.stats.days(from, today), deps.stats.total(), deps.stats.backfillDone()]);
  const services = new Map<string, number>();
  const period: Counters = {};
  const days = perDay.map((c, i): DayStats => {
    for (const [k, n] of Object.entries(c)) {
      period[k] = (period[k] ?? 0) + n;
      if (k.startsWith("svc:")) services.set(k.slice(4), (services.get(k.slice(4)) ?? 0) + n);
    }
    const totals = totalsOf(c);
    return { day: isoDay(from + i), totals, placed: c.placed ?? 0, panelCost: totals.turnover.sub(totals.margin), money: moneyFlowsOf(c) };
  });
  const totalT = totalsOf(total);
  const openByStatus: Partial<Record<OrderStatus, number>> = {};
  for (const [s, n] of Object.entries(totalT.byStatus) as Array<[OrderStatus, number]>) if (!isFinalOrderStatus(s) && n > 0) openByStatus[s] = n;
  const topServices = [...services]
    .map(([serviceId, orders]) => ({ serviceId, orders }))
    .sort((a, b) => b.orders - a.orders || a.serviceId.localeCompare(b.serviceId))
    .slice(0, opts.topServices ?? 10);
  return { days, total: totalT, openByStatus, topServices, money: { period: moneyFlowsOf(period), total: moneyFlowsOf(total) }, complete };
}

/**
 * Counts the orders from before the counters, a page at a time (the background migration the
 * worker runs at start): each order once (its cnt mark), re-read when it changed meanwhile.
 * Returns true when every order is counted.
 */
export async function countOldOrders(deps: Pick<AppDeps, "stats" | "orders">, pageSize = 500): Promise<boolean> {
  const { stats, orders } = deps;
  for (;;) {
    const at = await stats.backfillCursor();
    if (at === "done") return true;
    const { ids, last } = await orders.idsAfter(at, pageSize);
    for (const id of ids) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const [row] = await orders.getFields([id], [...COUNTED_FIELDS, "cnt", "pollSeq", "createdAt"]);
        if (!row || row.cnt === "1") break;
        const counters = orderCounters(row);
        if (row.placement === "placed" && row.serviceId) counters[`svc:${row.serviceId}`] = 1;
        const check = (["placement", "status", "price", "refunded", "charge", "pollSeq"] as const).map((f): [string, string] => [f, row[f] ?? ""]);
        if ((await stats.countOnce(id, check, Object.entries(counters))) !== -1) break;
      }
    }
    const done = ids.length < pageSize || last === null;
    await stats.setBackfillCursor(done ? "done" : last);
    if (done) return true;
  }
}
