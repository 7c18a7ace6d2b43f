import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { WebDeps } from "../context.js";
import { translatorFor } from "../i18n.js";
import { PlainPage } from "./layout.js";

/**
 * A plain refusal: a used, expired or forged link, a session that ended, a request that failed a
 * check. It says what happened and what to do, and nothing about why a check failed in detail.
 */
export function refusalPage(c: Context, deps: Pick<WebDeps, "i18n" | "config">, status: ContentfulStatusCode, messageKey: string, locale = deps.config.defaultLocale) {
  const t = translatorFor(deps, locale);
  return c.html(
    <PlainPage locale={locale} title={t("web-refused-title")}>
      <p class="refusal">{t(messageKey)}</p>
      <p>{t("web-refused-how")}</p>
    </PlainPage>,
    status,
  );
}
