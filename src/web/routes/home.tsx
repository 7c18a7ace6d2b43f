import type { Hono } from "hono";
import type { Money } from "../../money.js";
import { PanelError } from "../../panel/errors.js";
import { statsSeries, type MoneyFlows, type MoneyLine, type StatsSeries } from "../../services/stats.js";
import { BONUS_KINDS, TOPUP_METHODS } from "../../store/stats.js";
import { formatInt } from "../../text/format.js";
import type { AdminView, WebDeps, WebEnv } from "../context.js";
import { Layout } from "../pages/layout.js";
import { Notice, money } from "../pages/parts.js";
import { BASE } from "../urls.js";

/** The periods the dashboard offers, in days. */
export const DASHBOARD_RANGES = [7, 30, 90] as const;
const PANEL_BALANCE_MS = 3_000;

/**
 * What one chart draws: the days (YYYY-MM-DD) and one value per day. Money goes as a decimal
 * string and becomes a float only in the browser, for drawing.
 */
export interface ChartData {
  label: string;
  days: string[];
  values: Array<number | string>;
}

export function chartData(series: StatsSeries, label: string, pick: (d: StatsSeries["days"][number]) => number | Money): ChartData {
  return {
    label,
    days: series.days.map((d) => d.day),
    values: series.days.map((d) => {
      const v = pick(d);
      return typeof v === "number" ? v : v.toFixed(2);
    }),
  };
}

type PanelBalance = { outcome: "ok"; balance: Money; currency: string } | { outcome: "refused"; message: string } | { outcome: "unreachable" };

