import type { Hono } from "hono";
import { formatDateTime } from "../../text/format.js";
import type { WebDeps, WebEnv } from "../context.js";
import { Layout } from "../pages/layout.js";
import { PAGE_SIZE, Pager, pageOf } from "../pages/parts.js";
import { BASE } from "../urls.js";

export function auditRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get("/audit", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const page = pageOf(c.req.query("page"));
    const { entries, total } = await deps.audit.latest((page - 1) * PAGE_SIZE, PAGE_SIZE);
    return c.html(
      <Layout admin={admin} section="/audit" title={t("web-nav-audit")}>
        {entries.length === 0 ? (
          <p class="empty">{t("web-audit-empty")}</p>
        ) : (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th>{t("web-audit-when")}</th>
                  <th>{t("web-audit-who")}</th>
                  <th>{t("web-audit-what")}</th>
                  <th>{t("web-audit-change")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr>
                    <td class="nowrap">{formatDateTime(e.when)}</td>
                    <td>
                      <a href={`${BASE}/users/${e.who}`}>{e.who}</a> <small>({e.via})</small>
                    </td>
                    <td>
                      <code>{e.what}</code>
                    </td>
                    <td>
                      {e.old === "" ? "—" : e.old} → {e.new}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager admin={admin} page={page} total={total} href={(p) => `${BASE}/audit?page=${p}`} />
      </Layout>,
    );
  });
}
