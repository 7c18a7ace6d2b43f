import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Composer, Context } from "grammy";
import type { AppDeps } from "../app.js";
import type { TranslationVariables } from "../text/i18n.js";
import type { Locale } from "../text/locales.js";
import type { ActiveDialog } from "../store/dialogs.js";

/** What every handler finds on its context, inside conversations too. */
export interface AppFlavor {
  deps: AppDeps;
  /** the user's stored language, else Telegram's, else DEFAULT_LOCALE */
  locale: Locale;
  /** whether the language was chosen by the user (first-time users are asked) */
  localeChosen: boolean;
  isAdmin: boolean;
  /** this update was the user's first contact, through this referrer's link (bound just now) */
  joinedVia?: number;
  /** updates of the user in the flood guard's window, this one included (0: not counted: admins, no sender) */
  updatesInWindow: number;
  /** the user's dialog under way outside the conversations plugin, as read on arrival and kept current by conversations/active-dialog.ts (null inside conversations) */
  dialog: ActiveDialog | null;
  /** the message in ctx.locale (middleware/i18n.ts) */
  t: (key: string, vars?: TranslationVariables) => string;
}

/** Context inside a conversation: no conversation controls, same plugins. */
export type BotInnerContext = Context & AppFlavor;
/** Context of ordinary handlers. */
export type BotContext = ConversationFlavor<BotInnerContext>;

/** Every feature in features/: one Composer, built from the dependencies. */
export type Feature = (deps: AppDeps) => Composer<BotContext>;
