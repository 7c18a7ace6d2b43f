import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import type { PanelService } from "../../src/panel/schemas.js";
import { placeOrder } from "../../src/services/placement.js";
import { requestCancel, requestRefill } from "../../src/services/order-actions.js";
import type { OrderRecord } from "../../src/store/orders.js";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";
import { placeTestOrder } from "../support/orders.js";

/*
 * Panels on other scripts, end to end: the simulator speaks the dialect, the real client reads it,
 * the services decide, and the customer gets the matching message through the fake Bot API.
 */

const ADMIN = 4343;
const buttons = (m: BotMessage): string[] => (m.message.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
const edited = (u: FakeUser, part: string) => u.waitForMessage((m) => m.method === "editMessageText" && (m.text ?? "").includes(part));

/** Opens the details card of an order from a fresh list, in any language. */
async function openDetails(u: FakeUser, orderId: string): Promise<BotMessage> {
  u.send("/orders");
  await u.waitForMessage((m) => buttons(m).some((b) => b.startsWith(`#${orderId} `)));
  u.pressButton(`#${orderId} `);
  return edited(u, `#${orderId}`);
}

async function completedOrder(h: Harness, userId: number, service: PanelService, link?: string): Promise<{ id: string; panelOrderId: string }> {
  const order = await placeTestOrder(h.deps, userId, service, { price: "1", ...(link && { link }) });
  h.sim.setOrder(order.panelOrderId, { status: "Completed" });
  await h.deps.orders.update(order.id, { status: "completed", statusRaw: "Completed", remains: 0 });
  return order;
}

describe("a SmartPanel shop (no refill, no cancel at the panel)", () => {
  let h: Harness;
  let service: PanelService;
  beforeAll(async () => {
    h = await startHarness({ sim: { dialect: "smartpanel" } });
    // The simulator's first service offers refill and cancel in its catalog; SmartPanel still lacks the actions.
    service = (await h.deps.panel.services()).services[0]!;
  });
  afterAll(async () => h.stop());
  const calls = (action: string) => h.sim.requests().filter((r) => r.action === action).length;

  it("tells the customer the shop's panel does not support a refill, and stops offering it", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const order = await completedOrder(h, u.id, service);
    const card = await openDetails(u, order.id);
    expect(buttons(card)).toContain("♻️ Refill");
    u.pressButton("Refill");
    const shown = await edited(u, "does not support this action");
    expect(buttons(shown)).not.toContain("♻️ Refill");
    expect((await h.deps.orders.get(order.id))?.canRefill).toBe(false);
    // A stale button pressed again is refused locally, without asking the panel.
    const before = calls("refill");
    expect(await requestRefill(h.deps, u.id, order.id)).toMatchObject({ outcome: "not_allowed", reason: "not_supported" });
    expect(calls("refill")).toBe(before);
  });

  it("the same for a cancel, in Uzbek", async () => {
    const u = h.tg.user({ languageCode: "uz" });
    const order = await placeTestOrder(h.deps, u.id, service, { price: "1" });
    await openDetails(u, order.id);
    u.pressButton("❌");
    await u.waitForMessage((m) => buttons(m).some((b) => b.includes("Ha, bekor qilinsin")));
    u.pressButton("Ha, bekor qilinsin");
    const shown = await edited(u, "bu amalni qoʻllab-quvvatlamaydi");
    expect(buttons(shown).some((b) => b.startsWith("❌"))).toBe(false);
    expect((await h.deps.orders.get(order.id))?.canCancel).toBe(false);
    expect(h.sim.getOrder(order.panelOrderId)?.status).toBe("Pending");
  });
});

