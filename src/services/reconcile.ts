import type { AppDeps } from "../app.js";
import { D, moneyString, type Money } from "../money.js";
import type { ReconcileRuns } from "../store/reconcile-runs.js";
import type { OrderRecord } from "../store/orders.js";
import { LEDGER_MAX, refundOnceKeys, type LedgerEntry } from "../store/wallet.js";
import { formatDateTime, formatInt, formatMoney } from "../text/format.js";
import { escapeHtml } from "../text/html.js";
import type { Translate } from "./notifier.js";
import { RESERVED_STALE_MS, SENDING_GRACE_MS } from "./placement.js";

/**
 * Reconciliation: does the money add up?
 * - Every wallet equals its ledger. Each ledger row holds the balance after it, so the rows form a
 *   chain: a row's balance minus its amount is the row before's balance, the newest row's balance
 *   is the wallet, and the oldest row starts from zero. A row removed or changed breaks the chain.
 *   A ledger at its cap (LEDGER_MAX rows) has lost its oldest rows: what came before them is a
 *   carried-forward balance, checked only as far as the rows still there (the report says whose).
 * - Every order's charge is in its customer's ledger exactly once, for its price, and its refunds
 *   exactly as the order says: a failed order the price back once, a placed one what its refund
 *   marker (refund:<order id>) recorded, once. Ledger rows naming an order the customer does not
 *   have are reported too. An order older than a capped ledger's oldest row is not checked.
 * - No order waits in reserved/sending longer than crash recovery should take, nor in unknown
 *   longer than UNKNOWN_STUCK_MS (an admin was alerted and has to /settle it).
 * - The customers' wallets together against the panel balance: the shop owes that money in
 *   orders it has not placed yet.
 * The shop runs on meanwhile: each customer's wallet and ledger are read in one MULTI, and a
 * customer with a finding is checked once more before it is reported (an order that moved on
 * between the two reads is no finding).
 */

export type ReconcileDeps = Pick<AppDeps, "config" | "users" | "wallet" | "orders" | "panel" | "logger">;

/** An order in unknown longer than this has waited too long for an admin's /settle. */
export const UNKNOWN_STUCK_MS = 24 * 60 * 60 * 1000;
/** Crash recovery runs every 30 s; twice its thresholds is "stuck". */
const RECOVERY_SLACK_MS = 2 * 60_000;

export type Finding =
  /** the wallet is not what its ledger adds up to */
  | { kind: "wallet"; userId: number; wallet: string; ledger: string }
  /** a ledger row's balance does not follow from the one before: a row is missing or changed */
  | { kind: "ledger_gap"; userId: number; at: number }
  | { kind: "charge_missing"; orderId: string; userId: number }
  | { kind: "charge_repeated"; orderId: string; userId: number; count: number }
  | { kind: "charge_amount"; orderId: string; userId: number; ledger: string; price: string }
  | { kind: "refund_mismatch"; orderId: string; userId: number; ledger: string; expected: string }
  | { kind: "orphan_entry"; orderId: string; userId: number }
  | { kind: "stuck"; orderId: string; userId: number; placement: string; since: number }
  | { kind: "panel_short"; panel: string; wallets: string };

export interface ReconcileReport {
  at: number;
  customers: number;
  orders: number;
  walletsTotal: Money;
  panel: { balance: Money; currency?: string } | { error: string };
  findings: Finding[];
  /** customers whose ledger is at its cap: checked from a carried-forward balance */
  capped: number[];
}

const sameMoney = (a: Money, b: Money) => a.eq(b);

/** The chain check of one ledger (newest first) against its wallet. */
export function checkLedger(userId: number, wallet: Money, entries: LedgerEntry[]): Finding[] {
  const findings: Finding[] = [];
  const sum = entries.reduce((s, e) => s.add(e.amount), new D(0));
  if (entries.length === 0) {
    if (!wallet.isZero()) findings.push({ kind: "wallet", userId, wallet: moneyString(wallet), ledger: "0" });
    return findings;
  }
  const capped = entries.length >= LEDGER_MAX;
  const oldest = entries.at(-1)!;
  const carried = new D(oldest.balance).sub(oldest.amount);
  const ledgerSays = capped ? sum.add(carried) : sum;
  if (!sameMoney(wallet, new D(entries[0]!.balance)) || !sameMoney(wallet, ledgerSays)) {
    findings.push({ kind: "wallet", userId, wallet: moneyString(wallet), ledger: moneyString(ledgerSays) });
  }
  for (let i = 0; i < entries.length - 1; i++) {
    const e = entries[i]!;
    if (!sameMoney(new D(e.balance).sub(e.amount), new D(entries[i + 1]!.balance))) findings.push({ kind: "ledger_gap", userId, at: e.at });
  }
  if (!capped && !carried.isZero()) findings.push({ kind: "ledger_gap", userId, at: oldest.at });
  return findings;
}

