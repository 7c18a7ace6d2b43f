/**
 * What no other handler took. Registered last, so it never shadows a feature or a dialog (each
 * dialog's feature takes its answers first): a private chat gets a pointer to the menu, a stale
 * or forged button gets its spinner stopped, groups get at most a note that the bot works in
 * private chats, and everything else (edits, channel posts, reactions) is dropped.
 */
import type { Message } from "grammy/types";
import type { BotContext, Feature } from "../context.js";
import { mainMenu } from "../keyboards/main-menu.js";
import { FeatureComposer } from "../composer.js";

/** Message kinds a person sends on purpose; service messages (payments, pins, …) get no answer. */
const USER_CONTENT = [
  "sticker",
  "photo",
  "video",
  "video_note",
  "voice",
  "audio",
  "animation",
  "document",
  "contact",
  "location",
  "venue",
  "poll",
  "dice",
] as const satisfies readonly (keyof Message)[];

export const fallbackFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();

  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("fallback-button-expired"), show_alert: true }));

  const privateChat = composer.chatType("private");
  privateChat.on("message", async (ctx) => {
    const message = ctx.message;
    let key: string;
    if (message.text !== undefined) key = isCommand(message) ? "fallback-unknown-command" : "fallback-not-understood";
    else if (USER_CONTENT.some((kind) => message[kind] !== undefined)) key = "fallback-media";
    else return;
    await ctx.reply(ctx.t(key), { reply_markup: mainMenu((k) => ctx.t(k)) });
  });

  const group = composer.chatType(["group", "supergroup"]);
  // Only a command meant for this bot, or the bot being added, earns a note: groups are not spammed.
  group.on("message:text", async (ctx) => {
    if (isCommand(ctx.message) && addressedToMe(ctx.message.text, ctx.me.username)) await groupNote(ctx);
  });
  group.on("my_chat_member", async (ctx) => {
    const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    const joined = (after.status === "member" || after.status === "administrator") && (before.status === "left" || before.status === "kicked");
    if (joined) await groupNote(ctx);
  });

  return composer;
};

const isCommand = (message: Message): boolean => message.entities?.[0]?.type === "bot_command" && message.entities[0].offset === 0;

/** "/start" and "/start@this_bot" are for us; "/start@other_bot" is not. */
function addressedToMe(text: string, username: string): boolean {
  const target = /^\/\w+(?:@(\w+))?/.exec(text)?.[1];
  return target === undefined || target.toLowerCase() === username.toLowerCase();
}

/**
 * The bot may not be allowed to write in the group (or was removed meanwhile). A failed note is
 * only logged: the shared error handler would take a 403 here for a user who blocked the bot.
 */
async function groupNote(ctx: BotContext): Promise<void> {
  try {
    await ctx.reply(ctx.t("fallback-private-only", { bot: ctx.me.username }));
  } catch (e) {
    ctx.deps.logger.info({ err: e, chatId: ctx.chat?.id }, "group note not sent");
  }
}
