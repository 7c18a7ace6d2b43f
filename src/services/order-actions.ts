/**
 * What a customer can do to a placed order: refill, cancel, and a live status check. Every action
 * first checks that the order is the user's (callback data can be forged) and that its local state
 * allows it; refill and cancel are sent to the panel at most once per press (they are not
 * idempotent there) behind a short Redis lock, so a double tap is one panel call.
 */
import type { AppDeps } from "../app.js";
import { PanelError, PanelTransportError, classifyPanelError } from "../panel/errors.js";
import type { PanelOrderStatus } from "../panel/schemas.js";
import { isFinalOrderStatus } from "../panel/status.js";
import { refillUnderWay, type OrderRecord } from "../store/orders.js";

export type OrderActionDeps = Pick<AppDeps, "config" | "orders" | "panel" | "schedule" | "actionLocks" | "logger">;

export type OrderAction = "refill" | "cancel";

/** Why the bot refuses locally, without asking the panel. */
export type LocalRefusal =
  /** placement failed, unknown or still in progress: there is no panel order to act on */
  | "not_placed"
  /** the service does not offer this action */
  | "not_supported"
  /** refill: the order is not completed (or partial) */
  | "not_completed"
  /** refill: a refill is already being tracked */
  | "refill_pending"
  /** cancel: the order is already finished */
  | "final";

/** The panel's refusal, sorted into what the bot can explain in the user's language. */
export type PanelRefusal =
  | "refill_disabled"
  | "not_completed"
  | "incorrect_order"
  | "cancel_disabled"
  | "not_cancelable"
  /** refill: one was made recently; the panel allows the next after a wait (named in panelMessage) */
  | "refill_cooldown"
  /** the shop's panel has no such action at all (SmartPanel has no refill or cancel) */
  | "action_unsupported"
  /** the reseller's panel account is the problem (key, funds, suspension): no details for the customer */
  | "unavailable"
  | "other";

export type ActionResult =
  | { outcome: "requested"; order: OrderRecord }
  /** no such order for this user: forged, foreign or garbage id */
  | { outcome: "not_found" }
  | { outcome: "not_allowed"; reason: LocalRefusal; order: OrderRecord }
  /** the same action on the same order is being sent right now (a double tap) */
  | { outcome: "busy"; order: OrderRecord }
  /** the panel accepted this action a moment ago */
  | { outcome: "already_requested"; order: OrderRecord }
  | { outcome: "refused"; reason: PanelRefusal; panelMessage: string; order: OrderRecord }
  /** the panel was never reached: nothing happened */
  | { outcome: "unreachable"; order: OrderRecord }
  /** the request may have reached the panel, but no answer says what it did */
  | { outcome: "unconfirmed"; order: OrderRecord };

export interface ActionHooks {
  /** Called right before the panel request, not awaited: a slow Telegram call must not hold it up. */
  onSending?(): Promise<unknown>;
}

/** Longer than a panel request can take, so a slow answer never lets a second request through. */
const lockMs = (deps: OrderActionDeps) => deps.config.panel.timeoutMs + 30_000;
/** After the panel accepted, repeated presses are answered "already requested" for this long. */
export const ACCEPTED_HOLD_MS = 10 * 60_000;

/** Texts PanelClient.cancel puts in place of a per-id answer it could not read: not the panel's words. */
const UNREADABLE_PER_ID = new Set(["missing from the panel's answer", "unexpected answer for this id"]);

/** Sorts a panel refusal of refill, cancel or status into what the customer is told. */
export function classifyActionRefusal(action: OrderAction | "status", message: string): PanelRefusal {
  const kind = classifyPanelError(message);
  switch (kind) {
    case "cancel_disabled":
    case "not_cancelable":
      return action === "cancel" ? kind : "other";
    case "refill_cooldown":
      return action === "refill" ? "refill_cooldown" : "other";
    case "unsupported_action":
      return "action_unsupported";
    case "refill_disabled":
      return action === "refill" ? "refill_disabled" : "other";
    case "not_completed":
      return action === "refill" ? "not_completed" : "other";
    case "incorrect_order":
      return "incorrect_order";
    case "invalid_key":
    case "not_enough_funds":
    case "suspended":
      return "unavailable";
    default:
      return "other";
  }
}

/** Whether a placed order may be refilled, judged from the stored record alone. */
export function refillRefusal(order: OrderRecord): LocalRefusal | null {
  if (order.placement !== "placed" || !order.panelOrderId) return "not_placed";
  if (!order.canRefill) return "not_supported";
  if (order.status !== "completed" && order.status !== "partial") return "not_completed";
  if (refillUnderWay(order)) return "refill_pending";
  return null;
}

/** Whether a placed order may be cancelled, judged from the stored record alone. */
export function cancelRefusal(order: OrderRecord): LocalRefusal | null {
  if (order.placement !== "placed" || !order.panelOrderId) return "not_placed";
  if (!order.canCancel) return "not_supported";
  if (isFinalOrderStatus(order.status)) return "final";
  return null;
}

/** Refill pressed. On success the refill is stored and handed to the poller, which tells the user when it ends. */
export async function requestRefill(deps: OrderActionDeps, userId: number, orderId: string, hooks: ActionHooks = {}): Promise<ActionResult> {
  return runAction(deps, userId, orderId, "refill", refillRefusal, hooks, async (order, panelOrderId) => {
    const refillId = await deps.panel.refill(panelOrderId);
    const now = Date.now();
    await deps.orders.update(order.id, { refillId, refillStatus: "pending", updatedAt: now });
    await deps.schedule.schedule("refills", order.id, now + deps.config.poll.intervalMs);
    return { outcome: "requested", order: { ...order, refillId, refillStatus: "pending", updatedAt: now } };
  });
}

