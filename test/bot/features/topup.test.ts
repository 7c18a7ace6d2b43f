import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../../src/money.js";
import { creditPayment, INVOICE_VALID_MS } from "../../../src/services/payments.js";
import { InvoiceStore } from "../../../src/store/invoices.js";
import type { FakeUser } from "../../support/fake-bot-api.js";
import { eventually } from "../../support/eventually.js";
import { startHarness, type Harness } from "../../support/harness.js";

const ADMIN = 900_000_001;
const PROVIDER_TOKEN = "398062629:TEST:999999999_F91D8F69C042267444B74CC0B3C747757EB0E065";

let queryNo = 0;

/** Sends a pre_checkout_query and returns the bot's answer to it. */
async function preCheckout(h: Harness, u: FakeUser, opts: { invoicePayload: string; currency: string; totalAmount: number }) {
  const id = `pcq-test-${++queryNo}`;
  u.preCheckout({ ...opts, id });
  const call = await h.tg.waitForCall((c) => c.method === "answerPreCheckoutQuery" && c.payload.pre_checkout_query_id === id);
  return call.payload as { ok: boolean; error_message?: string };
}

/** Balance → ➕ Top up → the method whose button contains `method`; returns once its question is shown. */
async function openMethod(u: FakeUser, method: string, question: string): Promise<void> {
  u.send("/balance");
  await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
  u.pressButton("Top up");
  await u.waitForMessage((m) => m.text?.includes("Choose how you want to pay") ?? false);
  u.pressButton(method);
  await u.waitForMessage((m) => m.text?.includes(question) ?? false);
}

/** Presses a button (or sends text) and returns the sendInvoice call it leads to. */
async function invoiceAfter(h: Harness, act: () => void) {
  const since = h.tg.calls().length;
  act();
  const call = await h.tg.waitForCall((c) => c.method === "sendInvoice", { since });
  return call.payload as { payload: string; currency: string; prices: { label: string; amount: number }[]; provider_token?: string; title: string };
}

/** The customer's "Payment received" messages: they go through the outbox, keyed by the charge. */
const paymentMessages = (h: Harness, u: FakeUser) => h.outboxed.filter((m) => m.chatId === u.chatId && m.text.includes("Payment received"));

/** The customer's `nth` "Payment received" message, once it is queued. */
function paymentMessage(h: Harness, u: FakeUser, nth = 1) {
  return eventually("the payment's message", () => paymentMessages(h, u)[nth - 1]);
}

