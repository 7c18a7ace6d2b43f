import type { Hono } from "hono";
import { D } from "../../money.js";
import { PANEL_ORDER_ID, settleOrder, type SettleDecision } from "../../services/admin.js";
import { parseDay } from "../../services/export.js";
import { cancelRefusal, checkLiveStatus, refillRefusal, requestCancel, requestRefill, type ActionResult } from "../../services/order-actions.js";
import type { OrderStatus } from "../../panel/status.js";
import type { OrderFilter, OrderRecord, Placement } from "../../store/orders.js";
import { formatDateTime, formatInt } from "../../text/format.js";
import type { AdminView, WebDeps, WebEnv } from "../context.js";
import { CsrfField, Layout } from "../pages/layout.js";
import { Facts, Notice, PAGE_SIZE, money, pageOf } from "../pages/parts.js";
import { BASE } from "../urls.js";

/** Outcomes the order actions report back after their redirect, and how they look. */
const ORDER_NOTICES = {
  "settle-placed": "ok",
  "settle-refunded": "ok",
  "settle-not-unknown": "warn",
  "settle-panel-id-taken": "warn",
  "settle-invalid": "warn",
  "action-requested": "ok",
  "action-busy": "warn",
  "action-already": "warn",
  "action-refused": "warn",
  "action-unreachable": "warn",
  "action-unconfirmed": "warn",
  "action-not-allowed": "warn",
} as const;
type OrderNotice = keyof typeof ORDER_NOTICES;

const LOCAL_ID = /^#?\d{1,15}$/;
const USER_ID = /^\d{1,15}$/;
const SERVICE_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** A search text that is a link rather than an id: it has a dot or a slash. */
const LINK_LIKE = /[./]/;
/** An order's page: local ids are digits, so anything else (an encoded line break) is a 404 before a handler builds a redirect from it. */
const ORDER_PATH = "/orders/:id{[0-9]+}";
const STATUSES = ["pending", "in_progress", "processing", "completed", "partial", "canceled", "refunded", "failed", "active"] as const satisfies readonly OrderStatus[];
const PLACEMENTS = ["reserved", "sending", "placed", "failed", "unknown"] as const satisfies readonly Placement[];

