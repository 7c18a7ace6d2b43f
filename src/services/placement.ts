/**
 * The placement protocol (see OrderStore): reserve → sending → `add` → placed | failed | unknown.
 * The panel has no idempotency key, so `add` is sent at most once per order, never retried; when
 * its outcome cannot be known the money stays reserved and a human decides.
 */
import type { AppDeps } from "../app.js";
import { priceWithHeldDiscount } from "./promo.js";
import { D, moneyString, type Money } from "../money.js";
import type { AddOrderRequest } from "../panel/client.js";
import { PanelError, PanelTransportError, type PanelErrorKind } from "../panel/errors.js";
import { CatalogUnavailableError, orderKind } from "../store/catalog.js";
import type { OrderRecord, Placement } from "../store/orders.js";
import { escapeHtml, nameForMessage } from "../text/html.js";

export type PlacementDeps = Pick<AppDeps, "config" | "orders" | "panel" | "catalog" | "shop" | "promos" | "metrics" | "notifier" | "logger">;

export type PlaceResult =
  | { outcome: "placed"; order: OrderRecord; panelOrderId: string }
  /** the panel refused: the money went back */
  | {
      outcome: "refused";
      order: OrderRecord;
      kind: PanelErrorKind;
      panelMessage: string;
    }
  /** the panel was never reached: the money went back */
  | { outcome: "unreachable"; order: OrderRecord }
  /** the request may have reached the panel: the money stays reserved until an admin settles it */
  | { outcome: "unknown"; order: OrderRecord }
  /** nothing was charged and the draft stays, so Confirm works again after a top-up */
  | { outcome: "funds"; price: Money; balance: Money; shortfall: Money }
  /** the order left the draft state before (placed, cancelled, being placed) */
  | { outcome: "done"; placement: Placement }
  /** no such draft for this user: expired, discarded, or forged callback data */
  | { outcome: "not_found" }
  /** the draft was priced with a promo discount that another order has used meanwhile: nothing charged */
  | { outcome: "promo_gone" }
  /** the service was removed or hidden since the confirmation: the draft is gone, nothing charged */
  | { outcome: "gone" }
  /** the price is no longer the one shown: a new draft at the new price replaces it, nothing charged */
  | { outcome: "repriced"; draft: OrderRecord; oldPrice: Money }
  /** the shop's catalog cannot be had (panel down, nothing cached, no exchange rate): nothing charged */
  | { outcome: "unavailable" };

export interface PlaceHooks {
  /** Called once the money is reserved, not awaited: a slow Telegram call must not delay `add`. */
  onReserved?(order: OrderRecord): Promise<unknown>;
}

/** A reserved order older than this never had its `add` sent: its process died. */
export const RESERVED_STALE_MS = 2 * 60_000;
/** Beyond the panel timeout, a "sending" order's process died while waiting for the answer. */
export const SENDING_GRACE_MS = 60_000;

/** The fields `add` needs for the order's service type; null for a type the bot cannot order. */
export function addRequest(order: Pick<OrderRecord, "serviceId" | "serviceType" | "link" | "quantity" | "comments" | "runs" | "interval">): AddOrderRequest | null {
  switch (orderKind(order.serviceType)) {
    case "default":
      // Drip-feed: `quantity` is delivered `runs` times, `interval` minutes apart.
      if (order.runs !== undefined && order.runs > 1 && order.interval !== undefined) {
        return { service: order.serviceId, link: order.link, quantity: order.quantity, runs: order.runs, interval: order.interval };
      }
      return { service: order.serviceId, link: order.link, quantity: order.quantity };
    case "package":
      return { service: order.serviceId, link: order.link };
    case "comments":
      return order.comments
        ? {
            service: order.serviceId,
            link: order.link,
            comments: order.comments,
          }
        : null;
    default:
      return null;
  }
}

