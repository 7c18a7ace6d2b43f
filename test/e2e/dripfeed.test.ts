import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D, orderPrice, partialRefund } from "../../src/money.js";
import { generateCatalog, type SimService } from "../../src/panel/simulator/catalog.js";
import { formatMoney } from "../../src/text/format.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { after, buttonsOf, customer, has, openOrderDialog } from "../support/chat.js";
import { startHarness, type Harness } from "../support/harness.js";

/** Seed 1: service 0 is Default with drip-feed (rate 9, 10…10,000); service 1 has no drip-feed. */
const catalog = generateCatalog({ seed: 1 });
const drip = catalog[0]!;
const plain = catalog.find((s, i) => i > 0 && s.type === "Default" && !s.dripfeed && Number(s.max) >= 200)!;

async function toQuantityPrompt(h: Harness, u: FakeUser, svc: SimService, link: string): Promise<void> {
  await openOrderDialog(h, u, svc);
  await after(
    h,
    u,
    () => u.send(link),
    (m) => m.method === "sendMessage",
  );
}
const addsFor = (h: Harness, link: string) => h.sim.requests().filter((r) => r.action === "add" && r.params.link === link);

describe("drip-feed orders", () => {
  let h: Harness;
  beforeAll(async () => {
    expect(drip.dripfeed).toBe(true);
    h = await startHarness({
      sim: { catalog },
      env: { POLL_INTERVAL_MS: "1000" },
      worker: { tracker: { timing: { intervalMs: 100, maxIntervalMs: 200 }, idleMs: 50 }, sender: { perChatMs: 20, idleMs: 20 } },
    });
  });
  afterAll(async () => h.stop());

  it("runs and interval are asked and checked, the price is × runs, add carries both, and a Partial refunds the undelivered share of the whole", async () => {
    const u = await customer(h, { locale: "en", balance: "50" });
    const link = "https://t.me/drip_en";
    await toQuantityPrompt(h, u, drip, link);
    const question = await after(h, u, () => u.send("1000"), has("drip-feed"));
    expect(buttonsOf(question).map((b) => b.text)).toEqual(["💧 Yes, in parts", "➡️ No, all at once", "❌ Cancel"]);
    // A text is no answer to a yes/no question.
    await after(h, u, () => u.send("maybe"), has("Press one of the buttons"));

    const askRuns = await after(h, u, () => u.pressButton("Yes, in parts"), has("How many runs?"));
    expect(askRuns.text).toContain("from 2 to 10 (1,000 each run)");
    // 11 × 1,000 is over the service maximum of 10,000; 1 run is no drip-feed.
    await after(h, u, () => u.send("11"), has("whole number of runs from 2 to 10"));
    await after(h, u, () => u.send("1"), has("whole number of runs from 2 to 10"));
    await after(h, u, () => u.send("3"), has("How many minutes between two runs?"));
    await after(h, u, () => u.send("0"), has("from 1 to 10,080"));
    await after(h, u, () => u.send("99999"), has("from 1 to 10,080"));
    const confirm = await after(h, u, () => u.send("30"), has("Check your order"));

    const price = orderPrice({ rate: new D(drip.rate), quantity: 1000, type: "Default", runs: 3 }, "0");
    expect(price.toFixed()).toBe("27");
    expect(confirm.text).toContain("Quantity: <b>1,000</b>");
    expect(confirm.text).toContain("Drip-feed: <b>3</b> runs, every 30 min — <b>3,000</b> in total");
    expect(confirm.text).toContain("Price: <b>27.00 USD</b>");

    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    expect(addsFor(h, link)).toEqual([{ action: "add", params: { service: drip.service, link, quantity: "1000", runs: "3", interval: "30" } }]);
    const simOrder = h.sim.orders().find((o) => o.link === link)!;
    expect(simOrder).toMatchObject({ quantity: 1000, runs: 3, interval: 30 });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("23");
    const order = (await h.deps.orders.listForUser(u.id, 0, 1)).orders[0]!;
    expect(order).toMatchObject({ quantity: 1000, runs: 3, interval: 30, price: "27" });

    // 1,200 of the 3,000 were not delivered: 1,200 / 3,000 of the price comes back.
    h.sim.setOrder(simOrder.id, { status: "Partial", remains: 1200 });
    const refund = partialRefund(price, 3000, 1200);
    expect(refund.toFixed()).toBe("10.8");
    const partial = await u.waitForMessage(has("Partially completed"), { since: 0, timeoutMs: 10_000 });
    expect(partial.text).toContain(formatMoney(refund, "en", "USD"));
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(23).add(refund).toFixed());

    // My orders shows the runs.
    await after(h, u, () => u.send("/orders"), has("Your orders"));
    const details = await after(h, u, () => u.pressButton(`#${order.id}`), has("Drip-feed:"));
    expect(details.text).toContain("Drip-feed: 3 runs, every 30 min (3,000 in total)");
  });

  it("No keeps a single delivery; a quantity that cannot run twice and a service without drip-feed are not asked", async () => {
    const u = await customer(h, { locale: "en", balance: "500" });
    await toQuantityPrompt(h, u, drip, "https://t.me/drip_no");
    await after(h, u, () => u.send("1000"), has("drip-feed"));
    await after(h, u, () => u.pressButton("No, all at once"), has("Check your order"));
    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    expect(addsFor(h, "https://t.me/drip_no")[0]!.params).toEqual({ service: drip.service, link: "https://t.me/drip_no", quantity: "1000" });

    // 6,000 × 2 is over 10,000: straight to the confirmation.
    await toQuantityPrompt(h, u, drip, "https://t.me/drip_big");
    const big = await after(
      h,
      u,
      () => u.send("6000"),
      (m) => m.method === "sendMessage",
    );
    expect(big.text).toContain("Check your order");

    await toQuantityPrompt(h, u, plain, "https://t.me/drip_plain");
    const noDrip = await after(
      h,
      u,
      () => u.send(plain.min),
      (m) => m.method === "sendMessage",
    );
    expect(noDrip.text).toContain("Check your order");
  });

  it("in Uzbek and Russian", async () => {
    const uz = await customer(h, { locale: "uz", balance: "50" });
    await toQuantityPrompt(h, uz, drip, "https://t.me/drip_uz");
    await after(h, uz, () => uz.send("1000"), has("qismlab"));
    await after(h, uz, () => uz.pressButton("Ha, qismlab"), has("Necha marta"));
    await after(h, uz, () => uz.send("2"), has("necha daqiqa"));
    const c1 = await after(h, uz, () => uz.send("15"), has("Buyurtmani tekshiring"));
    expect(c1.text).toContain("Qismlab: <b>2</b> marta, har 15 daqiqada — jami <b>2\u00a0000</b>");

    const ru = await customer(h, { locale: "ru", balance: "50" });
    await toQuantityPrompt(h, ru, drip, "https://t.me/drip_ru");
    await after(h, ru, () => ru.send("1000"), has("частями"));
    await after(h, ru, () => ru.pressButton("Да, частями"), has("Сколько запусков"));
    await after(h, ru, () => ru.send("5"), has("Сколько минут"));
    const c2 = await after(h, ru, () => ru.send("60"), has("всего"));
    expect(c2.text).toContain("Частями: <b>5</b> запусков, каждые 60 мин. — всего <b>5\u00a0000</b>");
  });
});
