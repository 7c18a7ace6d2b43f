import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
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

  signInRoutes(app, deps, opts);

  app.use("*", requireAdmin(deps));
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
