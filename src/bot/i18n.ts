import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { BotInnerContext } from "./context.js";
import type { Locale } from "../store/users.js";

export const LOCALES: readonly Locale[] = ["uz", "en"];

/** `locales/` from src/ (tsx) and from dist/src/ (built) alike. */
export function localesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "locales", "en.ftl"))) return join(dir, "locales");
    dir = dirname(dir);
  }
  throw new Error("locales/ directory not found");
}

/** Telegram's language_code → one of ours (uz, uz-Latn, uz-Cyrl → uz). */
export function localeFromTelegram(code: string | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base === "uz" || base === "en" ? base : undefined;
}

export function createI18n(defaultLocale: Locale): I18n<BotInnerContext> {
  return new I18n<BotInnerContext>({
    defaultLocale,
    directory: localesDir(),
    useSession: false,
    // Without this Fluent wraps every variable in invisible isolation marks.
    fluentBundleOptions: { useIsolating: false },
    // The user middleware has already read the stored locale into ctx.locale.
    localeNegotiator: (ctx) => ctx.locale,
  });
}

export type Translator = I18n<BotInnerContext>;
