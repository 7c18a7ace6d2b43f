/**
 * Wallet top-ups paid inside Telegram: Telegram Payments through a provider (Click, Payme…) and
 * Telegram Stars.
 *
 * Conversion rules (the README quotes them):
 * - An invoice for A (panel currency) costs A × PAYMENT_RATE in PAYMENT_CURRENCY, rounded UP to
 *   the currency's smallest unit (tiyin, cent): the customer is never asked for less than A is worth.
 * - The wallet is credited with what was actually paid, converted at the rate stored with the
 *   invoice when it was issued (a later change of PAYMENT_RATE never touches it):
 *   credit = total ÷ rate, rounded DOWN to 0.00001. As the total was rounded up, this is at least A.
 * - Telegram Stars: n stars credit n × STARS_RATE, rounded DOWN to 0.00001.
 * - Every payment credits once: the credit is keyed by `payment:<telegram_payment_charge_id>`.
 */
import { GrammyError, type Api } from "grammy";
import type { AppDeps } from "../app.js";
import type { Config } from "../config.js";
import { D, moneyString, roundDown, type Money } from "../money.js";
import { formatMoney } from "../text/format.js";
import type { Invoice, InvoiceKind, StarsCharge } from "../store/invoices.js";

export type TopupMethod = "provider" | "stars" | "manual";
export type { Invoice, InvoiceKind, StarsCharge } from "../store/invoices.js";

export const STARS_CURRENCY = "XTR";
/** Telegram's bounds for one Stars invoice. */
export const STARS_MIN = 1;
export const STARS_MAX = 10_000;
/** How long an issued invoice can be paid. */
export const INVOICE_VALID_MS = 24 * 60 * 60 * 1000;

/** Currencies without minor units in Telegram's currencies.json; every other one has 2 decimals. */
const ZERO_DECIMAL_CURRENCIES = new Set(["XTR", "JPY", "KRW", "VND"]);

export function currencyExponent(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2;
}

/** A configured rate is usable only when it is above zero (zero would make every top-up free or divide by zero). */
const positive = (value: string | undefined): Money | null => (value !== undefined && new D(value).gt(0) ? new D(value) : null);

/** The top-up ways this configuration offers, in the order the menu shows them. */
export function enabledMethods(config: Pick<Config, "payments" | "adminIds">): TopupMethod[] {
  const p = config.payments;
  const methods: TopupMethod[] = [];
  if (p.provider && positive(p.provider.rate)) methods.push("provider");
  if (starsRange(config.payments) !== null) methods.push("stars");
  // Receipts go to admins: without any, nobody could approve them.
  if (p.manualDetails && config.adminIds.length > 0) methods.push("manual");
  return methods;
}

/** What a provider invoice for `amount` costs, in the smallest units of `currency` (rounded up). */
export function providerTotal(amount: Money, rate: Money, currency: string): number {
  const minor = amount
    .mul(rate)
    .mul(new D(10).pow(currencyExponent(currency)))
    .toDecimalPlaces(0, D.ROUND_CEIL);
  if (minor.gt(Number.MAX_SAFE_INTEGER)) throw new Error("invoice total out of range");
  return minor.toNumber();
}

/** The wallet credit for a paid invoice: see the rules at the top of this file. */
export function paymentCredit(kind: InvoiceKind, totalAmount: number, rate: Money, currency: string): Money {
  if (kind === "stars") return roundDown(new D(totalAmount).mul(rate));
  return roundDown(new D(totalAmount).div(new D(10).pow(currencyExponent(currency))).div(rate));
}

export interface StarsRange {
  rate: Money;
  min: number;
  max: number;
}

/** Whole stars whose credit lies within PAYMENT_MIN..PAYMENT_MAX; null when Stars are off or no amount fits. */
export function starsRange(p: Config["payments"]): StarsRange | null {
  const rate = positive(p.stars?.rate);
  if (!rate) return null;
  const min = Math.max(STARS_MIN, new D(p.min).div(rate).ceil().toNumber());
  const max = Math.min(STARS_MAX, new D(p.max).div(rate).floor().toNumber());
  return min <= max ? { rate, min, max } : null;
}

