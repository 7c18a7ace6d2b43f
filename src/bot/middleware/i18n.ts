import type { MiddlewareFn } from "grammy";
import type { Translator } from "../../text/i18n.js";
import type { BotInnerContext } from "../context.js";

/** `ctx.t(key, vars)`: the text layer's translator in the update's `ctx.locale`, read at each call (a language just chosen applies at once). */
export function translation(i18n: Translator): MiddlewareFn<BotInnerContext> {
  return async (ctx, next) => {
    ctx.t = (key, vars) => i18n.t(ctx.locale, key, vars);
    await next();
  };
}
