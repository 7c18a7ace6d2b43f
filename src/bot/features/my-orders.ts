/**
 * "My orders": the user's orders newest first, a details card per order, and from there refill,
 * cancel and a live status check (services/order-actions.ts does the checks and the panel calls).
 */
import { type InlineKeyboard } from "grammy";
import { D } from "../../money.js";
import type { OrderStatus, RefillStatus } from "../../panel/status.js";
import { normalizeRefillStatus } from "../../panel/status.js";
import { refillWaitOf } from "../../panel/errors.js";
import {
  cancelRefusal,
  checkLiveStatus,
  refillRefusal,
  requestCancel,
  requestRefill,
  type ActionResult,
  type LocalRefusal,
  type OrderAction,
  type PanelRefusal,
} from "../../services/order-actions.js";
import type { OrderRecord } from "../../store/orders.js";
import { CatalogUnavailableError, orderKind } from "../../store/catalog.js";
import type { BotContext, Feature } from "../context.js";
import { enterOrderDialog } from "../conversations/active-dialog.js";
import { mayOrder } from "../helpers/required-channels.js";
import { menuLabels } from "../keyboards/main-menu.js";
import { myOrdersData } from "../callback-data/my-orders.js";
import { cancelConfirmKeyboard, orderDetailsKeyboard, ordersListKeyboard, ORDERS_PAGE_SIZE } from "../keyboards/my-orders.js";
import { editOrReply } from "../reply.js";
import { formatDateTime, formatInt, formatMoney, formatWait } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

/** How much of panel-given text a message repeats; every message stays far below 4096 characters. */
const LIST_NAME_MAX = 40;
const DETAILS_NAME_MAX = 200;
const LINK_SHOWN_MAX = 300;
const PANEL_TEXT_MAX = 300;
const STATUS_RAW_MAX = 30;

const STATUS_KEYS: Record<OrderStatus, string> = {
  pending: "orders-status-pending",
  in_progress: "orders-status-in-progress",
  processing: "orders-status-processing",
  completed: "orders-status-completed",
  partial: "orders-status-partial",
  canceled: "orders-status-canceled",
  refunded: "orders-status-refunded",
  failed: "orders-status-failed",
  active: "orders-status-active",
  unknown: "orders-status-unknown",
};

const REFILL_STATUS_KEYS: Record<RefillStatus, string> = {
  pending: "orders-refill-status-pending",
  in_progress: "orders-refill-status-in-progress",
  completed: "orders-refill-status-completed",
  rejected: "orders-refill-status-rejected",
  failed: "orders-refill-status-failed",
  canceled: "orders-refill-status-canceled",
  unknown: "orders-refill-status-unknown",
};

const PANEL_REFUSAL_KEYS: Record<Exclude<PanelRefusal, "other">, string> = {
  refill_disabled: "orders-panel-refill-disabled",
  not_completed: "orders-panel-not-completed",
  incorrect_order: "orders-panel-incorrect-order",
  cancel_disabled: "orders-panel-cancel-disabled",
  not_cancelable: "orders-panel-not-cancelable",
  unavailable: "orders-panel-unavailable",
  refill_cooldown: "orders-panel-refill-cooldown",
  action_unsupported: "orders-panel-action-unsupported",
};

