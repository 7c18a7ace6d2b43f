import { GrammyError, HttpError, type BotError, type ErrorHandler } from "grammy";
import type { BotContext } from "../context.js";

/** 403 "bot was blocked by the user" (or the user deactivated their account). */
export const isBlockedError = (e: unknown): boolean => e instanceof GrammyError && e.error_code === 403 && /blocked|deactivated|not found|kicked/i.test(e.description);

/**
 * Last line of defence for a handler that threw: log it, record a blocked user, and tell the user
 * something went wrong instead of leaving them with silence.
 */
export const errorHandler: ErrorHandler<BotContext> = async (err: BotError<BotContext>) => {
  const { ctx, error } = err;
  const log = ctx.deps?.logger ?? console;
  ctx.deps?.metrics.updatesHandled.inc({ outcome: "error" });
  // Only a private chat's 403 means this user blocked the bot; in a group it is about the group.
  if (isBlockedError(error) && ctx.from && ctx.chat?.type === "private") {
    await ctx.deps?.users.setBlocked(ctx.from.id, true).catch(() => undefined);
    return;
  }
  const kind = error instanceof GrammyError ? "telegram" : error instanceof HttpError ? "network" : "handler";
  log.error({ err: error, kind, updateId: ctx.update.update_id }, "update failed");
  if (kind === "network" || !ctx.chat || !ctx.t) return;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-generic"), show_alert: true });
    else await ctx.reply(ctx.t("error-generic"));
  } catch {
    // The chat may be unreachable; the error is logged already.
  }
};
