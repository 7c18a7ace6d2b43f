import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeps } from "../../src/app.js";
import { createBot } from "../../src/bot/index.js";
import { createLogger } from "../../src/logger.js";
import { D, orderPrice, unitPrice } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { serviceSchema } from "../../src/panel/schemas.js";
import { categoryKey, serializeCatalog } from "../../src/store/catalog.js";
import { keys } from "../../src/store/keys.js";
import type { BotMessage } from "../support/fake-bot-api.js";
import { after, buttonsOf, customer, draftIdOf, has, openOrderDialog, pressData, toConfirmation } from "../support/chat.js";
import { startHarness, type Harness } from "../support/harness.js";

const ADMIN = 5151;
const catalog = generateCatalog({ seed: 1, dripfeed: false });
const ofType = (type: string) => catalog.find((s) => s.type === type)!;
const defaultService = catalog[0]!;

const confirmData = (m: BotMessage) => buttonsOf(m).find((b) => b.callback_data?.startsWith("oc:"))!.callback_data!;
const addsFor = (h: Harness, link: string) => h.sim.requests().filter((r) => r.action === "add" && r.params.link === link);

describe("order walk end to end", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, env: { ADMIN_IDS: String(ADMIN), PANEL_TIMEOUT_MS: "1000" } });
    await h.deps.users.setLocale(ADMIN, "en");
  });
  afterAll(async () => h.stop());

  it("in English: start → language → /order → category → service → link → quantity → confirm → order id", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await after(h, u, () => u.send("/start"), has("Choose your language"));
    await after(h, u, () => u.pressButton("English"), has("Hello"));
    await h.deps.wallet.credit(u.id, new D("20"), { reason: "admin" });

    const categories = await after(h, u, () => u.send("/order"), has("Choose a category"));
    expect(buttonsOf(categories)[0]!.text.startsWith(defaultService.category)).toBe(true);
    const services = await after(h, u, () => u.pressButton(defaultService.category), has("Choose a service"));
    expect(services.method).toBe("editMessageText");
    expect(services.text).toContain("Instagram Followers");
    const price = unitPrice(new D(defaultService.rate), "0");
    expect(buttonsOf(services).find((b) => b.callback_data === `s:${defaultService.service}`)!.text).toContain(`${price.toFixed(2)} USD per 1000`);

    const card = await after(h, u, () => pressData(u, `s:${defaultService.service}`), has("Price per 1000"));
    expect(card.method).toBe("editMessageText");
    expect(card.message.text).toContain(defaultService.name);
    expect(card.text).toContain("Minimum: 10 · Maximum: 10,000");
    expect(card.text).toContain("Refill: available");
    expect(card.text).toContain("Cancel: possible");
    expect(buttonsOf(card).map((b) => b.text)).toEqual(["🛒 Order", "⬅️ Back"]);

    const ask = await after(h, u, () => u.pressButton("🛒 Order"), has("Send the link"));
    expect(buttonsOf(ask).map((b) => b.text)).toEqual(["❌ Cancel"]);
    const askQuantity = await after(h, u, () => u.send("https://t.me/walk_en"), has("How many?"));
    expect(askQuantity.text).toContain("from 10 to 10,000");
    const confirm = await after(h, u, () => u.send("1500"), has("Check your order"));
    const expected = orderPrice({ rate: new D(defaultService.rate), quantity: 1500, type: "Default" }, "0");
    expect(confirm.text).toContain("Quantity: <b>1,500</b>");
    expect(confirm.text).toContain(`Price: <b>${expected.toFixed(2)} USD</b>`);
    expect(confirm.text).toContain("Your balance: 20.00 USD");
    expect(confirm.text).toContain(`Balance after the order: ${new D(20).sub(expected).toFixed(2)} USD`);
    expect(buttonsOf(confirm).map((b) => b.text)).toEqual(["✅ Confirm", "❌ Cancel"]);

    const placed = await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    const adds = addsFor(h, "https://t.me/walk_en");
    expect(adds).toEqual([{ action: "add", params: { service: defaultService.service, link: "https://t.me/walk_en", quantity: "1500" } }]);
    const order = await h.deps.orders.get(draftIdOf(confirm));
    expect(order).toMatchObject({ placement: "placed", userId: u.id, quantity: 1500, price: expected.toFixed() });
    expect(placed.text).toContain(`#${order!.id}`);
    expect(placed.text).toContain(`<code>${order!.panelOrderId}</code>`);
    expect(placed.text).toContain("You will get a message when its status changes");
    expect(h.sim.getOrder(order!.panelOrderId!)).toMatchObject({ quantity: 1500, link: "https://t.me/walk_en" });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(20).sub(expected).toFixed());
  });

  it("in Uzbek, from the menu button, with Uzbek number and money formats", async () => {
    const u = h.tg.user({ languageCode: "ru" });
    await after(h, u, () => u.send("/start"), has("Tilni tanlang"));
    await after(h, u, () => u.pressButton("zbekcha"), has("Assalomu"));
    await h.deps.wallet.credit(u.id, new D("20"), { reason: "admin" });

    const categories = await after(h, u, () => u.send("🛒 Yangi buyurtma"), has("Boʻlimni tanlang"));
    expect(buttonsOf(categories).length).toBeGreaterThan(1);
    await after(h, u, () => u.pressButton(defaultService.category), has("Xizmatni tanlang"));
    const card = await after(h, u, () => pressData(u, `s:${defaultService.service}`), has("1000 tasi uchun narx"));
    expect(card.text).toContain("Eng koʻpi: 10\u00a0000");
    expect(card.text).toContain("Qayta toʻldirish: bor");
    await after(h, u, () => u.pressButton("Buyurtma berish"), has("havolani yuboring"));
    await after(h, u, () => u.send("https://t.me/walk_uz"), has("Qancha kerak?"));
    const confirm = await after(h, u, () => u.send("2 000"), has("Buyurtmani tekshiring"));
    const expected = orderPrice({ rate: new D(defaultService.rate), quantity: 2000, type: "Default" }, "0");
    expect(confirm.text).toContain("Miqdor: <b>2\u00a0000</b>");
    expect(confirm.text).toContain(`Narx: <b>${expected.toFixed(2).replace(".", ",")} USD</b>`);
    const placed = await after(h, u, () => u.pressButton("Tasdiqlash"), has("Buyurtma qabul qilindi"));
    expect(placed.text).toContain("Holati oʻzgarganda sizga xabar keladi");
    expect(addsFor(h, "https://t.me/walk_uz")).toEqual([{ action: "add", params: { service: defaultService.service, link: "https://t.me/walk_uz", quantity: "2000" } }]);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(20).sub(expected).toFixed());
  });

  it("in Russian: Telegram's ru preselects Russian, and the whole walk speaks Russian with Russian number forms", async () => {
    const u = h.tg.user({ languageCode: "ru" });
    // Before any choice the user already reads Russian.
    await after(h, u, () => u.send("/help"), has("Как это работает"));
    const ask = await after(h, u, () => u.send("/start"), has("Выберите язык"));
    expect(buttonsOf(ask).map((b) => b.text)).toEqual(["🇬🇧 English", "✅ 🇷🇺 Русский", "🇺🇿 Oʻzbekcha"]);
    await after(h, u, () => u.pressButton("Русский"), has("Здравствуйте"));
    expect(await h.deps.users.getLocale(u.id)).toBe("ru");
    await h.deps.wallet.credit(u.id, new D("20"), { reason: "admin" });

    const categories = await after(h, u, () => u.send("🛒 Новый заказ"), has("Выберите категорию"));
    expect(categories.text).toContain("(страница 1 из");
    await after(h, u, () => u.pressButton(defaultService.category), has("Выберите услугу"));
    const card = await after(h, u, () => pressData(u, `s:${defaultService.service}`), has("Цена за 1000"));
    expect(card.text).toContain("Минимум: 10 · Максимум: 10\u00a0000");
    expect(card.text).toContain("Восстановление: есть");
    expect(buttonsOf(card).map((b) => b.text)).toEqual(["🛒 Заказать", "⬅️ Назад"]);
    await after(h, u, () => u.pressButton("Заказать"), has("Отправьте ссылку"));
    expect((await after(h, u, () => u.send(`https://t.me/${"x".repeat(2100)}`))).text).toBe("⚠️ Ссылка слишком длинная: максимум 2\u00a0000 символов.");
    const askQuantity = await after(h, u, () => u.send("https://t.me/walk_ru"), has("Сколько нужно?"));
    expect(askQuantity.text).toContain("от 10 до 10\u00a0000");
    expect((await after(h, u, () => u.send("5"))).text).toContain("Слишком мало: минимум 10");
    const confirm = await after(h, u, () => u.send("1 500"), has("Проверьте заказ"));
    const expected = orderPrice({ rate: new D(defaultService.rate), quantity: 1500, type: "Default" }, "0");
    expect(confirm.text).toContain("Количество: <b>1\u00a0500</b>");
    expect(confirm.text).toContain(`Цена: <b>${expected.toFixed(2).replace(".", ",")} USD</b>`);
    expect(confirm.text).toContain("Ваш баланс: 20,00 USD");
    expect(buttonsOf(confirm).map((b) => b.text)).toEqual(["✅ Подтвердить", "❌ Отмена"]);
    const placed = await after(h, u, () => u.pressButton("Подтвердить"), has("Заказ принят!"));
    expect(placed.text).toContain("Когда статус изменится, вам придёт сообщение");
    expect(addsFor(h, "https://t.me/walk_ru")).toEqual([{ action: "add", params: { service: defaultService.service, link: "https://t.me/walk_ru", quantity: "1500" } }]);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(20).sub(expected).toFixed());

    const again = await after(h, u, () => u.send("/language"), has("Выберите язык"));
    expect(buttonsOf(again).map((b) => b.text)).toContain("✅ 🇷🇺 Русский");
  });

  it("in Russian, counted comments take the form their number needs", async () => {
    const svc = ofType("Custom Comments");
    const u = await customer(h, { locale: "ru", balance: "50" });
    await openOrderDialog(h, u, svc);
    const ask = await after(h, u, () => u.send("https://instagram.com/p/comments_ru"), has("Отправьте комментарии"));
    expect(ask.text).toContain(`от ${svc.min} до ${Number(svc.max).toLocaleString("ru")} строк.`);
    expect((await after(h, u, () => u.send("Класс"))).text).toContain("⚠️ 1 комментарий: нужно не меньше");
    expect((await after(h, u, () => u.send("Класс\n\nСупер"))).text).toContain("⚠️ 2 комментария: нужно не меньше");
    await after(h, u, () => u.send("/cancel"), has("Заказ отменён"));
  });

  it("explains every invalid answer and keeps waiting; other messages get a hint", async () => {
    const u = await customer(h, { balance: "50" });
    await openOrderDialog(h, u, defaultService);
    expect((await after(h, u, () => u.send("my channel"))).text).toContain("That is not a link");
    expect((await after(h, u, () => u.send(`https://t.me/${"x".repeat(2100)}`))).text).toContain("too long: at most 2,000 characters");
    expect((await after(h, u, () => u.sendPhoto())).text).toContain("Send the link as a text message");
    expect((await after(h, u, () => u.sendSticker())).text).toContain("Send the link as a text message");
    await after(h, u, () => u.send("t.me/validation_case"), has("How many?"));

    expect((await after(h, u, () => u.send("a lot"))).text).toContain("Send a whole number from 10 to 10,000");
    expect((await after(h, u, () => u.send("12.5"))).text).toContain("Send a whole number from 10 to 10,000");
    expect((await after(h, u, () => u.send("9"))).text).toContain("Too few: the minimum is 10");
    expect((await after(h, u, () => u.send("10001"))).text).toContain("Too many: the maximum is 10,000");
    expect((await after(h, u, () => u.sendPhoto({ caption: "100" }))).text).toContain("Send the quantity as a number");
    const confirm = await after(h, u, () => u.send("10"), has("Check your order"));
    // The scheme was added to the bare domain.
    expect(confirm.text).toContain("Link: https://t.me/validation_case");
    expect(confirm.text).toContain("Quantity: <b>10</b>");
  });

  it("Custom Comments: asks for comments, checks their count, sends them instead of a quantity", async () => {
    const svc = ofType("Custom Comments");
    const u = await customer(h, { balance: "50" });
    await openOrderDialog(h, u, svc);
    const ask = await after(h, u, () => u.send("https://instagram.com/p/comments_case"), has("Send the comments"));
    expect(ask.text).toContain(`from ${svc.min} to ${Number(svc.max).toLocaleString("en")} lines`);
    const tooFew = await after(h, u, () => u.send("Nice\n\nGreat"));
    expect(tooFew.text).toContain(`2 comments: at least ${svc.min} are needed`);
    const comments = Array.from({ length: Number(svc.min) + 2 }, (_, i) => `Comment <${i}> & more`);
    const confirm = await after(h, u, () => u.send(comments.join("\n\n")), has("Check your order"));
    expect(confirm.text).toContain(`Comments: <b>${comments.length}</b>`);
    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    const [add] = addsFor(h, "https://instagram.com/p/comments_case");
    expect(add!.params).toEqual({ service: svc.service, link: "https://instagram.com/p/comments_case", comments: comments.join("\n") });
    const price = orderPrice({ rate: new D(svc.rate), quantity: comments.length, type: svc.type }, "0");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(50).sub(price).toFixed());
  });

  it("Package: no quantity is asked or sent, and the price is the flat rate", async () => {
    const svc = ofType("Package");
    const u = await customer(h, { balance: "50" });
    await after(
      h,
      u,
      () => u.send("/order"),
      (m) => buttonsOf(m).length > 0,
    );
    await after(h, u, () => pressData(u, `cs:${categoryKey(svc.category)}:0`), has("Choose a service"));
    const list = u.messages().at(-1)!;
    expect(buttonsOf(list).find((b) => b.callback_data === `s:${svc.service}`)!.text).toMatch(new RegExp(`— ${new D(svc.rate).toFixed(2)} USD$`));
    const card = await after(h, u, () => pressData(u, `s:${svc.service}`), has("Price:"));
    expect(card.text).not.toContain("Minimum");
    await after(h, u, () => pressData(u, `o:${svc.service}`), has("Send the link"));
    const confirm = await after(h, u, () => u.send("https://t.me/package_case"), has("Check your order"));
    expect(confirm.text).not.toContain("Quantity");
    expect(confirm.text).toContain(`Price: <b>${new D(svc.rate).toFixed(2)} USD</b>`);
    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    expect(addsFor(h, "https://t.me/package_case").map((r) => r.params)).toEqual([{ service: svc.service, link: "https://t.me/package_case" }]);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(50).sub(svc.rate).toFixed());
  });

  it("/cancel and the ❌ Cancel button leave the dialog with the main menu; nothing is created", async () => {
    const u = await customer(h, { balance: "50" });
    const seq = keys(h.config.redis.prefix).orderSeq;
    const before = await h.redis.redis.get(seq);
    await openOrderDialog(h, u, defaultService);
    await after(h, u, () => u.send("https://t.me/cancel_case"), has("How many?"));
    const cancelled = await after(h, u, () => u.send("/cancel"), has("Order cancelled"));
    expect(cancelled.reply_markup?.keyboard?.flat().map((b: { text: string }) => b.text)).toContain("🛒 New order");
    // The dialog is over: a number is no answer any more, and /cancel has nothing left to cancel.
    u.send("100");
    await after(h, u, () => u.send("/cancel"), has("Nothing to cancel"));

    await openOrderDialog(h, u, defaultService);
    const left = await after(h, u, () => u.pressButton("❌ Cancel"), has("Order cancelled"));
    expect(left.reply_markup?.keyboard).toBeDefined();
    expect(await h.redis.redis.get(seq)).toBe(before);
    expect(addsFor(h, "https://t.me/cancel_case")).toHaveLength(0);
  });

  it("commands and menu buttons still work in the middle of the dialog, which keeps waiting", async () => {
    const u = await customer(h, { balance: "7" });
    await openOrderDialog(h, u, defaultService);
    expect((await after(h, u, () => u.send("💰 Balance"))).text).toContain("7.00 USD");
    expect((await after(h, u, () => u.send("/balance"))).text).toContain("7.00 USD");
    await after(h, u, () => u.send("https://t.me/midway"), has("How many?"));
  });

  it("Cancel on the confirmation discards the draft; its Confirm then does nothing", async () => {
    const u = await customer(h, { balance: "50" });
    const confirm = await toConfirmation(h, u, defaultService, "https://t.me/discard_case", 100);
    const data = confirmData(confirm);
    const cancelled = await after(h, u, () => pressData(u, `ox:${draftIdOf(confirm)}`), has("Nothing was charged"));
    expect(cancelled.message_id).toBe(confirm.message_id);
    expect(await h.deps.orders.get(draftIdOf(confirm))).toBeNull();
    const since = h.tg.calls().length;
    u.press(data, confirm.message_id);
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && String(c.payload.text).includes("no longer available"), { since });
    expect(addsFor(h, "https://t.me/discard_case")).toHaveLength(0);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("50");
  });

  it("a double Confirm, pressed one after the other or both at once, places one order and charges once", async () => {
    const u = await customer(h, { balance: "50" });
    const confirm = await toConfirmation(h, u, defaultService, "https://t.me/double_case", 100);
    const data = confirmData(confirm);
    const since = h.tg.calls().length;
    u.press(data, confirm.message_id);
    u.press(data, confirm.message_id);
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && String(c.payload.text).includes("already placed"), { since });
    await u.waitForMessage(has("Order placed"), { since });
    const again = h.tg.calls().length;
    u.press(data, confirm.message_id);
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && String(c.payload.text).includes("already placed"), { since: again });
    expect(addsFor(h, "https://t.me/double_case")).toHaveLength(1);
    const price = orderPrice({ rate: new D(defaultService.rate), quantity: 100, type: "Default" }, "0");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(50).sub(price).toFixed());
  });

  it("not enough money: the shortfall is shown, the panel is not called; after a top-up the same Confirm works", async () => {
    const u = await customer(h, { balance: "1" });
    const confirm = await toConfirmation(h, u, defaultService, "https://t.me/funds_case", 1000);
    const price = orderPrice({ rate: new D(defaultService.rate), quantity: 1000, type: "Default" }, "0");
    const shortfall = price.sub(1);
    expect(confirm.text).toContain(`Not enough money: top up <b>${shortfall.toFixed(2)} USD</b>`);
    const refused = await after(h, u, () => pressData(u, confirmData(confirm)), has("Not enough money in your wallet"));
    expect(refused.text).toContain(`Missing: <b>${shortfall.toFixed(2)} USD</b>`);
    expect(refused.text).toContain("Balance: 1.00 USD");
    expect(addsFor(h, "https://t.me/funds_case")).toHaveLength(0);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("1");

    await h.deps.wallet.credit(u.id, shortfall, { reason: "payment" });
    await after(h, u, () => pressData(u, confirmData(confirm)), has("Order placed"));
    expect(addsFor(h, "https://t.me/funds_case")).toHaveLength(1);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
  });

  it("the panel refusing for lack of funds: the customer's money is back, they are told it is temporary, admins are alerted", async () => {
    const u = await customer(h, { balance: "50" });
    const confirm = await toConfirmation(h, u, defaultService, "https://t.me/panel_funds", 100);
    h.sim.injectFault({ kind: "error", action: "add", message: "Not enough funds on balance" });
    const told = await after(h, u, () => pressData(u, confirmData(confirm)), has("temporarily unavailable"));
    expect(told.text).toContain("Your money is back");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("50");
    expect(await h.deps.orders.get(draftIdOf(confirm))).toMatchObject({ placement: "failed" });
    expect(h.outboxed.some((m) => m.chatId === ADMIN && m.text.includes("out of money"))).toBe(true);
  });

  it("other panel refusals are explained, with the panel's text escaped where it is shown", async () => {
    const u = await customer(h, { balance: "50" });
    const first = await toConfirmation(h, u, defaultService, "https://t.me/active_case", 100);
    h.sim.injectFault({ kind: "error", action: "add", message: "You have active order with this link. Please wait until order being completed." });
    await after(h, u, () => pressData(u, confirmData(first)), has("still in progress"));

    const second = await toConfirmation(h, u, defaultService, "https://t.me/other_case", 100);
    h.sim.injectFault({ kind: "error", action: "add", message: "Server <b>busy</b> & overloaded" });
    const other = await after(h, u, () => pressData(u, confirmData(second)), has("was refused"));
    expect(other.text).toContain("Server &lt;b&gt;busy&lt;/b&gt; &amp; overloaded");
    expect(other.message.text).toContain("Server <b>busy</b> & overloaded");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("50");
  });

  it("garbage or a timeout after add: the order is unknown, the money stays reserved, admins are alerted, add is not repeated", async () => {
    const u = await customer(h, { balance: "50" });
    const price = orderPrice({ rate: new D(defaultService.rate), quantity: 100, type: "Default" }, "0");

    const garbage = await toConfirmation(h, u, defaultService, "https://t.me/garbage_case", 100);
    h.sim.injectFault({ kind: "garbage", action: "add" });
    const checking = await after(h, u, () => pressData(u, confirmData(garbage)), has("being checked"));
    expect(checking.text).toContain(`#${draftIdOf(garbage)}`);
    expect(await h.deps.orders.get(draftIdOf(garbage))).toMatchObject({ placement: "unknown" });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(50).sub(price).toFixed());
    expect(h.outboxed.some((m) => m.chatId === ADMIN && m.text.includes(`#${draftIdOf(garbage)}`) && m.text.includes("https://t.me/garbage_case"))).toBe(true);

    // The panel takes the order but answers after the client gave up (PANEL_TIMEOUT_MS=1000).
    const slow = await toConfirmation(h, u, defaultService, "https://t.me/timeout_case", 100);
    h.sim.injectFault({ kind: "slow", action: "add", delayMs: 2500 });
    await after(h, u, () => pressData(u, confirmData(slow)), has("being checked"));
    expect(await h.deps.orders.get(draftIdOf(slow))).toMatchObject({ placement: "unknown" });
    expect(addsFor(h, "https://t.me/timeout_case")).toHaveLength(1);
    expect(h.sim.orders().filter((o) => o.link === "https://t.me/timeout_case")).toHaveLength(1);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(50).sub(price).sub(price).toFixed());
    expect(await h.deps.orders.unknownIds()).toEqual(expect.arrayContaining([draftIdOf(garbage), draftIdOf(slow)]));
  });

  it("refuses forged callback data: another user's draft, a service that does not exist, garbage", async () => {
    const owner = await customer(h, { balance: "50" });
    const confirm = await toConfirmation(h, owner, defaultService, "https://t.me/forged_case", 100);
    const draftId = draftIdOf(confirm);
    const intruder = await customer(h, { balance: "50" });
    await after(h, intruder, () => intruder.send("/order"), has("Choose a category"));
    const intruderMessage = intruder.messages().at(-1)!.message_id;

    const answerTo = async (data: string) => {
      const since = h.tg.calls().length;
      intruder.press(data, intruderMessage);
      const call = await h.tg.waitForCall((c) => c.method === "answerCallbackQuery", { since });
      return String(call.payload.text ?? "");
    };
    expect(await answerTo(`oc:${draftId}`)).toContain("no longer available");
    expect(await answerTo(`ox:${draftId}`)).toContain("no longer available");
    // An id the shop does not offer (removed, hidden or made up) is answered like a stale button.
    expect(await answerTo("s:999999")).toContain("no longer valid");
    const beforeOrder = h.tg.calls().length;
    expect(await answerTo("o:999999")).toBe("");
    await intruder.waitForMessage(has("not available any more"), { since: beforeOrder });
    expect(await answerTo("cs:AAAAAAAA:0")).toContain("no longer valid");
    for (const garbage of ["oc:abc", "oc:1:2", "cp:-1", "s:", "cs:x y:0", `oc:${"9".repeat(30)}`]) {
      expect(await answerTo(garbage)).toContain("no longer valid");
    }
    expect(await h.deps.orders.get(draftId)).toMatchObject({ placement: "draft", userId: owner.id });
    expect((await h.deps.wallet.balance(intruder.id)).toFixed()).toBe("50");
    expect((await h.deps.wallet.balance(owner.id)).toFixed()).toBe("50");
    expect(addsFor(h, "https://t.me/forged_case")).toHaveLength(0);
    // The owner can still confirm their own draft.
    await after(h, owner, () => pressData(owner, `oc:${draftId}`), has("Order placed"));
  });
});

