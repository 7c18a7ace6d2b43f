/** /terms and /paysupport: Telegram requires both of a bot that takes payments. */
import { userMention } from "../../services/receipts.js";
import type { BotContext, Feature } from "../context.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

export const paymentSupportFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("terms", (ctx) => ctx.reply(ctx.t("topup-terms", { currency: ctx.deps.config.currency }), { parse_mode: "HTML" }));

  privateChat.command("paysupport", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return ctx.reply(ctx.t("topup-paysupport"), { parse_mode: "HTML" });
    const { config, notifier } = ctx.deps;
    if (config.adminIds.length === 0) return ctx.reply(ctx.t("topup-paysupport-unavailable"));
    const user = userMention({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    await notifier.toAdmins((t) => t("topup-paysupport-admin", { user, text: escapeHtml(truncate(question, 3000)) }), { key: `paysupport:${ctx.update.update_id}` });
    await ctx.reply(ctx.t("topup-paysupport-sent"));
  });

  return composer;
};
