import { describe, expect, it } from "vitest";
import { quote, roundUpToStep, sellsAtLoss, unitPriceOf, type PricedItem, type PricingRules } from "../../src/catalog/pricing.js";
import { D } from "../../src/money.js";

const item = (over: Partial<PricedItem> = {}): PricedItem => ({ serviceId: "7", categoryKey: "cat1", rate: new D("0.9"), type: "Default", ...over });
const one = new D(1);

describe("unit price precedence", () => {
  const rules: PricingRules = {
    globalMarkupPercent: "10",
    categoryMarkupPercent: { cat1: "20" },
    service: { "7": { markupPercent: "30" }, "8": { fixedPrice: "2.5" }, "9": { fixedPrice: "3", markupPercent: "50" } },
  };
  it("a fixed price beats every markup", () => {
    expect(unitPriceOf(item({ serviceId: "8" }), rules, one)).toMatchObject({ source: "fixed" });
    expect(unitPriceOf(item({ serviceId: "8" }), rules, one).unit.toFixed()).toBe("2.5");
    expect(unitPriceOf(item({ serviceId: "9" }), rules, one).unit.toFixed()).toBe("3");
  });
  it("the service's markup beats the category's, which beats the global one", () => {
    expect(unitPriceOf(item(), rules, one).unit.toFixed()).toBe("1.17");
    expect(unitPriceOf(item({ serviceId: "1" }), rules, one)).toMatchObject({ source: "category" });
    expect(unitPriceOf(item({ serviceId: "1" }), rules, one).unit.toFixed()).toBe("1.08");
    const other = unitPriceOf(item({ serviceId: "1", categoryKey: "cat2" }), rules, one);
    expect(other.source).toBe("global");
    expect(other.unit.toFixed()).toBe("0.99");
  });
  it("a 0 % category markup is a rule of its own, not 'unset'", () => {
    const r: PricingRules = { globalMarkupPercent: "10", categoryMarkupPercent: { cat1: "0" } };
    expect(unitPriceOf(item(), r, one).unit.toFixed()).toBe("0.9");
  });
});

describe("totals, minimum, rounding and conversion", () => {
  it("converts the panel rate to the shop currency and rounds the total up to the step", () => {
    // 0.9 USD per 1000 × 12650 so'm/USD × 1.2 = 13662 so'm per 1000; 1500 → 20493 → 20500.
    const q = quote(item(), { quantity: 1500 }, { globalMarkupPercent: "20", roundingStep: "100" }, new D(12650));
    expect(q.total.toFixed()).toBe("20500");
    expect(q.panelCost.toFixed()).toBe("1.35");
    expect(q.panelCostInShop.toFixed()).toBe("17077.5");
    expect(q.margin.toFixed()).toBe("3422.5");
    expect(q.unit.unit.toFixed()).toBe("13700");
  });
  it("rounds to 5 decimals up when there is no step, never down", () => {
    const q = quote(item({ rate: new D("0.33333") }), { quantity: 1 }, { globalMarkupPercent: "0" }, one);
    expect(q.total.toFixed()).toBe("0.00034");
  });
  it("raises a small order to the minimum price", () => {
    const q = quote(item(), { quantity: 100 }, { globalMarkupPercent: "0", minOrderPrice: "0.5" }, one);
    expect(q.total.toFixed()).toBe("0.5");
  });
  it("prices a package at its flat rate whatever the quantity", () => {
    const q = quote(item({ type: "Package", rate: new D("4") }), { quantity: 1 }, { globalMarkupPercent: "25" }, one);
    expect(q.total.toFixed()).toBe("5");
  });
  it("multiplies by drip-feed runs", () => {
    const q = quote(item(), { quantity: 1000, runs: 3 }, { globalMarkupPercent: "0" }, one);
    expect(q.total.toFixed()).toBe("2.7");
    expect(q.panelCost.toFixed()).toBe("2.7");
  });
  it("step rounding helper", () => {
    expect(roundUpToStep(new D("20401"), new D("100")).toFixed()).toBe("20500");
    expect(roundUpToStep(new D("20400"), new D("100")).toFixed()).toBe("20400");
    expect(roundUpToStep(new D("1.001"), new D("0.01")).toFixed()).toBe("1.01");
  });
});

describe("discounts", () => {
  const rules: PricingRules = { globalMarkupPercent: "0", roundingStep: "100" };
  it("takes the percent off, rounded down to the step, within the cap", () => {
    const q = quote(item({ rate: new D("10000") }), { quantity: 1000, discount: { percent: "15" } }, rules, one);
    expect(q.beforeDiscount.toFixed()).toBe("10000");
    expect(q.discount.toFixed()).toBe("1500");
    expect(q.total.toFixed()).toBe("8500");
    const capped = quote(item({ rate: new D("10000") }), { quantity: 1000, discount: { percent: "15", cap: "1234" } }, rules, one);
    expect(capped.discount.toFixed()).toBe("1200");
    expect(capped.total.toFixed()).toBe("8800");
  });
  it("never goes below zero", () => {
    const q = quote(item({ rate: new D("100") }), { quantity: 1000, discount: { percent: "100" } }, rules, one);
    expect(q.total.toFixed()).toBe("0");
  });
});

describe("selling at a loss", () => {
  it("flags a fixed price under the converted cost, or under the minimum margin", () => {
    const rules: PricingRules = { globalMarkupPercent: "0", service: { "7": { fixedPrice: "12000" } } };
    expect(sellsAtLoss(item(), rules, new D(12650))).toBe(false); // cost 11385
    expect(sellsAtLoss(item({ rate: new D("1") }), rules, new D(12650))).toBe(true); // cost 12650
    expect(sellsAtLoss(item(), { ...rules, minMarginPercent: "10" }, new D(12650))).toBe(true); // keeps 10800 < 11385
    expect(sellsAtLoss(item(), { ...rules, minMarginPercent: "5" }, new D(12650))).toBe(false); // keeps 11400
    expect(sellsAtLoss(item({ serviceId: "1" }), rules, new D(99999))).toBe(false); // markups never flag
  });
});
