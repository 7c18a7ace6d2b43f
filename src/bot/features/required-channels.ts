/**
 * "✅ I have joined" under the required channels' prompt (helpers/required-channels.ts): checks
 * again past the cache, and either thanks the user or says which channels are still missing.
 */
import type { BotContext, Feature } from "../context.js";
import { anyChannelsData, channelsData } from "../callback-data/channels.js";
import { joinPromptText } from "../helpers/required-channels.js";
import { joinChannelsKeyboard } from "../keyboards/channels.js";
import { editOrReply } from "../reply.js";
import { FeatureComposer } from "../composer.js";

export const requiredChannelsFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.callbackQuery(channelsData.recheck.filter(), async (ctx) => {
    const missing = ctx.isAdmin ? [] : await ctx.deps.channels.missing(ctx.api, ctx.from.id, { fresh: true });
    if (missing.length === 0) {
      await ctx.answerCallbackQuery();
      await editOrReply(ctx, ctx.t("channels-thanks"));
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("channels-still-missing"), show_alert: true });
    await editOrReply(ctx, joinPromptText(ctx, missing), joinChannelsKeyboard(missing, ctx.t("channels-button-joined")));
  });
  privateChat.callbackQuery(anyChannelsData, (ctx) => ctx.answerCallbackQuery());

  return composer;
};
