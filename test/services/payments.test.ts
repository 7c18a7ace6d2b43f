import { Api } from "grammy";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { creditPayment, refundStars } from "../../src/services/payments.js";
import { InvoiceStore } from "../../src/store/invoices.js";
import { WalletStore } from "../../src/store/wallet.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { testRedis, type TestRedis } from "../support/redis.js";

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
