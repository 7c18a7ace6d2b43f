import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isOrderable } from "../../src/catalog/shop.js";
import { D, partialRefund } from "../../src/money.js";
import { serviceSchema } from "../../src/panel/schemas.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { placeOrder } from "../../src/services/placement.js";
import { ShopCatalogService, VERSION_FRESH_MS, ShopCurrencyChangedError, type Actor } from "../../src/services/shop-catalog.js";
import { categoryKey } from "../../src/store/catalog.js";
import { ShopSettingsStore } from "../../src/store/shop.js";
import { escapeHtml } from "../../src/text/html.js";
import { startHarness, type Harness } from "../support/harness.js";

const ADMIN = 6161;
const admin: Actor = { id: ADMIN, via: "telegram" };
const catalog = generateCatalog({ seed: 3 });
const svc = catalog.find((s) => s.type === "Default")!;

describe("the shop service (USD shop)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, startBot: false, env: { ADMIN_IDS: String(ADMIN), PRICE_MARKUP_PERCENT: "10" } });
    await h.deps.users.setLocale(ADMIN, "en");
  });
  afterAll(async () => h.stop());

  it("refuses a mistyped number with a reason and changes nothing; a good one is applied and audited (old → new)", async () => {
    const before = await h.deps.shop.get();
    expect(await h.deps.shop.setGlobalMarkup(admin, "abc")).toEqual({ ok: false, error: "not_number" });
    expect(await h.deps.shop.setGlobalMarkup(admin, "99999")).toEqual({ ok: false, error: "too_big" });
    expect(await h.deps.shop.setServicePrice(admin, svc.service, { kind: "fixed", text: "0" })).toEqual({ ok: false, error: "not_positive" });
    expect(await h.deps.shop.setServicePrice(admin, "no-such", { kind: "markup", text: "5" })).toEqual({ ok: false, error: "unknown_service" });
    expect((await h.deps.shop.auditPage(0, 10)).total).toBe(0);
    expect(await h.deps.shop.get()).toBe(before);

    expect(await h.deps.shop.setGlobalMarkup(admin, "12,5")).toEqual({ ok: true });
    const { entries } = await h.deps.shop.auditPage(0, 10);
    expect(entries[0]).toMatchObject({ who: ADMIN, what: "pricing.markup", old: "", new: "12.5", via: "telegram" });
    expect(typeof entries[0]!.when).toBe("number");
    const after = await h.deps.shop.get();
    expect(after).not.toBe(before);
    expect(after.service.get(svc.service)!.unit.unit.toFixed()).toBe(new D(svc.rate).mul("1.125").toDecimalPlaces(5, D.ROUND_CEIL).toFixed());
  });

  it("another process sees a change at its next fresh look, and within VERSION_FRESH_MS at any look (the version counter)", async () => {
    const other = new ShopCatalogService({ config: h.config, catalog: h.deps.catalog, settings: new ShopSettingsStore(h.redis.redis, h.config.redis.prefix), audit: h.deps.audit });
    const first = await other.get();
    expect(first.service.get(svc.service)!.unit.source).toBe("global");
    await h.deps.shop.setServicePrice(admin, svc.service, { kind: "markup", text: "50" });
    try {
      // The process that made the change sees it at once.
      expect((await h.deps.shop.get()).service.get(svc.service)!.unit).toMatchObject({ source: "service" });
      expect((await other.get({ fresh: true })).service.get(svc.service)!.unit).toMatchObject({ source: "service" });
      await h.deps.shop.setServicePrice(admin, svc.service, { kind: "category" });
      await new Promise((r) => setTimeout(r, VERSION_FRESH_MS + 50));
      expect((await other.get()).service.get(svc.service)!.unit.source).toBe("global");
    } finally {
      await h.deps.shop.setServicePrice(admin, svc.service, { kind: "category" });
    }
  });

  it("builds once for callers who arrive together, and again for a caller who read a newer version", async () => {
    const settings = new ShopSettingsStore(h.redis.redis, h.config.redis.prefix);
    const loads = vi.spyOn(settings, "load");
    const other = new ShopCatalogService({ config: h.config, catalog: h.deps.catalog, settings, audit: h.deps.audit });
    const built = await Promise.all(Array.from({ length: 20 }, () => other.get()));
    expect(loads).toHaveBeenCalledTimes(1);
    expect(new Set(built).size).toBe(1);
    await h.deps.shop.setServicePrice(admin, svc.service, { kind: "markup", text: "50" });
    try {
      const [fresh] = await Promise.all([other.get({ fresh: true }), other.get({ fresh: true })]);
      expect(loads).toHaveBeenCalledTimes(2);
      expect(fresh.service.get(svc.service)!.unit).toMatchObject({ source: "service" });
    } finally {
      await h.deps.shop.setServicePrice(admin, svc.service, { kind: "category" });
    }
  });

  it("a hidden category or service is invisible to customers and cannot be quoted", async () => {
    const key = categoryKey(svc.category);
    await h.deps.shop.setCategoryHidden(admin, key, true);
    let shop = await h.deps.shop.get();
    expect(shop.categories.some((c) => c.key === key)).toBe(false);
    expect(shop.allCategories.some((c) => c.key === key && c.hidden)).toBe(true);
    expect(isOrderable(shop, svc.service)).toBe(false);
    expect(await h.deps.shop.quote(svc.service, Number(svc.min))).toBeNull();
    await h.deps.shop.setCategoryHidden(admin, key, false);
    await h.deps.shop.setServiceHidden(admin, svc.service, true);
    shop = await h.deps.shop.get();
    expect(shop.category.get(key)!.visibleServiceIds).not.toContain(svc.service);
    expect(await h.deps.shop.orderable(svc.service)).toBeNull();
    await h.deps.shop.setServiceHidden(admin, svc.service, false);
    expect(await h.deps.shop.orderable(svc.service)).not.toBeNull();
  });

  it("renames per language with the panel's name as the fallback, and finds services by id or words", async () => {
    await h.deps.shop.setServiceName(admin, svc.service, "uz", "Instagram obunachilar");
    const s = (await h.deps.shop.get()).service.get(svc.service)!;
    expect(s.name("uz")).toBe("Instagram obunachilar");
    expect(s.name("en")).toBe(svc.name);
    expect(await h.deps.shop.setServiceName(admin, svc.service, "uz", "  ")).toEqual({ ok: false, error: "empty" });
    expect((await h.deps.shop.search(svc.service)).map((x) => x.id)).toEqual([svc.service]);
    expect((await h.deps.shop.search("obunachilar")).map((x) => x.id)).toContain(svc.service);
  });

  it("a price rise between the confirmation and Confirm: a new draft at the new price, nothing charged", async () => {
    const userId = 90_001;
    await h.deps.wallet.credit(userId, new D("100"), { reason: "admin" });
    const quantity = Number(svc.min);
    const priced = (await h.deps.shop.quote(svc.service, quantity))!;
    const draft = await h.deps.orders.createDraft({
      userId,
      chatId: userId,
      locale: "en",
      serviceId: svc.service,
      serviceName: svc.name,
      serviceType: svc.type,
      category: svc.category,
      link: "https://t.me/reprice",
      quantity,
      rate: svc.rate,
      price: priced.quote.total.toFixed(),
      canRefill: svc.refill,
      canCancel: svc.cancel,
    });
    await h.deps.shop.setGlobalMarkup(admin, "80");
    const result = await placeOrder(h.deps, draft.id, userId);
    expect(result.outcome).toBe("repriced");
    if (result.outcome !== "repriced") return;
    expect(result.oldPrice.toFixed()).toBe(priced.quote.total.toFixed());
    expect(new D(result.draft.price).gt(priced.quote.total)).toBe(true);
    expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("100");
    expect(h.sim.requests().filter((r) => r.action === "add" && r.params.link === "https://t.me/reprice")).toHaveLength(0);
    // The old button does nothing any more; the new confirmation's does, at the price it shows.
    expect((await placeOrder(h.deps, draft.id, userId)).outcome).toBe("not_found");
    expect((await placeOrder(h.deps, result.draft.id, userId)).outcome).toBe("placed");
    expect((await h.deps.wallet.balance(userId)).toFixed()).toBe(new D(100).sub(result.draft.price).toFixed());
    const order = (await h.deps.orders.get(result.draft.id))!;
    expect(order).toMatchObject({ exchangeRate: "1", panelCost: new D(svc.rate).mul(quantity).div(1000).toFixed() });
  });

  it("a fixed-price service hidden by a cost rise, named in one digest to the admins", async () => {
    const panel = catalog.map((s) => serviceSchema.parse(s));
    const target = panel.find((s) => s.id === svc.service)!;
    await h.deps.shop.setServicePrice(admin, target.id, { kind: "fixed", text: target.rate.mul("1.2").toFixed() });
    expect(await h.deps.shop.orderable(target.id)).not.toBeNull();
    const risen = panel.map((s) => (s.id === target.id ? { ...s, rate: s.rate.mul(2) } : s));
    const sent = h.outboxed.length;
    await h.deps.shop.onPanelCatalog(panel, risen);
    const digests = h.outboxed.slice(sent);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.chatId).toBe(ADMIN);
    expect(digests[0]!.text).toContain("Hidden: the fixed price no longer covers the cost");
    expect(digests[0]!.text).toContain(`#${target.id}`);
    expect(digests[0]!.text).toContain("+100%");
    expect(digests[0]!.text.length).toBeLessThanOrEqual(4096);
    // Nothing changed: no digest.
    await h.deps.shop.onPanelCatalog(panel, panel);
    expect(h.outboxed.length).toBe(sent + 1);
  });

  it("names in the digest a category the owner set up that the panel renamed", async () => {
    const panel = catalog.map((s) => serviceSchema.parse(s));
    const category = panel[0]!.category;
    const key = categoryKey(category);
    expect(await h.deps.shop.setCategoryHidden(admin, key, true)).toEqual({ ok: true });
    try {
      const renamed = panel.map((s) => (s.category === category ? { ...s, category: `${category} <new>` } : s));
      const sent = h.outboxed.length;
      await h.deps.shop.onPanelCatalog(panel, renamed);
      const digest = h.outboxed.slice(sent).find((m) => m.chatId === ADMIN);
      expect(digest?.text).toContain("Categories you set up are gone from the panel's list");
      expect(digest?.text).toContain(escapeHtml(category));
      // A category without the owner's settings may come and go unremarked.
      const other = panel.find((s) => s.category !== category)!.category;
      const quiet = panel.map((s) => (s.category === other ? { ...s, category: `${other} 2` } : s));
      const before = h.outboxed.length;
      await h.deps.shop.onPanelCatalog(panel, quiet);
      expect(h.outboxed.length).toBe(before);
    } finally {
      await h.deps.shop.setCategoryHidden(admin, key, false);
    }
  });

  it("keeps a digest of thousands of changes within one message, the rest summed up", async () => {
    const many = generateCatalog({ services: 3000, categories: 50, seed: 9 }).map((s) => serviceSchema.parse(s));
    const sent = h.outboxed.length;
    await h.deps.shop.onPanelCatalog([], many);
    const digest = h.outboxed.slice(sent)[0]!;
    expect(digest.text.length).toBeLessThanOrEqual(4096);
    expect(digest.text).toMatch(/and [\d,]+ more/);
  });
});

