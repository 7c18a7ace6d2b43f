import type { Api, RawApi } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Translator } from "./i18n.js";
import { LOCALES } from "./i18n.js";

const USER_COMMANDS = ["order", "orders", "balance", "help", "language", "cancel"] as const;

export function userCommands(i18n: Translator, locale: string): BotCommand[] {
  return USER_COMMANDS.map((c) => ({ command: c, description: i18n.t(locale, `cmd-${c}`) }));
}

/** Registers the command menu in both languages, plus the default for everyone else. */
export async function registerCommands(api: Api<RawApi>, i18n: Translator, defaultLocale: string): Promise<void> {
  await api.setMyCommands(userCommands(i18n, defaultLocale));
  for (const locale of LOCALES) await api.setMyCommands(userCommands(i18n, locale), { language_code: locale });
}