async function panelBalance(deps: WebDeps): Promise<PanelBalance> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      deps.panel.balance(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("panel balance timed out")), PANEL_BALANCE_MS);
      }),
    ]);
    return { outcome: "ok", balance: answer.balance, currency: answer.currency?.trim() || deps.config.currency };
  } catch (e) {
    return e instanceof PanelError ? { outcome: "refused", message: e.panelMessage.slice(0, 200) } : { outcome: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

/** A chart: the static dashboard script draws it from data-chart (an attribute, never executed). */
function Chart(props: { id: string; data: ChartData }) {
  return (
    <figure class="chart card">
      <figcaption>{props.data.label}</figcaption>
      <div id={props.id} class="chart-box" data-chart={JSON.stringify(props.data)}></div>
    </figure>
  );
}

function BalanceCard(props: { admin: AdminView; panel: PanelBalance; wallets: Money; currency: string }) {
  const { admin, panel, wallets, currency } = props;
  const t = admin.t;
  return (
    <section class="card" id="balance">
      <h2>{t("web-dash-balance")}</h2>
      <p>
        {t("web-dash-panel-balance")}: <strong>{panel.outcome === "ok" ? money(admin, panel.balance, panel.currency) : "—"}</strong>
        {" · "}
        {t("web-dash-wallets")}: <strong>{money(admin, wallets, currency)}</strong>
      </p>
      {panel.outcome === "refused" && <Notice kind="warn">{t("web-dash-panel-refused", { message: panel.message })}</Notice>}
      {panel.outcome === "unreachable" && <Notice kind="warn">{t("web-dash-panel-unreachable")}</Notice>}
      {panel.outcome === "ok" && panel.currency.toUpperCase() !== currency.toUpperCase() && <Notice kind="warn">{t("web-dash-panel-currency", { panelCurrency: panel.currency, currency })}</Notice>}
      {panel.outcome === "ok" && panel.currency.toUpperCase() === currency.toUpperCase() && panel.balance.lt(wallets) && (
        <Notice kind="warn">{t("web-dash-balance-low", { shortfall: money(admin, wallets.sub(panel.balance), currency) })}</Notice>
      )}
    </section>
  );
}

/** Top-ups by method over the period and all time; bonuses and Stars given back apart, as they are not money coming in. */
function TopupsCard(props: { admin: AdminView; days: number; money: StatsSeries["money"]; currency: string }) {
  const { admin, days, currency } = props;
  const { period, total } = props.money;
  const t = admin.t;
  const cell = (line: MoneyLine, stars?: number) => (
    <td class="num">
      <strong>{money(admin, line.amount, currency)}</strong> <span class="hint">× {formatInt(line.count, admin.locale)}</span>
      {stars !== undefined && stars > 0 && <span class="hint"> · {formatInt(stars, admin.locale)} ⭐</span>}
    </td>
  );
  const row = (kind: string, pick: (f: MoneyFlows) => MoneyLine, stars?: (f: MoneyFlows) => number) => (
    <tr data-kind={kind}>
      <td>{t("admin-money-kind", { kind })}</td>
      {cell(pick(period), stars?.(period))}
      {cell(pick(total), stars?.(total))}
    </tr>
  );
  return (
    <section class="card" id="topups">
      <h2>{t("web-dash-topups")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("web-dash-topups-method")}</th>
            <th class="num">{t("web-dash-topups-period", { days })}</th>
            <th class="num">{t("web-dash-topups-all")}</th>
          </tr>
        </thead>
        <tbody>
          {TOPUP_METHODS.map((m) => row(m, (f) => f.topups[m], m === "stars" ? (f) => f.starsPaid : undefined))}
          <tr data-kind="all">
            <th>{t("web-dash-topups-total")}</th>
            {cell(period.topupsTotal)}
            {cell(total.topupsTotal)}
          </tr>
        </tbody>
        <tbody>
          <tr>
            <th colspan={3}>{t("web-dash-topups-others")}</th>
          </tr>
          {row(
            "refund",
            (f) => f.starsRefunds,
            (f) => f.starsRefunds.stars,
          )}
          {BONUS_KINDS.map((k) => row(k, (f) => f.bonuses[k]))}
        </tbody>
      </table>
      <p class="hint">{t("web-dash-topups-note")}</p>
    </section>
  );
}

/** The dashboard: trends from the per-day counters, what is open, what waits for an admin. */
export function homeRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get("/", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const asked = Number(c.req.query("days"));
    const days = (DASHBOARD_RANGES as readonly number[]).includes(asked) ? asked : 30;
    const [series, unknown, receipts, activeBroadcasts, wallets, panel, catalog] = await Promise.all([
      statsSeries(deps, { days, topServices: 10 }),
      deps.orders.unknownIds(),
      deps.receipts.listPending(0, 1),
      deps.broadcasts.activeCount(),
      deps.wallet.total(),
      panelBalance(deps),
      deps.catalog.get().catch(() => null),
    ]);
    const cur = deps.config.currency;
    const cards: Array<[string, number, string]> = [
      [t("web-home-unknown"), unknown.length, `${BASE}/orders?placement=unknown`],
      [t("web-home-receipts"), receipts.total, `${BASE}/receipts`],
      [t("web-home-broadcasts"), activeBroadcasts, `${BASE}/broadcasts`],
    ];
    const open = Object.entries(series.openByStatus).sort((a, b) => b[1] - a[1]);
    return c.html(
      <Layout admin={admin} section="/" title={t("web-nav-home")} scripts={["uplot.min.js", "dashboard.js"]} styles={["uplot.min.css"]}>
        <div class="cards">
          {cards.map(([label, n, href]) => (
            <a class="card stat" href={href}>
              <strong>{n}</strong>
              <span>{label}</span>
            </a>
          ))}
        </div>
        <BalanceCard admin={admin} panel={panel} wallets={wallets} currency={cur} />
        <nav class="ranges" aria-label={t("web-dash-range")}>
          {DASHBOARD_RANGES.map((d) => (
            <a href={`${BASE}/?days=${d}`} class={d === days ? "current" : undefined} aria-current={d === days ? "page" : undefined}>
              {t("web-dash-days", { days: d })}
            </a>
          ))}
        </nav>
        {!series.complete && <Notice kind="warn">{t("web-dash-partial")}</Notice>}
        <div class="charts">
          <Chart id="chart-orders" data={chartData(series, t("web-dash-orders"), (d) => d.placed)} />
          <Chart id="chart-turnover" data={chartData(series, t("web-dash-turnover", { currency: cur }), (d) => d.totals.turnover)} />
          <Chart id="chart-margin" data={chartData(series, t("web-dash-margin", { currency: cur }), (d) => d.totals.margin)} />
          <Chart id="chart-topups" data={chartData(series, t("web-dash-topups-chart", { currency: cur }), (d) => d.money.topupsTotal.amount)} />
        </div>
        <TopupsCard admin={admin} days={days} money={series.money} currency={cur} />
        <div class="cols">
          <section class="card">
            <h2>{t("web-dash-open")}</h2>
            {open.length === 0 ? (
              <p class="empty">{t("web-dash-open-none")}</p>
            ) : (
              <table>
                <tbody>
                  {open.map(([status, n]) => (
                    <tr>
                      <td>
                        <a href={`${BASE}/orders?status=${status}`}>{t("admin-status", { status })}</a>
                      </td>
                      <td class="num">{formatInt(n, admin.locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section class="card">
            <h2>{t("web-dash-top-services", { days })}</h2>
            {series.topServices.length === 0 ? (
              <p class="empty">{t("web-dash-top-none")}</p>
            ) : (
              <table>
                <tbody>
                  {series.topServices.map((s) => (
                    <tr>
                      <td>
                        <a href={`${BASE}/orders?service=${encodeURIComponent(s.serviceId)}`}>{catalog?.service.get(s.serviceId)?.name ?? `#${s.serviceId}`}</a>
                      </td>
                      <td class="num">{formatInt(s.orders, admin.locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </Layout>,
    );
  });
}
