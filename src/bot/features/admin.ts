import { Composer, type Context } from "grammy";
import { D, isFlatPriceType, type Money } from "../../money.js";
import { PanelError } from "../../panel/errors.js";
import type { OrderStatus } from "../../panel/status.js";
import { PANEL_ORDER_ID, adminTopup, firstTime, orderTotals, parseTopupArgs, parseUserId, placedCount, settleOrder, shopStats, type OrderTotals, type SettleDecision } from "../../services/admin.js";
import type { OrderRecord } from "../../store/orders.js";
import type { LedgerEntry } from "../../store/wallet.js";
import type { BotContext } from "../context.js";
import type { BalanceExtension } from "./balance.js";
import { formatDateTime, formatInt, formatMoney } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";

/** Longest wait for the panel while an admin looks at /balance or /order. */
const PANEL_LOOKUP_MS = 8_000;
const LEDGER_TAIL = 10;
/** Status names in the order a list shows them. */
const STATUS_ORDER: OrderStatus[] = ["pending", "in_progress", "processing", "active", "completed", "partial", "canceled", "refunded", "failed", "unknown"];

/**
 * Admin commands: /topup, /user, /order <id>, /settle, /stats, /broadcast (and panel lines on
 * /balance, see `adminBalanceExtension`). Anyone else gets the same polite refusal whatever the
 * arguments, before anything is looked up. Private chats only: a group must never see these.
 */
