import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateCatalog, type SimService } from "../../src/panel/simulator/catalog.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { after, buttonsOf, customer, has, openOrderDialog, pressData } from "../support/chat.js";
import { startHarness, type Harness } from "../support/harness.js";
import { placeTestOrder } from "../support/orders.js";
import { serviceSchema } from "../../src/panel/schemas.js";

const catalog = generateCatalog({ seed: 1, dripfeed: false });
const svc = catalog[0]!;

async function orderOnce(h: Harness, u: FakeUser, link: string, quantity: string): Promise<void> {
  await openOrderDialog(h, u, svc);
  await after(
    h,
    u,
    () => u.send(link),
    (m) => m.method === "sendMessage",
  );
  const confirm = await after(
    h,
    u,
    () => u.send(quantity),
    (m) => buttonsOf(m).some((b) => b.callback_data?.startsWith("oc:")),
  );
  await after(
    h,
    u,
    () => pressData(u, buttonsOf(confirm).find((b) => b.callback_data?.startsWith("oc:"))!.callback_data!),
    (m) => m.method === "editMessageText",
  );
}

async function openDetails(h: Harness, u: FakeUser, orderId: string) {
  await after(
    h,
    u,
    () => u.send("/orders"),
    (m) => buttonsOf(m).length > 0,
  );
  return after(
    h,
    u,
    () => pressData(u, `mo:d:${orderId}:0`),
    (m) => buttonsOf(m).some((b) => b.callback_data === `mo:a:${orderId}`),
  );
}
const addsFor = (h: Harness, link: string) => h.sim.requests().filter((r) => r.action === "add" && r.params.link === link);

describe("order again", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog } });
  });
  afterAll(async () => h.stop());

  it("the same service with the same link: Use this link, then the quantity as usual", async () => {
    const u = await customer(h, { locale: "en", balance: "100" });
    const link = "https://t.me/again_en";
    await orderOnce(h, u, link, "100");
    const first = (await h.deps.orders.listForUser(u.id, 0, 1)).orders[0]!;

    const details = await openDetails(h, u, first.id);
    expect(buttonsOf(details).map((b) => b.text)).toContain("🔁 Order again");
    const ask = await after(h, u, () => u.pressButton("Order again"), has("again"));
    expect(ask.text).toContain(`Ordering <b>${svc.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</b> again`);
    expect(ask.text).toContain(`The last link was: ${link}`);
    expect(buttonsOf(ask).map((b) => b.text)).toEqual(["✅ Use this link", "❌ Cancel"]);

    const askQuantity = await after(h, u, () => u.pressButton("Use this link"), has("How many?"));
    expect(askQuantity.text).toContain("from 10 to 10,000");
    // The link question's buttons are gone: a second press cannot answer the quantity.
    expect(buttonsOf(u.messages().find((m) => m.message_id === ask.message_id)!)).toEqual([]);
    const confirm = await after(h, u, () => u.send("250"), has("Check your order"));
    expect(confirm.text).toContain(`Link: ${link}`);
    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    expect(addsFor(h, link).map((r) => r.params.quantity)).toEqual(["100", "250"]);
  });

  it("or a new link sent instead; in Uzbek and Russian the buttons speak the user's language", async () => {
    const u = await customer(h, { locale: "uz", balance: "100" });
    await orderOnce(h, u, "https://t.me/again_uz_old", "100");
    const order = (await h.deps.orders.listForUser(u.id, 0, 1)).orders[0]!;
    const details = await openDetails(h, u, order.id);
    expect(buttonsOf(details).map((b) => b.text)).toContain("🔁 Yana buyurtma berish");
    const ask = await after(h, u, () => u.pressButton("Yana buyurtma berish"), has("Oldingi havola"));
    expect(buttonsOf(ask)[0]!.text).toBe("✅ Shu havoladan foydalanish");
    await after(
      h,
      u,
      () => u.send("not a link"),
      (m) => m.method === "sendMessage",
    );
    await after(h, u, () => u.send("https://t.me/again_uz_new"), has("Qancha kerak?"));
    const confirm = await after(h, u, () => u.send("120"), has("Buyurtmani tekshiring"));
    expect(confirm.text).toContain("https://t.me/again_uz_new");

    const ru = await customer(h, { locale: "ru", balance: "100" });
    await h.deps.users.setLocale(ru.id, "ru");
    const draft = await h.deps.orders.createDraft({ ...order, userId: ru.id, chatId: ru.chatId, link: "https://t.me/again_ru" });
    await h.deps.orders.update(draft.id, { placement: "failed" });
    await after(
      h,
      ru,
      () => ru.send("/orders"),
      () => true,
    );
    const askRu = await after(h, ru, () => ru.press(`mo:a:${draft.id}`, ru.lastMessage()!.message_id), has("Прошлая ссылка"));
    expect(buttonsOf(askRu)[0]!.text).toBe("✅ Использовать эту ссылку");
  });

  it("checks the owner, and says so clearly when the service is not offered any more", async () => {
    const owner = await customer(h, { locale: "en", balance: "100" });
    await orderOnce(h, owner, "https://t.me/again_owner", "100");
    const order = (await h.deps.orders.listForUser(owner.id, 0, 1)).orders[0]!;

    const other = await customer(h, { locale: "en" });
    await after(
      h,
      other,
      () => other.send("/start"),
      () => true,
    );
    other.press(`mo:a:${order.id}`, other.lastMessage()!.message_id);
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.show_alert === true);
    expect(other.callbackAnswers().at(-1)!.text).toBe("⚠️ Order not found.");
    expect(other.messages().some((m) => m.text?.includes("again_owner"))).toBe(false);

    const goneService: SimService = { ...svc, service: "99999" };
    const draft = await h.deps.orders.createDraft({ ...order, serviceId: goneService.service, link: "https://t.me/again_gone" });
    await h.deps.orders.update(draft.id, { placement: "placed" });
    const since = h.tg.calls().length;
    owner.press(`mo:a:${draft.id}`, owner.lastMessage()!.message_id);
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.show_alert === true, { since });
    expect(owner.callbackAnswers().at(-1)!.text).toBe("This service is not offered any more. Choose another one with /order.");
  });

  it("an older order's Use this link button does not give the dialog under way its link", async () => {
    const u = await customer(h, { locale: "en", balance: "100" });
    // Placed directly: the flood guard counts every update of the user.
    const x = await placeTestOrder(h.deps, u.id, serviceSchema.parse(svc), { link: "https://t.me/again_x" });
    const y = await placeTestOrder(h.deps, u.id, serviceSchema.parse(svc), { link: "https://t.me/again_y" });
    await openDetails(h, u, x.id);
    const askX = await after(h, u, () => u.pressButton("Order again"), has("again_x"));
    await openDetails(h, u, y.id);
    const askY = await after(h, u, () => u.pressButton("Order again"), has("again_y"));
    // X's button, pressed while Y's dialog waits: refused as expired, the dialog still waits.
    u.press(buttonsOf(askX).find((b) => b.text.includes("Use this link"))!.callback_data!, askX.message_id);
    await vi.waitFor(() => expect(u.callbackAnswers().at(-1)).toEqual({ text: h.deps.i18n.t("en", "order-button-expired"), show_alert: true }));
    await after(h, u, () => u.press(buttonsOf(askY).find((b) => b.text.includes("Use this link"))!.callback_data!, askY.message_id), has("How many?"));
    const confirm = await after(h, u, () => u.send("100"), has("Check your order"));
    expect(confirm.text).toContain("Link: https://t.me/again_y");
  });
});