/** Buttons offered for a provider top-up: the first six steps of 1-2-5 that fit min..max. */
export function amountPresets(min: Money, max: Money): Money[] {
  const presets: Money[] = [];
  for (let power = new D(1); presets.length < 6 && power.lte(max); power = power.mul(10)) {
    for (const step of [1, 2, 5]) {
      const amount = power.mul(step);
      if (amount.gte(min) && amount.lte(max) && presets.length < 6) presets.push(amount);
    }
  }
  return presets;
}

const STARS_LADDER = [50, 100, 250, 500, 1000, 2500];

/** Buttons offered for a Stars top-up; the smallest allowed amount when no step of the ladder fits. */
export function starsPresets(range: StarsRange): number[] {
  const fitting = STARS_LADDER.filter((n) => n >= range.min && n <= range.max);
  return fitting.length > 0 ? fitting : [range.min];
}

export type AmountError = "not_number" | "below_min" | "above_max";
export type AmountCheck = { ok: true; amount: Money } | { ok: false; error: AmountError };

/** An amount the user typed or a button carried, within min..max. */
export function checkAmount(amount: Money | null, min: Money, max: Money): AmountCheck {
  if (amount === null || amount.lte(0)) return { ok: false, error: "not_number" };
  if (amount.lt(min)) return { ok: false, error: "below_min" };
  if (amount.gt(max)) return { ok: false, error: "above_max" };
  return { ok: true, amount };
}

/** A whole number of stars within the range; null otherwise. */
export function parseStars(text: string, range: StarsRange): number | null {
  const s = text.trim();
  if (!/^\d{1,6}$/.test(s)) return null;
  const stars = Number(s);
  return stars >= range.min && stars <= range.max ? stars : null;
}

export type CheckoutRefusal = "unknown" | "foreign" | "paid" | "expired" | "mismatch";

/**
 * Whether a pre_checkout_query may go ahead: the invoice must exist, be the asker's, be unpaid and
 * fresh, and ask exactly the currency and total it was issued for. Null means yes.
 */
export function checkPreCheckout(invoice: Invoice | null, query: { fromId: number; currency: string; totalAmount: number }, now: number): CheckoutRefusal | null {
  if (!invoice) return "unknown";
  if (invoice.userId !== query.fromId) return "foreign";
  if (invoice.state === "paid") return "paid";
  if (now - invoice.createdAt > INVOICE_VALID_MS) return "expired";
  if (invoice.currency !== query.currency || invoice.total !== query.totalAmount) return "mismatch";
  return null;
}

export interface PaidInvoice {
  invoicePayload: string;
  currency: string;
  totalAmount: number;
  telegramPaymentChargeId: string;
}

export type PaymentOutcome =
  | { outcome: "credited" | "repeated"; invoice: Invoice; amount: Money; balance: Money }
  /** Telegram took the money but the payload names no invoice of ours, or another currency */
  | { outcome: "unmatched" };

/**
 * Credits a successful_payment once, however often the update arrives: the wallet credit is keyed
 * by the charge id and is atomic in Redis; marking the invoice paid afterwards is idempotent too.
 */
export async function creditPayment(deps: Pick<AppDeps, "invoices" | "wallet">, payment: PaidInvoice): Promise<PaymentOutcome> {
  const { invoices } = deps;
  const invoice = await invoices.get(payment.invoicePayload);
  if (!invoice || invoice.currency !== payment.currency) return { outcome: "unmatched" };
  const chargeId = payment.telegramPaymentChargeId;
  const amount = paymentCredit(invoice.kind, payment.totalAmount, new D(invoice.rate), invoice.currency);
  if (invoice.kind === "stars") {
    await invoices.recordStarsCharge({ chargeId, userId: invoice.userId, stars: payment.totalAmount, credit: moneyString(amount), invoiceId: invoice.id });
  }
  const stars = invoice.kind === "stars";
  const { credited, balance } = await deps.wallet.credit(
    invoice.userId,
    amount,
    { reason: "payment", ref: `${invoice.kind}:${chargeId}`, note: `invoice ${invoice.id}` },
    `payment:${chargeId}`,
    stars ? { kind: "topup:stars", stars: payment.totalAmount } : { kind: "topup:card" },
  );
  await invoices.markPaid(invoice.id, chargeId);
  return { outcome: credited ? "credited" : "repeated", invoice, amount, balance };
}

/**
 * Tells the customer a payment was credited, through the outbox under the charge's key: the
 * successful_payment handler (for a credit and for a repeat, which may be the redo of a process
 * that credited and died before telling) and the Stars check share it, so a payment is told once.
 */
