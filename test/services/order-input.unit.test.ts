import { describe, expect, it } from "vitest";
import { MAX_LINK_LENGTH, parseComments, parseLink, parseQuantity } from "../../src/services/order-input.js";

describe("parseLink", () => {
  it("accepts http(s) links and keeps them as typed", () => {
    expect(parseLink("https://t.me/channel/123")).toEqual({ ok: true, value: "https://t.me/channel/123" });
    expect(parseLink("  http://instagram.com/p/Cx_1?igsh=abc  ")).toEqual({ ok: true, value: "http://instagram.com/p/Cx_1?igsh=abc" });
  });

  it("adds https:// to a bare domain link", () => {
    expect(parseLink("t.me/channel")).toEqual({ ok: true, value: "https://t.me/channel" });
    expect(parseLink("www.youtube.com/watch?v=x")).toEqual({ ok: true, value: "https://www.youtube.com/watch?v=x" });
  });

  it.each([
    ["plain words", "hello world"],
    ["a number", "1000"],
    ["an empty message", "   "],
    ["another scheme", "ftp://example.com/file"],
    ["javascript", "javascript:alert(1)"],
    ["a host without a dot", "http://localhost/x"],
    ["credentials in the link", "https://user:pass@example.com/"],
    ["a username", "@channel"],
    ["spaces inside", "https://t.me/a b"],
  ])("refuses %s", (_what, text) => {
    expect(parseLink(text)).toEqual({ ok: false, error: "not_url" });
  });

  it("refuses a link longer than the limit", () => {
    const long = `https://example.com/${"a".repeat(MAX_LINK_LENGTH)}`;
    expect(parseLink(long)).toEqual({ ok: false, error: "too_long" });
    const justFits = `https://example.com/${"a".repeat(MAX_LINK_LENGTH - 20)}`;
    expect(justFits.length).toBe(MAX_LINK_LENGTH);
    expect(parseLink(justFits).ok).toBe(true);
  });
});

describe("parseQuantity", () => {
  it("accepts whole numbers within min and max, with spaces between thousands", () => {
    expect(parseQuantity("100", 10, 1000)).toEqual({ ok: true, value: 100 });
    expect(parseQuantity("10", 10, 1000)).toEqual({ ok: true, value: 10 });
    expect(parseQuantity("1000", 10, 1000)).toEqual({ ok: true, value: 1000 });
    expect(parseQuantity(" 10 000 ", 10, 100_000)).toEqual({ ok: true, value: 10_000 });
    expect(parseQuantity("5\u00a0000", 10, 100_000)).toEqual({ ok: true, value: 5000 });
  });

  it.each(["abc", "12.5", "1,5", "-5", "1e3", "", "0x10", "١٢"])("refuses %j as not a whole number", (text) => {
    expect(parseQuantity(text, 1, 1000)).toEqual({ ok: false, error: "not_number" });
  });

  it("names which bound was crossed", () => {
    expect(parseQuantity("9", 10, 1000)).toEqual({ ok: false, error: "below_min" });
    expect(parseQuantity("0", 10, 1000)).toEqual({ ok: false, error: "below_min" });
    expect(parseQuantity("1001", 10, 1000)).toEqual({ ok: false, error: "above_max" });
  });

  it("refuses absurdly long numbers as above the maximum without losing precision", () => {
    expect(parseQuantity("99999999999999999999999", 10, 1000)).toEqual({ ok: false, error: "above_max" });
    expect(parseQuantity("0000000000000100", 10, 1000)).toEqual({ ok: true, value: 100 });
  });
});

describe("parseComments", () => {
  it("takes one comment per line and drops blank lines", () => {
    expect(parseComments("Nice!\n\n  Great post  \r\nWow\n   \n", 1, 10)).toEqual({ ok: true, value: ["Nice!", "Great post", "Wow"] });
  });

  it("counts the comments against min and max", () => {
    expect(parseComments("a\nb", 3, 5)).toEqual({ ok: false, error: { reason: "below_min", count: 2 } });
    expect(parseComments("a\nb\nc\nd", 1, 3)).toEqual({ ok: false, error: { reason: "above_max", count: 4 } });
    expect(parseComments("\n \n", 1, 3)).toEqual({ ok: false, error: { reason: "below_min", count: 0 } });
    expect(parseComments("a\nb\nc", 3, 3)).toEqual({ ok: true, value: ["a", "b", "c"] });
  });
});
