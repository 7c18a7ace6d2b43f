import { performance } from "node:perf_hooks";
import { categoriesKeyboard, serviceCardKeyboard, servicesKeyboard } from "../src/bot/keyboards/catalog.js";
import { isFlatPriceType, unitPrice } from "../src/money.js";
import { PanelClient } from "../src/panel/client.js";
import type { PanelService } from "../src/panel/schemas.js";
import { generateCatalog } from "../src/panel/simulator/catalog.js";
import { startPanelSimulator } from "../src/panel/simulator/server.js";
import { CatalogStore, type Catalog } from "../src/store/catalog.js";
import { createRedis } from "../src/store/redis.js";
import { below, median, percentile, round, type BenchResult } from "./lib.js";
import { unlinkByPrefix } from "../test/support/redis.js";
import { escapeHtml, truncate } from "../src/text/html.js";
import { createI18n } from "../src/text/i18n.js";
import { formatInt, formatMoney } from "../src/text/format.js";

const SERVICES = 5_000;
const RUNS = 20;
/** renders of each page, after as many for warm-up */
const RENDERS = 2_000;

/** Fetch + validate + index + cache a 5,000-service catalog from the simulator over HTTP. */
export async function catalogBench(redisUrl: string): Promise<BenchResult> {
  const sim = await startPanelSimulator({ catalog: generateCatalog({ services: SERVICES, categories: 150 }), auto: false });
  const redis = createRedis(redisUrl);
  const prefix = `bench:catalog:${process.pid}:`;
  const panel = new PanelClient({ url: sim.url, key: sim.apiKey });
  const store = new CatalogStore(redis, prefix, panel, { refreshMs: 60_000 });
  try {
    await store.refresh(); // warm-up: connections, JIT
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await store.refresh();
      times.push(performance.now() - t0);
    }
    const catalog = await store.get();
    const refreshMs = median(times);
    const pages = renderPages(catalog);
    const figures: Record<string, number | string> = { "refresh ms (median)": round(refreshMs), "refresh ms (max)": round(Math.max(...times)), "orderable services": catalog.service.size };
    for (const p of pages) {
      figures[`${p.what} ms (median)`] = round(p.median, 4);
      figures[`${p.what} ms (p99)`] = round(p.p99, 4);
    }
    return {
      name: "catalog",
      setup:
        `${SERVICES} services in ${catalog.categories.length} orderable categories from the simulator over HTTP, median of ${RUNS} refreshes; ` +
        `pages rendered ${RENDERS} times each after ${RENDERS} warm-up renders (text through i18n + inline keyboard, as the order handlers build them; the last category, its last page, its last service)`,
      figures,
      targets: [below("catalog refresh", refreshMs, 150, "ms"), ...pages.map((p) => below(p.what, p.median, 1, "ms"))],
    };
  } finally {
    await panel.close();
    await sim.close();
    await unlinkByPrefix(redis, prefix);
    redis.disconnect();
  }
}

/**
 * One page as features/order-walk.ts builds it: the text through i18n and the inline keyboard from
 * keyboards/catalog.ts. The positions are the costliest: the last category (the category lookup
 * of a service card scans every category before it), its last page, its last service.
 */
function renderPages(catalog: Catalog): Array<{ what: string; median: number; p99: number }> {
  const i18n = createI18n("en");
  const locale = "en";
  const currency = "USD";
  const markup = "0";
  const money = (s: PanelService) => formatMoney(unitPrice(s.rate, markup), locale, currency);
  const category = catalog.categories.at(-1)!;
  const lastPage = Math.ceil(category.serviceIds.length / 10) - 1;
  const service = catalog.service.get(category.serviceIds.at(-1)!)!;

  const categoriesPage = () => {
    const { keyboard, page } = categoriesKeyboard(catalog, Math.ceil(catalog.categories.length / 10) - 1);
    return [i18n.t(locale, "order-categories", { page: page.page + 1, pages: page.pages }), keyboard];
  };
  const servicesPage = () => {
    const price = (s: PanelService) => (isFlatPriceType(s.type) ? money(s) : i18n.t(locale, "order-price-per-1000", { price: money(s) }));
    const { keyboard, page } = servicesKeyboard(catalog, category, lastPage, { price, back: i18n.t(locale, "order-back") });
    return [i18n.t(locale, "order-services", { category: escapeHtml(truncate(category.name, 200)), page: page.page + 1, pages: page.pages }), keyboard];
  };
  const servicePage = () => {
    const keyboard = serviceCardKeyboard(catalog, service, { order: i18n.t(locale, "order-button-order"), back: i18n.t(locale, "order-back") });
    const flat = isFlatPriceType(service.type);
    const lines = [`<b>${escapeHtml(truncate(service.name, 200))}</b>`, "", i18n.t(locale, flat ? "order-card-price-flat" : "order-card-price-per-1000", { price: money(service) })];
    if (!flat) lines.push(i18n.t(locale, "order-card-limits", { min: formatInt(service.min, locale), max: formatInt(service.max, locale) }));
    lines.push(i18n.t(locale, service.refill ? "order-card-refill-yes" : "order-card-refill-no"), i18n.t(locale, service.cancel ? "order-card-cancel-yes" : "order-card-cancel-no"));
    if (service.description) lines.push("", escapeHtml(truncate(service.description, 3000)));
    return [lines.join("\n"), keyboard];
  };

  const measure = (what: string, render: () => unknown[]) => {
    let sink = 0;
    for (let i = 0; i < RENDERS; i++) sink += render().length;
    const times: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const t0 = performance.now();
      sink += render().length;
      times.push(performance.now() - t0);
    }
    if (sink === 0) throw new Error("nothing rendered");
    times.sort((a, b) => a - b);
    return { what, median: percentile(times, 50), p99: percentile(times, 99) };
  };
  return [measure("categories page render", categoriesPage), measure("category page render", servicesPage), measure("service page render", servicePage)];
}
