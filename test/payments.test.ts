import { Api } from "grammy";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, type Config } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { D } from "../src/money.js";
import {
  amountPresets,
  checkAmount,
  checkPreCheckout,
  creditPayment,
  currencyExponent,
  enabledMethods,
  INVOICE_VALID_MS,
  parseStars,
  paymentCredit,
  providerTotal,
  refundStars,
  starsPresets,
  starsRange,
  type Invoice,
} from "../src/services/payments.js";
import { InvoiceStore } from "../src/store/invoices.js";
import { WalletStore } from "../src/store/wallet.js";
import { startFakeBotApi, type FakeBotApi } from "./support/fake-bot-api.js";
import { testRedis, type TestRedis } from "./support/redis.js";

const payments = (over: Partial<Config["payments"]> = {}): Config["payments"] => ({
  currency: "UZS",
  min: "1",
  max: "1000",
  provider: undefined,
  stars: undefined,
  manualDetails: undefined,
  ...over,
});

describe("conversion rules", () => {
  it("prices a provider invoice in the currency's smallest units, rounded up", () => {
    expect(providerTotal(new D("10"), new D("12650"), "UZS")).toBe(12_650_000);
    // 1.00001 × 12650.5 = 12650.626505 UZS → 1265062.6505 tiyin → 1265063
    expect(providerTotal(new D("1.00001"), new D("12650.5"), "UZS")).toBe(1_265_063);
    expect(providerTotal(new D("3.5"), new D("150.2"), "JPY")).toBe(526);
    expect(currencyExponent("usd")).toBe(2);
    expect(currencyExponent("XTR")).toBe(0);
  });

  it("credits what was paid at the invoice's rate, rounded down, never less than was asked", () => {
    expect(paymentCredit("provider", 12_650_000, new D("12650"), "UZS").toFixed()).toBe("10");
    expect(paymentCredit("provider", 1_265_063, new D("12650.5"), "UZS").toFixed()).toBe("1.00001");
    for (const amount of ["1", "1.5", "7.33333", "12.34567", "999.99999"]) {
      for (const rate of ["1", "0.93", "12650", "12712.47", "3.3333"]) {
        const total = providerTotal(new D(amount), new D(rate), "UZS");
        const credit = paymentCredit("provider", total, new D(rate), "UZS");
        expect(credit.gte(amount), `${amount} at ${rate}`).toBe(true);
        // The surplus is less than one smallest unit of the payment currency.
        expect(credit.minus(amount).mul(rate).lt("0.01"), `${amount} at ${rate}`).toBe(true);
      }
    }
  });

  it("credits stars × STARS_RATE rounded down to 5 decimals", () => {
    expect(paymentCredit("stars", 100, new D("0.013"), "XTR").toFixed()).toBe("1.3");
    expect(paymentCredit("stars", 7, new D("0.0133333"), "XTR").toFixed()).toBe("0.09333");
  });
});