/** A short table of orders, newest first. */
export function OrderRows(props: { admin: AdminView; orders: OrderRecord[]; currency: string }) {
  const t = props.admin.t;
  if (props.orders.length === 0) return <p class="empty">{t("web-orders-none")}</p>;
  return (
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{t("web-order-created")}</th>
            <th>{t("web-order-service")}</th>
            <th>{t("web-order-state")}</th>
            <th class="num">{t("web-order-price")}</th>
          </tr>
        </thead>
        <tbody>
          {props.orders.map((o) => (
            <tr>
              <td>
                <a href={`${BASE}/orders/${o.id}`}>#{o.id}</a>
              </td>
              <td class="nowrap">{formatDateTime(o.createdAt)}</td>
              <td>{o.serviceName}</td>
              <td>
                <span class={`tag ${o.placement}`}>{o.placement === "placed" ? t("admin-status", { status: o.status }) : t("admin-placement", { placement: o.placement })}</span>
              </td>
              <td class="num">{money(props.admin, new D(o.price), props.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function orderRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  const { config } = deps;

  app.get("/orders", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const q = (c.req.query("q") ?? "").trim();
    const form = {
      status: c.req.query("status") ?? "",
      placement: c.req.query("placement") ?? "",
      user: (c.req.query("user") ?? "").trim(),
      service: (c.req.query("service") ?? "").trim(),
      from: c.req.query("from") ?? "",
      to: c.req.query("to") ?? "",
    };
    const filter: OrderFilter = {};
    if (q !== "") {
      const local = LOCAL_ID.test(q) ? await deps.orders.get(q.replace("#", "")) : null;
      const order = local && local.placement !== "draft" ? local : PANEL_ORDER_ID.test(q) ? await deps.orders.byPanelId(q) : null;
      if (order) return c.redirect(`${BASE}/orders/${order.id}`, 303);
      if (LINK_LIKE.test(q)) filter.link = q;
    }
    const problems: string[] = [];
    if ((STATUSES as readonly string[]).includes(form.status)) filter.status = form.status as OrderStatus;
    if ((PLACEMENTS as readonly string[]).includes(form.placement)) filter.placement = form.placement as Placement;
    if (form.user !== "") {
      if (USER_ID.test(form.user)) filter.userId = Number(form.user);
      else problems.push(t("web-orders-bad-user"));
    }
    if (form.service !== "") {
      if (SERVICE_ID.test(form.service)) filter.serviceId = form.service;
      else problems.push(t("web-orders-bad-service"));
    }
    for (const [field, raw] of [
      ["from", form.from],
      ["to", form.to],
    ] as const) {
      if (raw === "") continue;
      // A day that does not exist (2024-02-31) is refused, not rolled over into March.
      const ms = parseDay(raw);
      if (ms === null) problems.push(t("web-orders-bad-date", { date: raw }));
      // "to" takes the whole day.
      else filter[field] = field === "to" ? ms + 86_400_000 : ms;
    }
    const cursor = pageOf(c.req.query("at")) - 1;
    const page = problems.length > 0 || (q !== "" && !filter.link) ? null : await deps.orders.search(filter, { cursor, limit: PAGE_SIZE });
    const query = (at: number) => {
      const p = new URLSearchParams({ ...(q ? { q } : {}), ...Object.fromEntries(Object.entries(form).filter(([, v]) => v !== "")) });
      if (at > 0) p.set("at", String(at + 1));
      return `${BASE}/orders?${p.toString()}`;
    };
    return c.html(
      <Layout admin={admin} section="/orders" title={t("web-nav-orders")}>
        <form method="get" action={`${BASE}/orders`} class="filters">
          <label>
            {t("web-orders-search-label")}
            <input type="search" name="q" value={q} placeholder={t("web-orders-search")} aria-label={t("web-orders-search-label")} />
          </label>
          <label>
            {t("web-order-status")}
            <select name="status">
              <option value="">{t("web-orders-any")}</option>
              {STATUSES.map((s) => (
                <option value={s} selected={form.status === s}>
                  {t("admin-status", { status: s })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("web-order-state")}
            <select name="placement">
              <option value="">{t("web-orders-any")}</option>
              {PLACEMENTS.map((p) => (
                <option value={p} selected={form.placement === p}>
                  {t("admin-placement", { placement: p })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("web-order-user")}
            <input name="user" value={form.user} inputmode="numeric" size={12} />
          </label>
          <label>
            {t("web-orders-service-id")}
            <input name="service" value={form.service} size={8} />
          </label>
          <label>
            {t("web-orders-from")}
            <input type="date" name="from" value={form.from} />
          </label>
          <label>
            {t("web-orders-to")}
            <input type="date" name="to" value={form.to} />
          </label>
          <button type="submit">{t("web-search")}</button>
        </form>
        {problems.map((p) => (
          <Notice kind="warn">{p}</Notice>
        ))}
        {q !== "" && !filter.link && <Notice kind="warn">{t("web-orders-not-found", { query: q })}</Notice>}
        {filter.placement === "unknown" && <p class="hint">{t("web-orders-unknown-hint")}</p>}
        {page && (
          <>
            <OrderRows admin={admin} orders={page.orders} currency={config.currency} />
            <nav class="pager">
              {cursor > 0 ? <a href={query(0)}>{t("web-orders-newest")}</a> : <span />}
              <span>{t("web-orders-indexed", { count: page.indexed })}</span>
              {page.next !== null ? <a href={query(page.next)}>{t("web-page-next")}</a> : <span />}
            </nav>
          </>
        )}
      </Layout>,
    );
  });

  app.get(ORDER_PATH, async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const order = await deps.orders.get(c.req.param("id"));
    if (!order || order.placement === "draft") return c.notFound();
    const [user, ledger] = await Promise.all([deps.users.get(order.userId), deps.wallet.entries(order.userId, 200)]);
    const cur = config.currency;
    const notice = c.req.query("notice") as OrderNotice | undefined;
    const events: Array<[number | undefined, string]> = [[order.createdAt, t("web-timeline-created")]];
    for (const e of ledger.filter((e) => e.orderId === order.id).reverse()) {
      events.push([e.at, t(e.amount.startsWith("-") ? "web-timeline-charged" : "web-timeline-refunded", { amount: money(admin, new D(e.amount).abs(), cur) })]);
    }
    if (order.placedAt) events.push([order.placedAt, t("web-timeline-placed", { panelId: order.panelOrderId ?? "—" })]);
    if (order.placement === "placed") events.push([order.updatedAt, t("web-timeline-status", { status: order.statusRaw ?? order.status })]);
    if (order.placement === "unknown" || order.placement === "failed") events.push([order.updatedAt, t(`web-timeline-${order.placement}`, { reason: order.failReason ?? "—" })]);
    if (order.refillId) events.push([undefined, t("web-timeline-refill", { refill: order.refillId, status: order.refillStatus ?? "—" })]);
    events.sort((a, b) => (a[0] ?? Infinity) - (b[0] ?? Infinity));
    const canRefill = refillRefusal(order) === null;
    const canCancel = cancelRefusal(order) === null;
    return c.html(
      <Layout admin={admin} section="/orders" title={t("web-order-title", { id: order.id })}>
        {notice && notice in ORDER_NOTICES && <Notice kind={ORDER_NOTICES[notice]}>{t(`web-notice-${notice}`)}</Notice>}
        <section class="card">
          <Facts
            rows={[
              [t("web-order-user"), <a href={`${BASE}/users/${order.userId}`}>{[String(order.userId), user?.firstName, user?.username ? `@${user.username}` : ""].filter(Boolean).join(" ")}</a>],
              [t("web-order-service"), `${order.serviceName} (${order.serviceId})`],
              [t("web-order-link"), <span class="break">{order.link}</span>],
              [t("web-order-quantity"), formatInt(order.quantity, admin.locale)],
              [t("web-order-price"), money(admin, new D(order.price), cur)],
              [t("web-order-state"), <span class={`tag ${order.placement}`}>{t("admin-placement", { placement: order.placement })}</span>],
              [t("web-order-panel-id"), order.panelOrderId ?? "—"],
              [t("web-order-status"), order.placement === "placed" ? `${t("admin-status", { status: order.status })}${order.statusRaw ? ` (${order.statusRaw})` : ""}` : "—"],
              [t("web-order-progress"), `${order.startCount ?? "—"} / ${order.remains ?? "—"}`],
              [t("web-order-charge"), order.charge ? money(admin, new D(order.charge), cur) : "—"],
              [t("web-order-refunded"), order.refunded ? money(admin, new D(order.refunded), cur) : "—"],
            ]}
          />
        </section>

        <section>
          <h2>{t("web-order-timeline")}</h2>
          <ol class="timeline">
            {events.map(([at, text]) => (
              <li>
                <time>{formatDateTime(at)}</time> {text}
              </li>
            ))}
          </ol>
        </section>

        <section class="card">
          <h2>{t("web-order-actions")}</h2>
          {order.placement === "unknown" && (
            <form method="post" action={`${BASE}/orders/${order.id}/settle`} class="row">
              <CsrfField admin={admin} />
              <p class="hint">{t("web-settle-hint")}</p>
              <input name="panelId" maxlength={64} placeholder={t("web-settle-panel-id")} aria-label={t("web-settle-panel-id")} />
              <button type="submit" name="decision" value="placed" class="primary">
                {t("web-settle-placed")}
              </button>
              <button type="submit" name="decision" value="refund" class="danger">
                {t("web-settle-refund")}
              </button>
            </form>
          )}
          <div class="row">
            {canRefill && (
              <form method="post" action={`${BASE}/orders/${order.id}/refill`}>
                <CsrfField admin={admin} />
                <button type="submit">{t("web-order-refill")}</button>
              </form>
            )}
            {canCancel && (
              <form method="post" action={`${BASE}/orders/${order.id}/cancel`}>
                <CsrfField admin={admin} />
                <button type="submit" class="danger">
                  {t("web-order-cancel")}
                </button>
              </form>
            )}
            {order.panelOrderId && (
              <button type="button" hx-get={`${BASE}/orders/${order.id}/live`} hx-target="#live" hx-swap="innerHTML">
                {t("web-order-check")}
              </button>
            )}
          </div>
          <div id="live" aria-live="polite"></div>
        </section>
      </Layout>,
    );
  });

  // A read: what the panel says now (the poller acts on a change).
  app.get(`${ORDER_PATH}/live`, async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const order = await deps.orders.get(c.req.param("id"));
    if (!order) return c.notFound();
    const r = await checkLiveStatus(deps, order.userId, order.id);
    switch (r.outcome) {
      case "checked":
        return c.html(
          <p class="notice ok">
            {t("web-live-status", {
              status: r.live.statusRaw,
              remains: r.live.remains === null ? "—" : String(r.live.remains),
              charge: r.live.charge === null ? "—" : money(admin, r.live.charge, config.currency),
            })}
          </p>,
        );
      case "refused":
        return c.html(<p class="notice warn">{t("web-live-refused", { message: r.panelMessage })}</p>);
      case "unreachable":
        return c.html(<p class="notice warn">{t("web-live-unreachable")}</p>);
      default:
        return c.html(<p class="notice warn">{t("web-live-not-placed")}</p>);
    }
  });

  // The same function as /settle: the customer is told either way.
  app.post(`${ORDER_PATH}/settle`, async (c) => {
    const admin = c.get("admin");
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const back = (notice: OrderNotice) => c.redirect(`${BASE}/orders/${id}?notice=${notice}`, 303);
    const panelId = typeof body.panelId === "string" ? body.panelId.trim() : "";
    const decision: SettleDecision | null = body.decision === "refund" ? "refund" : body.decision === "placed" && PANEL_ORDER_ID.test(panelId) ? { panelOrderId: panelId } : null;
    if (!decision) return back("settle-invalid");
    const result = await settleOrder(deps, { orderId: id, decision, adminId: admin.id });
    switch (result.outcome) {
      case "not_found":
        return c.notFound();
      case "not_unknown":
        return back("settle-not-unknown");
      case "panel_id_taken":
        return back("settle-panel-id-taken");
      case "placed":
        await deps.audit.append({ who: admin.id, what: `order.settle order:${id}`, old: "unknown", new: `placed (panel ${result.panelOrderId})`, via: "web" });
        return back("settle-placed");
      case "refunded":
        await deps.audit.append({ who: admin.id, what: `order.settle order:${id}`, old: "unknown", new: `refunded ${result.order.price}`, via: "web" });
        return back("settle-refunded");
    }
  });

  for (const action of ["refill", "cancel"] as const) {
    app.post(`${ORDER_PATH}/${action}`, async (c) => {
      const admin = c.get("admin");
      const order = await deps.orders.get(c.req.param("id"));
      if (!order || order.placement === "draft") return c.notFound();
      // The customer's own action, done for them: the same checks, lock and panel call.
      const result: ActionResult = action === "refill" ? await requestRefill(deps, order.userId, order.id) : await requestCancel(deps, order.userId, order.id);
      const notice: OrderNotice =
        result.outcome === "requested"
          ? "action-requested"
          : result.outcome === "busy"
            ? "action-busy"
            : result.outcome === "already_requested"
              ? "action-already"
              : result.outcome === "refused"
                ? "action-refused"
                : result.outcome === "unreachable"
                  ? "action-unreachable"
                  : result.outcome === "unconfirmed"
                    ? "action-unconfirmed"
                    : "action-not-allowed";
      if (result.outcome === "requested" || result.outcome === "unconfirmed") {
        await deps.audit.append({ who: admin.id, what: `order.${action} order:${order.id}`, old: order.status, new: `${action} ${result.outcome}`, via: "web" });
      }
      return c.redirect(`${BASE}/orders/${order.id}?notice=${notice}`, 303);
    });
  }
}
