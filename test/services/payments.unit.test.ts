import { describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { D } from "../../src/money.js";
import {
  amountPresets,
  checkAmount,
  checkPreCheckout,
  currencyExponent,
  enabledMethods,
  INVOICE_VALID_MS,
  parseStars,
  paymentCredit,
  providerTotal,
  starsPresets,
  starsRange,
  type Invoice,
} from "../../src/services/payments.js";

const payments = (over: Partial<Config["payments"]> = {}): Config["payments"] => ({
  currency: "UZS",
  min: "1",
  max: "1000",
  provider: undefined,
  stars: undefined,
  manualDetails: undefined,
  ...over,
});

describe("conversion rules", () => {
  it("prices a provider invoice in the currency's smallest units, rounded up", () => {
    expect(providerTotal(new D("10"), new D("12650"), "UZS")).toBe(12_650_000);
    // 1.00001 × 12650.5 = 12650.626505 UZS → 1265062.6505 tiyin → 1265063
    expect(providerTotal(new D("1.00001"), new D("12650.5"), "UZS")).toBe(1_265_063);
    expect(providerTotal(new D("3.5"), new D("150.2"), "JPY")).toBe(526);
    expect(currencyExponent("usd")).toBe(2);
    expect(currencyExponent("XTR")).toBe(0);
  });

  it("credits what was paid at the invoice's rate, rounded down, never less than was asked", () => {
    expect(paymentCredit("provider", 12_650_000, new D("12650"), "UZS").toFixed()).toBe("10");
    expect(paymentCredit("provider", 1_265_063, new D("12650.5"), "UZS").toFixed()).toBe("1.00001");
    for (const amount of ["1", "1.5", "7.33333", "12.34567", "999.99999"]) {
      for (const rate of ["1", "0.93", "12650", "12712.47", "3.3333"]) {
        const total = providerTotal(new D(amount), new D(rate), "UZS");
        const credit = paymentCredit("provider", total, new D(rate), "UZS");
        expect(credit.gte(amount), `${amount} at ${rate}`).toBe(true);
        // The surplus is less than one smallest unit of the payment currency.
        expect(credit.minus(amount).mul(rate).lt("0.01"), `${amount} at ${rate}`).toBe(true);
      }
    }
  });

  it("credits stars × STARS_RATE rounded down to 5 decimals", () => {
    expect(paymentCredit("stars", 100, new D("0.013"), "XTR").toFixed()).toBe("1.3");
    expect(paymentCredit("stars", 7, new D("0.0133333"), "XTR").toFixed()).toBe("0.09333");
  });
});

describe("methods and limits", () => {
  const base = { adminIds: [1] };

  it("offers only what is configured; a receipt needs an admin to approve it", () => {
    expect(enabledMethods({ ...base, payments: payments() })).toEqual([]);
    expect(enabledMethods({ ...base, payments: payments({ provider: { token: "t", rate: "12650" }, stars: { rate: "0.013" }, manualDetails: "card" }) })).toEqual(["provider", "stars", "manual"]);
    expect(enabledMethods({ adminIds: [], payments: payments({ manualDetails: "card" }) })).toEqual([]);
    expect(enabledMethods({ ...base, payments: payments({ provider: { token: "t", rate: "0" }, stars: { rate: "0" } }) })).toEqual([]);
  });

  it("turns PAYMENT_MIN..PAYMENT_MAX into whole stars within Telegram's bounds", () => {
    expect(starsRange(payments({ stars: { rate: "0.013" } }))).toMatchObject({ min: 77, max: 10_000 });
    expect(starsRange(payments({ stars: { rate: "0.5" }, min: "1", max: "100" }))).toMatchObject({ min: 2, max: 200 });
    expect(starsRange(payments({ stars: { rate: "5" }, min: "1", max: "4" }))).toBeNull();
    expect(starsRange(payments())).toBeNull();
  });

  it("presets: 1-2-5 steps inside the limits, stars from a ladder or the smallest allowed", () => {
    expect(amountPresets(new D(1), new D(1000)).map(String)).toEqual(["1", "2", "5", "10", "20", "50"]);
    expect(amountPresets(new D(3), new D(40)).map(String)).toEqual(["5", "10", "20"]);
    expect(starsPresets({ rate: new D("0.013"), min: 77, max: 10_000 })).toEqual([100, 250, 500, 1000, 2500]);
    expect(starsPresets({ rate: new D("0.5"), min: 2, max: 20 })).toEqual([2]);
  });

  it("checks amounts and stars", () => {
    const [min, max] = [new D(1), new D(1000)];
    expect(checkAmount(new D("12.5"), min, max)).toMatchObject({ ok: true });
    expect(checkAmount(null, min, max)).toEqual({ ok: false, error: "not_number" });
    expect(checkAmount(new D(0), min, max)).toEqual({ ok: false, error: "not_number" });
    expect(checkAmount(new D("0.5"), min, max)).toEqual({ ok: false, error: "below_min" });
    expect(checkAmount(new D("1000.00001"), min, max)).toEqual({ ok: false, error: "above_max" });
    const range = { rate: new D("0.013"), min: 77, max: 10_000 };
    expect(parseStars(" 100 ", range)).toBe(100);
    expect(parseStars("76", range)).toBeNull();
    expect(parseStars("10001", range)).toBeNull();
    expect(parseStars("1.5", range)).toBeNull();
  });
});

describe("pre-checkout", () => {
  const now = 1_800_000_000_000;
  const invoice: Invoice = { id: "abc", userId: 7, kind: "provider", currency: "UZS", total: 12_650_000, rate: "12650", amount: "10", createdAt: now - 1000, state: "open" };
  const query = { fromId: 7, currency: "UZS", totalAmount: 12_650_000 };

  it("lets a fresh, own, unpaid invoice with its exact total through", () => {
    expect(checkPreCheckout(invoice, query, now)).toBeNull();
  });

  it("refuses unknown, foreign, paid, expired and changed invoices", () => {
    expect(checkPreCheckout(null, query, now)).toBe("unknown");
    expect(checkPreCheckout(invoice, { ...query, fromId: 8 }, now)).toBe("foreign");
    expect(checkPreCheckout({ ...invoice, state: "paid" }, query, now)).toBe("paid");
    expect(checkPreCheckout({ ...invoice, createdAt: now - INVOICE_VALID_MS - 1 }, query, now)).toBe("expired");
    expect(checkPreCheckout(invoice, { ...query, totalAmount: 12_650_001 }, now)).toBe("mismatch");
    expect(checkPreCheckout(invoice, { ...query, currency: "USD" }, now)).toBe("mismatch");
  });
});
