/**
 * Translation from the Fluent files in `locales/`: `t(locale, key, vars)` for everything (the bot's
 * handlers through `ctx.t`, the poller, the notifier, web pages). A message missing from a locale
 * falls back to the default locale's; a message missing everywhere renders as `{key}`.
 *
 * Written over @fluent/bundle directly rather than with @grammyjs/i18n: that plugin negotiates the
 * locale list (parsing BCP 47 tags) again on every call, a measurable share of each update's CPU,
 * while here the bundle is one map lookup.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentNone, FluentNumber, FluentResource, type FluentValue, type FluentVariable } from "@fluent/bundle";
import { LOCALES, localesDir, type Locale } from "./locales.js";

export type TranslationVariables = Record<string, FluentVariable>;

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

function loadBundle(locale: Locale): FluentBundle {
  // Without useIsolating: false Fluent wraps every variable in invisible isolation marks.
  const bundle = new FluentBundle(locale, { useIsolating: false, functions: { COUNT } });
  const errors = bundle.addResource(new FluentResource(readFileSync(join(localesDir(), `${locale}.ftl`), "utf8")));
  if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join("; ")}`);
  return bundle;
}

export class Translator {
  private readonly bundles: ReadonlyMap<Locale, FluentBundle>;
  private readonly fallback: FluentBundle;

  constructor(readonly defaultLocale: Locale) {
    this.bundles = new Map(LOCALES.map((l) => [l, loadBundle(l)]));
    const fallback = this.bundles.get(defaultLocale);
    if (!fallback) throw new Error(`no locales/${defaultLocale}.ftl for the default locale`);
    this.fallback = fallback;
  }

  /** The message in `locale`, else in the default locale, else `{key}`. Throws on a variable the message needs and was not given, as Fluent does. */
  t(locale: Locale, key: string, vars?: TranslationVariables): string {
    const own = this.bundles.get(locale);
    const bundle = own?.hasMessage(key) ? own : this.fallback;
    const message = bundle.getMessage(key);
    if (!message?.value) return `{${key}}`;
    return bundle.formatPattern(message.value, vars);
  }
}

export function createI18n(defaultLocale: Locale): Translator {
  return new Translator(defaultLocale);
}
