/**
 * /admin: a one-time sign-in link to the web back office, for admins in their private chat. Anyone
 * else gets the same refusal as the other admin commands, and no link is made.
 */
import { SIGN_IN_TTL_S } from "../../store/web-sessions.js";
import { escapeHtml } from "../../text/html.js";
import { signInUrl } from "../../web/urls.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly } from "../filters/is-admin.js";
import { FeatureComposer } from "../composer.js";

export const backOfficeFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  composer.chatType("private").command("admin", adminOnly, async (ctx) => {
    const token = await deps.webSessions.issueSignIn(ctx.from.id);
    deps.logger.info({ adminId: ctx.from.id }, "back-office sign-in link issued");
    // No preview: Telegram's preview fetcher must not be the one who opens the link.
    await ctx.reply(ctx.t("web-signin-link", { url: escapeHtml(signInUrl(deps.config, token)), minutes: SIGN_IN_TTL_S / 60 }), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });
  return composer;
};
