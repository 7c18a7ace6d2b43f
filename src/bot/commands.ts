import type { Api, RawApi } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import type { Translator } from "../text/i18n.js";
import { LOCALES } from "../text/locales.js";

const USER_COMMANDS = ["order", "orders", "balance", "help", "language", "cancel"] as const;

/** Telegram requires /paysupport (and terms) of bots that take payments. */
const PAYMENT_COMMANDS = ["paysupport", "terms"] as const;

export interface CommandOptions {
  /** a top-up way is configured (services/payments.ts enabledMethods) */
  payments?: boolean;
}

export function userCommands(i18n: Translator, locale: string, opts: CommandOptions = {}): BotCommand[] {
  const commands: BotCommand[] = USER_COMMANDS.map((c) => ({
    command: c,
    description: i18n.t(locale, `cmd-${c}`),
  }));
  if (opts.payments)
    commands.push(
      ...PAYMENT_COMMANDS.map((c) => ({
        command: c,
        description: i18n.t(locale, `topup-cmd-${c}`),
      })),
    );
  return commands;
}

/** Registers the command menu in every language of locales/, plus the default for everyone else. */
export async function registerCommands(api: Api<RawApi>, i18n: Translator, defaultLocale: string, opts: CommandOptions = {}): Promise<void> {
  await api.setMyCommands(userCommands(i18n, defaultLocale, opts));
  for (const locale of LOCALES)
    await api.setMyCommands(userCommands(i18n, locale, opts), {
      language_code: locale as LanguageCode,
    });
}

/** Admin commands, shown in the command menu of the admins' own chats only. */
const ADMIN_COMMANDS = ["topup", "user", "settle", "stats", "broadcast", "catalog", "rate", "pricing", "audit"] as const;
/** Admin side of top-ups: receipts to approve, Stars to refund. */
const ADMIN_PAYMENT_COMMANDS = ["approve", "refundstars"] as const;

export function adminCommands(i18n: Translator, locale: string, opts: CommandOptions = {}): BotCommand[] {
  // An admin's /order also takes an order id: say so in its description.
  const own = userCommands(i18n, locale, opts).map((c) => (c.command === "order" ? { ...c, description: i18n.t(locale, "admin-cmd-order") } : c));
  const admin = opts.payments ? [...ADMIN_COMMANDS, ...ADMIN_PAYMENT_COMMANDS] : ADMIN_COMMANDS;
  return [
    ...own,
    ...admin.map((c) => ({
      command: c,
      description: i18n.t(locale, `admin-cmd-${c}`),
    })),
  ];
}

/**
 * The admin menu in each admin's chat, in every language. Telegram refuses a chat that never
 * talked to the bot; those admins are returned so the caller can say so (they get the menu on
 * the next start after writing to the bot).
 */
export async function registerAdminCommands(api: Api<RawApi>, i18n: Translator, adminIds: number[], defaultLocale: string, opts: CommandOptions = {}): Promise<number[]> {
  const missed: number[] = [];
  for (const chatId of adminIds) {
    const scope = { type: "chat" as const, chat_id: chatId };
    try {
      await api.setMyCommands(adminCommands(i18n, defaultLocale, opts), {
        scope,
      });
      for (const locale of LOCALES)
        await api.setMyCommands(adminCommands(i18n, locale, opts), {
          scope,
          language_code: locale as LanguageCode,
        });
    } catch {
      missed.push(chatId);
    }
  }
  return missed;
}
