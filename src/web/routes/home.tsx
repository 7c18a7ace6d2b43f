import type { Hono } from "hono";
import type { WebDeps, WebEnv } from "../context.js";
import { Layout } from "../pages/layout.js";
import { BASE } from "../urls.js";

/** The overview: what waits for an admin. The dashboard's charts come here once per-day counters exist. */
export function homeRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get("/", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const [unknown, receipts, activeBroadcasts] = await Promise.all([
      deps.orders.unknownIds(),
      deps.receipts.listPending(0, 1),
      deps.broadcasts.activeCount(),
    ]);
    const cards: Array<[string, number, string]> = [
      [t("web-home-unknown"), unknown.length, `${BASE}/orders`],
      [t("web-home-receipts"), receipts.total, `${BASE}/receipts`],
      [t("web-home-broadcasts"), activeBroadcasts, `${BASE}/broadcasts`],
    ];
    return c.html(
      <Layout admin={admin} section="/" title={t("web-nav-home")}>
        <div class="cards">
          {cards.map(([label, n, href]) => (
            <a class="card stat" href={href}>
              <strong>{n}</strong>
              <span>{label}</span>
            </a>
          ))}
        </div>
      </Layout>,
    );
  });
}
