import type { MiddlewareFn } from "grammy";
import type { BotInnerContext } from "../context.js";

/** At most this many updates of one user per window, shared by every process. */
export const FLOOD_GUARD = { limit: 20, windowMs: 10_000 } as const;

/**
 * The flood guard: the update was counted in its window (a Redis counter per user and window) by
 * app-context's one call per update. Over the limit the update is dropped; the user is told once
 * per window. Admins and updates without a sender are never counted.
 */
export function rateLimit(limit: number = FLOOD_GUARD.limit): MiddlewareFn<BotInnerContext> {
  return async (ctx, next) => {
    const count = ctx.updatesInWindow;
    if (count <= limit) return next();
    if (count === limit + 1) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-too-fast") }).catch(() => undefined);
      else await ctx.reply(ctx.t("error-too-fast")).catch(() => undefined);
    } else if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery().catch(() => undefined);
    }
  };
}
