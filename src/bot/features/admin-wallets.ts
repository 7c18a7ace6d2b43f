/**
 * Admin: wallets. /topup credits or debits a user's wallet, /user shows a user's wallet and
 * orders, and an admin's /balance also shows the panel account (`adminBalanceExtension`).
 * Private chats only: a group must never see these.
 */
import { D, type Money } from "../../money.js";
import { PanelError } from "../../panel/errors.js";
import { adminTopup, orderTotals, parseTopupArgs, parseUserId } from "../../services/admin.js";
import { userReferrals } from "../../services/referrals.js";
import type { LedgerEntry } from "../../store/wallet.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly, isAdmin } from "../filters/is-admin.js";
import { html, PANEL_LOOKUP_MS, personName, totalsLine, withTimeout } from "../helpers/admin-views.js";
import { money } from "../helpers/money.js";
import type { BalanceExtension } from "../helpers/balance-extension.js";
import { formatDateTime, formatMoney } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

const LEDGER_TAIL = 10;

export const adminWalletsFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("topup", adminOnly, async (ctx) => {
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
  });

  privateChat.command("user", adminOnly, async (ctx) => {
    const userId = parseUserId(ctx.match);
    if (userId === null) return html(ctx, ctx.t("admin-user-usage"));
    const { users, wallet, orders } = ctx.deps;
    const user = await users.get(userId);
    if (!user) return html(ctx, ctx.t("admin-user-unknown", { user: String(userId) }));
    const [balance, ledger, totals, referral] = await Promise.all([wallet.balance(userId), wallet.entries(userId, LEDGER_TAIL), orderTotals(orders, { userId }, 0), userReferrals(ctx.deps, userId)]);
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
    const referralLine = ctx.t("admin-user-referrals", {
      referrer: referral.referrerId === undefined ? "—" : String(referral.referrerId),
      invited: referral.invited,
      earned: money(ctx, referral.earned),
      orders: referral.rewarded,
    });
    const rows = ledger.map((e) => ledgerRow(ctx, e));
    const tail = rows.length > 0 ? [ctx.t("admin-user-ledger"), ...rows].join("\n") : ctx.t("admin-user-ledger-empty");
    await html(ctx, `${card}\n${referralLine}\n\n${tail}`);
  });

  return composer;
};

/**
 * On an admin's /balance: the panel account's balance, the money all wallets hold, and a warning
 * when the panel could not pay for what the users may order.
 */
export function adminBalanceExtension(): BalanceExtension {
  return {
    async lines(ctx) {
      if (!isAdmin(ctx)) return [];
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
      const panelCurrency = answer.currency?.trim() || config.panelCurrency;
      const lines = [ctx.t("admin-balance-panel", { balance: formatMoney(answer.balance, ctx.locale, escapeHtml(panelCurrency)) }), walletsLine];
      // What the wallets hold, in the panel's currency: converted at the shop's exchange rate when they differ.
      let owed: Money | null = total;
      if (ctx.deps.shop.converts) {
        const rate = await ctx.deps.shop.exchangeRate();
        owed = rate ? total.div(rate.rate).toDecimalPlaces(5, D.ROUND_CEIL) : null;
        if (owed) lines.push(ctx.t("admin-balance-wallets-converted", { total: formatMoney(owed, ctx.locale, escapeHtml(panelCurrency)) }));
      }
      if (owed === null || panelCurrency.toUpperCase() !== config.panelCurrency.toUpperCase()) {
        lines.push(ctx.t("admin-balance-currency", { panelCurrency: escapeHtml(panelCurrency), currency: config.currency }));
      } else if (answer.balance.lt(owed)) {
        lines.push(ctx.t("admin-balance-low", { shortfall: formatMoney(owed.sub(answer.balance), ctx.locale, escapeHtml(panelCurrency)) }));
      }
      return [lines.join("\n")];
    },
  };
}

/** A signed amount for the ledger: "+5.00 USD", "-3.00 USD". */
const signedMoney = (ctx: BotContext, amount: Money) => `${amount.isPositive() && !amount.isZero() ? "+" : ""}${money(ctx, amount)}`;

function ledgerRow(ctx: BotContext, e: LedgerEntry): string {
  const reason = ctx.t("admin-ledger-reason", { reason: e.reason, order: e.orderId ?? "—", admin: e.adminId === undefined ? "—" : String(e.adminId) });
  return ctx.t("admin-ledger-row", { date: formatDateTime(e.at), amount: signedMoney(ctx, new D(e.amount)), balance: money(ctx, new D(e.balance)), reason });
}