describe("a Laravel-clone shop (untranslated keys, cancel ids, refill cool-down)", () => {
  let h: Harness;
  let service: PanelService;
  let nextUser = 8_100_001;
  beforeAll(async () => {
    h = await startHarness({ sim: { dialect: "clone" }, env: { ADMIN_IDS: String(ADMIN) } });
    await h.deps.users.setLocale(ADMIN, "en");
    service = (await h.deps.panel.services()).services[0]!;
  });
  afterAll(async () => h.stop());

  async function refillOnce(userId: number): Promise<OrderRecord> {
    const order = await completedOrder(h, userId, service);
    const first = await requestRefill(h.deps, userId, order.id);
    expect(first.outcome).toBe("requested");
    const stored = (await h.deps.orders.get(order.id))!;
    expect(stored.refillId).toMatch(/^ref_01/);
    // The refill ended: locally a new one may be asked for; the panel's cool-down still runs.
    h.sim.setRefill(stored.refillId!, "Completed");
    await h.deps.orders.update(order.id, { refillStatus: "Completed" });
    await h.deps.actionLocks.release(order.id, "refill");
    return stored;
  }

  it("shows a refill cool-down with the panel's wait, in English and Uzbek", async () => {
    for (const [lang, text] of [
      ["en", "allows the next one after 24 hours"],
      ["uz", "24 soat oʻtgach ruxsat beradi"],
    ] as const) {
      const u = h.tg.user({ languageCode: lang });
      const order = await refillOnce(u.id);
      await openDetails(u, order.id);
      u.pressButton("♻️");
      const shown = await edited(u, text);
      expect(shown.text).not.toContain("Refill can be requested");
      expect((await h.deps.orders.get(order.id))?.refillId).toBe(order.refillId);
    }
  });

  it("takes a cancel answered with a cancel id as accepted, and 'Cannot cancel' as a refusal", async () => {
    const userId = nextUser++;
    const order = await placeTestOrder(h.deps, userId, service, { price: "1", link: "https://t.me/clone_cancel" });
    expect(order.panelOrderId).toMatch(/^ord_01/);
    expect(await requestCancel(h.deps, userId, order.id)).toMatchObject({ outcome: "requested" });
    expect(h.sim.getOrder(order.panelOrderId)?.status).toBe("Canceled");
    await h.deps.actionLocks.release(order.id, "cancel");
    expect(await requestCancel(h.deps, userId, order.id)).toMatchObject({ outcome: "refused", reason: "not_cancelable", panelMessage: "Cannot cancel" });
  });

  it("reads placement refusals given as keys: funds alert the admins, a duplicate link and limits are explained", async () => {
    const userId = nextUser++;
    await h.deps.wallet.credit(userId, new D("10"), { reason: "admin" });
    // Priced as the shop prices it: Confirm works the price out again.
    const draft = async (link: string, quantity = service.min) =>
      h.deps.orders.createDraft({
        userId,
        chatId: userId,
        locale: "en",
        serviceId: service.id,
        serviceName: service.name,
        serviceType: service.type,
        category: service.category,
        link,
        quantity,
        rate: service.rate.toFixed(),
        price: (await h.deps.shop.quote(service.id, quantity))!.quote.total.toFixed(),
        canRefill: service.refill,
        canCancel: service.cancel,
      });
    expect(await placeOrder(h.deps, (await draft("https://t.me/clone_min", service.min - 1)).id, userId)).toMatchObject({
      outcome: "refused",
      kind: "quantity_min",
      panelMessage: "neworder.error.min_quantity",
    });
    expect(await placeOrder(h.deps, (await draft("https://t.me/clone_dup")).id, userId)).toMatchObject({ outcome: "placed" });
    expect(await placeOrder(h.deps, (await draft("https://t.me/clone_dup")).id, userId)).toMatchObject({ outcome: "refused", kind: "active_order" });
    h.sim.setBalance("0");
    expect(await placeOrder(h.deps, (await draft("https://t.me/clone_funds")).id, userId)).toMatchObject({ outcome: "refused", kind: "not_enough_funds" });
    expect(h.outboxed.some((m) => m.chatId === ADMIN && m.text.includes("out of money") && m.text.includes("neworder.error.not_enough_funds"))).toBe(true);
    h.sim.setBalance("1000");
  });
});
