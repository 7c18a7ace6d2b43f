import type { Api, RawApi } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Translator } from "./i18n.js";
import { LOCALES } from "./i18n.js";

const USER_COMMANDS = ["order", "orders", "balance", "help", "language", "cancel"] as const;

/** Telegram requires /paysupport (and terms) of bots that take payments. */
const PAYMENT_COMMANDS = ["paysupport", "terms"] as const;

export interface CommandOptions {
  /** a top-up way is configured (services/payments.ts enabledMethods) */
  payments?: boolean;
}

export function userCommands(i18n: Translator, locale: string, opts: CommandOptions = {}): BotCommand[] {
  const commands: BotCommand[] = USER_COMMANDS.map((c) => ({ command: c, description: i18n.t(locale, `cmd-${c}`) }));
  if (opts.payments) commands.push(...PAYMENT_COMMANDS.map((c) => ({ command: c, description: i18n.t(locale, `topup-cmd-${c}`) })));
  return commands;
}

/** Registers the command menu in both languages, plus the default for everyone else. */
export async function registerCommands(api: Api<RawApi>, i18n: Translator, defaultLocale: string, opts: CommandOptions = {}): Promise<void> {
  await api.setMyCommands(userCommands(i18n, defaultLocale, opts));
  for (const locale of LOCALES) await api.setMyCommands(userCommands(i18n, locale, opts), { language_code: locale });
}
