import { GrammyError, type InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";

/**
 * Shows `text` in the pressed message (edited in place); when that message cannot be edited any
 * more (too old, deleted) the text comes as a new message instead.
 */
export async function editOrReply(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const options = { parse_mode: "HTML" as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  try {
    await ctx.editMessageText(text, options);
  } catch (e) {
    if (!(e instanceof GrammyError) || e.error_code !== 400) throw e;
    // The same page or card pressed twice: nothing to change.
    if (/not modified/i.test(e.description)) return;
    await ctx.reply(text, options);
  }
}

/** An edit of a message that is gone, too old, or already shows the same: nothing to do. */
export function ignoreStaleEdit(e: unknown): void {
  if (!(e instanceof GrammyError) || e.error_code !== 400) throw e;
}
