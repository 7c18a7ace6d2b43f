import type { Hono } from "hono";
import type { Money } from "../../money.js";
import type { ShopService } from "../../catalog/shop.js";
import type { ChangeResult } from "../../services/shop-catalog.js";
import { formatDateTime } from "../../text/format.js";
import type { AdminView, WebDeps, WebEnv } from "../context.js";
import { CsrfField, Layout } from "../pages/layout.js";
import { Notice, PAGE_SIZE, Pager, money, pageOf } from "../pages/parts.js";
import { BASE } from "../urls.js";
import { CatalogUnavailableError } from "../../store/catalog.js";

const unlessUnavailable = (e: unknown): null => {
  if (e instanceof CatalogUnavailableError) return null;
  throw e;
};

const SHOW = ["all", "visible", "hidden"] as const;
type Show = (typeof SHOW)[number];
/** How many services one bulk action may change: a page's worth, ticked by hand. */
const BULK_MAX = 200;
const SERVICE_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Panel cost, shop price and margin of 1000 (or of the package), in the shop currency. */
function unitFigures(s: ShopService, exchangeRate: Money) {
  const cost = s.item.rate.mul(exchangeRate);
  const price = s.unit.unit;
  const margin = price.sub(cost);
  const percent = price.isZero() ? null : margin.div(price).mul(100).toDecimalPlaces(1);
  return { cost, price, margin, percent };
}

