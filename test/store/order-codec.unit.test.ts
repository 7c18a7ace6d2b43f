import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ORDER_FIELDS, decodeHash, encodeRecord, encodeUpdate, fieldReader, orderFieldsLua } from "../../src/store/order-codec.js";
import { scriptsDir } from "../../src/store/scripts.js";

/** A placed order as format 1 stored it: every field by its long name, id and the defaults included. */
const format1 = {
  id: "42",
  userId: "5000000001",
  chatId: "5000000001",
  locale: "en",
  serviceId: "1234",
  serviceName: "Instagram Likes [Real]",
  serviceType: "Default",
  category: "Instagram Likes",
  link: "https://instagram.com/p/abc",
  quantity: "1000",
  rate: "0.85",
  price: "1.105",
  priceUnits: "110500",
  costUnits: "85000",
  cnt: "1",
  canRefill: "1",
  canCancel: "0",
  placement: "placed",
  status: "pending",
  statusRaw: "Pending",
  panelOrderId: "8123456",
  createdAt: "1764633600123",
  updatedAt: "1764633601623",
  placedAt: "1764633601623",
};

describe("order record codec (format 2)", () => {
  it("the Lua include is the one the field table makes", () => {
    expect(readFileSync(`${scriptsDir()}/includes/orderFields.lua`, "utf8")).toBe(orderFieldsLua());
  });

  it("codes are unique and never a long name", () => {
    const codes = ORDER_FIELDS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    const names = new Set(ORDER_FIELDS.map((f) => f.name));
    for (const c of codes) expect(names.has(c)).toBe(false);
  });

  it("leaves out the id, chatId = userId, false flags and the default service type; reads them back", () => {
    const stored = encodeRecord(format1);
    expect(stored).not.toHaveProperty("id");
    expect(Object.keys(stored)).not.toContain("c");
    expect(stored).toMatchObject({ u: "5000000001", cr: "1", p: "placed" });
    expect(Object.keys(stored)).not.toContain("cc");
    expect(Object.keys(stored)).not.toContain("t");
    expect(decodeHash("42", stored)).toEqual(format1);
  });

  it("keeps a group chat's id, a flag set and another service type", () => {
    const group = { ...format1, chatId: "-100123", canCancel: "1", serviceType: "Package" };
    expect(encodeRecord(group)).toMatchObject({ c: "-100123", cc: "1", t: "Package" });
    expect(decodeHash("42", encodeRecord(group))).toEqual(group);
  });

  it("reads a format-1 hash as it is, and no record as null", () => {
    expect(decodeHash("42", format1)).toEqual(format1);
    expect(decodeHash("42", {})).toBeNull();
  });

  it("a link longer than 64 bytes is stored in pieces of at most 64 bytes, cut between characters, and read back whole", () => {
    const link = `https://www.instagram.com/p/C1a2B3c4D5e/?igsh=${"ё".repeat(40)}&utm_source=ig_web_copy_link`;
    const stored = encodeRecord({ ...format1, link });
    const pieces = Object.entries(stored).filter(([c]) => /^l\d*$/.test(c));
    expect(pieces.length).toBeGreaterThan(2);
    for (const [, v] of pieces) expect(Buffer.byteLength(v)).toBeLessThanOrEqual(64);
    expect(decodeHash("42", stored)).toEqual({ ...format1, link });
    const reader = fieldReader(["link", "status"] as const);
    expect(reader.decode(reader.codes.map((c) => stored[c] ?? null))).toEqual({ link, status: "pending" });
    // A shorter link written over it leaves no piece behind.
    expect(encodeUpdate({ link: "https://t.me/a" }).del).toEqual(expect.arrayContaining(["l2", "l3"]));
  });

  it("no field code ends in a digit (a chunked field's pieces do)", () => {
    for (const f of ORDER_FIELDS) expect(f.code).toMatch(/\D$/);
  });

  it("an update setting a default deletes the field; null deletes it", () => {
    expect(encodeUpdate({ canRefill: "0", status: "completed", panelError: null })).toEqual({ set: { st: "completed" }, del: ["cr", "pe"] });
  });

  it("HMGET by codes reads fields by name, defaults filled in, null for a record not of format 2", () => {
    const names = ["chatId", "canCancel", "status", "remains"] as const;
    const stored = encodeRecord(format1);
    const reader = fieldReader(names);
    expect(reader.decode(reader.codes.map((c) => stored[c] ?? null))).toEqual({ chatId: "5000000001", canCancel: "0", status: "pending" });
    expect(reader.decode(reader.codes.map(() => null))).toBeNull();
  });
});