export async function tellPaymentCredited(
  deps: Pick<AppDeps, "notifier" | "config">,
  to: { userId: number; chatId?: number },
  chargeId: string,
  credit: { amount: Money; balance: Money },
): Promise<void> {
  const { currency } = deps.config;
  await deps.notifier.toUser(to, (t, locale) => t("topup-credited", { amount: formatMoney(credit.amount, locale, currency), balance: formatMoney(credit.balance, locale, currency) }), {
    key: `payment-credited:${chargeId}`,
  });
}

export type StarsRefundOutcome =
  | { outcome: "not_found" }
  | { outcome: "already"; state: "started" | "done" }
  | { outcome: "short"; charge: StarsCharge; balance: Money }
  /** Telegram refused: nothing changed, the refund can be asked for again */
  | { outcome: "failed"; reason: string }
  /** Telegram's answer was lost: the stars may have gone back; nothing was debited; run it again to settle */
  | { outcome: "uncertain"; reason: string }
  | { outcome: "refunded"; charge: StarsCharge; taken: Money; balance: Money };

/** Telegram's answer when the charge was refunded before: by an earlier try whose answer was lost. */
const ALREADY_REFUNDED = /CHARGE_ALREADY_REFUNDED/i;

/**
 * Gives a Stars payment back (refundStarPayment) and takes its credit out of the wallet, once.
 * Without `force` nothing happens when the wallet no longer holds the credit; with it, the wallet
 * gives what it has and never goes below zero.
 *
 * Only a 4xx answer means Telegram did not refund: then the claim is given up. A lost answer
 * (network error, 5xx, timeout) leaves the charge "uncertain" and the wallet as it was; the next
 * call for it asks Telegram again, which refunds a charge at most once: success or
 * CHARGE_ALREADY_REFUNDED both mean the stars went back, and only then is the wallet debited.
 * A refund interrupted between Telegram and the debit stays "started" and is never repeated
 * automatically: the wallet is then settled by hand.
 */
export async function refundStars(
  deps: Pick<AppDeps, "invoices" | "wallet" | "logger">,
  api: Pick<Api, "refundStarPayment">,
  input: { userId: number; chargeId: string; adminId: number; force: boolean },
): Promise<StarsRefundOutcome> {
  const { invoices } = deps;
  const charge = await invoices.getStarsCharge(input.chargeId);
  if (!charge || charge.userId !== input.userId) return { outcome: "not_found" };
  const settling = charge.refund === "uncertain";
  if (charge.refund && !settling) return { outcome: "already", state: charge.refund as "started" | "done" };
  const credit = new D(charge.credit);
  // An uncertain refund was decided on before (with its wallet check); it is only being settled now.
  if (!settling) {
    const balance = await deps.wallet.balance(input.userId);
    if (balance.lt(credit) && !input.force) return { outcome: "short", charge, balance };
  }
  if (!(await invoices.claimRefund(input.chargeId, settling ? "uncertain" : "none"))) return { outcome: "already", state: "started" };
  const log = deps.logger.child({ chargeId: input.chargeId, userId: input.userId, adminId: input.adminId });
  try {
    await api.refundStarPayment(input.userId, input.chargeId);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const refused = e instanceof GrammyError && e.error_code >= 400 && e.error_code < 500;
    if (!refused) {
      await invoices.markRefundUncertain(input.chargeId, reason);
      log.error({ err: e }, "Stars refund: Telegram's answer was lost; the charge is uncertain until /refundstars is run again");
      return { outcome: "uncertain", reason };
    }
    if (!ALREADY_REFUNDED.test(e.description)) {
      // Not refunded by this call. An uncertain earlier try stays uncertain (a 429 says nothing about it).
      if (settling) await invoices.markRefundUncertain(input.chargeId, reason);
      else await invoices.releaseRefund(input.chargeId);
      return { outcome: "failed", reason };
    }
    log.warn("Stars refund: Telegram had refunded the charge already; debiting the wallet now");
  }
  const debit = await deps.wallet.debit(
    input.userId,
    credit,
    { reason: "payment_refund", ref: `stars:${input.chargeId}`, adminId: input.adminId },
    { upTo: true, count: { kind: "refund:stars", stars: charge.stars } },
  );
  await invoices.finishRefund(input.chargeId, debit.taken, input.adminId);
  return { outcome: "refunded", charge, taken: debit.taken, balance: debit.balance };
}
