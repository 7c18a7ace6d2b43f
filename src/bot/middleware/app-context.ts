import type { MiddlewareFn } from "grammy";
import type { AppDeps } from "../../app.js";
import type { BotInnerContext } from "../context.js";
import { referralCodeFromStart } from "../../services/referrals.js";
import { localeFromTelegram } from "../../text/locales.js";

/**
 * Puts the dependencies, the admin flag and the user's language on the context, and records the
 * user. Runs outside and inside conversations, so it must stay cheap: one Redis pipeline.
 */
export function appContext(deps: AppDeps, opts: { recordUser: boolean } = { recordUser: true }): MiddlewareFn<BotInnerContext> {
  const admins = new Set(deps.config.adminIds);
  return async (ctx, next) => {
    ctx.deps = deps;
    const from = ctx.from;
    ctx.isAdmin = from !== undefined && admins.has(from.id);
    // my_chat_member "kicked" also comes from a private chat; it must not mark the user as back.
    // A /start ref_<code> is recorded with its code: if it is the user's first contact, they are bound to the code's owner in the same step.
    const touch =
      opts.recordUser && from && ctx.chat?.type === "private" && !ctx.myChatMember
        ? deps.users.touch({ id: from.id, chatId: ctx.chat.id, firstName: from.first_name, username: from.username }, Date.now(), referralCodeFromStart(ctx.message?.text) ?? undefined)
        : undefined;
    // Issued together so ioredis' auto-pipelining sends them in one write.
    const [stored, touched] = await Promise.all([from ? deps.users.getLocale(from.id) : undefined, touch]);
    ctx.joinedVia = touched?.referrerId;
    ctx.localeChosen = stored !== undefined;
    ctx.locale = stored ?? localeFromTelegram(from?.language_code) ?? deps.config.defaultLocale;
    await next();
  };
}
