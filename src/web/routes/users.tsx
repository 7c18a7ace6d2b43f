import type { Hono } from "hono";
import { D, parseUserAmount } from "../../money.js";
import { adminTopup, parseUserId } from "../../services/admin.js";
import { formatDateTime, formatInt } from "../../text/format.js";
import type { WebDeps, WebEnv } from "../context.js";
import { CsrfField, Layout } from "../pages/layout.js";
import { Facts, Notice, ONCE_RE, OnceField, PAGE_SIZE, Pager, money, pageOf } from "../pages/parts.js";
import { BASE } from "../urls.js";
import { OrderRows } from "./orders.js";

/** Outcomes the wallet form reports back after its redirect. */
const WALLET_NOTICES = { credited: "ok", debited: "ok", empty: "warn", repeated: "warn", invalid: "warn" } as const;
type WalletNotice = keyof typeof WALLET_NOTICES;

export function userRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  const { config } = deps;

  app.get("/users", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const q = (c.req.query("q") ?? "").trim();
    if (q !== "") {
      const id = parseUserId(q);
      const user = id !== null ? await deps.users.get(id) : await deps.users.byUsername(q);
      if (user) return c.redirect(`${BASE}/users/${user.id}`, 303);
    }
    return c.html(
      <Layout admin={admin} section="/users" title={t("web-nav-users")}>
        <form method="get" action={`${BASE}/users`} class="search">
          <input type="search" name="q" value={q} placeholder={t("web-users-search")} aria-label={t("web-users-search")} autofocus />
          <button type="submit">{t("web-search")}</button>
        </form>
        {q !== "" && <Notice kind="warn">{t("web-users-not-found", { query: q })}</Notice>}
      </Layout>,
    );
  });

  app.get("/users/:id", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const id = parseUserId(c.req.param("id"));
    const user = id === null ? null : await deps.users.get(id);
    if (!user) return c.notFound();
    const page = pageOf(c.req.query("page"));
    const [balance, ledger, ledgerTotal, orders] = await Promise.all([
      deps.wallet.balance(user.id),
      deps.wallet.entries(user.id, PAGE_SIZE, (page - 1) * PAGE_SIZE),
      deps.wallet.entryCount(user.id),
      deps.orders.listForUser(user.id, 0, 10),
    ]);
    const notice = c.req.query("notice") as WalletNotice | undefined;
    const cur = config.currency;
    return c.html(
      <Layout admin={admin} section="/users" title={t("web-user-title", { id: String(user.id) })}>
        {notice && notice in WALLET_NOTICES && <Notice kind={WALLET_NOTICES[notice]}>{t(`web-wallet-${notice}`)}</Notice>}
        <section class="card">
          <Facts
            rows={[
              [t("web-user-name"), [user.firstName ?? "—", user.username ? ` @${user.username}` : ""].join("")],
              [t("web-user-language"), user.locale ?? "—"],
              [t("web-user-blocked"), user.blocked ? t("web-yes") : t("web-no")],
              [t("web-user-created"), formatDateTime(user.createdAt)],
              [t("web-user-seen"), formatDateTime(user.lastSeenAt)],
              [t("web-user-balance"), <strong>{money(admin, balance, cur)}</strong>],
              [t("web-user-orders"), formatInt(orders.total, admin.locale)],
            ]}
          />
        </section>

        <section class="card">
          <h2>{t("web-wallet-title")}</h2>
          <form method="post" action={`${BASE}/users/${user.id}/wallet`} class="row">
            <CsrfField admin={admin} />
            <OnceField />
            <select name="direction" aria-label={t("web-wallet-direction")}>
              <option value="credit">{t("web-wallet-credit")}</option>
              <option value="debit">{t("web-wallet-debit")}</option>
            </select>
            <input name="amount" inputmode="decimal" required placeholder={t("web-wallet-amount", { currency: cur })} aria-label={t("web-wallet-amount", { currency: cur })} />
            <input name="note" maxlength={200} placeholder={t("web-wallet-note")} aria-label={t("web-wallet-note")} />
            <button type="submit" class="primary">
              {t("web-wallet-submit")}
            </button>
          </form>
          <p class="hint">{t("web-wallet-hint")}</p>
        </section>

        <section>
          <h2>{t("web-user-ledger")}</h2>
          {ledger.length === 0 ? (
            <p class="empty">{t("web-user-ledger-empty")}</p>
          ) : (
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th>{t("web-ledger-when")}</th>
                    <th class="num">{t("web-ledger-amount")}</th>
                    <th class="num">{t("web-ledger-balance")}</th>
                    <th>{t("web-ledger-reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.map((e) => (
                    <tr>
                      <td class="nowrap">{formatDateTime(e.at)}</td>
                      <td class="num">{money(admin, new D(e.amount), cur)}</td>
                      <td class="num">{money(admin, new D(e.balance), cur)}</td>
                      <td>
                        {e.orderId ? (
                          <a href={`${BASE}/orders/${e.orderId}`}>{t("admin-ledger-reason", { reason: e.reason, order: e.orderId, admin: "—" })}</a>
                        ) : (
                          t("admin-ledger-reason", { reason: e.reason, order: "—", admin: String(e.adminId ?? "—") })
                        )}
                        {e.orderId && e.adminId !== undefined && <small> · {t("web-ledger-by", { admin: String(e.adminId) })}</small>}
                        {e.note && <small> · {e.note}</small>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager admin={admin} page={page} total={ledgerTotal} href={(p) => `${BASE}/users/${user.id}?page=${p}`} />
        </section>

        <section>
          <h2>{t("web-user-latest-orders")}</h2>
          <OrderRows admin={admin} orders={orders.orders} currency={cur} />
        </section>
      </Layout>,
    );
  });

  // The same service function as /topup: never below zero, the user told, the ledger names the admin.
  app.post("/users/:id/wallet", async (c) => {
    const admin = c.get("admin");
    const id = parseUserId(c.req.param("id"));
    if (id === null) return c.notFound();
    const body = await c.req.parseBody();
    const back = (notice: WalletNotice) => c.redirect(`${BASE}/users/${id}?notice=${notice}`, 303);
    const amount = typeof body.amount === "string" ? parseUserAmount(body.amount) : null;
    const once = typeof body._once === "string" && ONCE_RE.test(body._once) ? body._once : null;
    const direction = body.direction === "debit" ? "debit" : body.direction === "credit" ? "credit" : null;
    if (!amount || amount.isZero() || !once || !direction) return back("invalid");
    const note = typeof body.note === "string" ? body.note : undefined;
    const signed = direction === "debit" ? amount.neg() : amount;
    const result = await adminTopup(deps, { adminId: admin.id, userId: id, amount: signed, requestKey: `web:${once}`, note });
    switch (result.outcome) {
      case "unknown_user":
        return c.notFound();
      case "repeated":
        return back("repeated");
      case "credited":
        await deps.audit.append({
          who: admin.id,
          what: `wallet.credit user:${id}`,
          old: result.balance.sub(result.amount).toFixed(),
          new: `${result.balance.toFixed()}${note ? ` (${note.slice(0, 200)})` : ""}`,
          via: "web",
        });
        return back("credited");
      case "debited":
        if (result.taken.isZero()) return back("empty");
        await deps.audit.append({
          who: admin.id,
          what: `wallet.debit user:${id}`,
          old: result.balance.add(result.taken).toFixed(),
          new: `${result.balance.toFixed()}${note ? ` (${note.slice(0, 200)})` : ""}`,
          via: "web",
        });
        return back("debited");
    }
  });
}
