import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { adminTopup, parseTopupArgs } from "../../src/services/admin.js";
import { orderMargin } from "../../src/services/stats.js";
import type { OrderRecord } from "../../src/store/orders.js";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";
import { keys } from "../../src/store/keys.js";

const ADMIN = 7001;
const NOT_ALLOWED = "🔒 Sorry, this is only for the shop's administrators.";
const catalog = generateCatalog({ seed: 3 });
const service = catalog.find((s) => s.type === "Default")!;

/** Sends `text` and resolves with the bot's next message in that chat, as the user reads it (HTML rendered). */
async function ask(h: Harness, u: FakeUser, text: string, pred: (m: BotMessage) => boolean = () => true): Promise<string> {
  const since = h.tg.calls().length;
  u.send(text);
  return String((await u.waitForMessage(pred, { since })).message.text ?? "");
}

/** A user the bot knows, reading English, with `balance` in the wallet. */
async function customer(h: Harness, locale: "en" | "uz", balance?: string): Promise<FakeUser> {
  const u = h.tg.user({ languageCode: locale });
  await h.deps.users.touch({ id: u.id, chatId: u.chatId, firstName: "Cust" });
  await h.deps.users.setLocale(u.id, locale);
  if (balance) await h.deps.wallet.credit(u.id, new D(balance), { reason: "payment" });
  return u;
}

/** An order paid from the wallet whose `add` got no answer: it waits for an admin. */
async function unknownOrder(h: Harness, userId: number, price = "2"): Promise<OrderRecord> {
  const { orders } = h.deps;
  const draft = await orders.createDraft({
    userId,
    chatId: userId,
    locale: "en",
    serviceId: String(service.service),
    serviceName: "Followers <fast>",
    serviceType: "Default",
    category: service.category,
    link: "https://t.me/example",
    quantity: 1000,
    rate: "1.5",
    price,
    canRefill: false,
    canCancel: false,
  });
  expect((await orders.reserve(draft.id, userId)).ok).toBe(true);
  expect(await orders.markSending(draft.id)).toBe(true);
  expect(await orders.markUnknown(draft.id, "timeout")).toBe(true);
  return (await orders.get(draft.id))!;
}

