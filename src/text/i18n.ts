/**
 * Translation from the Fluent files. The same instance serves as grammY middleware in bot/ and as
 * a plain `t(locale, key, vars)` everywhere else (poller, notifier, web pages).
 */
import { FluentNone, FluentNumber, type FluentValue } from "@fluent/bundle";
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { localesDir, type Locale } from "./locales.js";

/** What the locale negotiator needs: the locale the app chose for this update. */
export type LocaleAwareContext = Context & I18nFlavor & { locale: Locale };

export type Translator = I18n<LocaleAwareContext>;

/** A whole number as formatInt writes it in any locale: "7", "1 234" (no-break space), "1,234". */
const FORMATTED_INT = /^-?(?:\d+|\d{1,3}(?:[\s,]\d{3})+)$/;

/**
 * `COUNT($n)` in a .ftl selector: picks the plural form (`one`/`few`/`many`/`other`) for a number
 * the code passed already formatted as text ("1 234"), which Fluent alone matches only by exact
 * string. Plain numbers pass through; anything else selects the default variant.
 */
export function COUNT([value]: FluentValue[]): FluentValue {
  if (value instanceof FluentNumber) return value;
  if (typeof value === "string" && FORMATTED_INT.test(value)) return new FluentNumber(Number(value.replace(/[\s,]/g, "")));
  return new FluentNone("COUNT()");
}

export function createI18n(defaultLocale: Locale): Translator {
  return new I18n<LocaleAwareContext>({
    defaultLocale,
    directory: localesDir(),
    useSession: false,
    // Without useIsolating: false Fluent wraps every variable in invisible isolation marks.
    fluentBundleOptions: { useIsolating: false, functions: { COUNT } },
    // The app-context middleware has already read the stored locale into ctx.locale.
    localeNegotiator: (ctx) => ctx.locale,
  });
}
