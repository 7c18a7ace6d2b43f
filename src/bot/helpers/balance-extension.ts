/** What a feature adds to the balance screen (features/balance.ts): lines of text and buttons. */
import type { InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";

export interface BalanceExtension {
  lines?(ctx: BotContext): Promise<string[]>;
  buttons?(ctx: BotContext, keyboard: InlineKeyboard): void;
}