export const myOrdersFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("orders", (ctx) => showList(ctx, 0, "reply"));
  privateChat.hears(menuLabels(deps.i18n, "menu-orders"), (ctx) => showList(ctx, 0, "reply"));

  privateChat.callbackQuery(myOrdersData.list.filter(), async (ctx) => {
    const { page } = myOrdersData.list.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await showList(ctx, page, "edit");
  });

  privateChat.callbackQuery(myOrdersData.details.filter(), async (ctx) => {
    const { orderId, page } = myOrdersData.details.unpack(ctx.callbackQuery.data);
    const order = await ctx.deps.orders.getOwned(orderId, ctx.from.id);
    if (!order) return notFound(ctx);
    await ctx.answerCallbackQuery();
    await showDetails(ctx, order, page);
  });

  privateChat.callbackQuery(myOrdersData.refresh.filter(), async (ctx) => {
    const { orderId, page } = myOrdersData.refresh.unpack(ctx.callbackQuery.data);
    const result = await checkLiveStatus(ctx.deps, ctx.from.id, orderId);
    switch (result.outcome) {
      case "not_found":
        return notFound(ctx);
      case "unreachable":
        await ctx.answerCallbackQuery({ text: ctx.t("orders-unreachable"), show_alert: true });
        return;
      case "not_placed":
        await ctx.answerCallbackQuery({ text: ctx.t("orders-not-placed"), show_alert: true });
        return;
      case "refused":
        await ctx.answerCallbackQuery();
        await showDetails(ctx, result.order, page, { notice: panelRefusalText(ctx, result.reason, result.panelMessage) });
        return;
      case "checked": {
        await ctx.answerCallbackQuery();
        const { live, order } = result;
        const shown: OrderRecord = {
          ...order,
          status: live.status,
          statusRaw: live.statusRaw,
          startCount: live.startCount ?? order.startCount,
          remains: live.remains ?? order.remains,
        };
        // Buttons follow the stored record, which the refill and cancel checks use too.
        await showDetails(ctx, shown, page, { buttonsFrom: order, notice: ctx.t("orders-details-live", { date: formatDateTime(Date.now()) }) });
        return;
      }
    }
  });

  privateChat.callbackQuery(myOrdersData.refill.filter(), async (ctx) => {
    const { orderId, page } = myOrdersData.refill.unpack(ctx.callbackQuery.data);
    await runAction(ctx, "refill", page, (hooks) => requestRefill(ctx.deps, ctx.from.id, orderId, hooks));
  });

  // Cancel is irreversible at the panel: ask first.
  privateChat.callbackQuery(myOrdersData.cancel.filter(), async (ctx) => {
    const { orderId, page } = myOrdersData.cancel.unpack(ctx.callbackQuery.data);
    const order = await ctx.deps.orders.getOwned(orderId, ctx.from.id);
    if (!order) return notFound(ctx);
    const refusal = cancelRefusal(order);
    if (refusal !== null) {
      await ctx.answerCallbackQuery({ text: localRefusalText(ctx, "cancel", refusal), show_alert: true });
      await showDetails(ctx, order, page);
      return;
    }
    await ctx.answerCallbackQuery();
    const text = ctx.t("orders-cancel-ask", { id: order.id, service: escapeHtml(truncate(order.serviceName, DETAILS_NAME_MAX)) });
    await editOrReply(ctx, text, cancelConfirmKeyboard(order.id, page, { confirm: ctx.t("orders-button-cancel-confirm"), keep: ctx.t("orders-button-cancel-keep") }));
  });

  privateChat.callbackQuery(myOrdersData.cancelConfirm.filter(), async (ctx) => {
    const { orderId, page } = myOrdersData.cancelConfirm.unpack(ctx.callbackQuery.data);
    await runAction(ctx, "cancel", page, (hooks) => requestCancel(ctx.deps, ctx.from.id, orderId, hooks));
  });

  // Order again: the same service (if it is still offered) with the same link offered for reuse.
  privateChat.callbackQuery(myOrdersData.again.filter(), async (ctx) => {
    const { orderId } = myOrdersData.again.unpack(ctx.callbackQuery.data);
    const order = await ctx.deps.orders.getOwned(orderId, ctx.from.id);
    if (!order) return notFound(ctx);
    if (!(await stillOrderable(ctx, order.serviceId))) {
      await ctx.answerCallbackQuery({ text: ctx.t("orders-again-gone"), show_alert: true });
      return;
    }
    if (!(await mayOrder(ctx))) return;
    await ctx.answerCallbackQuery();
    await enterOrderDialog(ctx, order.serviceId, { link: order.link });
  });

  return composer;
};

/** Whether customers can order the service now (the dialog checks again when it starts). */
async function stillOrderable(ctx: BotContext, serviceId: string): Promise<boolean> {
  try {
    const service = (await ctx.deps.catalog.get()).service.get(serviceId);
    return service !== undefined && orderKind(service.type) !== null;
  } catch (e) {
    // No catalog at all: the dialog says "unavailable, try later" itself.
    if (e instanceof CatalogUnavailableError) return true;
    throw e;
  }
}

