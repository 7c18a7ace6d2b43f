import type { MiddlewareFn } from "grammy";
import type { AppDeps } from "../../app.js";
import type { BotInnerContext } from "../context.js";
import { referralCodeFromStart } from "../../services/referrals.js";
import { localeFromTelegram, type Locale } from "../../text/locales.js";
import { arrivedWith } from "../conversations/storage.js";

/** What the outer copy learned about the user whose update is in progress. */
interface Arrived {
  locale: Locale;
  localeChosen: boolean;
  joinedVia?: number;
}

/**
 * Puts the dependencies, the admin flag, the user's language and dialog under way on the context,
 * records the user and counts the update for the flood guard (`rateWindowMs`): one script call per update
 * (UserStore.arrive), since this runs on every one. The copy that runs inside conversations
 * (`inner`) runs again for every replayed step of a dialog, so it takes what the outer copy found
 * for this user's update in progress instead of asking Redis again.
 */
export function appContext(deps: AppDeps, opts: { rateWindowMs: number }): { outer: MiddlewareFn<BotInnerContext>; inner: MiddlewareFn<BotInnerContext> } {
  const admins = new Set(deps.config.adminIds);
  const inProgress = new Map<number, Arrived>();

  /** What both copies put on every context; the flood guard's count is the outer copy's to set. */
  const start = (ctx: BotInnerContext) => {
    ctx.deps = deps;
    ctx.isAdmin = ctx.from !== undefined && admins.has(ctx.from.id);
    ctx.updatesInWindow = 0;
    ctx.dialog = null;
  };
  /** The one language rule: the stored choice, else Telegram's, else DEFAULT_LOCALE. */
  const setLocale = (ctx: BotInnerContext, stored: Locale | undefined) => {
    ctx.localeChosen = stored !== undefined;
    ctx.locale = stored ?? localeFromTelegram(ctx.from?.language_code) ?? deps.config.defaultLocale;
  };

  const outer: MiddlewareFn<BotInnerContext> = async (ctx, next) => {
    start(ctx);
    const from = ctx.from;
    if (!from) {
      setLocale(ctx, undefined);
      return next();
    }
    // my_chat_member "kicked" also comes from a private chat; it must not mark the user as back.
    // A /start ref_<code> is recorded with its code: if it is the user's first contact, they are bound to the code's owner in the same step.
    const record = ctx.chat?.type === "private" && !ctx.myChatMember;
    const arrived = await deps.users.arrive(
      { id: from.id, chatId: ctx.chat?.id ?? from.id, firstName: from.first_name, username: from.username },
      { record, referralCode: record ? (referralCodeFromStart(ctx.message?.text) ?? undefined) : undefined, rateWindowMs: ctx.isAdmin ? 0 : opts.rateWindowMs },
    );
    ctx.joinedVia = arrived.referrerId;
    setLocale(ctx, arrived.locale);
    ctx.updatesInWindow = arrived.updatesInWindow;
    ctx.dialog = arrived.dialog;
    // Read for the update's chat, the plugin's key (an update without one has no conversation).
    if (ctx.chat) arrivedWith(ctx, arrived.conversation);
    const mine: Arrived = { locale: ctx.locale, localeChosen: ctx.localeChosen, joinedVia: ctx.joinedVia };
    inProgress.set(from.id, mine);
    try {
      await next();
    } finally {
      // The same user's update in another chat may have taken the slot meanwhile: leave theirs.
      if (inProgress.get(from.id) === mine) inProgress.delete(from.id);
    }
  };

  const inner: MiddlewareFn<BotInnerContext> = async (ctx, next) => {
    start(ctx);
    const known = ctx.from && inProgress.get(ctx.from.id);
    if (known) Object.assign(ctx, known);
    else setLocale(ctx, ctx.from ? await deps.users.getLocale(ctx.from.id) : undefined);
    await next();
  };

  return { outer, inner };
}
