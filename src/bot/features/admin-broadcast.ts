/** Admin: /broadcast, as a reply to the message to copy to every user (services/broadcast.ts sends it). */
import { firstTime } from "../../services/admin.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly } from "../filters/is-admin.js";
import { html } from "../helpers/admin-views.js";
import { FeatureComposer } from "../composer.js";

/** How long a broadcast message is remembered, so that sending it again takes "/broadcast again". */
const SAME_SOURCE_MS = 24 * 60 * 60 * 1000;

export const adminBroadcastFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("broadcast", adminOnly, async (ctx) => {
    const source = ctx.msg.reply_to_message;
    if (!source) return html(ctx, ctx.t("admin-broadcast-usage"));
    const { broadcasts, users } = ctx.deps;
    // A redelivered /broadcast must not start a second broadcast.
    if (!(await firstTime(ctx.deps, `broadcast:${ctx.chat.id}:${ctx.msg.message_id}`))) return;
    // A second /broadcast of the same message within a day is more likely a mistake than a wish to
    // send every user the same thing twice: it asks for "/broadcast again".
    const again = ctx.match.trim().toLowerCase() === "again";
    const earlier = again ? null : await broadcasts.markSource(ctx.chat.id, source.message_id, "…", SAME_SOURCE_MS);
    if (earlier !== null) return html(ctx, ctx.t("admin-broadcast-same-source", { id: earlier }));
    const known = await users.count();
    const id = await broadcasts.create({
      adminId: ctx.from.id,
      adminChatId: ctx.chat.id,
      locale: ctx.locale,
      fromChatId: ctx.chat.id,
      messageId: source.message_id,
      users: known,
    });
    await broadcasts.rememberSource(ctx.chat.id, source.message_id, id, SAME_SOURCE_MS);
    const progress = await html(ctx, ctx.t("admin-broadcast-started", { id, users: known }));
    await broadcasts.setProgressMessage(id, progress.message_id);
  });

  return composer;
};