async function showList(ctx: BotContext, requestedPage: number, how: "reply" | "edit"): Promise<void> {
  const { orders } = ctx.deps;
  const userId = ctx.from!.id;
  const total = await orders.countForUser(userId);
  if (total === 0) {
    await show(ctx, how, ctx.t("orders-empty"));
    return;
  }
  const pages = Math.ceil(total / ORDERS_PAGE_SIZE);
  // A page out of range (orders gone, forged data) shows the nearest one.
  const page = Math.min(Math.max(requestedPage, 0), pages - 1);
  const { orders: items } = await orders.listForUser(userId, page * ORDERS_PAGE_SIZE, ORDERS_PAGE_SIZE);
  const lines = [ctx.t("orders-list-title", { page: page + 1, pages }), ""];
  for (const order of items) {
    lines.push(
      ctx.t("orders-list-line", {
        id: order.id,
        panelId: escapeHtml(truncate(order.panelOrderId ?? "—", 24)),
        service: escapeHtml(truncate(order.serviceName, LIST_NAME_MAX)),
        quantity: formatInt(order.quantity, ctx.locale),
        status: escapeHtml(statusLabel(ctx, order)),
      }),
    );
  }
  lines.push("", ctx.t("orders-list-hint"));
  await show(
    ctx,
    how,
    lines.join("\n"),
    ordersListKeyboard({ items, page, pages }, (o) => statusLabel(ctx, o)),
  );
}

/** The order's state in words: where placement did not end with a panel order, that comes first. */
function statusLabel(ctx: BotContext, order: OrderRecord): string {
  switch (order.placement) {
    case "unknown":
      return ctx.t("orders-status-checking");
    case "failed":
      return ctx.t("orders-status-not-placed");
    case "reserved":
    case "sending":
    case "draft":
      return ctx.t("orders-status-placing");
    case "placed":
      return ctx.t(STATUS_KEYS[order.status] ?? STATUS_KEYS.unknown, { raw: truncate(order.statusRaw ?? "?", STATUS_RAW_MAX) });
  }
}

function refillStatusLabel(ctx: BotContext, raw: string | undefined): string {
  return ctx.t(REFILL_STATUS_KEYS[normalizeRefillStatus(raw ?? "")], { raw: truncate(raw ?? "?", STATUS_RAW_MAX) });
}

interface DetailsOptions {
  /** a line above the card: the outcome of what the user just pressed */
  notice?: string;
  /** the record the buttons are chosen from, when the card shows live data */
  buttonsFrom?: OrderRecord;
}

async function showDetails(ctx: BotContext, order: OrderRecord, page: number, opts: DetailsOptions = {}): Promise<void> {
  const base = opts.buttonsFrom ?? order;
  const keyboard = orderDetailsKeyboard(
    order.id,
    page,
    { refill: refillRefusal(base) === null, cancel: cancelRefusal(base) === null, refresh: base.placement === "placed" && base.panelOrderId !== undefined },
    {
      refill: ctx.t("orders-button-refill"),
      cancel: ctx.t("orders-button-cancel"),
      refresh: ctx.t("orders-button-refresh"),
      again: ctx.t("orders-button-again"),
      back: ctx.t("orders-button-back"),
    },
  );
  const card = detailsText(ctx, order);
  await editOrReply(ctx, opts.notice ? `${opts.notice}\n\n${card}` : card, keyboard);
}

function detailsText(ctx: BotContext, order: OrderRecord): string {
  const { locale } = ctx;
  const money = (amount: string) => formatMoney(new D(amount), locale, ctx.deps.config.currency);
  const lines = [ctx.t("orders-details-title", { id: order.id })];
  if (order.panelOrderId) lines.push(ctx.t("orders-details-panel-id", { panelId: escapeHtml(truncate(order.panelOrderId, 40)) }));
  lines.push(
    "",
    ctx.t("orders-details-service", { service: escapeHtml(truncate(order.serviceName, DETAILS_NAME_MAX)) }),
    ctx.t("orders-details-link", { link: escapeHtml(truncate(order.link, LINK_SHOWN_MAX)) }),
    ctx.t("orders-details-quantity", { quantity: formatInt(order.quantity, locale) }),
  );
  if (order.runs !== undefined && order.runs > 1) {
    const dripfeed = { runs: formatInt(order.runs, locale), interval: formatInt(order.interval ?? 0, locale), total: formatInt(order.quantity * order.runs, locale) };
    lines.push(ctx.t("orders-details-dripfeed", dripfeed));
  }
  lines.push(ctx.t("orders-details-price", { price: money(order.price) }), ctx.t("orders-details-status", { status: escapeHtml(statusLabel(ctx, order)) }));
  if (order.startCount !== undefined && Number.isFinite(order.startCount)) lines.push(ctx.t("orders-details-start-count", { count: formatInt(order.startCount, locale) }));
  if (order.remains !== undefined && Number.isFinite(order.remains)) lines.push(ctx.t("orders-details-remains", { count: formatInt(order.remains, locale) }));
  if (order.refunded && new D(order.refunded).gt(0)) lines.push(ctx.t("orders-details-refunded", { amount: money(order.refunded) }));
  if (order.refillId) {
    lines.push(ctx.t("orders-details-refill", { refillId: escapeHtml(truncate(order.refillId, 40)), status: escapeHtml(refillStatusLabel(ctx, order.refillStatus)) }));
  }
  if (order.panelError) lines.push(ctx.t("orders-details-panel-error", { message: escapeHtml(truncate(order.panelError, PANEL_TEXT_MAX)) }));
  lines.push("", ctx.t("orders-details-created", { date: formatDateTime(order.createdAt) }));
  if (order.updatedAt && order.updatedAt !== order.createdAt) lines.push(ctx.t("orders-details-updated", { date: formatDateTime(order.updatedAt) }));
  return lines.join("\n");
}

