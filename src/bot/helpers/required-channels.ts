/**
 * The required channels' gate on ordering (services/required-channels.ts): the order walk's entry
 * points and Confirm call `mayOrder` first. Admins are exempt.
 */
import type { RequiredChannel } from "../../services/required-channels.js";
import { escapeHtml, truncate } from "../../text/html.js";
import type { BotContext } from "../context.js";
import { joinChannelsKeyboard } from "../keyboards/channels.js";

/** True when the user may order; otherwise the join prompt is sent (a pressed button is answered first). */
export async function mayOrder(ctx: BotContext): Promise<boolean> {
  const { channels } = ctx.deps;
  if (!channels.enabled || ctx.isAdmin || !ctx.from) return true;
  const missing = await channels.missing(ctx.api, ctx.from.id);
  if (missing.length === 0) return true;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await ctx.reply(joinPromptText(ctx, missing), { parse_mode: "HTML", reply_markup: joinChannelsKeyboard(missing, ctx.t("channels-button-joined")), link_preview_options: { is_disabled: true } });
  return false;
}

/** The prompt names every channel, so one without a button (a private one) is still said. */
export function joinPromptText(ctx: BotContext, missing: readonly RequiredChannel[]): string {
  const list = missing.map((c) => `• ${escapeHtml(truncate(c.title, 100))}`).join("\n");
  return ctx.t("channels-join", { channels: list });
}