describe("methods and limits", () => {
  const base = { adminIds: [1] };

  it("offers only what is configured; a receipt needs an admin to approve it", () => {
    expect(enabledMethods({ ...base, payments: payments() })).toEqual([]);
    expect(enabledMethods({ ...base, payments: payments({ provider: { token: "t", rate: "12650" }, stars: { rate: "0.013" }, manualDetails: "card" }) })).toEqual([
      "provider",
      "stars",
      "manual",
    ]);
    expect(enabledMethods({ adminIds: [], payments: payments({ manualDetails: "card" }) })).toEqual([]);
    expect(enabledMethods({ ...base, payments: payments({ provider: { token: "t", rate: "0" }, stars: { rate: "0" } }) })).toEqual([]);
  });

  it("turns PAYMENT_MIN..PAYMENT_MAX into whole stars within Telegram's bounds", () => {
    expect(starsRange(payments({ stars: { rate: "0.013" } }))).toMatchObject({ min: 77, max: 10_000 });
    expect(starsRange(payments({ stars: { rate: "0.5" }, min: "1", max: "100" }))).toMatchObject({ min: 2, max: 200 });
    expect(starsRange(payments({ stars: { rate: "5" }, min: "1", max: "4" }))).toBeNull();
    expect(starsRange(payments())).toBeNull();
  });

  it("presets: 1-2-5 steps inside the limits, stars from a ladder or the smallest allowed", () => {
    expect(amountPresets(new D(1), new D(1000)).map(String)).toEqual(["1", "2", "5", "10", "20", "50"]);
    expect(amountPresets(new D(3), new D(40)).map(String)).toEqual(["5", "10", "20"]);
    expect(starsPresets({ rate: new D("0.013"), min: 77, max: 10_000 })).toEqual([100, 250, 500, 1000, 2500]);
    expect(starsPresets({ rate: new D("0.5"), min: 2, max: 20 })).toEqual([2]);
  });

  it("checks amounts and stars", () => {
    const [min, max] = [new D(1), new D(1000)];
    expect(checkAmount(new D("12.5"), min, max)).toMatchObject({ ok: true });
    expect(checkAmount(null, min, max)).toEqual({ ok: false, error: "not_number" });
    expect(checkAmount(new D(0), min, max)).toEqual({ ok: false, error: "not_number" });
    expect(checkAmount(new D("0.5"), min, max)).toEqual({ ok: false, error: "below_min" });
    expect(checkAmount(new D("1000.00001"), min, max)).toEqual({ ok: false, error: "above_max" });
    const range = { rate: new D("0.013"), min: 77, max: 10_000 };
    expect(parseStars(" 100 ", range)).toBe(100);
    expect(parseStars("76", range)).toBeNull();
    expect(parseStars("10001", range)).toBeNull();
    expect(parseStars("1.5", range)).toBeNull();
  });
});

describe("pre-checkout", () => {
  const now = 1_800_000_000_000;
  const invoice: Invoice = { id: "abc", userId: 7, kind: "provider", currency: "UZS", total: 12_650_000, rate: "12650", amount: "10", createdAt: now - 1000, state: "open" };
  const query = { fromId: 7, currency: "UZS", totalAmount: 12_650_000 };

  it("lets a fresh, own, unpaid invoice with its exact total through", () => {
    expect(checkPreCheckout(invoice, query, now)).toBeNull();
  });

  it("refuses unknown, foreign, paid, expired and changed invoices", () => {
    expect(checkPreCheckout(null, query, now)).toBe("unknown");
    expect(checkPreCheckout(invoice, { ...query, fromId: 8 }, now)).toBe("foreign");
    expect(checkPreCheckout({ ...invoice, state: "paid" }, query, now)).toBe("paid");
    expect(checkPreCheckout({ ...invoice, createdAt: now - INVOICE_VALID_MS - 1 }, query, now)).toBe("expired");
    expect(checkPreCheckout(invoice, { ...query, totalAmount: 12_650_001 }, now)).toBe("mismatch");
    expect(checkPreCheckout(invoice, { ...query, currency: "USD" }, now)).toBe("mismatch");
  });
});

