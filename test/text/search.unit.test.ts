import { describe, expect, it } from "vitest";
import { matchesTerms, normalizeForSearch, searchTerms } from "../../src/text/search.js";

describe("search normalization", () => {
  it("ignores case and the Uzbek apostrophe variants", () => {
    const name = normalizeForSearch("Instagram koʻrishlar [Tez]");
    for (const q of ["ko'rishlar", "KO`RISHLAR", "ko’rishlar", "koʻrishlar", "korishlar"]) expect(matchesTerms(name, searchTerms(q))).toBe(true);
  });
  it("reads Cyrillic look-alikes inside a Latin word as Latin", () => {
    expect(normalizeForSearch("Тelegram")).toBe("telegram");
    expect(normalizeForSearch("Рrеmium")).toBe("premium");
    expect(matchesTerms(normalizeForSearch("Obuna"), searchTerms("Оbunа"))).toBe(true);
  });
  it("transliterates a word typed all in Cyrillic, the Uzbek way", () => {
    expect(matchesTerms(normalizeForSearch("Telegram obunachilar"), searchTerms("Телеграм обуна"))).toBe(true);
    expect(matchesTerms(normalizeForSearch("Koʻrishlar"), searchTerms("Кўришлар"))).toBe(true);
    expect(matchesTerms(normalizeForSearch("Gʻildirak"), searchTerms("ғилдирак"))).toBe(true);
  });
  it("needs every word, in any order", () => {
    const name = normalizeForSearch("Telegram members | Premium");
    expect(matchesTerms(name, searchTerms("premium telegram"))).toBe(true);
    expect(matchesTerms(name, searchTerms("premium youtube"))).toBe(false);
    expect(matchesTerms(name, searchTerms("  ,. "))).toBe(false);
  });
});
