import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { menuLabels } from "../keyboards/main-menu.js";
import { mainMenu } from "../keyboards/main-menu.js";
import type { Translator } from "../../text/i18n.js";

export function helpFeature(i18n: Translator): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  const showHelp = (ctx: BotContext) => ctx.reply(ctx.t("help"), { parse_mode: "HTML", reply_markup: mainMenu((k) => ctx.t(k)) });
  privateChat.command("help", showHelp);
  privateChat.hears(menuLabels(i18n, "menu-help"), showHelp);
  // /cancel outside a dialog: nothing to leave, say so (inside one, the order feature handles it).
  privateChat.command("cancel", (ctx) => ctx.reply(ctx.t("cancel-nothing"), { reply_markup: mainMenu((k) => ctx.t(k)) }));
  return composer;
}
