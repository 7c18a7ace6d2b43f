import { D, partialRefund, type Money } from "../money.js";
import type { PanelOrderStatus, PanelRefillStatus, PerId } from "../panel/schemas.js";
import { isFinalOrderStatus, isFinalRefillStatus, isRefundStatus, normalizeRefillStatus, type OrderStatus, type RefillStatus } from "../panel/status.js";

/**
 * The poller's rules, free of I/O: how often to look at an order, and what a panel answer means
 * for it (what to store, what to tell the customer, what to refund, whether to stop tracking).
 */

export interface PollTiming {
  /** interval of an order that just changed (config.poll.intervalMs) */
  intervalMs: number;
  /** no order waits longer than this (config.poll.maxIntervalMs) */
  maxIntervalMs: number;
}

/** An unchanged order is looked at again after a tenth of the time it has not changed (plus the base). */
export const UNCHANGED_SHARE = 0.1;

/**
 * Next interval of an order unchanged for `unchangedForMs`: the base right after a change, growing
 * with quiet time (base 1 min: 7 min after an hour, 2.4 h after a day), capped at the maximum.
 */
export function nextPollInterval(timing: PollTiming, unchangedForMs: number): number {
  const grown = timing.intervalMs + Math.max(0, unchangedForMs) * UNCHANGED_SHARE;
  return Math.round(Math.min(timing.maxIntervalMs, Math.max(timing.intervalMs, grown)));
}

export interface TrackingLimits {
  /** consecutive per-id errors (or unknown statuses) after which an order is handed to admins */
  maxIdErrors: number;
  /** ... or this long after the first of them */
  maxErrorMs: number;
}

export const DEFAULT_TRACKING_LIMITS: TrackingLimits = { maxIdErrors: 10, maxErrorMs: 24 * 60 * 60 * 1000 };

/** What the poller knows of an order before asking the panel. */
export interface TrackedOrder {
  status: OrderStatus;
  startCount?: number;
  remains?: number;
  /** what the user paid */
  price: string;
  quantity: number;
  runs?: number;
  /** last time status, start count or remains changed (placement time before the first change) */
  changedAt: number;
  /** consecutive per-id errors so far, and when the first of them came */
  idErrors: number;
  errorSince?: number;
}

/** What the customer is told about a status change. */
export interface StatusNews {
  status: OrderStatus;
  statusRaw: string;
  /** Partial: how much was delivered, out of `quantity` */
  delivered?: number;
  quantity: number;
  /** the refund the change calls for; the amount actually credited is decided by the wallet's once-key */
  refund?: Money;
  /** Partial without a usable `remains`: no refund now, an admin decides */
  refundUnknown?: boolean;
}

/** Stored fields of the order; `null` removes the field. */
export type OrderFields = Partial<Record<"status" | "statusRaw" | "startCount" | "remains" | "charge" | "panelError" | "updatedAt" | "pollChangedAt" | "pollErrors" | "pollErrorSince", string | null>>;

export interface OrderDecision {
  fields: OrderFields;
  news?: StatusNews;
  /** keep polling at this time; undefined: stop polling */
  nextDueAt?: number;
  /** stop polling and hand the order to admins, for this reason */
  attention?: string;
  /** something about the order moved (for stats) */
  changed: boolean;
}

/** The full quantity an order stands for (× runs for drip-feed). */
export const orderTotal = (o: Pick<TrackedOrder, "quantity" | "runs">): number => o.quantity * (o.runs && o.runs > 1 ? o.runs : 1);

/** What one id's part of a multi-status answer means for the order. */
export function decideOrder(order: TrackedOrder, answer: PerId<PanelOrderStatus>, now: number, timing: PollTiming, limits: TrackingLimits = DEFAULT_TRACKING_LIMITS): OrderDecision {
  const again = (changedAt: number) => now + nextPollInterval(timing, now - changedAt);
  if (!answer.ok || answer.value.status === "unknown") {
    const reason = answer.ok ? `unknown status "${answer.value.statusRaw.slice(0, 100)}"` : answer.error.slice(0, 300);
    const fields: OrderFields = answer.ok ? { status: "unknown", statusRaw: answer.value.statusRaw.slice(0, 100) } : { panelError: reason };
    return { ...countError(order, reason, fields, now, limits, again(order.changedAt), "poll"), changed: false };
  }
  const live = answer.value;
  const statusChanged = live.status !== order.status;
  // A first value (nothing stored yet) is not progress: only a known value that moves is.
  const startChanged = live.startCount !== null && order.startCount !== undefined && live.startCount !== order.startCount;
  const remainsChanged = live.remains !== null && order.remains !== undefined && live.remains !== order.remains;
  const changed = statusChanged || startChanged || remainsChanged;
  const fields: OrderFields = { status: live.status, statusRaw: live.statusRaw.slice(0, 100) };
  if (live.startCount !== null) fields.startCount = String(live.startCount);
  if (live.remains !== null) fields.remains = String(live.remains);
  if (live.charge !== null) fields.charge = live.charge.toFixed();
  if (order.idErrors > 0) Object.assign(fields, { pollErrors: null, pollErrorSince: null, panelError: null });
  if (changed) Object.assign(fields, { pollChangedAt: String(now), updatedAt: String(now) });

  const decision: OrderDecision = { fields, changed };
  if (statusChanged) decision.news = newsOf(order, live);
  if (decision.news?.refundUnknown) decision.attention = "Partial without a usable remains: refund not computed";
  if (!isFinalOrderStatus(live.status)) decision.nextDueAt = again(changed ? now : order.changedAt);
  return decision;
}

