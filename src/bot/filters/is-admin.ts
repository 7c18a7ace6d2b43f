/**
 * The admin gate. `ctx.isAdmin` comes from the admin list (config ADMIN_IDS, set by
 * middleware/app-context.ts). Anyone else gets one polite refusal whatever they sent, before
 * anything is looked up, so a customer learns nothing about what the command would have done.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

/** Whether an admin sent the update: for admin extras that everyone else passes by in silence. */
export const isAdmin = (ctx: BotContext): boolean => ctx.isAdmin;

/** Put before an admin command's or button's handler: refuses everyone else. */
export const adminOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (isAdmin(ctx)) return next();
  const text = ctx.t("admin-not-allowed");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
};
