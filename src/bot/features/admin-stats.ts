/** Admin: /stats, the shop's users, orders, turnover and margin, today and in total. */
import { shopStats, type OrderTotals } from "../../services/admin.js";
import { referralTotals } from "../../services/referrals.js";
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
        ctx.t("admin-stats-referrals", { users: referrals.users, earned: money(ctx, referrals.earned), orders: referrals.rewarded, percent: ctx.deps.config.referralPercent }),
    );
  });

  return composer;
};
