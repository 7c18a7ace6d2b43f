import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvoiceStore } from "../../src/store/invoices.js";
import { reconcileStars, STARS_RECONCILE_GRACE_MS } from "../../src/services/stars-reconcile.js";
import { eventually } from "../support/eventually.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness, type HarnessOptions } from "../support/harness.js";

/**
 * The Stars net against the fake Bot API's getStarTransactions: payments Telegram booked but whose
 * successful_payment the bot never handled.
 */
const ADMIN = 900_000_777;
const env = { DEFAULT_LOCALE: "en", ADMIN_IDS: String(ADMIN), STARS_RATE: "0.01" };
const minutesAgo = (n: number) => Math.floor((Date.now() - n * 60_000) / 1000);

let h: Harness;
let api: Api;
async function start(opts: HarnessOptions = {}) {
  h = await startHarness({ env, ...opts });
  api = new Api(h.config.botToken, { apiRoot: h.config.telegramApiRoot });
}

async function starsInvoice(u: FakeUser, stars: number) {
  return new InvoiceStore(h.redis.redis, h.redis.prefix).create({ userId: u.id, kind: "stars", currency: "XTR", total: stars, rate: "0.01", amount: String(stars / 100) });
}

/** A Stars payment Telegram booked, as getStarTransactions lists it. */
function booked(u: FakeUser, id: string, stars: number, payload: string, date = minutesAgo(30)) {
  h.tg.starTransactions.push({
    id,
    amount: stars,
    date,
    source: { type: "user", transaction_type: "invoice_payment", user: { id: u.id, is_bot: false, first_name: "Payer" }, invoice_payload: payload },
  });
}

const paymentsOf = async (u: FakeUser) => (await h.deps.wallet.entries(u.id)).filter((e) => e.reason === "payment");
const toUser = (u: FakeUser) => h.outboxed.filter((m) => m.chatId === u.id);