describe("top-ups through Telegram Payments and Stars", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: {
        DEFAULT_LOCALE: "en",
        ADMIN_IDS: String(ADMIN),
        PAYMENT_PROVIDER_TOKEN: PROVIDER_TOKEN,
        PAYMENT_CURRENCY: "UZS",
        PAYMENT_RATE: "12650",
        STARS_RATE: "0.013",
      },
    });
  });
  afterAll(async () => h.stop());

  it("shows the Top up button on the balance screen, in the user's language", async () => {
    const u = h.tg.user({ languageCode: "uz" });
    u.send("/balance");
    const screen = await u.waitForMessage((m) => m.text?.includes("Hisobingizda") ?? false);
    expect(JSON.stringify(screen.reply_markup)).toContain("➕ Hisobni toʻldirish");
  });

  it("card: invoice → pre-checkout → payment credits once, also when successful_payment arrives twice", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await openMethod(u, "Pay by card", "How much do you want to add?");
    const invoice = await invoiceAfter(h, () => u.pressButton("10.00 USD"));
    expect(invoice).toMatchObject({ currency: "UZS", provider_token: PROVIDER_TOKEN, prices: [{ amount: 12_650_000 }] });

    expect(await preCheckout(h, u, { invoicePayload: invoice.payload, currency: "UZS", totalAmount: 12_650_000 })).toEqual(expect.objectContaining({ ok: true }));
    const payment = { invoicePayload: invoice.payload, currency: "UZS", totalAmount: 12_650_000, telegramPaymentChargeId: "ch-card-1" };
    u.successfulPayment(payment);
    const credited = await paymentMessage(h, u);
    expect(credited.text).toContain("+10.00 USD");
    expect(credited.text).toContain("Balance: <b>10.00 USD</b>");

    u.successfulPayment(payment);
    u.send("/balance");
    // Updates of a chat are handled in order: once the balance is shown, the repeat has been handled.
    const after = await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    expect(after.text).toContain("10.00 USD");
    expect(paymentMessages(h, u)).toHaveLength(1);
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("10");
    const ledger = await h.deps.wallet.entries(u.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ reason: "payment", ref: "provider:ch-card-1", amount: "10" });

    const again = await preCheckout(h, u, { invoicePayload: invoice.payload, currency: "UZS", totalAmount: 12_650_000 });
    expect(again.ok).toBe(false);
    expect(again.error_message).toContain("already been paid");
  });

  it("card: a typed amount is checked against the limits, then invoiced exactly", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await openMethod(u, "Pay by card", "How much do you want to add?");
    u.send("ten");
    expect((await u.waitForMessage()).text).toContain("Send the amount as a number");
    u.send("0.5");
    expect((await u.waitForMessage()).text).toContain("the minimum is 1.00 USD");
    u.send("5000");
    expect((await u.waitForMessage()).text).toContain("the maximum is 1,000.00 USD");
    const invoice = await invoiceAfter(h, () => u.send("12,5"));
    // 12.5 × 12650 = 158 125.00 UZS
    expect(invoice.prices).toEqual([{ label: "Top-up 12.50 USD", amount: 15_812_500 }]);
  });

  it("refuses the checkout of an unknown, foreign, changed or stale invoice", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const other = h.tg.user({ languageCode: "en" });
    await openMethod(u, "Pay by card", "How much do you want to add?");
    const invoice = await invoiceAfter(h, () => u.pressButton("5.00 USD"));
    const total = invoice.prices[0]!.amount;

    const unknown = await preCheckout(h, u, { invoicePayload: "no-such-invoice", currency: "UZS", totalAmount: total });
    expect(unknown).toMatchObject({ ok: false, error_message: expect.stringContaining("not valid") });
    const foreign = await preCheckout(h, other, { invoicePayload: invoice.payload, currency: "UZS", totalAmount: total });
    expect(foreign).toMatchObject({ ok: false, error_message: expect.stringContaining("another user") });
    const changed = await preCheckout(h, u, { invoicePayload: invoice.payload, currency: "UZS", totalAmount: total + 1 });
    expect(changed).toMatchObject({ ok: false, error_message: expect.stringContaining("does not match") });

    const stale = await new InvoiceStore(h.redis.redis, h.redis.prefix).create(
      { userId: u.id, kind: "provider", currency: "UZS", total, rate: "12650", amount: "5" },
      Date.now() - INVOICE_VALID_MS - 60_000,
    );
    const expired = await preCheckout(h, u, { invoicePayload: stale.id, currency: "UZS", totalAmount: total });
    expect(expired).toMatchObject({ ok: false, error_message: expect.stringContaining("expired") });

    // The fresh one still goes through.
    expect((await preCheckout(h, u, { invoicePayload: invoice.payload, currency: "UZS", totalAmount: total })).ok).toBe(true);
  });

  it("tells the customer once when a process credited the payment and died before telling", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await h.deps.users.touch({ id: u.id, chatId: u.chatId });
    const invoice = await h.deps.invoices.create({ userId: u.id, kind: "provider", currency: "UZS", total: 63_250_000, rate: "12650", amount: "50" });
    const payment = { invoicePayload: invoice.id, currency: "UZS", totalAmount: 63_250_000, telegramPaymentChargeId: "ch-died" };
    // The dead process's part: the credit, no message.
    expect((await creditPayment(h.deps, payment)).outcome).toBe("credited");
    // Its update is handled again after the restart, then Telegram's copy of it once more.
    u.successfulPayment(payment);
    expect((await paymentMessage(h, u)).text).toContain("+50.00 USD");
    u.successfulPayment(payment);
    u.send("/balance");
    expect((await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false)).text).toContain("50.00 USD");
    expect(paymentMessages(h, u)).toHaveLength(1);
    expect(await h.deps.wallet.entries(u.id)).toHaveLength(1);
  });

  it("Stars: a preset or typed number of stars, credited at STARS_RATE rounded down", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await openMethod(u, "Telegram Stars", "How many stars?");
    const invoice = await invoiceAfter(h, () => u.pressButton("⭐ 100"));
    expect(invoice).toMatchObject({ currency: "XTR", prices: [{ amount: 100 }] });
    expect(invoice.provider_token ?? "").toBe("");
    expect((await preCheckout(h, u, { invoicePayload: invoice.payload, currency: "XTR", totalAmount: 100 })).ok).toBe(true);
    u.successfulPayment({ invoicePayload: invoice.payload, currency: "XTR", totalAmount: 100, telegramPaymentChargeId: "stars-ch-1" });
    expect((await paymentMessage(h, u)).text).toContain("+1.30 USD");

    await openMethod(u, "Telegram Stars", "How many stars?");
    u.send("50");
    expect((await u.waitForMessage()).text).toContain("from 77 to 10,000");
    const typed = await invoiceAfter(h, () => u.send("77"));
    expect(typed.prices[0]!.amount).toBe(77);
    u.successfulPayment({ invoicePayload: typed.payload, currency: "XTR", totalAmount: 77, telegramPaymentChargeId: "stars-ch-2" });
    await paymentMessage(h, u, 2);
    // 1.3 + 77 × 0.013
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("2.301");
    expect((await h.deps.wallet.entries(u.id)).map((e) => e.ref)).toEqual(["stars:stars-ch-2", "stars:stars-ch-1"]);
  });

  it("an admin refunds a Stars payment once; the wallet is debited, never below zero", async () => {
    const admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    const u = h.tg.user({ languageCode: "en" });
    await openMethod(u, "Telegram Stars", "How many stars?");
    const invoice = await invoiceAfter(h, () => u.pressButton("⭐ 250"));
    u.successfulPayment({ invoicePayload: invoice.payload, currency: "XTR", totalAmount: 250, telegramPaymentChargeId: "stars-refund-1" });
    await paymentMessage(h, u);

    u.send(`/refundstars ${u.id} stars-refund-1`);
    expect((await u.waitForMessage()).text).toBe("🔒 Sorry, this is only for the shop's administrators.");

    // The customer spends part of the 3.25 USD; a refund then needs `force`.
    await h.deps.wallet.debit(u.id, new D("3"), { reason: "order" });
    admin.send(`/refundstars ${u.id} stars-refund-1`);
    const short = await admin.waitForMessage();
    expect(short.text).toContain("The wallet holds 0.25 USD, less than the 3.25 USD");
    expect(short.text).toContain(`<code>/refundstars ${u.id} stars-refund-1 force</code>`);
    expect(h.tg.calls("refundStarPayment")).toHaveLength(0);

    h.tg.respond("refundStarPayment", () => ({ ok: false, error_code: 400, description: "Bad Request: CHARGE_NOT_FOUND" }));
    admin.send(`/refundstars ${u.id} stars-refund-1 force`);
    expect((await admin.waitForMessage()).text).toContain("Telegram did not refund the payment");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0.25");
    h.tg.clearResponders();

    admin.send(`/refundstars ${u.id} stars-refund-1 force`);
    const done = await admin.waitForMessage();
    expect(done.text).toContain("⭐ 250 refunded");
    expect(done.text).toContain("held only 0.25 USD of 3.25 USD");
    expect(h.tg.calls("refundStarPayment").at(-1)?.payload).toMatchObject({ user_id: u.id, telegram_payment_charge_id: "stars-refund-1" });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
    expect((await h.deps.wallet.entries(u.id))[0]).toMatchObject({ reason: "payment_refund", ref: "stars:stars-refund-1", amount: "-0.25", adminId: ADMIN });
    // Queued after the admin's reply.
    await eventually("the customer's refund message", () => h.outboxed.some((m) => m.chatId === u.id && m.text.includes("⭐ 250 has been refunded")));

    admin.send(`/refundstars ${u.id} stars-refund-1 force`);
    expect((await admin.waitForMessage()).text).toContain("already been refunded");
    expect(h.tg.calls("refundStarPayment").filter((c) => c.response?.ok)).toHaveLength(1);
    expect((await h.deps.wallet.entries(u.id)).filter((e) => e.reason === "payment_refund")).toHaveLength(1);
    expect(h.outboxed.filter((m) => m.chatId === u.id && m.text.includes("⭐ 250 has been refunded"))).toHaveLength(1);
  });

  it("a credit that fails is tried again; one that keeps failing is handed to the admins, and the customer is told", async () => {
    const wallet = h.deps.wallet;
    const credit = wallet.credit.bind(wallet);
    let failures = 1;
    wallet.credit = (...args: Parameters<typeof credit>) => (failures-- > 0 ? Promise.reject(new Error("Connection is closed.")) : credit(...args));
    try {
      const u = h.tg.user({ languageCode: "en" });
      await h.deps.users.touch({ id: u.id, chatId: u.chatId });
      const invoice = await h.deps.invoices.create({ userId: u.id, kind: "provider", currency: "UZS", total: 12_650_000, rate: "12650", amount: "10" });
      u.successfulPayment({ invoicePayload: invoice.id, currency: "UZS", totalAmount: 12_650_000, telegramPaymentChargeId: "ch-blip" });
      // A blip: credited on the second try, told once.
      expect((await paymentMessage(h, u)).text).toContain("+10.00 USD");
      expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("10");

      failures = Infinity;
      const v = h.tg.user({ languageCode: "en" });
      await h.deps.users.touch({ id: v.id, chatId: v.chatId });
      const second = await h.deps.invoices.create({ userId: v.id, kind: "provider", currency: "UZS", total: 12_650_000, rate: "12650", amount: "10" });
      v.successfulPayment({ invoicePayload: second.id, currency: "UZS", totalAmount: 12_650_000, telegramPaymentChargeId: "ch-down" });
      expect((await v.waitForMessage(undefined, { timeoutMs: 8_000 })).text).toContain("could not credit it just now. The administrators have been told");
      const alert = h.outboxed.find((m) => m.chatId === ADMIN && m.text.includes("ch-down"));
      expect(alert?.text).toContain("could not be credited");
      expect(alert?.text).toContain("Paid: 126,500.00 UZS");
      expect(await h.deps.wallet.entries(v.id)).toHaveLength(0);
    } finally {
      wallet.credit = credit;
    }
  });

  it("a payment that matches no invoice is credited to nobody, and the user and the admins are told", async () => {
    const u = h.tg.user({ languageCode: "en" });
    u.successfulPayment({ invoicePayload: "gone", currency: "UZS", totalAmount: 5_000_000, telegramPaymentChargeId: "ch-orphan" });
    expect((await u.waitForMessage()).text).toContain("could not be matched to a top-up");
    const alert = h.outboxed.find((m) => m.chatId === ADMIN && m.text.includes("ch-orphan"));
    expect(alert?.text).toContain("Paid: 50,000.00 UZS");
    expect(await h.deps.wallet.entries(u.id)).toHaveLength(0);
  });

  it("a menu button or command leaves the amount question instead of being read as an answer", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await openMethod(u, "Pay by card", "How much do you want to add?");
    u.send("💰 Balance");
    await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    const since = h.tg.calls().length;
    u.send("10");
    u.send("/balance");
    await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    expect(
      h.tg
        .calls()
        .slice(since)
        .filter((c) => c.method === "sendInvoice"),
    ).toHaveLength(0);
  });

  it("/terms and /paysupport answer; a support request reaches the admins", async () => {
    const u = h.tg.user({ languageCode: "en", firstName: "Ali <script>" });
    u.send("/terms");
    expect((await u.waitForMessage()).text).toContain("rounded down to 0.00001 USD");
    u.send("/paysupport");
    expect((await u.waitForMessage()).text).toContain("Describe the problem");
    u.send("/paysupport I paid 50 000 UZS but <nothing> happened");
    expect((await u.waitForMessage()).text).toContain("sent to the administrators");
    const request = h.outboxed.find((m) => m.chatId === ADMIN && m.text.includes("Payment support"));
    expect(request?.text).toContain("Ali &lt;script&gt;");
    expect(request?.text).toContain("but &lt;nothing&gt; happened");
  });
});

describe("balance screen without any top-up way configured", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { DEFAULT_LOCALE: "en" } });
  });
  afterAll(async () => h.stop());

  it("has no Top up button and says whom to ask", async () => {
    const u = h.tg.user({ languageCode: "en" });
    u.send("/balance");
    const screen = await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    expect(screen.text).toContain("write to the administrator");
    expect(screen.message.reply_markup).toBeUndefined();
    // A stale Top up button from an earlier configuration is answered, not left spinning.
    u.press("tu:m", screen.message_id);
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery");
    expect(u.callbackAnswers().at(-1)?.text).toContain("write to the administrator");
  });
});
