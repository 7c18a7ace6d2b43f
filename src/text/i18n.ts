/**
 * Translation from the Fluent files. The same instance serves as grammY middleware in bot/ and as
 * a plain `t(locale, key, vars)` everywhere else (poller, notifier, web pages).
 */
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { localesDir, type Locale } from "./locales.js";

/** What the locale negotiator needs: the locale the app chose for this update. */
export type LocaleAwareContext = Context & I18nFlavor & { locale: Locale };

export type Translator = I18n<LocaleAwareContext>;

export function createI18n(defaultLocale: Locale): Translator {
  return new I18n<LocaleAwareContext>({
    defaultLocale,
    directory: localesDir(),
    useSession: false,
    // Without this Fluent wraps every variable in invisible isolation marks.
    fluentBundleOptions: { useIsolating: false },
    // The app-context middleware has already read the stored locale into ctx.locale.
    localeNegotiator: (ctx) => ctx.locale,
  });
}
