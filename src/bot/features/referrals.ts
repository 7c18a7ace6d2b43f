/** The "👥 Referrals" screen (/referrals, the menu button): the user's link, who joined, what it earned. */
import { referralSummary } from "../../services/referrals.js";
import type { BotContext, Feature } from "../context.js";
import { money } from "../helpers/money.js";
import { menuLabels } from "../keyboards/main-menu.js";
import { formatInt } from "../../text/format.js";
import { FeatureComposer } from "../composer.js";

export const referralsFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const show = async (ctx: BotContext) => {
    const summary = await referralSummary(ctx.deps, ctx.from!.id, ctx.me.username);
    if (!summary.enabled) return ctx.reply(ctx.t("referral-off"));
    await ctx.reply(
      ctx.t("referral-screen", {
        percent: summary.percent,
        link: summary.link,
        invited: formatInt(summary.invited, ctx.locale),
        earned: money(ctx, summary.earned),
      }),
      { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    );
  };
  privateChat.command("referrals", show);
  privateChat.hears(menuLabels(deps.i18n, "menu-referrals"), show);
  return composer;
};