function ServiceRows(props: { admin: AdminView; services: ShopService[]; exchangeRate: Money; currency: string }) {
  const { admin, exchangeRate, currency } = props;
  const t = admin.t;
  return (
    <div class="scroll">
      <table id="services">
        <thead>
          <tr>
            <th>
              <span class="sr">{t("web-catalog-pick")}</span>
            </th>
            <th>#</th>
            <th>{t("web-catalog-service")}</th>
            <th>{t("web-catalog-category")}</th>
            <th class="num">{t("web-catalog-cost")}</th>
            <th class="num">{t("web-catalog-price")}</th>
            <th class="num">{t("web-catalog-margin")}</th>
            <th>{t("web-catalog-state")}</th>
          </tr>
        </thead>
        <tbody>
          {props.services.map((s) => {
            const f = unitFigures(s, exchangeRate);
            return (
              <tr id={`service-${s.id}`}>
                <td>
                  <input type="checkbox" name="ids" value={s.id} aria-label={t("web-catalog-pick-one", { id: s.id })} />
                </td>
                <td>{s.id}</td>
                <td>
                  {s.name(admin.locale)}
                  {s.unit.markupPercent && <span class="hint"> · {t("web-catalog-markup-is", { markup: s.unit.markupPercent.toFixed() })}</span>}
                </td>
                <td>{s.categoryKey}</td>
                <td class="num">{money(admin, f.cost, currency)}</td>
                <td class="num price">{money(admin, f.price, currency)}</td>
                <td class={`num ${f.margin.isNegative() ? "bad" : ""}`}>
                  {money(admin, f.margin, currency)}
                  {f.percent && ` (${f.percent.toFixed()} %)`}
                </td>
                <td>
                  <span class={`tag ${s.hidden ? "failed" : "placed"}`}>{s.atLoss ? t("web-catalog-at-loss") : s.hidden ? t("web-catalog-hidden") : t("web-catalog-visible")}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The shop's curation and pricing as tables, every change through the shop catalog service. */
export function catalogRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  const shop = deps.shop;

  app.get("/catalog", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const show: Show = (SHOW as readonly string[]).includes(c.req.query("show") ?? "") ? (c.req.query("show") as Show) : "all";
    const category = c.req.query("category") ?? "";
    const page = pageOf(c.req.query("page"));
    const [catalog, current, history] = await Promise.all([shop.get().catch(unlessUnavailable), shop.exchangeRate(), shop.rateHistory(10)]);
    if (catalog === null)
      // No exchange rate yet (a new shop in another currency) or the panel's list unreadable: the rate can still be set here.
      return c.html(
        <Layout admin={admin} section="/catalog" title={t("web-nav-catalog")}>
          <Notice kind="warn">{t(shop.converts && !current ? "web-catalog-unavailable-rate" : "web-catalog-unavailable")}</Notice>
          {c.req.query("error") && <Notice kind="warn">{t("shop-error", { error: c.req.query("error") ?? "" })}</Notice>}
          {shop.converts && <RateSection admin={admin} current={current} history={history} shop={shop} />}
        </Layout>,
      );
    let services = q !== "" ? await shop.search(q, 1000) : [...catalog.service.values()];
    if (category !== "") services = services.filter((s) => s.categoryKey === category);
    if (show !== "all") services = services.filter((s) => s.hidden === (show === "hidden"));
    const shown = services.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const error = c.req.query("error");
    const done = c.req.query("done");
    const href = (p: number) => `${BASE}/catalog?${new URLSearchParams({ q, show, category, page: String(p) }).toString()}`;
    const cur = shop.shopCurrency;
    return c.html(
      <Layout admin={admin} section="/catalog" title={t("web-nav-catalog")}>
        {error && (
          <Notice kind="warn">{error === "none_picked" ? t("web-catalog-none-picked") : error === "too_many" ? t("web-catalog-too-many", { max: BULK_MAX }) : t("shop-error", { error })}</Notice>
        )}
        {done && <Notice kind="ok">{t("web-catalog-done", { count: Number(done) || 0 })}</Notice>}
        {shop.converts && <RateSection admin={admin} current={current} history={history} shop={shop} />}

        <h2>{t("web-catalog-categories")}</h2>
        <div class="scroll">
          <table id="categories">
            <tbody>
              {catalog.allCategories.map((cat) => (
                <tr id={`category-${cat.key}`}>
                  <td>
                    <a href={`${BASE}/catalog?category=${encodeURIComponent(cat.key)}`}>{cat.name(admin.locale)}</a>
                  </td>
                  <td class="num">{t("web-catalog-category-count", { visible: cat.visibleServiceIds.length, all: cat.serviceIds.length })}</td>
                  <td>
                    <span class={`tag ${cat.hidden ? "failed" : "placed"}`}>{cat.hidden ? t("web-catalog-hidden") : t("web-catalog-visible")}</span>
                  </td>
                  <td>
                    <form method="post" action={`${BASE}/catalog/category`}>
                      <CsrfField admin={admin} />
                      <input type="hidden" name="key" value={cat.key} />
                      <button type="submit" name="hidden" value={cat.hidden ? "0" : "1"}>
                        {cat.hidden ? t("web-catalog-show-category") : t("web-catalog-hide-category")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2>{t("web-catalog-services")}</h2>
        <form method="get" action={`${BASE}/catalog`} class="filters">
          <label>
            {t("web-catalog-search")}
            <input type="search" name="q" value={q} />
          </label>
          <label>
            {t("web-catalog-show")}
            <select name="show">
              {SHOW.map((s) => (
                <option value={s} selected={s === show}>
                  {t("web-catalog-show-option", { show: s })}
                </option>
              ))}
            </select>
          </label>
          {category !== "" && <input type="hidden" name="category" value={category} />}
          <button type="submit">{t("web-search")}</button>
        </form>
        {shown.length === 0 ? (
          <p class="empty">{t("web-catalog-none")}</p>
        ) : (
          <form method="post" action={`${BASE}/catalog/services`}>
            <CsrfField admin={admin} />
            <ServiceRows admin={admin} services={shown} exchangeRate={catalog.exchangeRate} currency={cur} />
            <div class="row bulk">
              <label>
                {t("web-catalog-bulk")}
                <select name="action">
                  <option value="markup">{t("web-catalog-bulk-markup")}</option>
                  <option value="category">{t("web-catalog-bulk-category")}</option>
                  <option value="hide">{t("web-catalog-bulk-hide")}</option>
                  <option value="show">{t("web-catalog-bulk-show")}</option>
                </select>
              </label>
              <label>
                {t("web-catalog-markup")}
                <input name="markup" inputmode="decimal" maxlength={20} size={6} />
              </label>
              <button type="submit" class="primary">
                {t("web-catalog-apply")}
              </button>
            </div>
          </form>
        )}
        <Pager admin={admin} page={page} total={services.length} href={href} />
      </Layout>,
    );
  });

  const back = (c: { redirect: (u: string, s: 303) => Response }, r: ChangeResult | { ok: true; count: number }) =>
    c.redirect(`${BASE}/catalog?${r.ok ? `done=${"count" in r ? r.count : 1}` : `error=${r.error}`}`, 303);

  app.post("/catalog/rate", async (c) => {
    const admin = c.get("admin");
    const body = await c.req.parseBody();
    const text = typeof body.rate === "string" ? body.rate : "";
    return back(c, await shop.setExchangeRate({ id: admin.id, via: "web" }, text));
  });

  app.post("/catalog/category", async (c) => {
    const admin = c.get("admin");
    const body = await c.req.parseBody();
    const key = typeof body.key === "string" ? body.key : "";
    return back(c, await shop.setCategoryHidden({ id: admin.id, via: "web" }, key, body.hidden === "1"));
  });

  app.post("/catalog/services", async (c) => {
    const admin = c.get("admin");
    const body = await c.req.parseBody({ all: true });
    const raw = body.ids === undefined ? [] : Array.isArray(body.ids) ? body.ids : [body.ids];
    const ids = [...new Set(raw.filter((v): v is string => typeof v === "string" && SERVICE_ID.test(v)))];
    if (ids.length === 0 || ids.length > BULK_MAX) return c.redirect(`${BASE}/catalog?error=${ids.length === 0 ? "none_picked" : "too_many"}`, 303);
    const actor = { id: admin.id, via: "web" as const };
    const markup = typeof body.markup === "string" ? body.markup : "";
    const one = (id: string): Promise<ChangeResult> => {
      switch (body.action) {
        case "markup":
          return shop.setServicePrice(actor, id, { kind: "markup", text: markup });
        case "category":
          return shop.setServicePrice(actor, id, { kind: "category" });
        case "hide":
        case "show":
          return shop.setServiceHidden(actor, id, body.action === "hide");
        default:
          return Promise.resolve({ ok: false, error: "not_number" });
      }
    };
    // One by one: each change is validated and audited on its own; the first refusal stops the rest.
    let count = 0;
    for (const id of ids) {
      const r = await one(id);
      if (!r.ok) return back(c, r);
      count++;
    }
    return back(c, { ok: true, count });
  });
}

/** The exchange rate and its history (shown when the shop's currency is not the panel's), also when the catalog cannot be built without it. */
function RateSection(props: { admin: AdminView; current: Awaited<ReturnType<WebDeps["shop"]["exchangeRate"]>>; history: Awaited<ReturnType<WebDeps["shop"]["rateHistory"]>>; shop: WebDeps["shop"] }) {
  const { admin, current, history, shop } = props;
  const t = admin.t;
  const cur = shop.shopCurrency;
  return (
    <section class="card" id="rate">
      <h2>{t("web-catalog-rate")}</h2>
      <p>
        {current
          ? t("web-catalog-rate-now", { panelCurrency: shop.panelCurrency, rate: `${current.rate} ${cur}`, at: formatDateTime(current.at), by: String(current.by) })
          : t("web-catalog-rate-missing")}
      </p>
      <form method="post" action={`${BASE}/catalog/rate`} class="row">
        <CsrfField admin={admin} />
        <input name="rate" inputmode="decimal" maxlength={30} aria-label={t("web-catalog-rate-new")} placeholder={t("web-catalog-rate-new")} />
        <button type="submit">{t("web-catalog-rate-set")}</button>
      </form>
      {history.length > 0 && (
        <table>
          <tbody>
            {history.map((r) => (
              <tr>
                <td class="nowrap">{formatDateTime(r.at)}</td>
                <td class="num">{r.rate}</td>
                <td>{String(r.by)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