export function adminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  const adminOnly =
    <C extends BotContext>(handler: (ctx: C) => Promise<unknown>) =>
    async (ctx: C): Promise<void> => {
      if (!ctx.isAdmin) {
        await ctx.reply(ctx.t("admin-not-allowed"));
        return;
      }
      await handler(ctx);
    };
  const html = (ctx: Context, text: string) => ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });

  privateChat.command(
    "topup",
    adminOnly(async (ctx) => {
      const args = parseTopupArgs(ctx.match);
      if (!args) return html(ctx, ctx.t("admin-topup-usage"));
      const result = await adminTopup(ctx.deps, { adminId: ctx.from.id, ...args, requestKey: `${ctx.chat.id}:${ctx.msg.message_id}` });
      // Ids go to Fluent as strings: as numbers they would be grouped like amounts (100,000,003).
      const user = String(args.userId);
      switch (result.outcome) {
        case "unknown_user":
          return html(ctx, ctx.t("admin-user-unknown", { user }));
        case "repeated":
          return html(ctx, ctx.t("admin-repeated"));
        case "credited":
          return html(ctx, ctx.t("admin-topup-credited", { user, amount: money(ctx, result.amount), balance: money(ctx, result.balance) }));
        case "debited":
          if (result.taken.isZero()) return html(ctx, ctx.t("admin-topup-empty", { user }));
          return html(ctx, ctx.t("admin-topup-debited", { user, taken: money(ctx, result.taken), asked: money(ctx, result.asked), balance: money(ctx, result.balance) }));
      }
    }),
  );

  privateChat.command(
    "user",
    adminOnly(async (ctx) => {
      const userId = parseUserId(ctx.match);
      if (userId === null) return html(ctx, ctx.t("admin-user-usage"));
      const { users, wallet, orders } = ctx.deps;
      const user = await users.get(userId);
      if (!user) return html(ctx, ctx.t("admin-user-unknown", { user: String(userId) }));
      const [balance, ledger, totals] = await Promise.all([
        wallet.balance(userId),
        wallet.entries(userId, LEDGER_TAIL),
        orderTotals(orders, { userId }, 0),
      ]);
      const card = ctx.t("admin-user-card", {
        user: String(userId),
        name: personName(user.firstName, user.username),
        language: user.locale ?? ctx.t("admin-user-language-none"),
        blocked: user.blocked ? "yes" : "no",
        created: formatDateTime(user.createdAt),
        seen: formatDateTime(user.lastSeenAt),
        balance: money(ctx, balance),
        orders: totalsLine(ctx, totals.all),
      });
      const rows = ledger.map((e) => ledgerRow(ctx, e));
      const tail = rows.length > 0 ? [ctx.t("admin-user-ledger"), ...rows].join("\n") : ctx.t("admin-user-ledger-empty");
      await html(ctx, `${card}\n\n${tail}`);
    }),
  );

  // A plain /order (and /order from a customer) is the order walk of the order feature.
  privateChat.command("order", async (ctx, next) => {
    const arg = ctx.match.trim();
    if (!ctx.isAdmin || arg === "") return next();
    const { orders } = ctx.deps;
    const local = /^#?\d{1,15}$/.test(arg) ? await orders.get(arg.replace("#", "")) : null;
    const order = local ?? (PANEL_ORDER_ID.test(arg) ? await orders.byPanelId(arg) : null);
    if (!order) return html(ctx, ctx.t("admin-order-not-found", { id: escapeHtml(truncate(arg, 64)) }));
    await html(ctx, [...(await orderCard(ctx, order)), ...(await liveStatus(ctx, order))].join("\n"));
  });

  privateChat.command(
    "settle",
    adminOnly(async (ctx) => {
      const [rawId, rawDecision, ...rest] = ctx.match.trim().split(/\s+/);
      const orderId = rawId?.replace(/^#/, "") ?? "";
      const decision: SettleDecision | null =
        rawDecision === undefined || rest.length > 0
          ? null
          : /^(refund|qaytarish)$/i.test(rawDecision)
            ? "refund"
            : PANEL_ORDER_ID.test(rawDecision)
              ? { panelOrderId: rawDecision }
              : null;
      if (!/^\d{1,15}$/.test(orderId) || decision === null) {
        const waiting = (await ctx.deps.orders.unknownIds()).sort((a, b) => Number(a) - Number(b));
        return html(ctx, ctx.t("admin-settle-usage", { waiting: waiting.length ? waiting.map((id) => `#${id}`).join(", ") : ctx.t("admin-totals-none") }));
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
    }),
  );

  privateChat.command(
    "stats",
    adminOnly(async (ctx) => {
      const stats = await shopStats(ctx.deps);
      const block = (t: OrderTotals) => ({ orders: totalsLine(ctx, t), turnover: money(ctx, t.turnover), refunded: money(ctx, t.refunded), margin: money(ctx, t.margin) });
      const today = block(stats.today);
      const total = block(stats.total);
      await html(
        ctx,
        ctx.t("admin-stats", {
          users: stats.users,
          day: stats.day,
          todayOrders: today.orders,
          todayTurnover: today.turnover,
          todayRefunded: today.refunded,
          todayMargin: today.margin,
          totalOrders: total.orders,
          totalTurnover: total.turnover,
          totalRefunded: total.refunded,
          totalMargin: total.margin,
        }),
      );
    }),
  );

  privateChat.command(
    "broadcast",
    adminOnly(async (ctx) => {
      const source = ctx.msg.reply_to_message;
      if (!source) return html(ctx, ctx.t("admin-broadcast-usage"));
      const { broadcasts, users } = ctx.deps;
      // A redelivered /broadcast must not start a second broadcast.
      if (!(await firstTime(ctx.deps, `broadcast:${ctx.chat.id}:${ctx.msg.message_id}`))) return;
      const known = await users.count();
      const id = await broadcasts.create({
        adminId: ctx.from.id,
        adminChatId: ctx.chat.id,
        locale: ctx.locale,
        fromChatId: ctx.chat.id,
        messageId: source.message_id,
        users: known,
      });
      const progress = await html(ctx, ctx.t("admin-broadcast-started", { id, users: known }));
      await broadcasts.setProgressMessage(id, progress.message_id);
    }),
  );

  return composer;
}

/**
 * On an admin's /balance: the panel account's balance, the money all wallets hold, and a warning
 * when the panel could not pay for what the users may order.
 */
export function adminBalanceExtension(): BalanceExtension {
  return {
    async lines(ctx) {
      if (!ctx.isAdmin) return [];
      const { panel, wallet, config } = ctx.deps;
      const total = await wallet.total();
      const walletsLine = ctx.t("admin-balance-wallets", { total: money(ctx, total) });
      let answer: Awaited<ReturnType<typeof panel.balance>>;
      try {
        answer = await withTimeout(panel.balance(), PANEL_LOOKUP_MS);
      } catch (e) {
        const why = e instanceof PanelError ? ctx.t("admin-balance-panel-refused", { message: escapeHtml(truncate(e.panelMessage, 200)) }) : ctx.t("admin-balance-panel-unreachable");
        return [[walletsLine, why].join("\n")];
      }
      const panelCurrency = answer.currency?.trim() || config.currency;
      const lines = [ctx.t("admin-balance-panel", { balance: formatMoney(answer.balance, ctx.locale, escapeHtml(panelCurrency)) }), walletsLine];
      if (panelCurrency.toUpperCase() !== config.currency.toUpperCase()) {
        lines.push(ctx.t("admin-balance-currency", { panelCurrency: escapeHtml(panelCurrency), currency: config.currency }));
      } else if (answer.balance.lt(total)) {
        lines.push(ctx.t("admin-balance-low", { shortfall: money(ctx, total.sub(answer.balance)) }));
      }
      return [lines.join("\n")];
    },
  };
}

const money = (ctx: BotContext, amount: Money) => formatMoney(amount, ctx.locale, ctx.deps.config.currency);

/** A signed amount for the ledger: "+5.00 USD", "-3.00 USD". */
const signedMoney = (ctx: BotContext, amount: Money) => `${amount.isPositive() && !amount.isZero() ? "+" : ""}${money(ctx, amount)}`;

/** Dates in admin views: UTC, to the minute. */

function personName(firstName?: string, username?: string): string {
  return [firstName ? escapeHtml(firstName) : "", username ? `@${escapeHtml(username)}` : ""].filter(Boolean).join(" ");
}

function ledgerRow(ctx: BotContext, e: LedgerEntry): string {
  const reason = ctx.t("admin-ledger-reason", { reason: e.reason, order: e.orderId ?? "—", admin: e.adminId === undefined ? "—" : String(e.adminId) });
  return ctx.t("admin-ledger-row", { date: formatDateTime(e.at), amount: signedMoney(ctx, new D(e.amount)), balance: money(ctx, new D(e.balance)), reason });
}

/** "12 placed (completed: 8 · in progress: 4) · 1 not placed", or "none". */
function totalsLine(ctx: BotContext, t: OrderTotals): string {
  const parts: string[] = [];
  const placed = placedCount(t);
  if (placed > 0) {
    const byStatus = STATUS_ORDER.filter((s) => t.byStatus[s]).map((s) => `${ctx.t("admin-status", { status: s })}: ${formatInt(t.byStatus[s]!, ctx.locale)}`);
    parts.push(`${ctx.t("admin-totals-placed", { count: placed })} (${byStatus.join(" · ")})`);
  }
  if (t.failed > 0) parts.push(ctx.t("admin-totals-failed", { count: t.failed }));
  if (t.unknown > 0) parts.push(ctx.t("admin-totals-unknown", { count: t.unknown }));
  if (t.placing > 0) parts.push(ctx.t("admin-totals-placing", { count: t.placing }));
  return parts.length > 0 ? parts.join(" · ") : ctx.t("admin-totals-none");
}

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

/** Rejects after `ms`; the work itself goes on (a panel read is harmless). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
