import { describe, expect, it } from "vitest";
import { buildSearchIndex, search, searchIndexOf, shopSearchDocuments } from "../../src/catalog/search-index.js";
import { buildShopCatalog, emptyCuration, type PanelCategory } from "../../src/catalog/shop.js";
import { D } from "../../src/money.js";
import type { PanelService } from "../../src/panel/schemas.js";

const svc = (id: string, name: string, category: string): PanelService => ({
  id,
  name,
  type: "Default",
  category,
  rate: new D("1"),
  min: 10,
  max: 1000,
  refill: false,
  cancel: false,
  dripfeed: false,
  description: undefined,
});

const services = [
  svc("1", "IG Followers HQ", "Instagram"),
  svc("2", "IG Likes fast", "Instagram"),
  svc("3", "TG members premium", "Telegram"),
  svc("4", "TG secret members", "Telegram"),
  svc("5", "YT views", "YouTube"),
];
const categories: PanelCategory[] = [
  { key: "ig", name: "Instagram", serviceIds: ["1", "2"] },
  { key: "tg", name: "Telegram", serviceIds: ["3", "4"] },
  { key: "yt", name: "YouTube", serviceIds: ["5"] },
];
const shop = buildShopCatalog({
  fetchedAt: 1,
  categories,
  services: new Map(services.map((s) => [s.id, s])),
  curation: {
    ...emptyCuration(),
    services: {
      "1": { names: { uz: "Instagram obunachilar (sifatli)", ru: "Подписчики Instagram", en: "Instagram followers" } },
      "2": { names: { uz: "Instagram koʻrishlar va layklar", ru: "Лайки Instagram", en: "Instagram likes" } },
      "3": { names: { uz: "Telegram aʼzolar premium", ru: "Участники Telegram премиум", en: "Telegram members premium" } },
      "4": { hidden: true, names: { uz: "Yashirin aʼzolar", ru: "Скрытые участники", en: "Hidden members" } },
    },
    categories: { yt: { hidden: true } },
  },
  rules: { globalMarkupPercent: "0" },
  exchangeRate: new D(1),
});
const index = searchIndexOf(shop, shopSearchDocuments);

describe("customer service search", () => {
  it("finds the owner's names in every language and the panel's name", () => {
    expect(search(index, "followers")).toEqual(["1"]);
    expect(search(index, "obunachilar")).toEqual(["1"]);
    expect(search(index, "подписчики")).toEqual(["1"]);
    expect(search(index, "IG likes")).toEqual(["2"]);
    // the category's name
    expect(search(index, "instagram")).toEqual(["1", "2"]);
  });

  it("ignores the Uzbek apostrophe variants, case and Cyrillic look-alikes", () => {
    for (const q of ["ko'rishlar", "KO`RISHLAR", "ko’rishlar", "koʻrishlar", "korishlar", "кўришлар"]) expect(search(index, q)).toEqual(["2"]);
    for (const q of ["a'zolar", "aʼzolar", "Аʼzolar", "азолар", "Телеграм премиум"]) expect(search(index, q)).toEqual(["3"]);
    // "Теlеgram" typed with Cyrillic е and Т inside a Latin word
    expect(search(index, "Теlеgram")).toEqual(["3"]);
  });

  it("never finds a hidden service, or a service of a hidden category", () => {
    expect(search(index, "secret")).toEqual([]);
    expect(search(index, "Yashirin")).toEqual([]);
    expect(search(index, "members")).toEqual(["3"]);
    expect(search(index, "youtube")).toEqual([]);
    expect(search(index, "views")).toEqual([]);
  });

  it("needs every word; an empty query finds nothing", () => {
    expect(search(index, "telegram likes")).toEqual([]);
    expect(search(index, "  ,. ")).toEqual([]);
  });

  it("is built once per catalog build", () => {
    expect(searchIndexOf(shop, shopSearchDocuments)).toBe(index);
    expect(buildSearchIndex([{ serviceId: "x", texts: ["Oʻzbek", "O'zbek", "ozbek"] }]).entries).toEqual([{ serviceId: "x", text: "ozbek" }]);
  });
});
