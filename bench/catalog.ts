import { performance } from "node:perf_hooks";
import { categoriesKeyboard, serviceCardKeyboard, servicesKeyboard } from "../src/bot/keyboards/catalog.js";
import { buildShopCatalog, emptyCuration, type Curation, type ShopCatalog, type ShopService } from "../src/catalog/shop.js";
import type { PricingRules } from "../src/catalog/pricing.js";
import { D, isFlatPriceType } from "../src/money.js";
import { PanelClient } from "../src/panel/client.js";
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
  const sim = await startPanelSimulator({
    catalog: generateCatalog({ services: SERVICES, categories: 150 }),
    auto: false,
  });
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
    const panelCatalog = await store.get();
    const refreshMs = median(times);
    const rules = applyRules(panelCatalog);
    const catalog = rules.catalog;
    const pages = renderPages(catalog);
    const figures: Record<string, number | string> = {
      "refresh ms (median)": round(refreshMs),
      "refresh ms (max)": round(Math.max(...times)),
      "orderable services": catalog.service.size,
      "apply all rules ms (median)": round(rules.median, 2),
      "apply all rules ms (max)": round(rules.max, 2),
    };
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
      targets: [below("catalog refresh", refreshMs, 150, "ms"), below("apply all rules", rules.median, 50, "ms"), ...pages.map((p) => below(p.what, p.median, 1, "ms"))],
    };
  } finally {
    await panel.close();
    await sim.close();
    await unlinkByPrefix(redis, prefix);
    redis.disconnect();
  }
}

/**
 * The shop catalog built from the panel's list under a realistic set of rules: a third of the
 * categories with their own markup, a tenth of the services with a fixed price or own markup, a
 * rounding step, every fifth category renamed and some hidden: what the shop does after every
 * refresh or rule change.
 */
function applyRules(panel: Catalog): {
  catalog: ShopCatalog;
  median: number;
  max: number;
} {
  const categoryMarkupPercent: Record<string, string> = {};
  const service: Record<string, { fixedPrice?: string; markupPercent?: string }> = {};
  const curation: Curation = {
    ...emptyCuration(),
    categories: {},
    services: {},
  };
  const categories = curation.categories as Record<string, Curation["categories"][string]>;
  const services = curation.services as Record<string, Curation["services"][string]>;
  panel.categories.forEach((c, i) => {
    if (i % 3 === 0) categoryMarkupPercent[c.key] = "35";
    if (i % 5 === 0)
      categories[c.key] = {
        names: {
          en: `Shop ${c.name}`,
          uz: `Doʻkon ${c.name}`,
          ru: `Магазин ${c.name}`,
        },
        pin: i % 10 === 0 ? i : undefined,
      };
    if (i % 17 === 0) categories[c.key] = { ...categories[c.key], hidden: true };
  });
  [...panel.service.keys()].forEach((id, i) => {
    if (i % 10 === 0) service[id] = { fixedPrice: "2.5" };
    else if (i % 10 === 1) service[id] = { markupPercent: "50" };
    if (i % 7 === 0) services[id] = { hidden: true };
  });
  const rules: PricingRules = {
    globalMarkupPercent: "25",
    roundingStep: "100",
    minOrderPrice: "1000",
    minMarginPercent: "5",
    categoryMarkupPercent,
    service,
  };
  const build = () =>
    buildShopCatalog({
      fetchedAt: panel.fetchedAt,
      categories: panel.categories,
      services: panel.service,
      curation,
      rules,
      exchangeRate: new D("12650"),
    });
  for (let i = 0; i < 5; i++) build();
  const times: number[] = [];
  let catalog = build();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    catalog = build();
    times.push(performance.now() - t0);
  }
  return { catalog, median: median(times), max: Math.max(...times) };
}

/**
 * One page as features/order-walk.ts builds it: the text through i18n and the inline keyboard from
 * keyboards/catalog.ts. The positions are the costliest: the last category (the category lookup
 * of a service card scans every category before it), its last page, its last service.
 */
function renderPages(catalog: ShopCatalog): Array<{ what: string; median: number; p99: number }> {
  const i18n = createI18n("en");
  const locale = "en";
  const currency = "UZS";
  const money = (s: ShopService) => formatMoney(s.unit.unit, locale, currency);
  const category = catalog.categories.at(-1)!;
  const lastPage = Math.ceil(category.visibleServiceIds.length / 10) - 1;
  const shopService = catalog.service.get(category.visibleServiceIds.at(-1)!)!;
  const service = shopService.panel;

  const categoriesPage = () => {
    const { keyboard, page } = categoriesKeyboard(catalog, Math.ceil(catalog.categories.length / 10) - 1, locale);
    return [
      i18n.t(locale, "order-categories", {
        page: page.page + 1,
        pages: page.pages,
      }),
      keyboard,
    ];
  };
  const servicesPage = () => {
    const price = (s: ShopService) => (isFlatPriceType(s.panel.type) ? money(s) : i18n.t(locale, "order-price-per-1000", { price: money(s) }));
    const { keyboard, page } = servicesKeyboard(catalog, category, lastPage, locale, { price, back: i18n.t(locale, "order-back") });
    return [
      i18n.t(locale, "order-services", {
        category: escapeHtml(truncate(category.name(locale), 200)),
        page: page.page + 1,
        pages: page.pages,
      }),
      keyboard,
    ];
  };
  const servicePage = () => {
    const keyboard = serviceCardKeyboard(catalog, shopService, {
      order: i18n.t(locale, "order-button-order"),
      back: i18n.t(locale, "order-back"),
    });
    const flat = isFlatPriceType(service.type);
    const description = shopService.description(locale);
    const lines = [`<b>${escapeHtml(truncate(shopService.name(locale), 200))}</b>`, "", i18n.t(locale, flat ? "order-card-price-flat" : "order-card-price-per-1000", { price: money(shopService) })];
    if (!flat)
      lines.push(
        i18n.t(locale, "order-card-limits", {
          min: formatInt(service.min, locale),
          max: formatInt(service.max, locale),
        }),
      );
    lines.push(i18n.t(locale, service.refill ? "order-card-refill-yes" : "order-card-refill-no"), i18n.t(locale, service.cancel ? "order-card-cancel-yes" : "order-card-cancel-no"));
    if (description) lines.push("", escapeHtml(truncate(description, 3000)));
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
