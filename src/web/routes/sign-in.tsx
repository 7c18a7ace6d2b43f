import type { Context, Hono } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { clientAddress } from "../client-address.js";
import type { WebDeps, WebEnv, WebOptions } from "../context.js";
import { translatorFor } from "../i18n.js";
import { clearSessionCookie, originAllowed, setSessionCookie } from "../middleware/session.js";
import { PlainPage } from "../pages/layout.js";
import { refusalPage } from "../pages/refusal.js";
import { BASE } from "../urls.js";

const DEFAULT_LIMIT = { max: 10, windowMs: 15 * 60_000 };

/**
 * Sign-in from the link the bot sent. Opening the link shows a button and uses nothing up: link
 * previews and scanners fetch URLs, and must not spend the admin's link. The button POSTs the token,
 * which is used up in one atomic step and starts the session. Both steps count against the
 * per-address limit (the browser's address: see client-address.ts for TRUST_PROXY).
 */
export function signInRoutes(app: Hono<WebEnv>, deps: WebDeps, opts: WebOptions): void {
  const limit = opts.signInLimit ?? DEFAULT_LIMIT;
  const { config } = deps;

  const overLimit = async (c: Context) => {
    const ip = clientAddress(getConnInfo(c).remote.address, c.req.header("x-forwarded-for"), config.trustedProxies);
    const count = await deps.webSessions.countSignInAttempt(ip, limit.windowMs);
    if (count === limit.max + 1) deps.logger.warn({ ip }, "back-office sign-in attempts over the limit");
    return count > limit.max;
  };

  app.get("/signin/:token", async (c) => {
    if (await overLimit(c)) return refusalPage(c, deps, 429, "web-refused-too-many");
    const token = c.req.param("token");
    const adminId = await deps.webSessions.peekSignIn(token);
    if (adminId === null || !config.adminIds.includes(adminId)) return refusalPage(c, deps, 403, "web-refused-link");
    const locale = (await deps.users.getLocale(adminId)) ?? config.defaultLocale;
    const t = translatorFor(deps, locale);
    return c.html(
      <PlainPage locale={locale} title={t("web-signin-title")}>
        <p>{t("web-signin-confirm", { id: String(adminId) })}</p>
        <form method="post" action={`${BASE}/signin`}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="primary">
            {t("web-signin-button")}
          </button>
        </form>
      </PlainPage>,
    );
  });

  app.post("/signin", async (c) => {
    if (await overLimit(c)) return refusalPage(c, deps, 429, "web-refused-too-many");
    if (!originAllowed(c, config)) return refusalPage(c, deps, 403, "web-refused-origin");
    const body = await c.req.parseBody();
    const adminId = await deps.webSessions.consumeSignIn(typeof body.token === "string" ? body.token : "");
    if (adminId === null || !config.adminIds.includes(adminId)) return refusalPage(c, deps, 403, "web-refused-link");
    const { id } = await deps.webSessions.createSession(adminId);
    setSessionCookie(c, config, id);
    await deps.audit.append({ who: adminId, what: "session.start", old: "", new: "signed in", via: "web" });
    deps.logger.info({ adminId }, "back-office session started");
    return c.redirect(`${BASE}/`, 303);
  });
}

/** Sign-out (behind the session check, so it carries the CSRF token). */
export function signOutRoute(app: Hono<WebEnv>, deps: WebDeps): void {
  app.post("/signout", async (c) => {
    const admin = c.get("admin");
    await deps.webSessions.endSession(c.get("sessionId"));
    clearSessionCookie(c);
    await deps.audit.append({ who: admin.id, what: "session.end", old: "signed in", new: "signed out", via: "web" });
    return c.html(
      <PlainPage locale={admin.locale} title={admin.t("web-signed-out-title")}>
        <p>{admin.t("web-signed-out")}</p>
      </PlainPage>,
    );
  });
}
