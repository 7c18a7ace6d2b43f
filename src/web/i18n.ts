import type { WebDeps, AdminView } from "./context.js";
import type { Locale } from "../text/locales.js";

/** A translate function in one locale, as pages use it. */
export const translatorFor = (deps: Pick<WebDeps, "i18n">, locale: Locale) => (key: string, vars?: Record<string, string | number>) => deps.i18n.t(locale, key, vars);

/** The signed-in admin with their stored language (the bot's choice), else the shop's default. */
export async function adminView(deps: Pick<WebDeps, "users" | "config" | "i18n">, id: number, csrf: string): Promise<AdminView> {
  const user = await deps.users.get(id);
  const locale = user?.locale ?? deps.config.defaultLocale;
  const first = user?.firstName || String(id);
  return { id, name: user?.username ? `${first} @${user.username}` : first, locale, csrf, t: translatorFor(deps, locale) };
}