/** Charges and refunds of one customer's orders against their ledger. */
export function checkOrders(userId: number, orders: OrderRecord[], entries: LedgerEntry[], refundMarkers: Map<string, Money[]>): Finding[] {
  const findings: Finding[] = [];
  const capped = entries.length >= LEDGER_MAX;
  const oldestAt = entries.at(-1)?.at ?? 0;
  const byOrder = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if ((e.reason === "order" || e.reason === "refund") && e.orderId) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
  }
  const known = new Set<string>();
  for (const o of orders) {
    if (o.placement === "draft") continue;
    known.add(o.id);
    // The charge of an order older than a capped ledger's oldest row may have been trimmed.
    if (capped && o.createdAt <= oldestAt) continue;
    const rows = byOrder.get(o.id) ?? [];
    const charges = rows.filter((e) => e.reason === "order");
    if (charges.length === 0) findings.push({ kind: "charge_missing", orderId: o.id, userId });
    else if (charges.length > 1) findings.push({ kind: "charge_repeated", orderId: o.id, userId, count: charges.length });
    else if (!new D(charges[0]!.amount).neg().eq(o.price)) findings.push({ kind: "charge_amount", orderId: o.id, userId, ledger: charges[0]!.amount, price: o.price });
    const expected: Money[] = [];
    if (o.placement === "failed") expected.push(new D(o.price));
    // One row per credit of its refund: the first, and the rest of a larger one a redo found.
    for (const marker of refundMarkers.get(o.id) ?? []) if (marker.gt(0)) expected.push(marker);
    const refunds = rows.filter((e) => e.reason === "refund").map((e) => new D(e.amount));
    const key = (list: Money[]) =>
      list
        .map((m) => moneyString(m))
        .sort()
        .join(" + ") || "0";
    if (key(refunds) !== key(expected)) findings.push({ kind: "refund_mismatch", orderId: o.id, userId, ledger: key(refunds), expected: key(expected) });
  }
  for (const orderId of byOrder.keys()) if (!known.has(orderId)) findings.push({ kind: "orphan_entry", orderId, userId });
  return findings;
}

async function ordersOf(deps: ReconcileDeps, userId: number): Promise<OrderRecord[]> {
  const all: OrderRecord[] = [];
  for (let offset = 0; ; offset += 500) {
    const { orders, total } = await deps.orders.listForUser(userId, offset, 500);
    all.push(...orders);
    if (offset + 500 >= total) return all;
  }
}

async function checkCustomer(deps: ReconcileDeps, userId: number): Promise<{ findings: Finding[]; balance: Money; orders: number; capped: boolean }> {
  let orders = await ordersOf(deps, userId);
  const onceKeys = () => orders.flatMap((o) => refundOnceKeys(o.id));
  let snap = await deps.wallet.snapshot(userId, onceKeys());
  // An order archived after ORDER_HISTORY_DAYS leaves the user's list, not the ledger: found by
  // its id and checked like the others (then read again, so the ledger and markers are one step).
  const listed = new Set(orders.map((o) => o.id));
  const unlisted = [...new Set(snap.entries.flatMap((e) => ((e.reason === "order" || e.reason === "refund") && e.orderId && !listed.has(e.orderId) ? [e.orderId] : [])))];
  if (unlisted.length > 0) {
    const archived = (await Promise.all(unlisted.map((id) => deps.orders.get(id)))).filter((o): o is OrderRecord => o !== null && o.userId === userId);
    if (archived.length > 0) {
      orders = [...orders, ...archived];
      snap = await deps.wallet.snapshot(userId, onceKeys());
    }
  }
  const markers = new Map(orders.map((o) => [o.id, refundOnceKeys(o.id).flatMap((key) => snap.once.get(key) ?? [])]));
  const findings = [...checkLedger(userId, snap.balance, snap.entries), ...checkOrders(userId, orders, snap.entries, markers)];
  return { findings, balance: snap.balance, orders: orders.length, capped: snap.entries.length >= LEDGER_MAX };
}

async function stuckOrders(deps: ReconcileDeps, now: number): Promise<Finding[]> {
  const sendingLimit = deps.config.panel.timeoutMs + SENDING_GRACE_MS + RECOVERY_SLACK_MS;
  const placing = await deps.orders.stalePlacing(Math.min(RESERVED_STALE_MS + RECOVERY_SLACK_MS, sendingLimit), now);
  const stuck = placing.filter((o) => now - o.updatedAt >= (o.placement === "sending" ? sendingLimit : RESERVED_STALE_MS + RECOVERY_SLACK_MS));
  const unknown = (await deps.orders.getMany(await deps.orders.unknownIds())).filter((o): o is OrderRecord => o !== null && o.placement === "unknown" && now - o.updatedAt >= UNKNOWN_STUCK_MS);
  return [...stuck, ...unknown].map((o) => ({ kind: "stuck", orderId: o.id, userId: o.userId, placement: o.placement, since: o.updatedAt }));
}

