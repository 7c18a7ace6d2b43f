import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ADMIN_CSS } from "./assets/admin-css.js";
import { DASHBOARD_JS } from "./assets/dashboard-js.js";
import type { WebDeps, WebEnv, WebOptions } from "./context.js";
import { securityHeaders } from "./middleware/security.js";
import { requireAdmin } from "./middleware/session.js";
import { refusalPage } from "./pages/refusal.js";
import { auditRoutes } from "./routes/audit.js";
import { broadcastRoutes } from "./routes/broadcasts.js";
import { catalogRoutes } from "./routes/catalog.js";
import { homeRoutes } from "./routes/home.js";
import { orderRoutes } from "./routes/orders.js";
import { receiptRoutes } from "./routes/receipts.js";
import { settingsRoutes } from "./routes/settings.js";
import { signInRoutes, signOutRoute } from "./routes/sign-in.js";
import { userRoutes } from "./routes/users.js";
import { BASE } from "./urls.js";

const requireFrom = createRequire(import.meta.url);
/** htmx and uPlot from their npm packages, read once: the back office loads nothing from a CDN. */
const HTMX_JS = readFileSync(requireFrom.resolve("htmx.org/dist/htmx.min.js"), "utf8");
const UPLOT_JS = readFileSync(requireFrom.resolve("uplot/dist/uPlot.iife.min.js"), "utf8");
const UPLOT_CSS = readFileSync(requireFrom.resolve("uplot/dist/uPlot.min.css"), "utf8");

/** The sign-in form's body (one token) and any request's (a broadcast with its photo of at most 10 MB). */
const SIGN_IN_MAX_BYTES = 16 * 1024;
const REQUEST_MAX_BYTES = 11 * 1024 * 1024;

/**
 * The back office under /admin/: server-rendered pages (hono/jsx escapes every text and attribute),
 * htmx for partial updates. Assets and the sign-in steps are open; everything else is behind the
 * session check.
 */
export function createWebApp(deps: WebDeps, opts: WebOptions = {}): Hono<WebEnv> {
  const app = new Hono<WebEnv>({ strict: false }).basePath(BASE);
  app.use(...securityHeaders(deps.config));

  const asset = (body: string, type: string) => () => new Response(body, { headers: { "content-type": type, "cache-control": "private, max-age=3600" } });
  app.get("/assets/admin.css", asset(ADMIN_CSS, "text/css; charset=utf-8"));
  app.get("/assets/htmx.min.js", asset(HTMX_JS, "text/javascript; charset=utf-8"));
  app.get("/assets/uplot.min.js", asset(UPLOT_JS, "text/javascript; charset=utf-8"));
  app.get("/assets/uplot.min.css", asset(UPLOT_CSS, "text/css; charset=utf-8"));
  app.get("/assets/dashboard.js", asset(DASHBOARD_JS, "text/javascript; charset=utf-8"));

  // A body is read whole before a route looks at it: bounded at sign-in (the form holds one token)
  // and, once the session is checked, for an admin (a broadcast's photo is the largest thing
  // sent), so no client can make the process hold hundreds of MB.
  const refuseLarge = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => refusalPage(c, deps, 413, "web-refused-too-large", c.get("admin")?.locale) });
  app.use("/signin", refuseLarge(SIGN_IN_MAX_BYTES));

  signInRoutes(app, deps, opts);

  app.use("*", requireAdmin(deps));
  app.use("*", refuseLarge(REQUEST_MAX_BYTES));
  signOutRoute(app, deps);
  homeRoutes(app, deps);
  userRoutes(app, deps);
  orderRoutes(app, deps);
  catalogRoutes(app, deps);
  receiptRoutes(app, deps);
  broadcastRoutes(app, deps);
  auditRoutes(app, deps);
  settingsRoutes(app, deps);

  app.notFound((c) => refusalPage(c, deps, 404, "web-not-found", c.get("admin")?.locale));
  app.onError((e, c) => {
    // The logger scrubs the token and key; the page says nothing about the error.
    deps.logger.error({ err: e, path: c.req.path }, "back-office request failed");
    return refusalPage(c, deps, 500, "web-error", c.get("admin")?.locale);
  });
  return app;
}

/** The node:http handler the process's server hands /admin requests to. */
export function webRequestListener(deps: WebDeps, opts: WebOptions = {}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const app = createWebApp(deps, opts);
  // overrideGlobalObjects: false keeps the process's own fetch/Request (grammY, undici) untouched.
  return getRequestListener(app.fetch, { overrideGlobalObjects: false });
}