describe("admin commands end to end", () => {
  let h: Harness;
  let admin: FakeUser;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, env: { ADMIN_IDS: String(ADMIN) } });
    admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    await h.deps.users.touch({ id: ADMIN, chatId: ADMIN });
    await h.deps.users.setLocale(ADMIN, "en");
  });
  afterAll(async () => h.stop());

  it("refuses everyone else the same way, whether the id or order exists or not, and tells them nothing", async () => {
    const rich = await customer(h, "en", "123.45");
    const order = await unknownOrder(h, rich.id);
    const outsider = await customer(h, "en");
    const commands = [`/topup ${rich.id} 50`, `/topup 999999 50`, `/user ${rich.id}`, `/user 999999`, `/settle ${order.id} refund`, `/settle 424242 refund`, "/stats", "/broadcast", "/topup"];
    for (const command of commands) {
      const reply = await ask(h, outsider, command);
      expect({ command, reply }).toEqual({ command, reply: NOT_ALLOWED });
    }
    // Nothing moved: the refused /topup and /settle did not act.
    expect((await h.deps.wallet.balance(rich.id)).toFixed()).toBe("121.45");
    expect((await h.deps.orders.get(order.id))!.placement).toBe("unknown");
    // A customer's /order with an argument is the ordinary order walk, never someone's order.
    const walk = await ask(h, outsider, `/order ${order.id}`);
    expect(walk).toContain("Choose a category");
    expect(walk).not.toContain(String(rich.id));
    // The customer's /balance has no panel lines.
    const balance = await ask(h, outsider, "/balance");
    expect(balance).not.toMatch(/panel|wallets hold/i);
  });

  it("/topup credits a wallet, tells the user in their language, and records the admin in the ledger", async () => {
    const u = await customer(h, "uz");
    const reply = await ask(h, admin, `/topup ${u.id} 10.5`);
    expect(reply).toBe(`✅ Credited 10.50 USD to user ${u.id}. Their balance: 10.50 USD.`);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("10.5");
    const told = h.outboxed.filter((m) => m.chatId === u.chatId);
    expect(told.map((m) => m.text)).toEqual(["💰 Hisobingizga <b>10,50 USD</b> qoʻshildi. Hisobingizda: <b>10,50 USD</b>."]);
    const [entry] = await h.deps.wallet.entries(u.id, 1);
    expect(entry).toMatchObject({ reason: "admin", adminId: ADMIN, amount: "10.5", balance: "10.5" });
  });

  it("/topup with a negative amount takes what there is and never goes below zero", async () => {
    const u = await customer(h, "en", "3");
    const reply = await ask(h, admin, `/topup ${u.id} -5`);
    expect(reply).toBe(`✅ Took 3.00 USD from user ${u.id} (asked: 5.00 USD). Their balance: 0.00 USD.`);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
    const [entry] = await h.deps.wallet.entries(u.id, 1);
    expect(entry).toMatchObject({ reason: "admin", adminId: ADMIN, amount: "-3", balance: "0" });
    expect(h.outboxed.filter((m) => m.chatId === u.chatId).map((m) => m.text)).toEqual(["💰 The administrator took <b>3.00 USD</b> from your wallet. Balance: <b>0.00 USD</b>."]);

    const again = await ask(h, admin, `/topup ${u.id} -1`);
    expect(again).toBe(`ℹ️ The wallet of user ${u.id} is empty: nothing was taken.`);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
    expect(h.outboxed.filter((m) => m.chatId === u.chatId)).toHaveLength(1);
  });

  it("/topup explains its arguments and refuses ids that never started the bot", async () => {
    for (const bad of ["/topup", "/topup 12", "/topup abc 5", "/topup 12 0", "/topup 12 5.123456", "/topup 12 five"]) {
      expect(await ask(h, admin, bad)).toContain("Usage: /topup USER_ID AMOUNT");
    }
    expect(await ask(h, admin, "/topup 999999 5")).toBe("⚠️ User 999999 has not started this bot.");
    expect(await h.deps.wallet.balance(999999)).toEqual(new D(0));
  });

  it("/user shows the wallet, the ledger tail, order counts, blocked state and language", async () => {
    const u = await customer(h, "uz", "7");
    await h.deps.wallet.debit(u.id, new D("1.25"), { reason: "admin", adminId: ADMIN });
    await unknownOrder(h, u.id, "2");
    await h.deps.users.setBlocked(u.id, true);
    const card = await ask(h, admin, `/user ${u.id}`);
    expect(card).toContain(`User ${u.id}`);
    expect(card).toContain("Language: uz");
    expect(card).toContain("🚫 Has blocked the bot");
    expect(card).toContain("Wallet: 3.75 USD");
    expect(card).toContain("Orders: 1 awaiting /settle");
    expect(card).toContain("Last wallet movements");
    expect(card).toContain("-2.00 USD → 3.75 USD · order #");
    expect(card).toContain(`-1.25 USD → 5.75 USD · by admin ${ADMIN}`);
    expect(card).toContain("+7.00 USD → 7.00 USD · payment");
    expect(await ask(h, admin, "/user 999999")).toBe("⚠️ User 999999 has not started this bot.");
    expect(await ask(h, admin, "/user")).toBe("Usage: /user USER_ID");
  });

  it("/order <id> shows any order with its owner and the panel's live status; a plain /order is the order walk", async () => {
    const u = await customer(h, "en", "10");
    const order = await unknownOrder(h, u.id);
    const panelOrderId = await h.deps.panel.add({ service: String(service.service), link: order.link, quantity: Number(service.min) });
    await h.deps.orders.markPlaced(order.id, panelOrderId, Date.now() + 60_000);
    h.sim.setOrder(panelOrderId, { status: "In progress", remains: 40 });

    const card = await ask(h, admin, `/order ${order.id}`);
    expect(card).toContain(`Order #${order.id} · placed`);
    expect(card).toContain(`User ${u.id} Cust`);
    expect(card).toContain("Followers <fast>");
    expect(card).toContain(`Panel order: ${panelOrderId}`);
    expect(card).not.toContain("timeout");
    expect(card).toContain("Panel now: In progress · remains: 40");

    const byPanelId = await ask(h, admin, `/order ${panelOrderId}`);
    expect(byPanelId).toContain(`Order #${order.id} · placed`);
    expect(await ask(h, admin, "/order 987654")).toBe("⚠️ No order 987654.");
    expect(await ask(h, admin, "/order")).toContain("Choose a category");
  });

  it("/settle alone names the 50 oldest orders awaiting settlement and counts the rest, within one message", async () => {
    const unknownKey = keys(h.config.redis.prefix).unknown;
    const ids = Array.from({ length: 700 }, (_, i) => String(90_000_000 + i));
    await h.redis.redis.sadd(unknownKey, ...ids);
    try {
      // Other tests' unknown orders are older (smaller ids) and come first.
      const waiting = (await h.deps.orders.unknownIds()).sort((a, b) => Number(a) - Number(b));
      const reply = await ask(h, admin, "/settle");
      expect(reply.length).toBeLessThanOrEqual(4096);
      expect(reply).toContain(`#${waiting[49]} and ${waiting.length - 50} more`);
      expect(reply).not.toContain(`#${waiting[50]}`);
    } finally {
      await h.redis.redis.srem(unknownKey, ...ids);
    }
  });

  it("/settle with a panel order id marks the order placed, schedules its first poll and tells the user", async () => {
    const u = await customer(h, "en", "10");
    const order = await unknownOrder(h, u.id);
    const reply = await ask(h, admin, `/settle ${order.id} 5550001`);
    expect(reply).toContain(`Order #${order.id} is recorded as panel order 5550001`);
    const settled = (await h.deps.orders.get(order.id))!;
    expect(settled).toMatchObject({ placement: "placed", panelOrderId: "5550001", status: "pending" });
    expect(await h.redis.redis.zscore(keys(h.config.redis.prefix).pollDue, order.id)).not.toBeNull();
    expect(await h.deps.orders.unknownIds()).not.toContain(order.id);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("8");
    expect(h.outboxed.filter((m) => m.chatId === u.chatId).map((m) => m.text)).toEqual([
      `✅ Your order #${order.id} (Followers &lt;fast&gt;) has been placed. You will get a message when its status changes.`,
    ]);
    // Decided once: a second /settle changes nothing.
    expect(await ask(h, admin, `/settle ${order.id} refund`)).toBe(`ℹ️ Order #${order.id} is not awaiting settlement: placed.`);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("8");
    // One panel order belongs to one local order.
    const other = await unknownOrder(h, u.id);
    expect(await ask(h, admin, `/settle ${other.id} 5550001`)).toBe(`⚠️ Panel order 5550001 already belongs to order #${order.id}.`);
  });

  it("/settle refund gives the money back once and tells the user", async () => {
    const u = await customer(h, "uz", "10");
    const order = await unknownOrder(h, u.id, "2.5");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("7.5");
    const reply = await ask(h, admin, `/settle #${order.id} refund`);
    expect(reply).toBe(`✅ Order #${order.id} is recorded as not placed: 2.50 USD went back to user ${u.id}, who was told.`);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("10");
    expect((await h.deps.orders.get(order.id))!.placement).toBe("failed");
    expect(h.outboxed.filter((m) => m.chatId === u.chatId).map((m) => m.text)).toEqual([`↩️ #${order.id} buyurtmangiz (Followers &lt;fast&gt;) joylashtirilmadi. 2,50 USD hisobingizga qaytarildi.`]);
    await ask(h, admin, `/settle ${order.id} refund`);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("10");
  });

  it("/settle without arguments lists the orders waiting", async () => {
    const u = await customer(h, "en", "5");
    const order = await unknownOrder(h, u.id);
    const usage = await ask(h, admin, "/settle");
    expect(usage).toContain("Usage: /settle ORDER_ID PANEL_ORDER_ID");
    expect(usage).toContain(`#${order.id}`);
  });

  it("an admin's /balance shows the panel balance and warns when wallets hold more than the panel has", async () => {
    h.sim.setBalance("1000000");
    const ok = await ask(h, admin, "/balance");
    expect(ok).toContain("Panel balance: 1,000,000.00 USD");
    expect(ok).toContain("Users' wallets hold:");
    expect(ok).not.toContain("lower than");

    h.sim.setBalance("0.5");
    const low = await ask(h, admin, "/balance");
    expect(low).toContain("Panel balance: 0.50 USD");
    expect(low).toContain("The panel balance is lower than what users hold");
  });
});

