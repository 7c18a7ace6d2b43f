import { describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { formatDateTime, formatInt, formatMoney } from "../../src/text/format.js";
import { LOCALES } from "../../src/text/locales.js";

const NBSP = "\u00a0";

describe("text/format", () => {
  it("Russian money: no-break space between thousands, decimal comma", () => {
    expect(formatMoney(new D("1234.5"), "ru", "USD")).toBe(`1${NBSP}234,50 USD`);
    expect(formatMoney(new D("1234567.89"), "ru", "UZS")).toBe(`1${NBSP}234${NBSP}567,89 UZS`);
    expect(formatMoney(new D("0.00865"), "ru", "USD")).toBe("0,00865 USD");
    expect(formatMoney(new D("-3"), "ru", "USD")).toBe("-3,00 USD");
    expect(formatMoney(new D("999.999"), "ru", "USD")).toBe("999,999 USD");
  });

  it("Uzbek and English money keep their forms", () => {
    expect(formatMoney(new D("1234.5"), "uz", "USD")).toBe(`1${NBSP}234,50 USD`);
    expect(formatMoney(new D("1234.5"), "en", "USD")).toBe("1,234.50 USD");
    expect(formatMoney(new D("0.1"), "en", "USD")).toBe("0.10 USD");
    expect(formatMoney(new D("-1234567.00001"), "en", "USD")).toBe("-1,234,567.00001 USD");
  });

  it("keeps every digit of an exact amount: no binary float on the way", () => {
    expect(formatMoney(new D("9007199254740993.12345"), "ru", "USD")).toBe(`9${NBSP}007${NBSP}199${NBSP}254${NBSP}740${NBSP}993,12345 USD`);
  });

  it("whole numbers: ru and uz group with a no-break space, en with a comma", () => {
    expect(formatInt(1500, "ru")).toBe(`1${NBSP}500`);
    expect(formatInt(10_000, "uz")).toBe(`10${NBSP}000`);
    expect(formatInt(10_000, "en")).toBe("10,000");
    expect(formatInt(999, "ru")).toBe("999");
    expect(formatInt(-1234, "ru")).toBe(`-1${NBSP}234`);
    expect(formatInt(12.9, "ru")).toBe("12");
  });

  it.each(LOCALES)("%s: formatInt writes numbers as Fluent does for the numbers code passes unformatted", (l) => {
    for (const n of [0, 7, 999, 1000, 1234, 21_000, 1_234_567, -1234]) expect(formatInt(n, l)).toBe(new Intl.NumberFormat(l).format(n));
  });

  it("dates in one form for every language", () => {
    expect(formatDateTime(Date.UTC(2026, 11, 1, 21, 5, 30))).toBe("2026-12-01 21:05 UTC");
    expect(formatDateTime(undefined)).toBe("—");
  });
});
