/**
 * Admin: orders. /order <id> shows any order with its live panel status (a plain /order is the
 * order walk), /settle decides an order whose placement outcome is unknown. Private chats only.
 */
import { D, isFlatPriceType } from "../../money.js";
import { PanelError } from "../../panel/errors.js";
import { PANEL_ORDER_ID, settleOrder, type SettleDecision } from "../../services/admin.js";
import type { OrderRecord } from "../../store/orders.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly, isAdmin } from "../filters/is-admin.js";
import { html, PANEL_LOOKUP_MS, personName, withTimeout } from "../helpers/admin-views.js";
import { money } from "../helpers/money.js";
import { formatDateTime, formatInt, formatMoney } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

/** How many of the orders awaiting settlement /settle names (the oldest). */
const SETTLE_WAITING_SHOWN = 50;

export const adminOrdersFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  // A plain /order (and /order from a customer) is the order walk (features/order-walk.ts).
  privateChat.command("order", async (ctx, next) => {
    const arg = ctx.match.trim();
    if (!isAdmin(ctx) || arg === "") return next();
    const { orders } = ctx.deps;
    const local = /^#?\d{1,15}$/.test(arg) ? await orders.get(arg.replace("#", "")) : null;
    const order = local ?? (PANEL_ORDER_ID.test(arg) ? await orders.byPanelId(arg) : null);
    if (!order) return html(ctx, ctx.t("admin-order-not-found", { id: escapeHtml(truncate(arg, 64)) }));
    await html(ctx, [...(await orderCard(ctx, order)), ...(await liveStatus(ctx, order))].join("\n"));
  });

  privateChat.command("settle", adminOnly, async (ctx) => {
    const [rawId, rawDecision, ...rest] = ctx.match.trim().split(/\s+/);
    const orderId = rawId?.replace(/^#/, "") ?? "";
    const decision: SettleDecision | null =
      rawDecision === undefined || rest.length > 0 ? null : /^(refund|qaytarish)$/i.test(rawDecision) ? "refund" : PANEL_ORDER_ID.test(rawDecision) ? { panelOrderId: rawDecision } : null;
    if (!/^\d{1,15}$/.test(orderId) || decision === null) {
      const waiting = (await ctx.deps.orders.unknownIds()).sort((a, b) => Number(a) - Number(b));
      // The oldest first, at most SETTLE_WAITING_SHOWN: an outage can leave hundreds, more than a message holds.
      const ids = waiting
        .slice(0, SETTLE_WAITING_SHOWN)
        .map((id) => `#${id}`)
        .join(", ");
      const listed = waiting.length <= SETTLE_WAITING_SHOWN ? ids : ctx.t("admin-settle-waiting-more", { ids, count: waiting.length - SETTLE_WAITING_SHOWN });
      return html(ctx, ctx.t("admin-settle-usage", { waiting: waiting.length ? listed : ctx.t("admin-totals-none") }));
    }
    const result = await settleOrder(ctx.deps, { orderId, decision, adminId: ctx.from.id });
    switch (result.outcome) {
      case "not_found":
        return html(ctx, ctx.t("admin-order-not-found", { id: orderId }));
      case "not_unknown":
        return html(ctx, ctx.t("admin-settle-not-unknown", { id: orderId, placement: ctx.t("admin-placement", { placement: result.placement }) }));
      case "panel_id_taken":
        return html(ctx, ctx.t("admin-settle-panel-id-taken", { panelId: escapeHtml(rawDecision!), other: result.otherOrderId }));
      case "placed":
        return html(ctx, ctx.t("admin-settle-placed", { id: orderId, panelId: escapeHtml(result.panelOrderId) }));
      case "refunded":
        return html(ctx, ctx.t("admin-settle-refunded", { id: orderId, user: String(result.order.userId), amount: money(ctx, new D(result.order.price)) }));
    }
  });

  return composer;
};

async function orderCard(ctx: BotContext, o: OrderRecord): Promise<string[]> {
  const user = await ctx.deps.users.get(o.userId);
  const rate = formatMoney(new D(o.rate), ctx.locale, ctx.deps.config.currency);
  const lines = [
    ctx.t("admin-order-title", { id: o.id, placement: ctx.t("admin-placement", { placement: o.placement }) }),
    ctx.t("admin-order-user", { user: String(o.userId), name: personName(user?.firstName, user?.username) }),
    ctx.t("admin-order-service", { service: escapeHtml(truncate(o.serviceName, 200)), serviceId: escapeHtml(o.serviceId) }),
    ctx.t("admin-order-link", { link: escapeHtml(truncate(o.link, 300)) }),
    ctx.t("admin-order-quantity", { quantity: formatInt(o.quantity, ctx.locale) }),
    ctx.t("admin-order-price", { price: money(ctx, new D(o.price)), rate: isFlatPriceType(o.serviceType) ? rate : `${rate} / 1000` }),
  ];
  if (o.panelOrderId) {
    const status = `${ctx.t("admin-status", { status: o.status })}${o.statusRaw ? ` (${escapeHtml(truncate(o.statusRaw, 40))})` : ""}`;
    lines.push(ctx.t("admin-order-panel", { panelId: escapeHtml(o.panelOrderId), status }));
  }
  if (o.startCount !== undefined || o.remains !== undefined) {
    lines.push(ctx.t("admin-order-progress", { start: optionalInt(ctx, o.startCount), remains: optionalInt(ctx, o.remains) }));
  }
  if (o.charge) lines.push(ctx.t("admin-order-charge", { charge: money(ctx, new D(o.charge)) }));
  if (o.refunded) lines.push(ctx.t("admin-order-refunded", { refunded: money(ctx, new D(o.refunded)) }));
  // A reason from before an admin settled the order would only confuse.
  if (o.failReason && (o.placement === "failed" || o.placement === "unknown")) lines.push(ctx.t("admin-order-reason", { reason: escapeHtml(truncate(o.failReason, 300)) }));
  if (o.panelError) lines.push(ctx.t("admin-order-reason", { reason: escapeHtml(truncate(o.panelError, 300)) }));
  lines.push(ctx.t("admin-order-dates", { created: formatDateTime(o.createdAt), updated: formatDateTime(o.updatedAt) }));
  if (o.placement === "unknown") lines.push(ctx.t("admin-order-settle-hint", { id: o.id }));
  return lines;
}

const optionalInt = (ctx: BotContext, n: number | undefined) => (n === undefined || Number.isNaN(n) ? "—" : formatInt(n, ctx.locale));

/** The order as the panel sees it right now. */
async function liveStatus(ctx: BotContext, o: OrderRecord): Promise<string[]> {
  if (!o.panelOrderId) return [];
  try {
    const live = await withTimeout(ctx.deps.panel.status(o.panelOrderId), PANEL_LOOKUP_MS);
    return [
      ctx.t("admin-order-live", {
        status: escapeHtml(truncate(live.statusRaw, 40)),
        remains: live.remains === null ? "—" : formatInt(live.remains, ctx.locale),
        charge: live.charge === null ? "—" : money(ctx, live.charge),
      }),
    ];
  } catch (e) {
    if (e instanceof PanelError) return [ctx.t("admin-order-live-refused", { message: escapeHtml(truncate(e.panelMessage, 200)) })];
    return [ctx.t("admin-order-live-unreachable")];
  }
}
