import type { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeps } from "../../src/app.js";
import type { BotContext } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/index.js";
import { createLogger } from "../../src/logger.js";
import { D } from "../../src/money.js";
import { decideReceipt, settleReceipt } from "../../src/services/receipts.js";
import { ReceiptStore } from "../../src/store/receipts.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { directOutbox } from "../support/direct-outbox.js";
import { startHarness, type Harness } from "../support/harness.js";

const ANN = 910_000_001;
const BOB = 910_000_002;

describe("top-ups by transfer with a receipt that admins approve", () => {
  let h: Harness;
  /** which bot delivers outbox messages: the harness's, or the one started after a "restart" */
  let deliverer: Bot<BotContext>;
  const { outbox, sent } = directOutbox(() => deliverer.api);

  let ann: FakeUser;
  let bob: FakeUser;

  beforeAll(async () => {
    h = await startHarness({
      env: { DEFAULT_LOCALE: "en", ADMIN_IDS: `${ANN},${BOB}`, MANUAL_TOPUP_DETAILS: "Card 8600 1234 5678 9012 <Ali V.>" },
      outbox: () => outbox,
    });
    deliverer = h.bot;
    ann = h.tg.user({ id: ANN, firstName: "Ann", languageCode: "en" });
    bob = h.tg.user({ id: BOB, firstName: "Bob", username: "bob_admin", languageCode: "en" });
  });
  afterAll(async () => h.stop());

  /** Balance → Top up → transfer → amount: the bot waits for the receipt. */
  async function toReceiptStep(u: FakeUser, amount: string): Promise<void> {
    u.send("/balance");
    await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    u.pressButton("Top up");
    await u.waitForMessage((m) => m.text?.includes("Choose how you want to pay") ?? false);
    u.pressButton("Transfer and send a receipt");
    const details = await u.waitForMessage((m) => m.text?.includes("Send the money to") ?? false);
    expect(details.text).toContain("Card 8600 1234 5678 9012 &lt;Ali V.&gt;");
    u.send(amount);
    await u.waitForMessage((m) => m.text?.includes("Now send a photo or a file") ?? false);
  }

  /** The receipt step, then a photo; returns the receipt id once both admins have their copy. */
  async function submit(u: FakeUser, amount: string, caption?: string): Promise<string> {
    await toReceiptStep(u, amount);
    u.sendPhoto({ caption });
    const done = await u.waitForMessage((m) => m.text?.includes("has been sent for checking") ?? false);
    const id = /<code>([A-Z0-9]{8})<\/code>/.exec(done.text!)![1]!;
    await h.tg.waitForCall((c) => c.method === "copyMessage" && c.payload.chat_id === BOB && String(c.payload.caption).includes(id));
    return id;
  }

  /** The admin's copy of a receipt (the newest message with its buttons). */
  const copyOf = (admin: FakeUser, id: string) =>
    admin
      .messages()
      .filter((m) => m.text?.includes(`Receipt ${id}`))
      .at(-1)!;

  it("the customer's caption (a payment reference) reaches the admins' copy and the receipt, escaped", async () => {
    const u = h.tg.user({ languageCode: "en", firstName: "Vali" });
    const id = await submit(u, "12", "paid from card *5678, ref <TX991>");
    expect(copyOf(ann, id).text).toContain("💬 The customer wrote: <i>paid from card *5678, ref &lt;TX991&gt;</i>");
    expect((await h.deps.receipts.get(id))?.note).toBe("paid from card *5678, ref <TX991>");
  });

  it("an album: its first photo is the receipt, the customer is told so, and the others are not answered as stray photos", async () => {
    const u = h.tg.user({ languageCode: "en", firstName: "Vali" });
    await toReceiptStep(u, "30");
    const since = h.tg.calls().length;
    u.sendPhoto({ mediaGroupId: "album-1" });
    u.sendPhoto({ mediaGroupId: "album-1" });
    u.sendPhoto({ mediaGroupId: "album-1" });
    const done = await u.waitForMessage((m) => m.text?.includes("has been sent for checking") ?? false, { since });
    expect(done.text).toContain("It was an album: its first file went to the administrators as the receipt");
    // The sequence per chat has handled all three once the balance answers.
    u.send("/balance");
    await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false, { since });
    const replies = h.tg
      .calls()
      .slice(since)
      .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === u.id);
    expect(replies.map((c) => String(c.payload.text)).filter((t) => t.includes("cannot use"))).toEqual([]);
  });

  it("every admin gets a copy with Approve / Reject; two admins approving at once credit exactly once", async () => {
    const u = h.tg.user({ languageCode: "en", firstName: "Vali", username: "vali" });
    const id = await submit(u, "25");
    for (const admin of [ann, bob]) {
      const copy = copyOf(admin, id);
      expect(copy.method).toBe("copyMessage");
      expect(copy.message.photo).toBeDefined();
      expect(copy.text).toContain("Amount: <b>25.00 USD</b>");
      expect(copy.text).toContain(`<a href="tg://user?id=${u.id}">Vali</a> @vali (${u.id})`);
      expect(JSON.stringify(copy.reply_markup)).toContain(`rc:a:${id}`);
    }

    const since = h.tg.calls().length;
    ann.pressButton("Approve");
    bob.pressButton("Approve");
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.show_alert === true, { since });
    await bob.waitForMessage((m) => m.text?.includes("Approved by Ann") ?? false, { since });

    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("25");
    const ledger = await h.deps.wallet.entries(u.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ reason: "payment", ref: `receipt:${id}`, adminId: ANN, amount: "25" });
    expect(ann.callbackAnswers().at(-1)?.text).toContain("Approved");
    expect(bob.callbackAnswers().at(-1)).toEqual({ text: "Already decided by Ann.", show_alert: true });
    // Both copies now show the decision instead of buttons.
    for (const admin of [ann, bob]) {
      expect(copyOf(admin, id).text).toContain("✅ Approved by Ann: 25.00 USD");
      expect(copyOf(admin, id).reply_markup).toBeUndefined();
    }
    const told = await u.waitForMessage((m) => m.text?.includes(`Receipt ${id} has been approved`) ?? false, { since: 0 });
    expect(told.text).toContain("+25.00 USD");
    expect(u.messages().filter((m) => m.text?.includes(`Receipt ${id}`))).toHaveLength(1);
  });

  it("decisions made truly in parallel: one wins, the credit happens once", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const id = await submit(u, "3");
    const results = await Promise.all([
      decideReceipt(h.deps, id, "approved", { id: ANN, name: "Ann" }),
      decideReceipt(h.deps, id, "rejected", { id: BOB, name: "Bob @bob_admin" }),
      decideReceipt(h.deps, id, "approved", { id: BOB, name: "Bob @bob_admin" }),
    ]);
    expect(results.filter((r) => r?.won)).toHaveLength(1);
    const final = results[0]!.receipt;
    expect(results.every((r) => r?.receipt.state === final.state)).toBe(true);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(final.state === "approved" ? "3" : "0");
    expect(sent.filter((m) => m.chatId === u.id && m.text.includes(id))).toHaveLength(1);
  });

  it("reject: the user is told, nothing is credited, a later Approve says who decided", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const id = await submit(u, "40");
    let since = h.tg.calls().length;
    bob.pressButton("Reject");
    await bob.waitForMessage((m) => m.text?.includes("❌ Rejected by Bob @bob_admin") ?? false, { since });
    expect((await u.waitForMessage((m) => m.text?.includes(`Receipt ${id} has not been approved`) ?? false, { since: 0 })).text).toContain("/paysupport");

    since = h.tg.calls().length;
    ann.pressButton("Approve");
    await ann.waitForMessage((m) => m.text?.includes("❌ Rejected by Bob @bob_admin") ?? false, { since });
    expect(ann.callbackAnswers().at(-1)).toEqual({ text: "Already decided by Bob @bob_admin.", show_alert: true });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
    expect(await h.deps.wallet.entries(u.id)).toHaveLength(0);
  });

  it("/approve credits a different amount; the buttons pressed afterwards say it was decided", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const id = await submit(u, "50");
    ann.send(`/approve ${id.toLowerCase()} 12,5`);
    expect((await ann.waitForMessage((m) => m.text?.includes("approved:") ?? false)).text).toContain(`Receipt ${id} approved: 12.50 USD credited to`);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("12.5");
    expect(sent.find((m) => m.chatId === u.id && m.text.includes(id))?.text).toContain("+12.50 USD");

    ann.send(`/approve ${id} 50`);
    expect((await ann.waitForMessage()).text).toContain(`Receipt ${id}: ✅ Approved by Ann: 12.50 USD`);
    ann.send("/approve");
    expect((await ann.waitForMessage()).text).toContain("Usage:");
    ann.send("/approve ZZZZZZZZ 5");
    expect((await ann.waitForMessage()).text).toContain("Receipt ZZZZZZZZ was not found");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("12.5");
  });

  it("a forged Approve from a customer and /approve by a customer are refused", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const id = await submit(u, "30");
    const since = h.tg.calls().length;
    u.press(`rc:a:${id}`, u.lastMessage()!.message_id);
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery", { since });
    expect(u.callbackAnswers().at(-1)).toEqual({ text: "🔒 Sorry, this is only for the shop's administrators.", show_alert: true });
    u.send(`/approve ${id} 1000`);
    expect((await u.waitForMessage()).text).toBe("🔒 Sorry, this is only for the shop's administrators.");
    expect((await new ReceiptStore(h.redis.redis, h.redis.prefix).get(id))?.state).toBe("pending");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
  });

  it("the dialog: bad amounts are explained, text instead of a receipt gets a hint, /cancel ends it", async () => {
    const u = h.tg.user({ languageCode: "en" });
    u.send("/balance");
    await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    u.pressButton("Top up");
    await u.waitForMessage((m) => m.text?.includes("Choose how you want to pay") ?? false);
    u.pressButton("Transfer and send a receipt");
    await u.waitForMessage((m) => m.text?.includes("Send the money to") ?? false);
    u.send("lots");
    expect((await u.waitForMessage()).text).toContain("Send the amount as a number");
    u.send("2000");
    expect((await u.waitForMessage()).text).toContain("the maximum is 1,000.00 USD");
    u.send("20");
    await u.waitForMessage((m) => m.text?.includes("Now send a photo or a file") ?? false);
    u.send("done");
    expect((await u.waitForMessage()).text).toContain("Send the receipt as a photo or a file");
    u.send("/cancel");
    expect((await u.waitForMessage()).text).toContain("Top-up cancelled");
    // After /cancel a file is just a file, and /cancel has nothing left to cancel.
    u.sendDocument();
    u.send("/cancel");
    await u.waitForMessage((m) => m.text?.includes("Nothing to cancel") ?? false);
    expect(sent.filter((m) => m.copyFrom?.chatId === u.id)).toHaveLength(0);
    expect(new D(0).eq(await h.deps.wallet.balance(u.id))).toBe(true);
  });

  // Last: it replaces the harness's bot.
  it("a restart between the decision and the credit: the next press or settle credits once", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const id = await submit(u, "7.5");
    // The decision is stored, then the process dies before crediting.
    const store = new ReceiptStore(h.redis.redis, h.redis.prefix);
    expect((await store.decide(id, "approved", { id: ANN, name: "Ann" }))?.won).toBe(true);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");

    // A new process on the same Redis prefix.
    await h.bot.stop();
    const logger = createLogger({ level: "silent", pretty: false, secrets: [] });
    const deps = createDeps(h.config, logger, { redis: h.redis.redis, outbox: () => outbox });
    const bot = createBot(deps);
    await bot.init();
    deliverer = bot;
    const polling = bot.start();
    try {
      const since = h.tg.calls().length;
      bob.pressButton("Approve");
      await bob.waitForMessage((m) => m.text?.includes("Approved by Ann: 7.50 USD") ?? false, { since });
      expect(bob.callbackAnswers().at(-1)).toEqual({ text: "Already decided by Ann.", show_alert: true });
      // Settling again, however often, changes nothing.
      const receipt = (await store.get(id))!;
      await settleReceipt(deps, receipt);
      await settleReceipt(deps, receipt);
      expect((await deps.wallet.balance(u.id)).toFixed()).toBe("7.5");
      expect(await deps.wallet.entries(u.id)).toHaveLength(1);
      expect(sent.filter((m) => m.chatId === u.id && m.text.includes(id))).toHaveLength(1);
      expect((await store.get(id))?.notified).toBe(true);
    } finally {
      await bot.stop();
      await polling;
      await deps.panel.close();
    }
  });
});
