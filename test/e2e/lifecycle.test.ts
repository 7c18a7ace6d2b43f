import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D, orderPrice, partialRefund } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { categoryKey } from "../../src/store/catalog.js";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";
import { formatMoney } from "../../src/text/format.js";

/**
 * The whole life of an order with nothing faked but Telegram and the panel: a customer orders
 * through the bot, the real worker (poller + outbound queue) watches the order at the
 * simulator, and the customer hears about each change once, in their language, with the refund.
 */
const catalog = generateCatalog({ seed: 7, dripfeed: false });
const service = catalog.find((s) => s.type === "Default" && Number(s.min) <= 100 && Number(s.max) >= 100)!;
type Button = { text: string; callback_data?: string };
const buttons = (m: BotMessage): Button[] => ((m.message.reply_markup?.inline_keyboard ?? []) as Button[][]).flat();

async function step(h: Harness, u: FakeUser, act: () => unknown, pred: (m: BotMessage) => boolean): Promise<BotMessage> {
  const since = h.tg.calls().length;
  act();
  return u.waitForMessage(pred, { since, timeoutMs: 10_000 });
}

function press(u: FakeUser, data: string): void {
  const m = [...u.messages()].reverse().find((x) => buttons(x).some((b) => b.callback_data === data));
  if (!m) throw new Error(`no button ${data}`);
  u.press(data, m.message_id);
}

describe("an order's life, end to end", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      sim: { catalog },
      // The first check of a new order comes one POLL_INTERVAL_MS after it is placed.
      env: { POLL_INTERVAL_MS: "1000" },
      worker: { tracker: { timing: { intervalMs: 100, maxIntervalMs: 200 }, idleMs: 50 }, sender: { perChatMs: 20, idleMs: 20 } },
    });
  });
  afterAll(async () => h.stop());

  it("an Uzbek customer orders, is told In progress and then Partial with the exact refund", async () => {
    const u = h.tg.user({ languageCode: "uz" });
    await step(
      h,
      u,
      () => u.send("/start"),
      (m) => m.text?.includes("Tilni tanlang") ?? false,
    );
    await step(
      h,
      u,
      () => u.pressButton("zbekcha"),
      (m) => m.text?.includes("Assalomu") ?? false,
    );
    await h.deps.wallet.credit(u.id, new D("10"), { reason: "admin" });

    await step(
      h,
      u,
      () => u.send("🛒 Yangi buyurtma"),
      (m) => buttons(m).length > 0,
    );
    await step(
      h,
      u,
      () => press(u, `cs:${categoryKey(service.category)}:0`),
      (m) => buttons(m).some((b) => b.callback_data === `s:${service.service}`),
    );
    await step(
      h,
      u,
      () => press(u, `s:${service.service}`),
      (m) => buttons(m).some((b) => b.callback_data === `o:${service.service}`),
    );
    await step(
      h,
      u,
      () => press(u, `o:${service.service}`),
      (m) => m.text?.includes("havola") ?? false,
    );
    await step(
      h,
      u,
      () => u.send("https://instagram.com/panelbot_test"),
      (m) => m.method === "sendMessage",
    );
    const confirm = await step(
      h,
      u,
      () => u.send("100"),
      (m) => buttons(m).some((b) => b.callback_data?.startsWith("oc:")),
    );
    const price = orderPrice({ rate: new D(service.rate), quantity: 100, type: "Default" }, "0");
    expect(confirm.text).toContain(formatMoney(price, "uz", "USD"));

    const placed = await step(
      h,
      u,
      () => press(u, buttons(confirm).find((b) => b.callback_data?.startsWith("oc:"))!.callback_data!),
      (m) => m.text?.includes("qabul qilindi") ?? false,
    );
    const panelId = h.sim.orders().at(-1)!.id;
    expect(placed.text).toContain(panelId);
    expect(h.sim.counts().add).toBe(1);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(10).sub(price).toFixed());

    h.sim.setOrder(panelId, { status: "In progress", start_count: 500, remains: 100 });
    const progress = await u.waitForMessage((m) => m.text?.includes("Bajarilmoqda") ?? false, { since: 0, timeoutMs: 10_000 });
    expect(progress.text).toContain(panelId);

    h.sim.setOrder(panelId, { status: "Partial", remains: 40 });
    const partial = await u.waitForMessage((m) => m.text?.includes("Qisman") ?? false, { since: 0, timeoutMs: 10_000 });
    const refund = partialRefund(price, 100, 40);
    expect(partial.text).toContain(formatMoney(refund, "uz", "USD"));
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(10).sub(price).add(refund).toFixed());

    // Later rounds find nothing new: the change was told once and the refund made once.
    await new Promise((r) => setTimeout(r, 600));
    const partialMessages = u.messages().filter((m) => m.text?.includes("Qisman"));
    expect(partialMessages).toHaveLength(1);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(10).sub(price).add(refund).toFixed());
    const ledger = await h.deps.wallet.entries(u.id, 10);
    expect(ledger.filter((e) => e.reason === "refund")).toHaveLength(1);
  });
});
