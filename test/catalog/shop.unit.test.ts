import { describe, expect, it } from "vitest";
import { diffCatalogs, isEmptyDiff } from "../../src/catalog/diff.js";
import { buildShopCatalog, emptyCuration, isOrderable, type Curation, type PanelCategory } from "../../src/catalog/shop.js";
import { D } from "../../src/money.js";
import type { PanelService } from "../../src/panel/schemas.js";

const svc = (id: string, category: string, rate = "1", over: Partial<PanelService> = {}): PanelService => ({
  id,
  name: `Service ${id}`,
  type: "Default",
  category,
  rate: new D(rate),
  min: 10,
  max: 1000,
  refill: false,
  cancel: false,
  dripfeed: false,
  description: undefined,
  ...over,
});

function panel(services: PanelService[]): { categories: PanelCategory[]; services: Map<string, PanelService> } {
  const categories: PanelCategory[] = [];
  for (const s of services) {
    let c = categories.find((x) => x.name === s.category);
    if (!c) categories.push((c = { key: s.category.toLowerCase(), name: s.category, serviceIds: [] }));
    c.serviceIds.push(s.id);
  }
  return { categories, services: new Map(services.map((s) => [s.id, s])) };
}

const base = panel([svc("1", "Zeta"), svc("2", "Zeta"), svc("3", "Alpha"), svc("4", "Mid")]);
const build = (curation: Curation, rules = { globalMarkupPercent: "0" }) => buildShopCatalog({ fetchedAt: 1, ...base, curation, rules, exchangeRate: new D(1) });

describe("shop catalog", () => {
  it("hides what the owner hid, and a category left with nothing visible", () => {
    const c = build({ ...emptyCuration(), services: { "3": { hidden: true } }, categories: { mid: { hidden: true } } });
    expect(c.categories.map((x) => x.key)).toEqual(["zeta"]);
    expect(c.allCategories).toHaveLength(3);
    expect(isOrderable(c, "1")).toBe(true);
    expect(isOrderable(c, "3")).toBe(false);
    expect(isOrderable(c, "4")).toBe(false);
    expect(isOrderable(c, "99")).toBe(false);
  });
  it("renames per language with the panel's name as fallback", () => {
    const c = build({ ...emptyCuration(), services: { "1": { names: { uz: "Obunachilar" } } }, categories: { zeta: { names: { en: "Followers" } } } });
    expect(c.service.get("1")!.name("uz")).toBe("Obunachilar");
    expect(c.service.get("1")!.name("en")).toBe("Service 1");
    expect(c.category.get("zeta")!.name("en")).toBe("Followers");
    expect(c.category.get("zeta")!.name("ru")).toBe("Zeta");
  });
  it("orders pinned categories first, then panel order or by name", () => {
    expect(build(emptyCuration()).categories.map((x) => x.key)).toEqual(["zeta", "alpha", "mid"]);
    expect(build({ ...emptyCuration(), categorySort: "name" }).categories.map((x) => x.key)).toEqual(["alpha", "mid", "zeta"]);
    expect(build({ ...emptyCuration(), categorySort: "name", categories: { mid: { pin: 1 } } }).categories.map((x) => x.key)).toEqual(["mid", "alpha", "zeta"]);
  });
  it("hides a fixed-price service sold at a loss by itself", () => {
    const c = build(emptyCuration(), { globalMarkupPercent: "0", service: { "2": { fixedPrice: "0.5" } } } as never);
    expect(c.service.get("2")).toMatchObject({ hidden: true, atLoss: true });
    expect(c.category.get("zeta")!.visibleServiceIds).toEqual(["1"]);
  });
  it("applies rules to 5,000 services", () => {
    const many = panel(Array.from({ length: 5000 }, (_, i) => svc(String(i), `C${i % 50}`, "0.5")));
    const c = buildShopCatalog({ fetchedAt: 1, ...many, curation: emptyCuration(), rules: { globalMarkupPercent: "15", roundingStep: "0.01" }, exchangeRate: new D(1) });
    expect(c.service.size).toBe(5000);
    expect(c.service.get("7")!.unit.unit.toFixed()).toBe("0.58");
  });
});

describe("catalog diff", () => {
  it("finds added, removed, rate and limit changes", () => {
    const before = [svc("1", "A", "1"), svc("2", "A", "2"), svc("3", "A")];
    const after = [svc("1", "A", "1.25"), svc("2", "A", "2", { min: 5 }), svc("4", "A")];
    const d = diffCatalogs(before, after);
    expect(d.added.map((s) => s.id)).toEqual(["4"]);
    expect(d.removed.map((s) => s.id)).toEqual(["3"]);
    expect(d.rateChanges.map((r) => [r.service.id, r.percent?.toFixed()])).toEqual([["1", "25"]]);
    expect(d.limitChanges.map((r) => [r.service.id, r.oldMin])).toEqual([["2", 10]]);
    expect(isEmptyDiff(diffCatalogs(before, before))).toBe(true);
  });
});
