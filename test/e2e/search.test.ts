import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimService } from "../../src/panel/simulator/catalog.js";
import { keys } from "../../src/store/keys.js";
import { after, buttonsOf, customer, has, pressData } from "../support/chat.js";
import { startHarness, type Harness } from "../support/harness.js";

const sim = (service: string, name: string, category: string, type = "Default"): SimService => ({
  service,
  name,
  type,
  category,
  rate: "1.5",
  min: "10",
  max: "1000",
  refill: false,
  cancel: false,
  dripfeed: false,
});
const catalog: SimService[] = [
  ...Array.from({ length: 23 }, (_, i) => sim(String(100 + i), `Instagram koʻrishlar #${i + 1}`, "Instagram")),
  sim("200", "Telegram obunachilar [Real]", "Telegram"),
  sim("201", "Telegram aʼzolar <premium>", "Telegram"),
  // A type the bot cannot order is never offered, so never found either.
  sim("300", "Telegram obunachilar subscription", "Telegram", "Subscriptions"),
];

describe("service search end to end", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog } });
  });
  afterAll(async () => h.stop());

  it("the menu button asks, the answer searches with any apostrophe; results are paged service buttons", async () => {
    const u = await customer(h, { locale: "en" });
    const question = await after(h, u, () => u.send("🔍 Search"), has("What are you looking for?"));
    expect(question.reply_markup).toMatchObject({ force_reply: true });

    const results = await after(h, u, () => u.reply("KO'RISHLAR", question.message_id), has("services</b> for «KO'RISHLAR»"));
    expect(results.text).toContain("<b>23 services</b>");
    expect(results.text).toContain("(page 1 of 3)");
    const buttons = buttonsOf(results);
    expect(buttons.slice(0, 10).map((b) => b.callback_data)).toEqual(Array.from({ length: 10 }, (_, i) => `s:${100 + i}`));
    expect(buttons[0]!.text).toBe("Instagram koʻrishlar #1 — 1.50 USD per 1000");
    expect(buttons.at(-1)).toEqual({ text: "»", callback_data: "sq:1" });
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data ?? "")).toBeLessThanOrEqual(64);

    const page2 = await after(h, u, () => pressData(u, "sq:1"), has("(page 2 of 3)"));
    expect(page2.method).toBe("editMessageText");
    expect(
      buttonsOf(page2)
        .map((b) => b.callback_data)
        .slice(-2),
    ).toEqual(["sq:0", "sq:2"]);

    // A result is the catalog's service card, with its Order button.
    const card = await after(h, u, () => pressData(u, "s:110"), has("Price per 1000"));
    expect(buttonsOf(card).map((b) => b.callback_data)).toContain("o:110");
  });

  it("/search with Cyrillic, other apostrophes and HTML in names; an unsupported type and nothing found", async () => {
    const u = await customer(h, { locale: "en" });
    const tg = await after(h, u, () => u.send("/search Телеграм обуна"), has("for «Телеграм обуна»"));
    expect(buttonsOf(tg).map((b) => b.callback_data)).toEqual(["s:200"]);
    expect(tg.text).toContain("<b>1 service</b>");

    const azo = await after(h, u, () => u.send("/search a`zolar"), has("«a`zolar»"));
    expect(buttonsOf(azo).map((b) => b.text)).toEqual(["Telegram aʼzolar <premium> — 1.50 USD per 1000"]);

    const none = await after(h, u, () => u.send("/search subscription"), has("Nothing found"));
    expect(none.text).toContain("«subscription»");
    const escaped = await after(h, u, () => u.send("/search <b>x</b>"), has("Nothing found"));
    expect(escaped.text).toContain("«&lt;b&gt;x&lt;/b&gt;»");

    const ask = await after(h, u, () => u.send("/search"), has("What are you looking for?"));
    expect(ask.reply_markup).toMatchObject({ force_reply: true });
  });

  it("a page of an expired search says so; the query never rides in callback data", async () => {
    const u = await customer(h, { locale: "en" });
    await after(h, u, () => u.send(`/search ${"instagram ".repeat(12)}`), has("(page 1 of 3)"));
    await h.redis.redis.del(keys(h.config.redis.prefix).searchQuery(u.id));
    const since = h.tg.calls().length;
    pressData(u, "sq:1");
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.show_alert === true, { since });
    expect(u.callbackAnswers().at(-1)!.text).toContain("This search has expired");
  });

  it("in Uzbek and Russian", async () => {
    const uz = await customer(h, { locale: "uz" });
    const q1 = await after(h, uz, () => uz.send("🔍 Qidirish"), has("Nima qidiryapsiz?"));
    const r1 = await after(h, uz, () => uz.reply("koʻrishlar", q1.message_id), has("topildi"));
    expect(r1.text).toContain("«koʻrishlar» boʻyicha <b>23 ta xizmat</b> topildi (1/3-sahifa)");

    const ru = await customer(h, { locale: "ru" });
    const q2 = await after(h, ru, () => ru.send("🔍 Поиск"), has("Что ищете?"));
    const r2 = await after(h, ru, () => ru.reply("кўришлар", q2.message_id), has("найдено"));
    expect(r2.text).toContain("По запросу «кўришлар» найдено <b>23 услуги</b> (страница 1 из 3)");
    const r3 = await after(h, ru, () => ru.send("/search телеграм"), has("найдено"));
    expect(r3.text).toContain("<b>2 услуги</b>");
    const r4 = await after(h, ru, () => ru.send("/search обуна"), has("найдена"));
    expect(r4.text).toContain("найдена <b>1 услуга</b>");
  });
});