describe("/stats", () => {
  let h: Harness;
  let admin: FakeUser;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, env: { ADMIN_IDS: String(ADMIN) } });
    admin = h.tg.user({ id: ADMIN, languageCode: "en" });
  });
  afterAll(async () => h.stop());

  it("counts users and orders by status, with turnover, refunds and the margin from each order's own rate", async () => {
    const u = await customer(h, "en", "100");
    // price 2, cost 1.5 × 1000 / 1000 = 1.5 → margin 0.5
    const placed = await unknownOrder(h, u.id, "2");
    await h.deps.orders.markPlaced(placed.id, "p-1", Date.now() + 60_000);
    // completed with the panel's own charge 1.2 → margin 0.8
    const charged = await unknownOrder(h, u.id, "2");
    await h.deps.orders.markPlaced(charged.id, "p-2", Date.now() + 60_000);
    await h.deps.orders.update(charged.id, { status: "completed", charge: "1.2" });
    // refunded by an admin: not turnover
    const refunded = await unknownOrder(h, u.id, "2");
    await h.deps.orders.failAndRefund(refunded.id, "test", ["unknown"]);
    await unknownOrder(h, u.id, "2");

    const stats = await ask(h, admin, "/stats");
    expect(stats).toContain("Users: 2");
    expect(stats).toContain("2 placed (pending: 1 · completed: 1) · 1 not placed · 1 awaiting /settle");
    expect(stats).toContain("Turnover 4.00 USD · refunds 0.00 USD · margin 1.30 USD");
    expect(stats).toMatch(/Today \(\d{4}-\d\d-\d\d, UTC\)/);
    expect(stats).toContain("charge the panel reported or else the order's stored rate × quantity");
  });
});

