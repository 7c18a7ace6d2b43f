import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Config } from "../../config.js";
import type { WebDeps, WebEnv } from "../context.js";
import { BASE } from "../urls.js";
import { refusalPage } from "../pages/refusal.js";
import { adminView } from "../i18n.js";

export const SESSION_COOKIE = "pb_admin";

export function setSessionCookie(c: Context, config: Pick<Config, "publicUrl">, id: string): void {
  // No Max-Age: the cookie ends with the browser; the server's idle expiry ends it sooner.
  setCookie(c, SESSION_COOKIE, id, { path: BASE, httpOnly: true, sameSite: "Strict", secure: config.publicUrl?.startsWith("https:") ?? false });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: BASE });
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * A state-changing request must come from a page of ours: its Origin must be PUBLIC_URL (or, without
 * it, the address the browser asked for: the SSH tunnel's port may differ from PORT). Browsers send
 * Origin on every POST; a request without one is refused.
 */
export function originAllowed(c: Context, config: Pick<Config, "publicUrl">): boolean {
  const origin = c.req.header("origin");
  if (!origin) return false;
  const expected = config.publicUrl ?? `http://${c.req.header("host") ?? ""}`;
  return origin === expected;
}

/**
 * Every page after sign-in: the session must exist (it is refreshed), its admin must still be in
 * ADMIN_IDS (checked on every request, so removing an admin locks them out at once), and a POST must
 * carry the session's CSRF token and our Origin. Only GET and POST are answered.
 */
export function requireAdmin(deps: WebDeps): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD" && method !== "POST") return c.text("Method Not Allowed", 405, { allow: "GET, POST" });
    const id = getCookie(c, SESSION_COOKIE) ?? "";
    const session = id ? await deps.webSessions.touchSession(id) : null;
    if (!session) {
      if (id) clearSessionCookie(c);
      return refusalPage(c, deps, 401, "web-refused-signed-out");
    }
    if (!deps.config.adminIds.includes(session.adminId)) {
      await deps.webSessions.endSession(id);
      clearSessionCookie(c);
      deps.logger.warn({ adminId: session.adminId }, "back-office session of someone no longer an admin ended");
      return refusalPage(c, deps, 403, "web-refused-not-admin");
    }
    const admin = await adminView(deps, session.adminId, session.csrf);
    if (method === "POST") {
      if (!originAllowed(c, deps.config)) return refusalPage(c, deps, 403, "web-refused-origin", admin.locale);
      const header = c.req.header("x-csrf-token");
      const body = header ? undefined : await c.req.parseBody();
      const token = header ?? (typeof body?._csrf === "string" ? body._csrf : "");
      if (!sameSecret(token, session.csrf)) return refusalPage(c, deps, 403, "web-refused-csrf", admin.locale);
    }
    c.set("admin", admin);
    c.set("sessionId", id);
    await next();
  };
}