export async function reconcile(deps: ReconcileDeps, now = Date.now()): Promise<ReconcileReport> {
  const findings: Finding[] = [];
  const capped: number[] = [];
  let walletsTotal = new D(0);
  let customers = 0;
  let orders = 0;
  for await (const userId of deps.users.ids()) {
    customers++;
    let res = await checkCustomer(deps, userId);
    // Checked again before it counts: an order may have moved on between the two reads.
    if (res.findings.length > 0) res = await checkCustomer(deps, userId);
    findings.push(...res.findings);
    walletsTotal = walletsTotal.add(res.balance);
    orders += res.orders;
    if (res.capped) capped.push(userId);
  }
  findings.push(...(await stuckOrders(deps, now)));
  let panel: ReconcileReport["panel"];
  try {
    panel = await deps.panel.balance();
    if (panel.balance.lt(walletsTotal)) findings.push({ kind: "panel_short", panel: moneyString(panel.balance), wallets: moneyString(walletsTotal) });
  } catch (e) {
    panel = { error: e instanceof Error ? e.message.slice(0, 200) : String(e) };
  }
  const report = { at: now, customers, orders, walletsTotal, panel, findings, capped };
  deps.logger.info({ customers, orders, findings: findings.length, capped: capped.length, walletsTotal: moneyString(walletsTotal) }, "reconciliation done");
  if (findings.length > 0) deps.logger.warn({ findings }, "reconciliation found differences");
  return report;
}

/** At most this many findings in a message (Telegram's 4096 characters); all of them are in the log. */
const SHOWN_FINDINGS = 25;

/** The report as an admin reads it (HTML). */
export function renderReconcile(t: Translate, locale: string, currency: string, r: ReconcileReport): string {
  const money = (s: string | Money) => formatMoney(new D(s), locale, currency);
  const line = (f: Finding): string => {
    switch (f.kind) {
      case "wallet":
        return t("reconcile-wallet", { user: String(f.userId), wallet: money(f.wallet), ledger: money(f.ledger) });
      case "ledger_gap":
        return t("reconcile-ledger-gap", { user: String(f.userId), at: formatDateTime(f.at) });
      case "charge_missing":
        return t("reconcile-charge-missing", { id: f.orderId, user: String(f.userId) });
      case "charge_repeated":
        return t("reconcile-charge-repeated", { id: f.orderId, user: String(f.userId), count: formatInt(f.count, locale) });
      case "charge_amount":
        return t("reconcile-charge-amount", { id: f.orderId, user: String(f.userId), ledger: money(new D(f.ledger).neg()), price: money(f.price) });
      case "refund_mismatch":
        return t("reconcile-refund-mismatch", { id: f.orderId, user: String(f.userId), ledger: f.ledger, expected: f.expected });
      case "orphan_entry":
        return t("reconcile-orphan-entry", { id: f.orderId, user: String(f.userId) });
      case "stuck":
        return t("reconcile-stuck", { id: f.orderId, user: String(f.userId), placement: f.placement, since: formatDateTime(f.since) });
      case "panel_short":
        return t("reconcile-panel-short", { panel: money(f.panel), wallets: money(f.wallets) });
    }
  };
  const panel = "error" in r.panel ? t("reconcile-panel-unavailable", { reason: escapeHtml(r.panel.error) }) : money(r.panel.balance);
  const parts = [
    r.findings.length === 0 ? t("reconcile-clean") : t("reconcile-off", { count: formatInt(r.findings.length, locale) }),
    t("reconcile-summary", { customers: formatInt(r.customers, locale), orders: formatInt(r.orders, locale), wallets: money(r.walletsTotal), panel }),
  ];
  if (r.findings.length > 0) {
    parts.push(
      r.findings
        .slice(0, SHOWN_FINDINGS)
        .map((f) => `• ${line(f)}`)
        .join("\n"),
    );
    if (r.findings.length > SHOWN_FINDINGS) parts.push(t("reconcile-more", { count: formatInt(r.findings.length - SHOWN_FINDINGS, locale) }));
  }
  if (r.capped.length > 0) parts.push(t("reconcile-capped", { users: r.capped.slice(0, 20).join(", ") + (r.capped.length > 20 ? ", …" : "") }));
  return parts.join("\n\n");
}

export type DailyReconcileDeps = ReconcileDeps & Pick<AppDeps, "notifier"> & { runs: ReconcileRuns };

/**
 * The daily run, by whichever worker comes first on a UTC day (a gate shared by all processes).
 * Admins get a message only when something is off, or every day with RECONCILE_DAILY_SUMMARY.
 * Returns the report, or null when another process has the day.
 */
export async function dailyReconcile(deps: DailyReconcileDeps, now = Date.now()): Promise<ReconcileReport | null> {
  const day = new Date(now).toISOString().slice(0, 10);
  if (!(await deps.runs.claim(day))) return null;
  const report = await reconcile(deps, now);
  if (report.findings.length === 0 && !deps.config.reconcileDailySummary) return report;
  await deps.notifier.toAdmins((t, locale) => renderReconcile(t, locale, deps.config.currency, report), { key: `reconcile:${day}` });
  return report;
}