function newsOf(order: TrackedOrder, live: PanelOrderStatus): StatusNews {
  const quantity = orderTotal(order);
  const news: StatusNews = { status: live.status, statusRaw: live.statusRaw, quantity };
  const price = new D(order.price);
  if (isRefundStatus(live.status)) {
    news.refund = price;
  } else if (live.status === "partial") {
    if (live.remains === null || live.remains <= 0 || live.remains > quantity) news.refundUnknown = true;
    else {
      news.delivered = quantity - live.remains;
      news.refund = partialRefund(price, quantity, live.remains);
    }
  }
  return news;
}

/** One more per-id error in a row: record it, and after too many (or too long) stop and ask admins. */
function countError<F extends OrderFields | RefillFields>(
  tracked: Pick<TrackedOrder, "idErrors" | "errorSince">,
  reason: string,
  fields: F,
  now: number,
  limits: TrackingLimits,
  nextDueAt: number,
  field: "poll" | "refill",
): { fields: F; nextDueAt?: number; attention?: string } {
  const errors = tracked.idErrors + 1;
  const since = tracked.errorSince ?? now;
  const out = { ...fields, [`${field}Errors`]: String(errors), [`${field}ErrorSince`]: String(since) } as F;
  if (errors >= limits.maxIdErrors || now - since >= limits.maxErrorMs) return { fields: out, attention: `${reason} (${errors} checks in a row)` };
  return { fields: out, nextDueAt };
}

/** What the poller knows of an order's refill before asking the panel. */
export interface TrackedRefill {
  refillId: string;
  /** the stored raw status ("pending" right after the request) */
  statusRaw: string;
  changedAt: number;
  idErrors: number;
  errorSince?: number;
}

export type RefillFields = Partial<Record<"refillStatus" | "panelError" | "updatedAt" | "refillChangedAt" | "refillErrors" | "refillErrorSince", string | null>>;

export interface RefillDecision {
  fields: RefillFields;
  /** tell the customer the refill ended this way */
  news?: { status: RefillStatus; statusRaw: string };
  nextDueAt?: number;
  attention?: string;
  changed: boolean;
}

export function decideRefill(refill: TrackedRefill, answer: PerId<PanelRefillStatus>, now: number, timing: PollTiming, limits: TrackingLimits = DEFAULT_TRACKING_LIMITS): RefillDecision {
  const again = (changedAt: number) => now + nextPollInterval(timing, now - changedAt);
  if (!answer.ok || answer.value.status === "unknown") {
    const reason = answer.ok ? `unknown refill status "${answer.value.statusRaw.slice(0, 100)}"` : `refill ${refill.refillId}: ${answer.error.slice(0, 300)}`;
    const fields: RefillFields = answer.ok ? { refillStatus: answer.value.statusRaw.slice(0, 100) } : { panelError: reason };
    return { ...countError(refill, reason, fields, now, limits, again(refill.changedAt), "refill"), changed: false };
  }
  const live = answer.value;
  const changed = live.status !== normalizeRefillStatus(refill.statusRaw);
  const fields: RefillFields = { refillStatus: live.statusRaw.slice(0, 100) };
  if (refill.idErrors > 0) Object.assign(fields, { refillErrors: null, refillErrorSince: null, panelError: null });
  if (changed) Object.assign(fields, { refillChangedAt: String(now), updatedAt: String(now) });
  const decision: RefillDecision = { fields, changed };
  if (isFinalRefillStatus(live.status)) {
    if (changed) decision.news = { status: live.status, statusRaw: live.statusRaw };
  } else {
    decision.nextDueAt = again(changed ? now : refill.changedAt);
  }
  return decision;
}