/** Confirm pressed: charges the wallet and places the order at the panel, exactly once. */
export async function placeOrder(deps: PlacementDeps, draftId: string, userId: number, hooks: PlaceHooks = {}): Promise<PlaceResult> {
  const { orders, panel, metrics, logger } = deps;
  if (!/^\d{1,15}$/.test(draftId)) return { outcome: "not_found" };
  const checked = await checkPrice(deps, draftId, userId);
  if ("outcome" in checked) return checked;
  const { draft } = checked;
  const reserved = await orders.reserve(draftId, userId, Date.now(), draft ?? undefined);
  if (!reserved.ok) {
    switch (reserved.reason) {
      case "state":
        return { outcome: "done", placement: reserved.placement };
      case "funds": {
        const draft = await orders.get(draftId);
        if (!draft) return { outcome: "not_found" };
        const price = new D(draft.price);
        return {
          outcome: "funds",
          price,
          balance: reserved.balance,
          shortfall: price.sub(reserved.balance),
        };
      }
      case "promo_gone":
        return { outcome: "promo_gone" };
      default:
        return { outcome: "not_found" };
    }
  }
  // The draft as read, now reserved: the reserve changed nothing else that placing reads.
  const order = draft ? { ...draft, placement: "reserved" as const } : await orders.get(draftId);
  if (!order) throw new Error(`order ${draftId} vanished after reserve`);
  const log = logger.child({ orderId: order.id, userId });
  if (hooks.onReserved) void hooks.onReserved(order).catch((e: unknown) => log.warn({ err: e }, "onReserved hook failed"));

  const request = addRequest(order);
  if (request === null) {
    // Checked before "sending": nothing went out, so the money can go back at once.
    await orders.failAndRefund(order.id, `service type not supported: ${order.serviceType}`, ["reserved"]);
    metrics.ordersPlaced.inc({ outcome: "refused" });
    return {
      outcome: "refused",
      order,
      kind: "incorrect_service",
      panelMessage: "",
    };
  }
  if (!(await orders.markSending(order.id))) {
    const now = await orders.get(order.id);
    return { outcome: "done", placement: now?.placement ?? "failed" };
  }

  let panelOrderId: string;
  try {
    panelOrderId = await panel.add(request);
  } catch (e) {
    return settleFailedAdd(deps, order, e);
  }
  const placed = await orders.markPlaced(order.id, panelOrderId, Date.now() + deps.config.poll.intervalMs);
  // Only an admin settling the order by hand moves it on while `add` is in flight; the panel has it anyway.
  if (!placed) log.error({ panelOrderId }, "order placed at the panel but its record had moved on");
  metrics.ordersPlaced.inc({ outcome: "placed" });
  log.info({ panelOrderId }, "order placed");
  return { outcome: "placed", order, panelOrderId };
}

/**
 * Never sell at a price the customer did not see, nor at one the rules no longer give: the price is
 * worked out again from the current catalog and rules. A service gone or hidden ends the draft; a
 * different price replaces the draft with one at the new price, to be confirmed again. Else: go on,
 * with the draft as read (null: not this user's draft, for the reserve to say why).
 */
async function checkPrice(deps: PlacementDeps, draftId: string, userId: number): Promise<PlaceResult | { draft: OrderRecord | null }> {
  const draft = await deps.orders.get(draftId);
  if (!draft || draft.userId !== userId || draft.placement !== "draft") return { draft: null };
  let priced;
  try {
    // The version read now: a price changed a moment ago in another process counts.
    priced = await deps.shop.quote(draft.serviceId, draft.quantity, draft.runs, { fresh: true });
  } catch (e) {
    if (e instanceof CatalogUnavailableError) return { outcome: "unavailable" };
    throw e;
  }
  if (!priced) {
    await deps.orders.discardDraft(draftId, userId);
    return { outcome: "gone" };
  }
  // A discounted draft showed its price before the discount too: that is the one the rules give.
  if (priced.quote.total.eq(draft.listPrice ?? draft.price)) {
    // The same price can hide a new panel rate or exchange rate (a fixed price, a rounding step):
    // the order keeps the cost it is placed at, for the margin.
    const at = { rate: priced.service.panel.rate.toFixed(), exchangeRate: priced.exchangeRate.toFixed(), panelCost: priced.quote.panelCost.toFixed() };
    if (at.rate === draft.rate && at.exchangeRate === draft.exchangeRate && at.panelCost === draft.panelCost) return { draft };
    if (!(await deps.orders.setDraftCost(draft, at))) return { draft: null };
    deps.logger.info({ draftId, was: { rate: draft.rate, exchangeRate: draft.exchangeRate }, now: at }, "panel cost changed since the confirmation, price the same");
    return { draft: { ...draft, ...at } };
  }
  if ((await deps.orders.discardDraft(draftId, userId)) !== "ok") return { draft: null };
  const { pricer, service } = priced;
  const repriced = await priceWithHeldDiscount(deps, userId, (discount) => pricer.quote(service.item, { quantity: draft.quantity, runs: draft.runs, discount }));
  const price = repriced.quote.total;
  const next = await deps.orders.createDraft({
    userId: draft.userId,
    chatId: draft.chatId,
    locale: draft.locale,
    serviceId: draft.serviceId,
    serviceName: draft.serviceName,
    serviceType: draft.serviceType,
    category: draft.category,
    link: draft.link,
    quantity: draft.quantity,
    comments: draft.comments,
    runs: draft.runs,
    interval: draft.interval,
    rate: priced.service.panel.rate.toFixed(),
    price: moneyString(price),
    exchangeRate: priced.exchangeRate.toFixed(),
    panelCost: priced.quote.panelCost.toFixed(),
    ...(repriced.promo !== undefined ? { listPrice: moneyString(repriced.quote.beforeDiscount), discount: moneyString(repriced.quote.discount), promo: repriced.promo } : {}),
    canRefill: draft.canRefill,
    canCancel: draft.canCancel,
  });
  deps.logger.info({ draftId, newDraftId: next.id, oldPrice: draft.price, price: next.price }, "price changed since the confirmation: confirm again");
  return { outcome: "repriced", draft: next, oldPrice: new D(draft.price) };
}