describe("order walk: catalog and panel edge cases", () => {
  it("applies PRICE_MARKUP_PERCENT exactly, rounding the price up to 5 decimals", async () => {
    const h = await startHarness({ sim: { catalog }, env: { PRICE_MARKUP_PERCENT: "10" } });
    try {
      const svc = catalog.find((s) => s.type === "Default" && s.rate.includes(".") && s.rate.split(".")[1]!.length === 4)!;
      const u = await customer(h, { balance: "100" });
      await after(h, u, () => u.send("/order"), has("Choose a category"));
      await after(h, u, () => pressData(u, `cs:${categoryKey(svc.category)}:0`), has("Choose a service"));
      const perThousand = unitPrice(new D(svc.rate), "10");
      expect(perThousand.toFixed()).toBe(new D(svc.rate).mul("1.1").toFixed());
      const card = await after(h, u, () => pressData(u, `s:${svc.service}`), has("Price per 1000"));
      expect(card.message.text).toContain(perThousand.toFixed(Math.max(2, perThousand.decimalPlaces())));
      await after(h, u, () => pressData(u, `o:${svc.service}`), has("Send the link"));
      await after(h, u, () => u.send("https://t.me/markup_case"), has("How many?"));
      const quantity = Number(svc.min) + 3;
      await after(h, u, () => u.send(String(quantity)), has("Check your order"));
      await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
      const exact = new D(svc.rate).mul(quantity).div(1000).mul("1.1");
      const charged = exact.toDecimalPlaces(5, D.ROUND_CEIL);
      expect(charged.gte(exact)).toBe(true);
      expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(100).sub(charged).toFixed());
    } finally {
      await h.stop();
    }
  });

  it("a real quantity refusal from the panel (its minimum is higher than the cached catalog said) refunds and shows its text", async () => {
    const h = await startHarness({ sim: { catalog } });
    try {
      // The bot's cached copy says min 1; the panel's own minimum is higher.
      const stale = catalog.map((s) => serviceSchema.parse(s.service === defaultService.service ? { ...s, min: "1" } : s));
      await h.redis.redis.set(keys(h.config.redis.prefix).catalog, serializeCatalog(stale, Date.now()));
      const u = await customer(h, { balance: "10" });
      const confirm = await toConfirmation(h, u, defaultService, "https://t.me/min_case", 2);
      const refused = await after(h, u, () => pressData(u, confirmData(confirm)), has("quantity was not accepted"));
      expect(refused.text).toContain(`Quantity less than minimal ${defaultService.min}`);
      expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("10");
      expect(await h.deps.orders.get(draftIdOf(confirm))).toMatchObject({ placement: "failed", failReason: `Quantity less than minimal ${defaultService.min}` });
    } finally {
      await h.stop();
    }
  });

  it("the panel unreachable at add: the money is back at once", async () => {
    const h = await startHarness({ sim: { catalog } });
    try {
      const u = await customer(h, { balance: "10" });
      const confirm = await toConfirmation(h, u, defaultService, "https://t.me/unreachable_case", 100);
      await h.sim.close();
      await after(h, u, () => pressData(u, confirmData(confirm)), has("could not be reached"));
      expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("10");
      expect(await h.deps.orders.get(draftIdOf(confirm))).toMatchObject({ placement: "failed" });
    } finally {
      await h.stop();
    }
  });

  it("says services are temporarily unavailable when the panel is down and nothing is cached", async () => {
    const h = await startHarness({ sim: { catalog } });
    try {
      h.sim.injectFault({ kind: "http500", action: "services", times: 10 });
      const u = await customer(h);
      const reply = await after(h, u, () => u.send("/order"), has("temporarily unavailable"));
      expect(buttonsOf(reply)).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it("pages through a panel of 3,000 services in 120 categories within Telegram's keyboard limits", async () => {
    const big = generateCatalog({ services: 3000, categories: 120, dripfeed: false });
    const h = await startHarness({ sim: { catalog: big } });
    try {
      const u = await customer(h);
      const checkKeyboard = (m: BotMessage) => {
        const buttons = buttonsOf(m);
        expect(buttons.length).toBeGreaterThan(0);
        expect(buttons.length).toBeLessThanOrEqual(100);
        for (const b of buttons) expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);
        expect(m.text!.length).toBeLessThanOrEqual(4096);
      };
      let page = await after(h, u, () => u.send("/order"), has("Choose a category"));
      expect(page.text).toContain("(page 1 of 12)");
      const seen = new Set<string>();
      for (let i = 2; i <= 12; i++) {
        checkKeyboard(page);
        for (const b of buttonsOf(page)) if (b.callback_data!.startsWith("cs:")) seen.add(b.callback_data!);
        page = await after(h, u, () => u.pressButton("»"), has(`(page ${i} of 12)`));
      }
      checkKeyboard(page);
      for (const b of buttonsOf(page)) if (b.callback_data!.startsWith("cs:")) seen.add(b.callback_data!);
      expect(seen.size).toBe(120);
      expect(buttonsOf(page).some((b) => b.text === "»")).toBe(false);

      // The last category, its last page of services, a card, and Back to where the user was.
      const last = big.findLast((s) => s.type === "Default")!;
      const services = await after(h, u, () => pressData(u, `cs:${categoryKey(last.category)}:0`), has("Choose a service"));
      checkKeyboard(services);
      const pages = Number(/of (\d+)\)/.exec(services.text!)![1]);
      let lastPage = services;
      for (let i = 2; i <= pages; i++) {
        lastPage = await after(h, u, () => u.pressButton("»"), has(`(page ${i} of ${pages})`));
        checkKeyboard(lastPage);
      }
      const card = await after(h, u, () => pressData(u, `s:${last.service}`), has("Price"));
      checkKeyboard(card);
      const back = await after(h, u, () => u.pressButton("⬅️ Back"), has(`(page ${pages} of ${pages})`));
      expect(buttonsOf(back).some((b) => b.callback_data === `s:${last.service}`)).toBe(true);
      const categoriesAgain = await after(h, u, () => u.pressButton("⬅️ Back"), has("(page 12 of 12)"));
      checkKeyboard(categoriesAgain);
    } finally {
      await h.stop();
    }
  });

  it("survives a restart: a new bot process on the same Redis finishes the dialog, and an old Confirm is decided by Redis alone", async () => {
    const h = await startHarness({ sim: { catalog } });
    const logger = createLogger({ level: "silent", pretty: false, secrets: [] });
    const deps2 = createDeps(h.config, logger, { redis: h.redis.redis, outbox: () => ({ enqueue: async () => true }) });
    const bot2 = createBot(deps2);
    let polling: Promise<void> | undefined;
    try {
      // Three customers (each stays below the per-user rate limit): one placed an order, one left
      // a confirmation unanswered, one is in the middle of the dialog when the process restarts.
      const early = await customer(h, { balance: "50" });
      const placed = await toConfirmation(h, early, defaultService, "https://t.me/restart_placed", 100);
      await after(h, early, () => pressData(early, confirmData(placed)), has("Order placed"));
      const hesitant = await customer(h, { balance: "50" });
      const pending = await toConfirmation(h, hesitant, defaultService, "https://t.me/restart_pending", 100);
      const midway = await customer(h, { balance: "50" });
      await openOrderDialog(h, midway, defaultService);
      await after(h, midway, () => midway.send("https://t.me/restart_dialog"), has("How many?"));

      await h.bot.stop();
      await bot2.init();
      polling = bot2.start({ drop_pending_updates: false });

      // The dialog goes on where it was.
      const resumed = await after(h, midway, () => midway.send("100"), has("Check your order"));
      expect(resumed.text).toContain("https://t.me/restart_dialog");
      // The Confirm pressed before the restart, pressed again: already placed, no second add.
      const since = h.tg.calls().length;
      early.press(confirmData(placed), placed.message_id);
      await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && String(c.payload.text).includes("already placed"), { since });
      // A draft confirmed for the first time after the restart is placed by the new process.
      await after(h, hesitant, () => pressData(hesitant, confirmData(pending)), has("Order placed"));
      expect(addsFor(h, "https://t.me/restart_placed")).toHaveLength(1);
      expect(addsFor(h, "https://t.me/restart_pending")).toHaveLength(1);
      expect(h.sim.counts().add).toBe(2);
    } finally {
      if (bot2.isRunning()) await bot2.stop();
      await polling?.catch(() => undefined);
      await deps2.panel.close();
      await h.stop();
    }
  });
});
