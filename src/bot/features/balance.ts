/** The balance screen (/balance, the menu button), with the lines and buttons other features add. */
import { InlineKeyboard } from "grammy";
import type { BotContext, Feature } from "../context.js";
import { adminBalanceExtension } from "./admin-wallets.js";
import { topupBalanceExtension } from "./topup.js";
import type { BalanceExtension } from "../helpers/balance-extension.js";
import { menuLabels } from "../keyboards/main-menu.js";
import { formatMoney } from "../../text/format.js";
import { FeatureComposer } from "../composer.js";

export const balanceFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const extensions: BalanceExtension[] = [topupBalanceExtension, adminBalanceExtension()];
  const show = async (ctx: BotContext) => {
    const { wallet, config } = ctx.deps;
    const balance = await wallet.balance(ctx.from!.id);
    const lines = [ctx.t("balance-show", { balance: formatMoney(balance, ctx.locale, config.currency) })];
    const keyboard = new InlineKeyboard();
    for (const ext of extensions) {
      if (ext.lines) lines.push(...(await ext.lines(ctx)));
      ext.buttons?.(ctx, keyboard);
    }
    await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: keyboard.inline_keyboard.length ? keyboard : undefined });
  };
  privateChat.command("balance", show);
  privateChat.hears(menuLabels(deps.i18n, "menu-balance"), show);
  return composer;
};
