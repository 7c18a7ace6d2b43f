import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenu, menuLabels } from "../keyboards/main-menu.js";
import { escapeHtml } from "../../text/html.js";
import { LOCALES, type Locale } from "../../text/locales.js";
import type { Translator } from "../../text/i18n.js";

export const composer = new Composer<BotContext>();
const privateChat = composer.chatType("private");

/** Language picker: every language in its own name; the current one (at first contact, Telegram's) is marked. */
function languageKeyboard(i18n: Translator, current: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const l of LOCALES) keyboard.text(`${l === current ? "✅ " : ""}${i18n.t(l, "language-name")}`, `lang:${l}`);
  return keyboard;
}

async function askLanguage(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx.deps.i18n, ctx.locale) });
}

export async function sendWelcome(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("welcome", { name: escapeHtml(ctx.from?.first_name ?? "") }), {
    parse_mode: "HTML",
    reply_markup: mainMenu((k) => ctx.t(k)),
  });
}

privateChat.command("start", async (ctx) => {
  if (!ctx.localeChosen) return askLanguage(ctx);
  await sendWelcome(ctx);
});

privateChat.command("language", askLanguage);

export function languageHandlers(i18n: Translator): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.chatType("private").hears(menuLabels(i18n, "menu-language"), askLanguage);
  return c;
}

privateChat.callbackQuery(new RegExp(`^lang:(${LOCALES.join("|")})$`), async (ctx) => {
  const locale = ctx.match[1] as Locale;
  await ctx.deps.users.setLocale(ctx.from.id, locale);
  ctx.locale = locale;
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-set")).catch(() => undefined);
  await sendWelcome(ctx);
});