describe("refunding a Stars payment when Telegram's answer is lost", () => {
  let tg: FakeBotApi;
  let redis: TestRedis;
  let deps: Parameters<typeof refundStars>[0];
  let api: Api;
  let nextUser = 61_000_001;
  beforeAll(async () => {
    tg = await startFakeBotApi();
    redis = await testRedis("stars-refund");
        deps = { invoices: new InvoiceStore(redis.redis, redis.prefix), wallet: new WalletStore(redis.redis, redis.prefix), logger: createLogger({ level: "silent", pretty: false, secrets: [] }) };
    // A plain Api: no auto-retry, so each refundStars call is one refundStarPayment request.
    api = new Api(tg.token, { apiRoot: tg.apiRoot });
  });
  afterAll(async () => {
    await tg.close();
    await redis.cleanup();
  });
  afterEach(() => tg.clearResponders());

  /** A paid Stars invoice of 250 stars (3.25 USD credited), as creditPayment records it. */
  async function paid(): Promise<{ userId: number; chargeId: string }> {
    const userId = nextUser++;
    const chargeId = `lost-answer-${userId}`;
    const invoice = await new InvoiceStore(redis.redis, redis.prefix).create({ userId, kind: "stars", currency: "XTR", total: 250, rate: "0.013", amount: "3.25" });
    await creditPayment(deps, { invoicePayload: invoice.id, currency: "XTR", totalAmount: 250, telegramPaymentChargeId: chargeId });
    return { userId, chargeId };
  }

  /** Telegram as it behaves: refunds a charge once, then answers CHARGE_ALREADY_REFUNDED. */
  function telegramRefunds(opts: { loseAnswer: () => object | undefined }) {
    const refunded = new Set<string>();
    tg.respond("refundStarPayment", (p) => {
      const charge = String(p.telegram_payment_charge_id);
      if (refunded.has(charge)) return { ok: false, error_code: 400, description: "Bad Request: CHARGE_ALREADY_REFUNDED" };
      refunded.add(charge);
      return opts.loseAnswer() ?? true;
    });
    return refunded;
  }

  it("a 5xx after Telegram refunded keeps the claim; the next call settles it and debits once", async () => {
    const { userId, chargeId } = await paid();
    let lose = true;
    const refunded = telegramRefunds({ loseAnswer: () => (lose ? { ok: false, error_code: 502, description: "Bad Gateway" } : undefined) });
    const first = await refundStars(deps, api, { userId, chargeId, adminId: 1, force: false });
    expect(first.outcome).toBe("uncertain");
    expect(refunded.has(chargeId)).toBe(true);
    // Nothing debited while it is unclear, and the charge says so.
    expect((await deps.wallet.balance(userId)).toFixed()).toBe("3.25");
    expect((await new InvoiceStore(redis.redis, redis.prefix).getStarsCharge(chargeId))?.refund).toBe("uncertain");

    lose = false;
    const second = await refundStars(deps, api, { userId, chargeId, adminId: 1, force: false });
    expect(second).toMatchObject({ outcome: "refunded" });
    expect((await deps.wallet.balance(userId)).toFixed()).toBe("0");
    expect(await refundStars(deps, api, { userId, chargeId, adminId: 1, force: false })).toEqual({ outcome: "already", state: "done" });
    expect((await deps.wallet.entries(userId)).filter((e) => e.reason === "payment_refund")).toHaveLength(1);
  });

  it("a network error before Telegram acted: the retry refunds for real, once", async () => {
    const { userId, chargeId } = await paid();
    // Nothing listens on this port: the request never reaches Telegram.
    const closed = await startFakeBotApi();
    await closed.close();
    const unreachable = new Api(tg.token, { apiRoot: closed.apiRoot });
    expect((await refundStars(deps, unreachable, { userId, chargeId, adminId: 1, force: false })).outcome).toBe("uncertain");
    expect((await deps.wallet.balance(userId)).toFixed()).toBe("3.25");

    const refunded = telegramRefunds({ loseAnswer: () => undefined });
    expect(await refundStars(deps, api, { userId, chargeId, adminId: 1, force: false })).toMatchObject({ outcome: "refunded" });
    expect(refunded.has(chargeId)).toBe(true);
    expect((await deps.wallet.balance(userId)).toFixed()).toBe("0");
    expect(tg.calls("refundStarPayment").filter((c) => c.payload.telegram_payment_charge_id === chargeId)).toHaveLength(1);
  });

  it("a 4xx refusal gives the claim up and debits nothing; a refusal while settling keeps it uncertain", async () => {
    const { userId, chargeId } = await paid();
    tg.respond("refundStarPayment", () => ({ ok: false, error_code: 400, description: "Bad Request: CHARGE_NOT_FOUND" }));
    expect((await refundStars(deps, api, { userId, chargeId, adminId: 1, force: false })).outcome).toBe("failed");
    expect((await new InvoiceStore(redis.redis, redis.prefix).getStarsCharge(chargeId))?.refund).toBeUndefined();

    tg.clearResponders();
    tg.respond("refundStarPayment", () => ({ ok: false, error_code: 500, description: "Internal Server Error" }));
    expect((await refundStars(deps, api, { userId, chargeId, adminId: 1, force: false })).outcome).toBe("uncertain");
    tg.clearResponders();
    tg.respond("refundStarPayment", () => ({ ok: false, error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } }));
    expect((await refundStars(deps, api, { userId, chargeId, adminId: 1, force: false })).outcome).toBe("failed");
    expect((await new InvoiceStore(redis.redis, redis.prefix).getStarsCharge(chargeId))?.refund).toBe("uncertain");
    expect((await deps.wallet.balance(userId)).toFixed()).toBe("3.25");
  });
});