async function settleFailedAdd(deps: PlacementDeps, order: OrderRecord, e: unknown): Promise<PlaceResult> {
  const { orders, metrics, logger } = deps;
  const log = logger.child({ orderId: order.id, userId: order.userId });
  if (e instanceof PanelError) {
    await orders.failAndRefund(order.id, e.panelMessage, ["sending"]);
    metrics.ordersPlaced.inc({ outcome: "refused" });
    log.info({ kind: e.kind, panelMessage: e.panelMessage }, "panel refused the order; refunded");
    await alertForRefusal(deps, e);
    return {
      outcome: "refused",
      order,
      kind: e.kind,
      panelMessage: e.panelMessage,
    };
  }
  if (e instanceof PanelTransportError && !e.mayHaveReached) {
    await orders.failAndRefund(order.id, `panel unreachable (${e.failure})`, ["sending"]);
    metrics.ordersPlaced.inc({ outcome: "unreachable" });
    log.warn({ err: e }, "panel unreachable; refunded");
    return { outcome: "unreachable", order };
  }
  // A timeout, a 5xx, garbage, or a bug after the request went out: the order may exist.
  const reason = e instanceof Error ? e.message : String(e);
  await orders.markUnknown(order.id, reason);
  metrics.ordersPlaced.inc({ outcome: "unknown" });
  log.error({ err: e }, "order outcome unknown; money kept reserved for an admin to settle");
  await alertUnknown(deps, order, reason);
  return { outcome: "unknown", order };
}

async function alertForRefusal(deps: PlacementDeps, e: PanelError): Promise<void> {
  const message = escapeHtml(e.panelMessage);
  const send = (kind: "panel_funds" | "panel_key", key: string) => deps.notifier.alert(kind, "add", (t) => t(key, { message }));
  switch (e.kind) {
    case "not_enough_funds":
      return send("panel_funds", "alert-panel-funds");
    case "invalid_key":
    case "suspended":
    case "unsupported_action": // `add` itself refused: the panel URL or script is wrong, no order can go through
      return send("panel_key", "alert-panel-key");
    case "incorrect_service":
      // The panel dropped the service: stop offering it as soon as possible.
      void deps.catalog.refresh().catch(() => undefined);
      return;
    default:
      return;
  }
}

async function alertUnknown(deps: PlacementDeps, order: OrderRecord, reason: string): Promise<void> {
  await deps.notifier.alert("unknown_order", order.id, (t) =>
    t("alert-unknown-order", {
      id: order.id,
      user: String(order.userId),
      service: `${nameForMessage(order.serviceName)} (#${escapeHtml(order.serviceId)})`,
      link: escapeHtml(order.link),
      price: `${moneyString(new D(order.price))} ${deps.config.currency}`,
      reason: escapeHtml(reason.slice(0, 300)),
    }),
  );
}

/**
 * Crash recovery, run periodically by the worker: orders left between reserve and a known
 * outcome by a process that died. Reserved ones never sent `add`, so they are refunded; sending
 * ones may have reached the panel, so they become unknown for an admin. Users are told either way.
 * First it repairs unknown orders that older versions left in the placing set (see
 * OrderStore.repairUnknown), alerting as for a fresh unknown.
 */
export async function recoverStalePlacements(deps: PlacementDeps, now = Date.now()): Promise<{ refunded: string[]; unknown: string[] }> {
  const { orders, config, logger } = deps;
  const sendingStaleMs = config.panel.timeoutMs + SENDING_GRACE_MS;
  const refunded: string[] = [];
  const unknown: string[] = [];
  // Orders an older version left unknown but still among the placing ones: admins never heard of them.
  for (const order of await orders.repairUnknown()) {
    unknown.push(order.id);
    await alertUnknown(deps, order, order.failReason ?? "interrupted while waiting for the panel");
    await notifyUser(deps, order, "order-recovered-unknown");
  }
  for (const order of await orders.stalePlacing(Math.min(RESERVED_STALE_MS, sendingStaleMs), now)) {
    const idleMs = now - order.updatedAt;
    if (order.placement === "reserved" && idleMs >= RESERVED_STALE_MS) {
      if (!(await orders.failAndRefund(order.id, "interrupted before sending", ["reserved"], now)).ok) continue;
      refunded.push(order.id);
      await notifyUser(deps, order, "order-recovered-refunded");
    } else if (order.placement === "sending" && idleMs >= sendingStaleMs) {
      if (!(await orders.markUnknown(order.id, "interrupted while waiting for the panel", now))) continue;
      unknown.push(order.id);
      await alertUnknown(deps, order, "interrupted while waiting for the panel");
      await notifyUser(deps, order, "order-recovered-unknown");
    }
  }
  if (refunded.length || unknown.length) logger.warn({ refunded, unknown }, "recovered interrupted placements");
  return { refunded, unknown };
}

async function notifyUser(deps: PlacementDeps, order: OrderRecord, key: string): Promise<void> {
  const vars = { id: order.id, service: nameForMessage(order.serviceName) };
  await deps.notifier.toUser({ userId: order.userId, chatId: order.chatId, locale: order.locale }, (t) => t(key, vars), { key: `${key}:${order.id}` });
}
