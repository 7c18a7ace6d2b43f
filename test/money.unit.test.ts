import { describe, expect, it } from "vitest";
import { D, fromUnits, orderPrice, parseDecimal, parseUserAmount, partialRefund, toUnits, unitPrice } from "../src/money.js";
import { formatMoney } from "../src/text/format.js";

describe("money", () => {
  it("prices rate × quantity / 1000 exactly and rounds up to 5 places", () => {
    expect(orderPrice({ rate: new D("0.90"), quantity: 1000, type: "Default" }, "0").toFixed()).toBe("0.9");
    // 0.1 + 0.2 style traps: binary floats would give 0.30000000000000004
    expect(orderPrice({ rate: new D("0.3"), quantity: 1000, type: "Default" }, "0").toFixed()).toBe("0.3");
    // 1.2345 × 7 / 1000 = 0.0086415 → up to 0.00865
    expect(orderPrice({ rate: new D("1.2345"), quantity: 7, type: "Default" }, "0").toFixed()).toBe("0.00865");
    // markup 10 %: 0.9 × 1234 / 1000 × 1.1 = 1.22166
    expect(orderPrice({ rate: new D("0.90"), quantity: 1234, type: "Default" }, "10").toFixed()).toBe("1.22166");
  });

  it("charges flat-price types their rate and multiplies drip-feed runs", () => {
    expect(orderPrice({ rate: new D("5"), quantity: 1, type: "Package" }, "0").toFixed()).toBe("5");
    expect(orderPrice({ rate: new D("2"), quantity: 100, type: "Default", runs: 3 }, "0").toFixed()).toBe("0.6");
  });

  it("shows the price per 1000 with the markup", () => {
    expect(unitPrice(new D("0.9"), "12.5").toFixed()).toBe("1.0125");
  });

  it("refunds the unfilled share, rounded down, never more than paid", () => {
    expect(partialRefund(new D("1"), 3, 1).toFixed()).toBe("0.33333");
    expect(partialRefund(new D("1.22166"), 1234, 157).toFixed()).toBe("0.15543");
    expect(partialRefund(new D("1"), 10, 50).toFixed()).toBe("1");
    expect(partialRefund(new D("1"), 10, 0).toFixed()).toBe("0");
  });

  it("converts to integer Redis units and back exactly", () => {
    expect(toUnits(new D("1.22166"))).toBe(122166);
    expect(fromUnits("122166").toFixed()).toBe("1.22166");
    expect(() => toUnits(new D("0.000001"))).toThrow();
  });

  it("formats per locale without floats", () => {
    expect(formatMoney(new D("1234567.5"), "en", "USD")).toBe("1,234,567.50 USD");
    expect(formatMoney(new D("1234567.5"), "uz", "USD")).toBe("1\u00a0234\u00a0567,50 USD");
    expect(formatMoney(new D("0.00865"), "en", "USD")).toBe("0.00865 USD");
  });

  it("parses amounts people type and numbers panels send", () => {
    expect(parseUserAmount("12,5")?.toFixed()).toBe("12.5");
    expect(parseUserAmount("1 000")?.toFixed()).toBe("1000");
    expect(parseUserAmount("-3")).toBeNull();
    expect(parseUserAmount("1e5")).toBeNull();
    expect(parseUserAmount("0.123456")).toBeNull();
    // A decimal comma with 1, 2, 4 or 5 decimals; a comma and three digits could be thousands: refused, never read as a thousandth.
    expect(parseUserAmount("12,65")?.toFixed()).toBe("12.65");
    expect(parseUserAmount("0,0001")?.toFixed()).toBe("0.0001");
    for (const ambiguous of ["1,000", "12,650", "1,000.50", "1.000,50", "1,2,3", "1..5", ",5", "5,"]) expect(parseUserAmount(ambiguous)).toBeNull();
    expect(parseUserAmount("12 650")?.toFixed()).toBe("12650");
    // At most 10 whole digits: an amount whose units would not stay exact in Redis is refused here, not half-way through a credit.
    expect(parseUserAmount("9999999999.99999")?.toFixed()).toBe("9999999999.99999");
    expect(parseUserAmount("99999999999")).toBeNull();
    expect(parseUserAmount("999999999999")).toBeNull();
    expect(parseDecimal("0.27819")?.toFixed()).toBe("0.27819");
    expect(parseDecimal(8)?.toFixed()).toBe("8");
    expect(parseDecimal("abc")).toBeNull();
  });
});
