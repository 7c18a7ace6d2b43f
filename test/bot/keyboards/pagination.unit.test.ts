import { describe, expect, it } from "vitest";
import type { InlineKeyboardButton } from "grammy/types";
import { anyOrderWalkData } from "../../../src/bot/callback-data/order-walk.js";
import { categoriesKeyboard, serviceCardKeyboard, servicesKeyboard } from "../../../src/bot/keyboards/catalog.js";
import { PAGE_SIZE, pageNavigation, pageOf, paginate } from "../../../src/bot/keyboards/pagination.js";
import { serviceSchema } from "../../../src/panel/schemas.js";
import { generateCatalog } from "../../../src/panel/simulator/catalog.js";
import { buildCatalog, type Catalog } from "../../../src/store/catalog.js";
import { buildShopCatalog, emptyCuration } from "../../../src/catalog/shop.js";
import { D } from "../../../src/money.js";

const shopOf = (c: Catalog) =>
  buildShopCatalog({ fetchedAt: c.fetchedAt, categories: c.categories, services: c.service, curation: emptyCuration(), rules: { globalMarkupPercent: "0" }, exchangeRate: new D(1) });

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("paginate", () => {
  it("cuts a list into pages of PAGE_SIZE", () => {
    const p = paginate(numbers(25), 1);
    expect(p).toEqual({ items: numbers(10).map((i) => i + 10), page: 1, pages: 3 });
    expect(paginate(numbers(25), 2).items).toEqual([20, 21, 22, 23, 24]);
  });

  it("has one (empty) page for an empty list", () => {
    expect(paginate([], 0)).toEqual({ items: [], page: 0, pages: 1 });
  });

  it("clamps pages out of range, as forged or stale callback data may ask", () => {
    expect(paginate(numbers(25), 99).page).toBe(2);
    expect(paginate(numbers(25), -3).page).toBe(0);
    expect(paginate(numbers(25), Number.NaN).page).toBe(0);
    expect(paginate(numbers(25), 1.5).page).toBe(0);
  });

  it("finds the page of an item", () => {
    expect(pageOf(0)).toBe(0);
    expect(pageOf(PAGE_SIZE - 1)).toBe(0);
    expect(pageOf(PAGE_SIZE)).toBe(1);
    expect(pageOf(-1)).toBe(0);
  });

  it("offers « and » only where there is a page to go to", () => {
    const data = (p: number) => `x:${p}`;
    expect(pageNavigation(paginate(numbers(5), 0), data)).toEqual([]);
    expect(pageNavigation(paginate(numbers(25), 0), data)).toEqual([{ text: "»", callback_data: "x:1" }]);
    expect(pageNavigation(paginate(numbers(25), 1), data)).toEqual([
      { text: "«", callback_data: "x:0" },
      { text: "»", callback_data: "x:2" },
    ]);
    expect(pageNavigation(paginate(numbers(25), 2), data)).toEqual([{ text: "«", callback_data: "x:1" }]);
  });
});

describe("catalog keyboards of a real-size panel (3,000 services, 120 categories)", () => {
  const services = generateCatalog({ services: 3000, categories: 120 }).map((s) => serviceSchema.parse(s));
  const catalog = shopOf(buildCatalog(services, Date.now()));
  const labels = { price: () => "1.23456 USD per 1000", back: "⬅️ Back" };

  function checkLimits(rows: InlineKeyboardButton[][]): void {
    const buttons = rows.flat();
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(100);
    expect(rows.every((r) => r.length > 0)).toBe(true);
    for (const b of buttons) {
      const data = (b as InlineKeyboardButton.CallbackButton).callback_data;
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(anyOrderWalkData.test(data)).toBe(true);
    }
  }

  it("every page of categories and of every category's services stays within Telegram's limits", () => {
    expect(catalog.categories.length).toBeGreaterThan(100);
    const categoryPages = Math.ceil(catalog.categories.length / PAGE_SIZE);
    const seenCategories = new Set<string>();
    for (let page = 0; page < categoryPages; page++) {
      const { keyboard } = categoriesKeyboard(catalog, page, "en");
      checkLimits(keyboard.inline_keyboard);
      for (const b of keyboard.inline_keyboard.flat()) seenCategories.add((b as InlineKeyboardButton.CallbackButton).callback_data);
    }
    // Every category is reachable through the pages (plus the « » buttons).
    expect([...seenCategories].filter((d) => d.startsWith("cs:")).length).toBe(catalog.categories.length);

    let offered = 0;
    for (const category of catalog.categories) {
      const pages = Math.ceil(category.serviceIds.length / PAGE_SIZE);
      for (let page = 0; page < pages; page++) {
        const { keyboard } = servicesKeyboard(catalog, category, page, "en", labels);
        checkLimits(keyboard.inline_keyboard);
        offered += keyboard.inline_keyboard.flat().filter((b) => (b as InlineKeyboardButton.CallbackButton).callback_data.startsWith("s:")).length;
      }
    }
    expect(offered).toBe(catalog.service.size);
  });

  it("a service card's Back leads to the page the service is listed on", () => {
    const category = catalog.categories[57]!;
    const serviceId = category.serviceIds[category.serviceIds.length - 1]!;
    const keyboard = serviceCardKeyboard(catalog, catalog.service.get(serviceId)!, { order: "Order", back: "Back" });
    const back = keyboard.inline_keyboard[1]![0] as InlineKeyboardButton.CallbackButton;
    const page = Math.floor((category.serviceIds.length - 1) / PAGE_SIZE);
    expect(back.callback_data).toBe(`cs:${category.key}:${page}`);
    const { keyboard: list } = servicesKeyboard(catalog, category, page, "en", labels);
    expect(list.inline_keyboard.flat().some((b) => (b as InlineKeyboardButton.CallbackButton).callback_data === `s:${serviceId}`)).toBe(true);
  });

  it("a services list's Back leads to the categories page that holds its category", () => {
    const category = catalog.categories[57]!;
    const { keyboard } = servicesKeyboard(catalog, category, 0, "en", labels);
    const back = keyboard.inline_keyboard.at(-1)![0] as InlineKeyboardButton.CallbackButton;
    expect(back.callback_data).toBe(`cp:${Math.floor(57 / PAGE_SIZE)}`);
  });

  it("button texts start with the name and shorten long names with …", () => {
    const long = serviceSchema.parse({ service: 1, name: "N".repeat(300), type: "Default", category: `C${"c".repeat(300)}`, rate: "1", min: 1, max: 10 });
    const small = shopOf(buildCatalog([long], Date.now()));
    const { keyboard } = categoriesKeyboard(small, 0, "en");
    const text = keyboard.inline_keyboard[0]![0]!.text;
    expect(text.startsWith("Cccc")).toBe(true);
    expect(text).toContain("…");
    expect([...text].length).toBeLessThan(60);
  });
});
