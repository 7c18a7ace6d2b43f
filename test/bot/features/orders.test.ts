import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PanelService } from "../../../src/panel/schemas.js";
import type { OrderRecord } from "../../../src/store/orders.js";
import type { BotMessage, FakeUser } from "../../support/fake-bot-api.js";
import { startHarness, type Harness } from "../../support/harness.js";
import { placeTestOrder } from "../../support/orders.js";
import { keys } from "../../../src/store/keys.js";

describe("My orders end to end", () => {
  let h: Harness;
  let withRefillAndCancel: PanelService;
  let withNeither: PanelService;

  beforeAll(async () => {
    h = await startHarness();
    const { services } = await h.deps.panel.services();
    // The simulator's first two services are fixed: refill and cancel, then neither.
    withRefillAndCancel = services[0]!;
    withNeither = services[1]!;
  });
  afterAll(async () => h.stop());

  /** A placed order, charged from a funded wallet, with a real order behind it in the simulator. */
  const placed = (userId: number, service: PanelService, local: Partial<Pick<OrderRecord, "canRefill" | "canCancel" | "link">> = {}) =>
    placeTestOrder(h.deps, userId, service, { price: "1.5", ...local });

  async function completed(userId: number, service: PanelService, local: Partial<Pick<OrderRecord, "canRefill" | "canCancel">> = {}) {
    const order = await placed(userId, service, local);
    h.sim.setOrder(order.panelOrderId, { status: "Completed", start_count: 40 });
    await h.deps.orders.update(order.id, { status: "completed", statusRaw: "Completed", remains: 0, startCount: 40 });
    return order;
  }

  const buttons = (m: BotMessage): { text: string; callback_data?: string }[] => (m.message.reply_markup?.inline_keyboard ?? []).flat();
  const panelCalls = (action: string) => h.sim.requests().filter((r) => r.action === action).length;
  const edited = (u: FakeUser, part: string) => u.waitForMessage((m) => m.method === "editMessageText" && (m.text ?? "").includes(part));
  const answered = async (u: FakeUser, count: number) => {
    await vi.waitFor(() => expect(u.callbackAnswers().length).toBe(count));
    return u.callbackAnswers().at(-1)!;
  };

  /** Opens the details card of an order from a fresh list. */
  async function openDetails(u: FakeUser, orderId: string): Promise<BotMessage> {
    u.send("/orders");
    await u.waitForMessage((m) => (m.text ?? "").includes("Your orders"));
    u.pressButton(`#${orderId} `);
    return edited(u, `Order #${orderId}`);
  }

  it("points a user without orders to /order", async () => {
    const u = h.tg.user({ languageCode: "en" });
    u.send("/orders");
    const reply = await u.waitForMessage();
    expect(reply.text).toContain("no orders yet");
    expect(reply.text).toContain("/order");
  });

  it("lists 20 orders newest first, 8 a page, with « and »", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await placed(u.id, i % 2 ? withNeither : withRefillAndCancel)).id);
    const newestFirst = [...ids].reverse();

    u.send("📦 My orders");
    const first = await u.waitForMessage((m) => (m.text ?? "").includes("Your orders"));
    expect(first.text).toContain("page 1 of 3");
    expect(buttons(first).map((b) => b.text.split(" ")[0])).toEqual([...newestFirst.slice(0, 8).map((id) => `#${id}`), "»"]);
    const newest = (await h.deps.orders.get(newestFirst[0]!))!;
    expect(first.text).toContain(`<b>#${newest.id}</b> · <code>${newest.panelOrderId}</code>`);
    expect(first.text).toContain("Pending");
    for (const b of buttons(first)) expect(Buffer.byteLength(b.callback_data ?? "")).toBeLessThanOrEqual(64);

    u.pressButton("»");
    const second = await edited(u, "page 2 of 3");
    expect(second.message_id).toBe(first.message_id);
    expect(buttons(second).map((b) => b.text.split(" ")[0])).toEqual(["#" + newestFirst[8], ...newestFirst.slice(9, 16).map((id) => `#${id}`), "«", "»"]);

    u.pressButton("»");
    const third = await edited(u, "page 3 of 3");
    expect(buttons(third).map((b) => b.text.split(" ")[0])).toEqual([...newestFirst.slice(16).map((id) => `#${id}`), "«"]);

    u.pressButton("«");
    await edited(u, "page 2 of 3");
  });

  it("shows an order's details and goes back to its page", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const order = await placed(u.id, withRefillAndCancel, { link: "https://t.me/<script>&x" });
    const card = await openDetails(u, order.id);
    expect(card.text).toContain(withRefillAndCancel.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(card.text).toContain("https://t.me/&lt;script&gt;&amp;x");
    expect(card.text).toContain(`Quantity: ${withRefillAndCancel.min.toLocaleString("en-US")}`);
    expect(card.text).toContain("Paid: 1.50 USD");
    expect(card.text).toContain("Status: <b>⏳ Pending</b>");
    expect(card.text).toContain(order.panelOrderId);
    // Pending: it can be cancelled, not refilled yet.
    expect(buttons(card).map((b) => b.text)).toEqual(["❌ Cancel", "🔁 Order again", "🔄 Refresh", "⬅️ Back"]);

    u.pressButton("Back");
    await edited(u, "Your orders");
  });

  it("refreshes the status from the panel and queues the order for the poller", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const order = await placed(u.id, withRefillAndCancel);
    await openDetails(u, order.id);
    h.sim.setOrder(order.panelOrderId, { status: "In progress", start_count: 321 });

    u.pressButton("Refresh");
    const live = await edited(u, "Current status");
    expect(live.text).toContain("In progress");
    expect(live.text).toContain("Start count: 321");
    expect(Number(await h.redis.redis.zscore(keys(h.config.redis.prefix).pollDue, order.id))).toBeLessThanOrEqual(Date.now());
  });

  it("refills a completed order: the refill id is stored and tracked", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const order = await completed(u.id, withRefillAndCancel);
    const card = await openDetails(u, order.id);
    expect(buttons(card).map((b) => b.text)).toEqual(["♻️ Refill", "🔁 Order again", "🔄 Refresh", "⬅️ Back"]);
    const before = panelCalls("refill");

    u.pressButton("Refill");
    const done = await edited(u, "Refill requested");
    const stored = (await h.deps.orders.get(order.id))!;
    expect(stored.refillId).toBeDefined();
    expect(done.text).toContain(`ID ${stored.refillId}`);
    expect(stored.refillStatus).toBe("pending");
    expect(await h.redis.redis.zscore(keys(h.config.redis.prefix).refillDue, order.id)).not.toBeNull();
    expect(panelCalls("refill")).toBe(before + 1);
    // The refill in progress replaces the button.
    expect(buttons(done).map((b) => b.text)).not.toContain("♻️ Refill");
  });

  it("shows the panel's reason when it refuses a refill, localized or escaped", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const disabled = await completed(u.id, withNeither, { canRefill: true });
    await openDetails(u, disabled.id);
    u.pressButton("Refill");
    await edited(u, "does not allow a refill");

    const odd = await completed(u.id, withRefillAndCancel);
    await openDetails(u, odd.id);
    h.sim.injectFault({ kind: "error", action: "refill", message: "<b>Refill</b> queue & limits" });
    u.pressButton("Refill");
    const shown = await edited(u, "The service answered");
    expect(shown.text).toContain("&lt;b&gt;Refill&lt;/b&gt; queue &amp; limits");
    expect((await h.deps.orders.get(odd.id))?.refillId).toBeUndefined();
  });

  it("cancels a pending order after a confirmation, once even on a double tap", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const order = await placed(u.id, withRefillAndCancel);
    await openDetails(u, order.id);
    const before = panelCalls("cancel");
    const answers = u.callbackAnswers().length;

    u.pressButton("❌ Cancel");
    const ask = await edited(u, `Cancel order <b>#${order.id}</b>`);
    expect(panelCalls("cancel")).toBe(before);
    const yes = buttons(ask).find((b) => b.text.includes("Yes"))!;

    u.press(yes.callback_data!, ask.message_id);
    u.press(yes.callback_data!, ask.message_id);
    await edited(u, "Cancellation requested");
    const second = await answered(u, answers + 3);
    expect(second.text).toContain("already sent");
    expect(panelCalls("cancel")).toBe(before + 1);
    expect(h.sim.getOrder(order.panelOrderId)?.status).toBe("Canceled");
    expect(Number(await h.redis.redis.zscore(keys(h.config.redis.prefix).pollDue, order.id))).toBeLessThanOrEqual(Date.now());
  });

  it("refuses forged buttons: other users' orders, unknown ids, garbage and over-long data", async () => {
    const owner = h.tg.user({ languageCode: "en" });
    const victim = await completed(owner.id, withRefillAndCancel);
    const pending = await placed(owner.id, withRefillAndCancel);
    const intruder = h.tg.user({ languageCode: "en" });
    intruder.send("/orders");
    await intruder.waitForMessage();
    const refills = panelCalls("refill");
    const cancels = panelCalls("cancel");
    const statuses = panelCalls("status");

    const forged = [`mo:d:${victim.id}:0`, `mo:f:${victim.id}:0`, `mo:u:${victim.id}:0`, `mo:c:${pending.id}:0`, `mo:y:${pending.id}:0`, "mo:y:999999999:0"];
    for (const [i, data] of forged.entries()) {
      intruder.press(data, 1);
      expect((await answered(intruder, i + 1)).text).toContain("Order not found");
    }
    const garbage = ["mo:y:abc:0", `mo:y:${"9".repeat(70)}:0`, "mo:f:1", "💥"];
    for (const [i, data] of garbage.entries()) {
      intruder.press(data, 1);
      expect((await answered(intruder, forged.length + i + 1)).text).toContain("no longer active");
    }

    expect(panelCalls("refill")).toBe(refills);
    expect(panelCalls("cancel")).toBe(cancels);
    expect(panelCalls("status")).toBe(statuses);
    expect(intruder.messages().some((m) => (m.text ?? "").includes(victim.panelOrderId))).toBe(false);
    expect((await h.deps.orders.get(pending.id))?.status).toBe("pending");
  });

  it("speaks Uzbek to an Uzbek user", async () => {
    const u = h.tg.user({ languageCode: "uz" });
    u.send("/orders");
    expect((await u.waitForMessage()).text).toContain("hali buyurtmalar yoʻq");

    const order = await placed(u.id, withRefillAndCancel);
    u.send("📦 Buyurtmalarim");
    const list = await u.waitForMessage((m) => (m.text ?? "").includes("Buyurtmalaringiz"));
    expect(list.text).toContain("1/1-sahifa");
    expect(list.text).toContain("Navbatda");
    u.pressButton(`#${order.id} `);
    const card = await edited(u, `#${order.id} buyurtma`);
    expect(card.text).toContain("Toʻlangan: 1,50 USD");
    expect(buttons(card).map((b) => b.text)).toEqual(["❌ Bekor qilish", "🔁 Yana buyurtma berish", "🔄 Yangilash", "⬅️ Orqaga"]);
  });
});