describe("a shop selling in so'm over a USD panel", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, startBot: false, env: { ADMIN_IDS: String(ADMIN), CURRENCY: "USD", SHOP_CURRENCY: "UZS", PRICE_MARKUP_PERCENT: "0" } });
    // As at start (main.ts): a new shop, no wallets yet, records its wallets' currency.
    await h.deps.shop.checkWalletCurrency();
  });
  afterAll(async () => h.stop());

  it("cannot price anything before the rate is set; /rate is kept with who and when; orders keep the rate and refunds are exact in so'm", async () => {
    await expect(h.deps.shop.get()).rejects.toThrow(/exchange rate/);
    expect(await h.deps.shop.setExchangeRate(admin, "0")).toEqual({ ok: false, error: "not_positive" });
    // A rate takes up to 10 decimals (a strong shop currency over a weak panel one), not money's 5.
    expect(await h.deps.shop.setExchangeRate(admin, "0,0000791", 1_600_000_000_000)).toEqual({ ok: true });
    expect((await h.deps.shop.exchangeRate())?.rate).toBe("0.0000791");
    expect(await h.deps.shop.setExchangeRate(admin, "0.00000000001")).toEqual({ ok: false, error: "not_number" });
    expect(await h.deps.shop.setExchangeRate(admin, "12 650", 1_700_000_000_000)).toEqual({ ok: true });
    expect(await h.deps.shop.exchangeRate()).toEqual({ rate: "12650", by: ADMIN, at: 1_700_000_000_000 });
    expect(await h.deps.shop.setRoundingStep(admin, "100")).toEqual({ ok: true });
    const quantity = 1000;
    const priced = (await h.deps.shop.quote(svc.service, quantity))!;
    const exact = new D(svc.rate).mul(12650);
    expect(priced.quote.total.toFixed()).toBe(exact.div(100).ceil().mul(100).toFixed());
    expect(priced.exchangeRate.toFixed()).toBe("12650");

    const userId = 90_002;
    await h.deps.wallet.credit(userId, new D("10000000"), { reason: "admin" });
    const draft = await h.deps.orders.createDraft({
      userId,
      chatId: userId,
      locale: "uz",
      serviceId: svc.service,
      serviceName: svc.name,
      serviceType: svc.type,
      category: svc.category,
      link: "https://t.me/som",
      quantity,
      rate: svc.rate,
      price: priced.quote.total.toFixed(),
      exchangeRate: priced.exchangeRate.toFixed(),
      panelCost: priced.quote.panelCost.toFixed(),
      canRefill: svc.refill,
      canCancel: svc.cancel,
    });
    expect((await placeOrder(h.deps, draft.id, userId)).outcome).toBe("placed");
    const order = (await h.deps.orders.get(draft.id))!;
    expect(order).toMatchObject({ exchangeRate: "12650", rate: svc.rate, price: priced.quote.total.toFixed() });
    // A partial: the unfilled share of what was paid, in so'm, never more.
    const refund = partialRefund(new D(order.price), quantity, 333);
    expect(refund.lte(new D(order.price).mul(333).div(1000))).toBe(true);
    expect(refund.toFixed()).toBe(new D(order.price).mul(333).div(1000).toDecimalPlaces(5, D.ROUND_FLOOR).toFixed());
  });

  it("refuses to start when SHOP_CURRENCY changed under existing wallets, naming the setting", async () => {
    // Wallets exist (above) and were opened in UZS: a USD shop over them is refused.
    await h.deps.shop.checkWalletCurrency();
    const usd = new ShopCatalogService({
      config: { ...h.config, currency: "USD" },
      catalog: h.deps.catalog,
      settings: new ShopSettingsStore(h.redis.redis, h.config.redis.prefix),
      audit: h.deps.audit,
      wallet: h.deps.wallet,
    });
    await expect(usd.checkWalletCurrency()).rejects.toThrow(ShopCurrencyChangedError);
    await expect(usd.checkWalletCurrency()).rejects.toThrow(/SHOP_CURRENCY is USD, but the wallets were opened in UZS/);
  });
});

describe("an existing shop from before SHOP_CURRENCY", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, startBot: false, env: { CURRENCY: "USD", SHOP_CURRENCY: "UZS" } });
  });
  afterAll(async () => h.stop());

  it("has wallets in the panel's currency: setting SHOP_CURRENCY to another one is refused", async () => {
    await h.deps.wallet.credit(1, new D("5"), { reason: "admin" });
    await expect(h.deps.shop.checkWalletCurrency()).rejects.toThrow(/SHOP_CURRENCY is UZS, but the wallets were opened in USD: set SHOP_CURRENCY=USD/);
  });
});
