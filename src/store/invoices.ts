import { RedisStore } from "./redis-store.js";
import { randomBytes } from "node:crypto";
import { moneyString, type Money } from "../money.js";
import { Scripts } from "./scripts.js";

export type InvoiceKind = "provider" | "stars";

/** Invoices stay in Redis well past their validity, for a late successful_payment and for support. */
const INVOICE_KEEP_SECONDS = 90 * 24 * 60 * 60;

export interface Invoice {
  id: string;
  userId: number;
  kind: InvoiceKind;
  currency: string;
  /** in the currency's smallest units (whole stars for XTR) */
  total: number;
  /** PAYMENT_RATE or STARS_RATE when the invoice was issued */
  rate: string;
  /** what the invoice was asked for, in the panel currency */
  amount: string;
  createdAt: number;
  state: "open" | "paid";
  chargeId?: string;
}

/** A Stars payment as recorded for a later refund. */
export interface StarsCharge {
  chargeId: string;
  userId: number;
  stars: number;
  /** what the wallet was credited */
  credit: string;
  invoiceId: string;
  /** set once a refund was started: "started" until the wallet was debited, then "done" */
  refund?: StarsRefundState;
}

/**
 * "uncertain": Telegram's answer to refundStarPayment was lost (network, 5xx, timeout), so the stars
 * may have gone back or not; the wallet was not debited. The next /refundstars asks Telegram again.
 */
export type StarsRefundState = "started" | "uncertain" | "done";

/** Invoices and Stars charges in Redis. */
export class InvoiceStore extends RedisStore {
  async create(input: Omit<Invoice, "id" | "createdAt" | "state">, now = Date.now()): Promise<Invoice> {
    // 72 random bits: ids cannot be guessed or collide, and fit the 128-byte payload.
    const invoice: Invoice = { ...input, id: randomBytes(9).toString("base64url"), createdAt: now, state: "open" };
    const key = this.k.invoice(invoice.id);
    await this.redis
      .multi()
      .hset(key, {
        id: invoice.id,
        userId: String(invoice.userId),
        kind: invoice.kind,
        currency: invoice.currency,
        total: String(invoice.total),
        rate: invoice.rate,
        amount: invoice.amount,
        createdAt: String(invoice.createdAt),
        state: invoice.state,
      })
      .expire(key, INVOICE_KEEP_SECONDS)
      .exec();
    return invoice;
  }

  async get(id: string): Promise<Invoice | null> {
    // Payloads come from Telegram but started as ours; anything else cannot be a key of ours.
    if (!/^[\w-]{1,32}$/.test(id)) return null;
    const h = await this.redis.hgetall(this.k.invoice(id));
    if (!h.id) return null;
    return {
      id: h.id,
      userId: Number(h.userId),
      kind: h.kind === "stars" ? "stars" : "provider",
      currency: h.currency ?? "",
      total: Number(h.total),
      rate: h.rate ?? "0",
      amount: h.amount ?? "0",
      createdAt: Number(h.createdAt),
      state: h.state === "paid" ? "paid" : "open",
      chargeId: h.chargeId,
    };
  }

  async markPaid(id: string, chargeId: string): Promise<void> {
    await this.redis.hset(this.k.invoice(id), { state: "paid", chargeId, paidAt: String(Date.now()) });
  }

  /** Idempotent: a repeated successful_payment writes the same fields and leaves `refund` alone. */
  async recordStarsCharge(charge: StarsCharge): Promise<void> {
    await this.redis.hset(this.k.starsCharge(charge.chargeId), {
      chargeId: charge.chargeId,
      userId: String(charge.userId),
      stars: String(charge.stars),
      credit: charge.credit,
      invoiceId: charge.invoiceId,
    });
  }

  async getStarsCharge(chargeId: string): Promise<StarsCharge | null> {
    const h = await this.redis.hgetall(this.k.starsCharge(chargeId));
    if (!h.chargeId) return null;
    return {
      chargeId: h.chargeId,
      userId: Number(h.userId),
      stars: Number(h.stars),
      credit: h.credit ?? "0",
      invoiceId: h.invoiceId ?? "",
      refund: h.refund === "started" || h.refund === "uncertain" || h.refund === "done" ? h.refund : undefined,
    };
  }

  /** Claims the one refund of a charge, or the settling of an uncertain one; false when someone else holds it. */
  async claimRefund(chargeId: string, from: "none" | "uncertain" = "none"): Promise<boolean> {
    return Scripts.of(this.redis).starsClaimRefund({ charge: this.k.starsCharge(chargeId) }, { from: from === "none" ? "" : from });
  }

  async markRefundUncertain(chargeId: string, reason: string): Promise<void> {
    await this.redis.hset(this.k.starsCharge(chargeId), { refund: "uncertain", refundError: reason.slice(0, 300), refundErrorAt: String(Date.now()) });
  }

  async releaseRefund(chargeId: string): Promise<void> {
    await this.redis.hdel(this.k.starsCharge(chargeId), "refund");
  }

  async finishRefund(chargeId: string, taken: Money, adminId: number): Promise<void> {
    await this.redis.hset(this.k.starsCharge(chargeId), { refund: "done", refundTaken: moneyString(taken), refundedBy: String(adminId), refundedAt: String(Date.now()) });
  }
}
