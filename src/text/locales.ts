/**
 * The languages the shop speaks: one Fluent file each in `locales/`. Adding a language means adding
 * a file; nothing else lists them.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A locale code that has a file in `locales/` ("uz", "en", …). */
export type Locale = string;

/** `locales/` from src/ (tsx) and from dist/src/ (built) alike. */
export function localesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "locales", "en.ftl"))) return join(dir, "locales");
    dir = dirname(dir);
  }
  throw new Error("locales/ directory not found");
}

/** Every locale with a file, in a stable order (the language menu shows them so). */
export const LOCALES: readonly Locale[] = readdirSync(localesDir())
  .filter((f) => f.endsWith(".ftl"))
  .map((f) => f.slice(0, -4))
  .sort();

export function isLocale(code: unknown): code is Locale {
  return typeof code === "string" && LOCALES.includes(code);
}

/** Telegram's language_code → one of ours (uz, uz-Latn, uz-Cyrl → uz), or undefined. */
export function localeFromTelegram(code: string | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}

/**
 * The one fallback rule for every message: the user's stored choice, else what their order was
 * placed in, else the shop's default.
 */
export function pickLocale(defaultLocale: Locale, ...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) if (isLocale(c)) return c;
  return defaultLocale;
}
