/** Order statuses normalised from the many spellings panels use; the raw text is kept beside it. */
export type OrderStatus = "pending" | "in_progress" | "processing" | "completed" | "partial" | "canceled" | "refunded" | "failed" | "active" | "unknown";

export type RefillStatus = "pending" | "in_progress" | "completed" | "rejected" | "failed" | "canceled" | "unknown";

const squash = (raw: string) => raw.toLowerCase().replace(/[\s_-]+/g, "");

/*
 * Mapped only where the word's meaning is clear; anything else stays "unknown" with its raw text,
 * which the poller keeps polling and hands to admins if it lasts.
 * - "Success" is a finished, delivered order (SmartPanel-style scripts): completed.
 * - "Rejected" is an order the panel refused and will not run, like Fail/Error: failed (refunded).
 * - "Awaiting (approval)" waits for the panel's admin before it starts: pending, not final.
 * - "Expired" is a subscription whose term ended: final, nothing to refund, so completed.
 * - "Processed" is left unknown on purpose: some scripts say it once the order was handed to the
 *   provider (still running), others once it is done. Calling it final could drop a later Partial
 *   or Canceled (and its refund); calling it running could poll a finished order forever.
 * - "Paused" (a subscription or an order held by the panel) is neither running nor final, so it
 *   stays unknown for an admin to look at.
 */
const ORDER_STATUSES: Record<string, OrderStatus> = {
  pending: "pending",
  awaiting: "pending",
  awaitingapproval: "pending",
  waiting: "pending",
  inprogress: "in_progress",
  progress: "in_progress",
  processing: "processing",
  completed: "completed",
  complete: "completed",
  success: "completed",
  partial: "partial",
  partiallycompleted: "partial",
  canceled: "canceled",
  cancelled: "canceled",
  cancel: "canceled",
  refunded: "refunded",
  fail: "failed",
  failed: "failed",
  error: "failed",
  rejected: "failed",
  active: "active",
  expired: "completed",
};

const REFILL_STATUSES: Record<string, RefillStatus> = {
  pending: "pending",
  awaiting: "pending",
  inprogress: "in_progress",
  refilling: "in_progress",
  processing: "in_progress",
  completed: "completed",
  complete: "completed",
  success: "completed",
  rejected: "rejected",
  error: "failed",
  fail: "failed",
  failed: "failed",
  canceled: "canceled",
  cancelled: "canceled",
};

export const normalizeOrderStatus = (raw: string): OrderStatus => ORDER_STATUSES[squash(raw)] ?? "unknown";
export const normalizeRefillStatus = (raw: string): RefillStatus => REFILL_STATUSES[squash(raw)] ?? "unknown";

/** Final statuses: the order will not change any more and is no longer polled. */
export const isFinalOrderStatus = (s: OrderStatus): boolean => s === "completed" || s === "partial" || s === "canceled" || s === "refunded" || s === "failed";

/** Statuses after which the user's unfilled money goes back to the wallet. */
export const isRefundStatus = (s: OrderStatus): boolean => s === "canceled" || s === "refunded" || s === "failed";

export const isFinalRefillStatus = (s: RefillStatus): boolean => s === "completed" || s === "rejected" || s === "failed" || s === "canceled";
