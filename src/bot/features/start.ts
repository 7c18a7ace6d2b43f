/** /start with the welcome, and the language picker (/language, the menu button, the flag buttons). */
import { Composer, InlineKeyboard } from "grammy";
import { languageData } from "../callback-data/language.js";
import type { BotContext, Feature } from "../context.js";
import { mainMenu, menuLabels } from "../keyboards/main-menu.js";
import { escapeHtml } from "../../text/html.js";
import type { Locale } from "../../text/locales.js";

/** Language picker; the language Telegram reports for the user is marked first. */
function languageKeyboard(current: Locale): InlineKeyboard {
  const uz = `${current === "uz" ? "✅ " : ""}🇺🇿 Oʻzbekcha`;
  const en = `${current === "en" ? "✅ " : ""}🇬🇧 English`;
  return new InlineKeyboard().text(uz, languageData.pack({ locale: "uz" })).text(en, languageData.pack({ locale: "en" }));
}

async function askLanguage(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx.locale) });
}

async function sendWelcome(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("welcome", { name: escapeHtml(ctx.from?.first_name ?? "") }), {
    parse_mode: "HTML",
    reply_markup: mainMenu((k) => ctx.t(k)),
  });
}

export const startFeature: Feature = (deps) => {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("start", async (ctx) => {
    if (!ctx.localeChosen) return askLanguage(ctx);
    await sendWelcome(ctx);
  });

  privateChat.command("language", askLanguage);
  privateChat.hears(menuLabels(deps.i18n, "menu-language"), askLanguage);

  privateChat.callbackQuery(languageData.filter(), async (ctx) => {
    const { locale } = languageData.unpack(ctx.callbackQuery.data);
    await ctx.deps.users.setLocale(ctx.from.id, locale);
    ctx.locale = locale;
    ctx.i18n.useLocale(locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-set")).catch(() => undefined);
    await sendWelcome(ctx);
  });

  return composer;
};