/**
 * Refill or cancel pressed. Refusals decided before the panel is asked come as an alert; once the
 * request is on its way the button is answered at once and the outcome is shown above the card.
 */
async function runAction(ctx: BotContext, action: OrderAction, page: number, request: (hooks: { onSending: () => Promise<unknown> }) => Promise<ActionResult>): Promise<void> {
  let answered = false;
  const result = await request({
    onSending: () => {
      answered = true;
      return ctx.answerCallbackQuery({ text: ctx.t("orders-sending") });
    },
  });
  const alert = async (text: string) => {
    if (!answered) await ctx.answerCallbackQuery({ text, show_alert: true });
  };
  switch (result.outcome) {
    case "not_found":
      await alert(ctx.t("orders-not-found"));
      return;
    case "not_allowed":
      await alert(localRefusalText(ctx, action, result.reason));
      // The card may be stale (the poller moved the order on): show its current buttons.
      await showDetails(ctx, result.order, page);
      return;
    case "busy":
      await alert(ctx.t("orders-busy"));
      return;
    case "already_requested":
      await alert(ctx.t("orders-already-requested"));
      return;
    case "requested": {
      const notice = action === "refill" ? ctx.t("orders-refill-requested", { refillId: escapeHtml(truncate(result.order.refillId ?? "", 40)) }) : ctx.t("orders-cancel-requested");
      await showDetails(ctx, result.order, page, { notice });
      return;
    }
    case "refused":
      await showDetails(ctx, result.order, page, { notice: panelRefusalText(ctx, result.reason, result.panelMessage) });
      return;
    case "unreachable":
      await showDetails(ctx, result.order, page, { notice: ctx.t("orders-unreachable") });
      return;
    case "unconfirmed":
      await showDetails(ctx, result.order, page, { notice: ctx.t("orders-unconfirmed") });
      return;
  }
}

function localRefusalText(ctx: BotContext, action: OrderAction, reason: LocalRefusal): string {
  switch (reason) {
    case "not_placed":
      return ctx.t("orders-not-placed");
    case "not_supported":
      return ctx.t(action === "refill" ? "orders-refill-not-available" : "orders-cancel-not-available");
    case "not_completed":
      return ctx.t("orders-refill-not-completed");
    case "refill_pending":
      return ctx.t("orders-refill-in-progress");
    case "final":
      return ctx.t("orders-cancel-final");
  }
}

function panelRefusalText(ctx: BotContext, reason: PanelRefusal, panelMessage: string): string {
  if (reason === "other") return ctx.t("orders-panel-other", { message: escapeHtml(truncate(panelMessage, PANEL_TEXT_MAX)) });
  const wait = reason === "refill_cooldown" ? refillWaitOf(panelMessage) : [];
  if (wait.length > 0) return ctx.t("orders-panel-refill-cooldown-wait", { wait: formatWait(wait, ctx.locale) });
  return ctx.t(PANEL_REFUSAL_KEYS[reason]);
}

function notFound(ctx: BotContext): Promise<true> {
  return ctx.answerCallbackQuery({ text: ctx.t("orders-not-found"), show_alert: true });
}

async function show(ctx: BotContext, how: "reply" | "edit", text: string, keyboard?: InlineKeyboard): Promise<void> {
  if (how === "edit") await editOrReply(ctx, text, keyboard);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard, link_preview_options: { is_disabled: true } });
}
