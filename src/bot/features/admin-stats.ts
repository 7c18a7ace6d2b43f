/** Admin: /stats, the shop's users, orders, turnover and margin, top-ups by method, today and in total. */
import { shopStats, type OrderTotals } from "../../services/admin.js";
import { referralTotals } from "../../services/referrals.js";
import type { MoneyFlows, MoneyLine } from "../../services/stats.js";
import { BONUS_KINDS, TOPUP_METHODS } from "../../store/stats.js";
import { formatInt } from "../../text/format.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly } from "../filters/is-admin.js";
import { html, totalsLine } from "../helpers/admin-views.js";
import { money } from "../helpers/money.js";
import { FeatureComposer } from "../composer.js";

export const adminStatsFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("stats", adminOnly, async (ctx) => {
    const [stats, referrals] = await Promise.all([shopStats(ctx.deps), referralTotals(ctx.deps)]);
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
      }) +
        "\n\n" +
        moneyLines(ctx, stats.money.today, stats.money.total).join("\n") +
        "\n\n" +
        ctx.t("admin-stats-referrals", { users: referrals.users, earned: money(ctx, referrals.earned), orders: referrals.rewarded, percent: ctx.deps.config.referralPercent }),
    );
  });

  return composer;
};

/** "Card 10.00 USD (2)"; with the stars for Stars. */
function item(ctx: BotContext, kind: string, line: MoneyLine, stars?: number): string {
  const args = { kind: ctx.t("admin-money-kind", { kind }), amount: money(ctx, line.amount), count: formatInt(line.count, ctx.locale) };
  return stars === undefined ? ctx.t("admin-money-item", args) : ctx.t("admin-money-item-stars", { ...args, stars: formatInt(stars, ctx.locale) });
}

function topups(ctx: BotContext, f: MoneyFlows): string {
  if (f.topupsTotal.count === 0) return ctx.t("admin-topups-none");
  const methods = TOPUP_METHODS.filter((m) => f.topups[m].count > 0).map((m) => item(ctx, m, f.topups[m], m === "stars" ? f.starsPaid : undefined));
  return ctx.t("admin-topups-sum", { amount: money(ctx, f.topupsTotal.amount), count: formatInt(f.topupsTotal.count, ctx.locale), methods: methods.join(" · ") });
}

function bonuses(ctx: BotContext, f: MoneyFlows): string {
  const parts = BONUS_KINDS.filter((k) => f.bonuses[k].count > 0).map((k) => item(ctx, k, f.bonuses[k]));
  return parts.length > 0 ? parts.join(" · ") : ctx.t("admin-topups-none");
}

/** Top-ups by method; Stars given back and bonuses only once there have been any. */
function moneyLines(ctx: BotContext, today: MoneyFlows, total: MoneyFlows): string[] {
  const lines = [ctx.t("admin-stats-topups", { today: topups(ctx, today), total: topups(ctx, total) })];
  if (total.starsRefunds.count > 0) {
    const refunds = ({ starsRefunds: r }: MoneyFlows) =>
      r.count > 0 ? ctx.t("admin-stars-refunds-sum", { amount: money(ctx, r.amount), count: formatInt(r.count, ctx.locale), stars: formatInt(r.stars, ctx.locale) }) : ctx.t("admin-topups-none");
    lines.push(ctx.t("admin-stats-stars-refunds", { today: refunds(today), total: refunds(total) }));
  }
  if (BONUS_KINDS.some((k) => total.bonuses[k].count > 0)) lines.push(ctx.t("admin-stats-bonuses", { today: bonuses(ctx, today), total: bonuses(ctx, total) }));
  return lines;
}