describe("Stars check (the second net under Stars payments)", () => {
  beforeEach(async () => start());
  afterEach(async () => h.stop());

  it("credits a payment whose update was lost, once, and not again when the update arrives after all", async () => {
    const u = h.tg.user();
    const invoice = await starsInvoice(u, 300);
    booked(u, "lost-charge-1", 300, invoice.id);

    expect(await reconcileStars(h.deps, api)).toMatchObject({ credited: 1, unmatched: 0 });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("3");
    expect(toUser(u).map((m) => m.text)).toEqual([expect.stringContaining("Payment received")]);
    expect((await new InvoiceStore(h.redis.redis, h.redis.prefix).get(invoice.id))?.state).toBe("paid");

    // The next run, and one reading every transaction again, credit nothing.
    expect(await reconcileStars(h.deps, api)).toMatchObject({ credited: 0 });
    await h.redis.redis.del(`${h.redis.prefix}stars:reconcile:cursor`);
    expect(await reconcileStars(h.deps, api)).toMatchObject({ scanned: 1, credited: 0 });

    // The update turns up late: the handler finds the credit made, and its message has the Stars check's key: told once.
    const since = h.tg.calls().length;
    const late = h.tg.pushUpdate({
      message: {
        message_id: 99,
        date: minutesAgo(0),
        chat: { id: u.id, type: "private", first_name: "Payer" },
        from: { id: u.id, is_bot: false, first_name: "Payer" },
        successful_payment: { currency: "XTR", total_amount: 300, invoice_payload: invoice.id, telegram_payment_charge_id: "lost-charge-1", provider_payment_charge_id: "" },
      },
    });
    await h.tg.waitForCall((c) => c.method === "getUpdates" && Number(c.payload.offset) > late, { since });
    await new Promise((r) => setTimeout(r, 300));
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("3");
    expect(await paymentsOf(u)).toHaveLength(1);
    expect(toUser(u).filter((m) => m.text.includes("Payment received"))).toHaveLength(1);
  });

  it("leaves a payment the bot handled alone", async () => {
    const u = h.tg.user();
    const invoice = await starsInvoice(u, 100);
    u.successfulPayment({ invoicePayload: invoice.id, currency: "XTR", totalAmount: 100, telegramPaymentChargeId: "handled-charge" });
    await eventually("the payment's message", () => toUser(u).some((m) => m.text.includes("Payment received")));
    // Past the grace period, as the next hourly run sees it.
    expect(await reconcileStars(h.deps, api, Date.now() + STARS_RECONCILE_GRACE_MS + 1000)).toMatchObject({ scanned: 1, credited: 0, unmatched: 0 });
    expect(await paymentsOf(u)).toHaveLength(1);
  });

  it("reports a payment for an unknown invoice, or another user's, to the admins once, and credits nothing", async () => {
    const u = h.tg.user();
    const other = h.tg.user();
    const othersInvoice = await starsInvoice(other, 50);
    booked(u, "unknown-charge", 70, "no-such-invoice");
    booked(u, "foreign-charge", 50, othersInvoice.id);

    expect(await reconcileStars(h.deps, api)).toMatchObject({ credited: 0, unmatched: 2 });
    await h.redis.redis.del(`${h.redis.prefix}stars:reconcile:cursor`);
    expect(await reconcileStars(h.deps, api)).toMatchObject({ credited: 0, unmatched: 2 });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
    expect((await h.deps.wallet.balance(other.id)).toFixed()).toBe("0");
    // The collecting outbox keeps every enqueue; the real one drops a key seen before.
    const keys = h.outboxed.filter((m) => m.chatId === ADMIN).map((m) => m.key);
    expect(new Set(keys)).toEqual(new Set([`payment-unmatched:unknown-charge:${ADMIN}`, `payment-unmatched:foreign-charge:${ADMIN}`]));
    expect(h.outboxed.find((m) => m.key === `payment-unmatched:unknown-charge:${ADMIN}`)?.text).toContain("⭐ 70");
  });

  it("leaves a payment within the grace period to its update, and keeps its place for the next run", async () => {
    const u = h.tg.user();
    const invoice = await starsInvoice(u, 200);
    booked(u, "young-charge", 200, invoice.id, minutesAgo(1));
    expect(await reconcileStars(h.deps, api)).toMatchObject({ credited: 0 });
    expect(await reconcileStars(h.deps, api, Date.now() + STARS_RECONCILE_GRACE_MS)).toMatchObject({ credited: 1 });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("2");
  });

  it("skips refunded payments and transactions that are not invoice payments", async () => {
    const u = h.tg.user();
    const invoice = await starsInvoice(u, 100);
    booked(u, "refunded-charge", 100, invoice.id, minutesAgo(40));
    h.tg.starTransactions.push({
      id: "refunded-charge",
      amount: 100,
      date: minutesAgo(35),
      receiver: { type: "user", transaction_type: "invoice_payment", user: { id: u.id, is_bot: false, first_name: "Payer" } },
    });
    h.tg.starTransactions.push({ id: "withdrawal", amount: 1000, date: minutesAgo(30), receiver: { type: "fragment" } });
    h.tg.starTransactions.push({
      id: "media",
      amount: 5,
      date: minutesAgo(30),
      source: { type: "user", transaction_type: "paid_media_payment", user: { id: u.id, is_bot: false, first_name: "Payer" } },
    });
    expect(await reconcileStars(h.deps, api)).toMatchObject({ scanned: 4, credited: 0, unmatched: 0 });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("0");
  });

  it("pages through more than 100 transactions", async () => {
    const u = h.tg.user();
    for (let i = 0; i < 150; i++) h.tg.starTransactions.push({ id: `w${i}`, amount: 1, date: minutesAgo(60), receiver: { type: "fragment" } });
    const invoice = await starsInvoice(u, 400);
    booked(u, "late-in-the-list", 400, invoice.id);
    expect(await reconcileStars(h.deps, api)).toMatchObject({ scanned: 151, credited: 1 });
  });
});

describe("Stars check in the worker", () => {
  beforeEach(async () => start({ worker: { starsEveryMs: 100 } }));
  afterEach(async () => h.stop());

  it("runs in the worker, at start and then periodically", async () => {
    const u = h.tg.user();
    const invoice = await starsInvoice(u, 500);
    booked(u, "worker-charge", 500, invoice.id);
    await eventually("credited by the worker", async () => (await h.deps.wallet.balance(u.id)).toFixed() === "5");
    await new Promise((r) => setTimeout(r, 300));
    expect(await paymentsOf(u)).toHaveLength(1);
  });
});
