import type { Hono } from "hono";
import type { Config } from "../../config.js";
import type { WebDeps, WebEnv } from "../context.js";
import { Layout } from "../pages/layout.js";
import { Facts } from "../pages/parts.js";
import { backOfficeOrigin } from "../urls.js";

/** A secret is shown as set or not, never in part: even its length or last digits say something. */
const secret = (v: string | undefined, t: (k: string) => string) => (v ? t("web-settings-secret-set") : "—");

/** redis://user:password@host → redis://***@host */
export const withoutCredentials = (url: string) => url.replace(/\/\/[^@/]*@/, "//***@");

/** The running settings, read-only, for admins to check what the process uses. */
export function settingRows(config: Config, t: (k: string) => string): Array<[string, string]> {
  const p = config.payments;
  return [
    ["BOT_TOKEN", secret(config.botToken, t)],
    ["TELEGRAM_API_ROOT", config.telegramApiRoot],
    ["ADMIN_IDS", config.adminIds.join(", ") || "—"],
    ["PANEL_API_URL", config.panel.url],
    ["PANEL_API_KEY", secret(config.panel.key, t)],
    ["PANEL_TIMEOUT_MS", String(config.panel.timeoutMs)],
    ["CURRENCY", config.panelCurrency],
    ["SHOP_CURRENCY", config.currency === config.panelCurrency ? `— (${config.currency})` : config.currency],
    ["PRICE_MARKUP_PERCENT", config.markupPercent],
    ["DEFAULT_LOCALE", config.defaultLocale],
    ["CATALOG_REFRESH_MS", String(config.catalogRefreshMs)],
    ["POLL_INTERVAL_MS", String(config.poll.intervalMs)],
    ["POLL_MAX_INTERVAL_MS", String(config.poll.maxIntervalMs)],
    ["TELEGRAM_GLOBAL_RATE", String(config.telegramGlobalRate)],
    ["REDIS_URL", withoutCredentials(config.redis.url)],
    ["REDIS_PREFIX", config.redis.prefix],
    ["LOG_LEVEL", config.log.level],
    ["BOT_MODE", config.mode],
    ["WEBHOOK_URL", config.webhook?.url ?? "—"],
    ["WEBHOOK_SECRET", secret(config.webhook?.secret, t)],
    ["PORT", String(config.port)],
    ["PUBLIC_URL", config.publicUrl ?? `— (${backOfficeOrigin(config)})`],
    ["PAYMENT_PROVIDER_TOKEN", secret(p.provider?.token, t)],
    ["PAYMENT_CURRENCY", p.currency],
    ["PAYMENT_RATE", p.provider?.rate ?? "—"],
    ["PAYMENT_MIN / PAYMENT_MAX", `${p.min} / ${p.max}`],
    ["STARS_RATE", p.stars?.rate ?? "—"],
    ["MANUAL_TOPUP_DETAILS", p.manualDetails ?? "—"],
  ];
}

export function settingsRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get("/settings", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const health = await deps.health.check();
    const state = (ok: boolean, word: string) => <span class={ok ? "ok" : "bad"}>{t("web-health-state", { state: word })}</span>;
    return c.html(
      <Layout admin={admin} section="/settings" title={t("web-nav-settings")}>
        <h2>{t("web-settings-health")}</h2>
        <Facts
          rows={[
            ["Redis", state(health.body.redis === "ok", health.body.redis)],
            [t("web-settings-panel"), state(health.body.panel === "ok", health.body.panel)],
          ]}
        />
        <h2>{t("web-settings-values")}</h2>
        <p class="hint">{t("web-settings-hint")}</p>
        <Facts rows={settingRows(deps.config, t).map(([k, v]) => [k, <code>{v}</code>])} />
      </Layout>,
    );
  });
}
