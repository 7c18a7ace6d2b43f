import { describe, expect, it } from "vitest";
import type { InlineKeyboardButton } from "grammy/types";
import { anyDataOf, createCallbackData, field } from "../../../src/bot/callback-data/define.js";
import { languageData } from "../../../src/bot/callback-data/language.js";
import { myOrdersData } from "../../../src/bot/callback-data/my-orders.js";
import { anyOrderWalkData, orderWalkData } from "../../../src/bot/callback-data/order-walk.js";
import { anyReceiptData, receiptData } from "../../../src/bot/callback-data/receipts.js";
import { anyTopupData, topupData } from "../../../src/bot/callback-data/topup.js";
import { D } from "../../../src/money.js";
import { receiptKeyboard } from "../../../src/services/receipts.js";

describe("callback data families", () => {
  const family = createCallbackData("t:x", {
    id: field.text("[\\w.-]", 20),
    page: field.int(3),
    kind: field.code<"first" | "second">({ first: "f", second: "s" }),
    amount: field.decimal(4, 2),
  });

  it("packs, matches and unpacks the same values", () => {
    const data = family.pack({ id: "a.b-1", page: 12, kind: "second", amount: new D("12.5") });
    expect(data).toBe("t:x:a.b-1:12:s:12.5");
    expect(family.filter().test(data)).toBe(true);
    const back = family.unpack(data);
    expect({ ...back, amount: back.amount.toFixed() }).toEqual({ id: "a.b-1", page: 12, kind: "second", amount: "12.5" });
  });

  it("refuses to pack what its fields cannot carry; canPack says so first", () => {
    const ok = { id: "x", page: 1, kind: "first" as const, amount: new D(1) };
    expect(family.canPack(ok)).toBe(true);
    for (const bad of [
      { ...ok, id: "a:b" },
      { ...ok, id: "x".repeat(21) },
      { ...ok, page: -1 },
      { ...ok, page: 1000 },
      { ...ok, amount: new D("1.234") },
    ]) {
      expect(family.canPack(bad)).toBe(false);
      expect(() => family.pack(bad)).toThrow();
    }
  });

  it("matches nothing else, and unpack throws for other data", () => {
    for (const other of ["t:x", "t:x:a:1:f", "t:x:a:1:z:1", "t:x:a:1:f:1:extra", "t:xa:1:f:1", "💥"]) {
      expect(family.filter().test(other)).toBe(false);
      expect(() => family.unpack(other)).toThrow();
    }
  });

  it("a family whose longest data could pass 64 bytes fails when it is defined", () => {
    expect(() => createCallbackData("long", { a: field.text("\\w", 40), b: field.text("\\w", 20) })).toThrow(/64/);
    expect(() => createCallbackData("fits", { a: field.text("\\w", 40), b: field.text("\\w", 13) })).not.toThrow();
    expect(() => createCallbackData("bad prefix")).toThrow();
  });

  it("a family without fields packs its prefix", () => {
    expect(topupData.menu.pack()).toBe("tu:m");
    expect(topupData.menu.unpack("tu:m")).toEqual({});
    expect(topupData.menu.filter().test("tu:m:1")).toBe(false);
  });

  it("anyDataOf answers stale and forged data of a feature, and only of that feature", () => {
    const stale = anyDataOf(family);
    expect(stale.test("t:x")).toBe(true);
    expect(stale.test("t:x:garbage")).toBe(true);
    expect(stale.test("t:xy")).toBe(false);
    expect(anyTopupData.test("tu:zz")).toBe(true);
    expect(anyTopupData.test("tux")).toBe(false);
    expect(anyReceiptData.test("rc:a:0")).toBe(true);
    expect(anyOrderWalkData.test("mo:l:1")).toBe(false);
  });

  it("keeps the data that buttons sent before this change carried", () => {
    expect(orderWalkData.services.pack({ categoryKey: "AbC-1", page: 3 })).toBe("cs:AbC-1:3");
    expect(orderWalkData.leave.pack()).toBe("dx");
    expect(myOrdersData.cancelConfirm.pack({ orderId: "42", page: 0 })).toBe("mo:y:42:0");
    expect(topupData.method.pack({ method: "manual" })).toBe("tu:r");
    expect(topupData.providerAmount.unpack("tu:pa:12.5").amount.toFixed()).toBe("12.5");
    expect(languageData.unpack("lang:uz")).toEqual({ locale: "uz" });
  });

  it("reads the receipt buttons that services/receipts.ts builds", () => {
    const keyboard = receiptKeyboard((key) => key, "K7Q2M9XP");
    const data = keyboard.inline_keyboard.flat().map((b) => (b as InlineKeyboardButton.CallbackButton).callback_data);
    expect(data.map((d) => receiptData.unpack(d))).toEqual([
      { decision: "approved", receiptId: "K7Q2M9XP" },
      { decision: "rejected", receiptId: "K7Q2M9XP" },
    ]);
  });

  it("every family of the bot has a prefix of its own (all fit 64 bytes, or loading them would have thrown)", () => {
    const families = [...Object.values(orderWalkData), ...Object.values(myOrdersData), ...Object.values(topupData), receiptData, languageData];
    const prefixes = families.map((f) => f.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
