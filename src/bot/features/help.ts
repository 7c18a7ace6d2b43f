/** /help and the Help button; /cancel when there is no dialog to leave. */
import type { BotContext, Feature } from "../context.js";
import { mainMenu, menuLabels } from "../keyboards/main-menu.js";
import { FeatureComposer } from "../composer.js";

export const helpFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const showHelp = (ctx: BotContext) => ctx.reply(ctx.t("help"), { parse_mode: "HTML", reply_markup: mainMenu((k) => ctx.t(k)) });
  privateChat.command("help", showHelp);
  privateChat.hears(menuLabels(deps.i18n, "menu-help"), showHelp);
  // /cancel outside a dialog: nothing to leave, say so (inside one, the order walk or the top-up dialog handles it first).
  privateChat.command("cancel", (ctx) => ctx.reply(ctx.t("cancel-nothing"), { reply_markup: mainMenu((k) => ctx.t(k)) }));
  return composer;
};
