import type { MiddlewareFn } from "grammy";
import type { BotInnerContext } from "../context.js";

/**
 * Per-user flood guard shared by every process (a Redis counter per time window). Over the limit
 * the update is dropped; the user is told once per window.
 */
export function rateLimit(opts: { limit: number; windowMs: number }): MiddlewareFn<BotInnerContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || ctx.isAdmin) return next();
    const count = await ctx.deps.rateLimits.hit(userId, opts.windowMs);
    if (count <= opts.limit) return next();
    if (count === opts.limit + 1) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-too-fast") }).catch(() => undefined);
      else await ctx.reply(ctx.t("error-too-fast")).catch(() => undefined);
    } else if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery().catch(() => undefined);
    }
  };
}