describe("admin logic", () => {
  it("parses /topup arguments: id, signed amount, never zero", () => {
    expect(parseTopupArgs("123 10.5")).toEqual({ userId: 123, amount: new D("10.5") });
    expect(parseTopupArgs("123 -2,5")?.amount.toFixed()).toBe("-2.5");
    expect(parseTopupArgs("123 - 2")?.amount.toFixed()).toBe("-2");
    expect(parseTopupArgs("123 1 000")?.amount.toFixed()).toBe("1000");
    for (const bad of ["", "123", "x 5", "123 0", "123 -0", "0 5", "123 1e3", "123 5.000001"]) expect(parseTopupArgs(bad)).toBeNull();
  });

  it("works out an order's margin from what the user kept and the panel's cost of it", () => {
    const base = { price: new D("2"), refunded: new D(0), rate: new D("1.5"), quantity: 1000, serviceType: "Default" };
    expect(orderMargin(base).toFixed()).toBe("0.5");
    expect(orderMargin({ ...base, charge: new D("1.2") }).toFixed()).toBe("0.8");
    // half refunded (Partial): half the cost, half the price
    expect(orderMargin({ ...base, refunded: new D("1") }).toFixed()).toBe("0.25");
    expect(orderMargin({ ...base, runs: 2, price: new D("4") }).toFixed()).toBe("1");
    expect(orderMargin({ ...base, serviceType: "Package", rate: new D("1.9"), quantity: 1 }).toFixed()).toBe("0.1");
  });

  it("carries out a wallet correction once per request, so a redelivered update does not repeat it", async () => {
    const h = await startHarness({ startBot: false });
    try {
      await h.deps.users.touch({ id: 42, chatId: 42 });
      const req = { adminId: 1, userId: 42, amount: new D("5"), requestKey: "1:77" };
      expect((await adminTopup(h.deps, req)).outcome).toBe("credited");
      expect((await adminTopup(h.deps, req)).outcome).toBe("repeated");
      expect((await h.deps.wallet.balance(42)).toFixed()).toBe("5");
      expect(h.outboxed).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