/**
 * Cancel confirmed. The panel's acceptance is not the cancellation yet: the poller sees the order
 * Canceled and refunds it, so nothing is refunded here; the order is only moved to the front of its queue.
 */
export async function requestCancel(deps: OrderActionDeps, userId: number, orderId: string, hooks: ActionHooks = {}): Promise<ActionResult> {
  return runAction(deps, userId, orderId, "cancel", cancelRefusal, hooks, async (order, panelOrderId) => {
    const answer = (await deps.panel.cancel([panelOrderId])).get(panelOrderId);
    if (answer?.ok) {
      await deps.schedule.schedule("orders", order.id);
      return { outcome: "requested", order };
    }
    const error = answer?.error ?? "";
    if (error === "" || UNREADABLE_PER_ID.has(error)) {
      // The panel answered, but not about this order: it may have cancelled it. Let the poller look.
      await deps.schedule.schedule("orders", order.id);
      return { outcome: "unconfirmed", order };
    }
    // This order's own error is the panel refusing it, like a whole-request error.
    throw new PanelError("cancel", error);
  });
}

export type LiveStatusResult =
  | { outcome: "checked"; order: OrderRecord; live: PanelOrderStatus; changed: boolean }
  | { outcome: "not_found" }
  | { outcome: "not_placed"; order: OrderRecord }
  | { outcome: "refused"; reason: PanelRefusal; panelMessage: string; order: OrderRecord }
  | { outcome: "unreachable"; order: OrderRecord };

/**
 * Refresh pressed: asks the panel for the order's status now. The record is left as it is: the
 * poller decides notifications and refunds by comparing the panel's status with the stored one,
 * so a change found here only moves the order to the front of the poller's queue.
 */
export async function checkLiveStatus(deps: OrderActionDeps, userId: number, orderId: string): Promise<LiveStatusResult> {
  const order = await deps.orders.getOwned(orderId, userId);
  if (!order) return { outcome: "not_found" };
  if (order.placement !== "placed" || !order.panelOrderId) return { outcome: "not_placed", order };
  let live: PanelOrderStatus;
  try {
    live = await deps.panel.status(order.panelOrderId);
  } catch (e) {
    if (e instanceof PanelError) return { outcome: "refused", reason: classifyActionRefusal("status", e.panelMessage), panelMessage: e.panelMessage, order };
    if (e instanceof PanelTransportError) return { outcome: "unreachable", order };
    throw e;
  }
  // What the poller acts on: the status, and the remains a partial refund is computed from.
  const changed = live.status !== order.status || (live.remains !== null && order.remains !== undefined && live.remains !== order.remains);
  if (changed) await deps.schedule.schedule("orders", order.id);
  return { outcome: "checked", order, live, changed };
}

async function runAction(
  deps: OrderActionDeps,
  userId: number,
  orderId: string,
  action: OrderAction,
  refusal: (order: OrderRecord) => LocalRefusal | null,
  hooks: ActionHooks,
  send: (order: OrderRecord, panelOrderId: string) => Promise<ActionResult>,
): Promise<ActionResult> {
  const order = await deps.orders.getOwned(orderId, userId);
  if (!order) return { outcome: "not_found" };
  const reason = refusal(order);
  if (reason !== null) return { outcome: "not_allowed", reason, order };
  const panelOrderId = order.panelOrderId!;

  const locks = deps.actionLocks;
  if (!(await locks.acquire(order.id, action, lockMs(deps)))) {
    const state = await locks.state(order.id, action);
    return state === "accepted" ? { outcome: "already_requested", order } : { outcome: "busy", order };
  }

  const log = deps.logger.child({ orderId: order.id, userId, panelOrderId, action });
  if (hooks.onSending) void hooks.onSending().catch((e: unknown) => log.warn({ err: e }, "onSending hook failed"));
  try {
    const result = await send(order, panelOrderId);
    if (result.outcome === "requested") {
      await locks.markAccepted(order.id, action, ACCEPTED_HOLD_MS);
      log.info("order action accepted by the panel");
    }
    return result;
  } catch (e) {
    if (e instanceof PanelError) {
      // A refusal changed nothing at the panel: the user may try again at once.
      await locks.release(order.id, action);
      log.info({ panelMessage: e.panelMessage }, "order action refused by the panel");
      const reason = classifyActionRefusal(action, e.panelMessage);
      if (reason !== "action_unsupported") return { outcome: "refused", reason, panelMessage: e.panelMessage, order };
      // The panel has no such action: this order stops offering it, so it is not pressed again in vain.
      const without = action === "refill" ? { canRefill: false } : { canCancel: false };
      await deps.orders.update(order.id, without);
      return { outcome: "refused", reason, panelMessage: e.panelMessage, order: { ...order, ...without } };
    }
    if (e instanceof PanelTransportError) {
      log.warn({ err: e }, "order action: panel transport failure");
      if (!e.mayHaveReached) {
        await locks.release(order.id, action);
        return { outcome: "unreachable", order };
      }
      // The panel may have acted: the lock stays until it expires, so a retry cannot repeat it at once.
      if (action === "cancel") await deps.schedule.schedule("orders", order.id);
      return { outcome: "unconfirmed", order };
    }
    throw e;
  }
}
