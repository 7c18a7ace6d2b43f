/** /refundstars: an admin gives a Stars payment back (services/payments.ts refundStars). */
import { D } from "../../money.js";
import { refundStars } from "../../services/payments.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly } from "../filters/is-admin.js";
import { money } from "../helpers/money.js";
import { formatInt, formatMoney } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

export const starsRefundsFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("refundstars", adminOnly, async (ctx) => {
    const [rawUser = "", chargeId, flag, extra] = ctx.match.trim().split(/\s+/);
    if (!/^\d{1,15}$/.test(rawUser) || !chargeId || (flag !== undefined && flag !== "force") || extra !== undefined) {
      return ctx.reply(ctx.t("topup-refund-usage"), { parse_mode: "HTML" });
    }
    const userId = Number(rawUser);
    const result = await refundStars(ctx.deps, ctx.api, { userId, chargeId, adminId: ctx.from.id, force: flag === "force" });
    const charge = escapeHtml(chargeId);
    const reply = (key: string, vars: Record<string, string | number> = {}) => ctx.reply(ctx.t(key, vars), { parse_mode: "HTML" });
    switch (result.outcome) {
      case "not_found":
        return reply("topup-refund-not-found", { user: String(userId), charge });
      case "already":
        return reply(result.state === "done" ? "topup-refund-already-done" : "topup-refund-already-started");
      case "short":
        return reply("topup-refund-short", { balance: money(ctx, result.balance), amount: money(ctx, new D(result.charge.credit)), user: String(userId), charge });
      case "failed":
        return reply("topup-refund-failed", { reason: escapeHtml(truncate(result.reason, 300)) });
      case "uncertain":
        return reply("topup-refund-uncertain", { reason: escapeHtml(truncate(result.reason, 300)), user: String(userId), charge });
      case "refunded": {
        const credit = new D(result.charge.credit);
        const vars = { stars: formatInt(result.charge.stars, ctx.locale), user: String(userId), taken: money(ctx, result.taken), amount: money(ctx, credit), balance: money(ctx, result.balance) };
        await reply(result.taken.lt(credit) ? "topup-refund-done-short" : "topup-refund-done", vars);
        const { notifier, config } = ctx.deps;
        const { charge: paid, taken, balance } = result;
        await notifier.toUser(
          { userId },
          (t, locale) => t("topup-refund-user", { stars: formatInt(paid.stars, locale), taken: formatMoney(taken, locale, config.currency), balance: formatMoney(balance, locale, config.currency) }),
          { key: `stars-refund:${chargeId}` },
        );
        return;
      }
    }
  });

  return composer;
};
