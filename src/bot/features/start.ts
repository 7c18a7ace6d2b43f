/** /start with the welcome, and the language picker (/language, the menu button, the flag buttons). */
import { InlineKeyboard } from "grammy";
import { languageData } from "../callback-data/language.js";
import type { BotContext, Feature } from "../context.js";
import { mainMenu, menuLabels } from "../keyboards/main-menu.js";
import { announceJoined } from "../../services/referrals.js";
import { escapeHtml } from "../../text/html.js";
import type { Translator } from "../../text/i18n.js";
import { LOCALES, type Locale } from "../../text/locales.js";
import { FeatureComposer } from "../composer.js";

/** Language picker: every language in its own name; the current one (at first contact, Telegram's) is marked. */
function languageKeyboard(i18n: Translator, current: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) keyboard.text(`${locale === current ? "✅ " : ""}${i18n.t(locale, "language-name")}`, languageData.pack({ locale }));
  return keyboard;
}

async function askLanguage(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx.deps.i18n, ctx.locale) });
}

async function sendWelcome(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("welcome", { name: escapeHtml(ctx.from?.first_name ?? "") }), {
    parse_mode: "HTML",
    reply_markup: mainMenu((k) => ctx.t(k)),
  });
}

export const startFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("start", async (ctx) => {
    // Bound by this very update (middleware/app-context.ts): the link's owner hears of it once.
    if (ctx.joinedVia !== undefined) await announceJoined(ctx.deps, ctx.joinedVia, { id: ctx.from.id, firstName: ctx.from.first_name });
    if (!ctx.localeChosen) return askLanguage(ctx);
    await sendWelcome(ctx);
  });

  privateChat.command("language", askLanguage);
  privateChat.hears(menuLabels(deps.i18n, "menu-language"), askLanguage);

  privateChat.callbackQuery(languageData.filter(), async (ctx) => {
    const { locale } = languageData.unpack(ctx.callbackQuery.data);
    await ctx.deps.users.setLocale(ctx.from.id, locale);
    ctx.locale = locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-set")).catch(() => undefined);
    await sendWelcome(ctx);
  });

  return composer;
};
