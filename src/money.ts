import { Decimal } from "decimal.js";

/**
 * Money rules (also written in the README):
 * - Every amount is an exact decimal (decimal.js), never a binary float.
 * - Amounts are kept to MONEY_SCALE = 5 decimal places, the precision panels charge in
 *   ("charge": "0.27819"). In Redis a wallet is an integer count of 0.00001 units so that a
 *   debit is one atomic integer operation.
 * - A price is rounded UP to 5 places (the shop never undercharges what the panel will take);
 *   a refund is rounded DOWN (never pays back more than was charged); a conversion from
 *   another currency into the wallet is rounded DOWN.
 */
export const MONEY_SCALE = 5;
const UNIT = new Decimal(10).pow(MONEY_SCALE);

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Money = InstanceType<typeof D>;

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** Parses a decimal string or number as a panel sends it; null when it is not a finite decimal. */
export function parseDecimal(value: unknown): Money | null {
  if (typeof value === "number") return Number.isFinite(value) ? new D(String(value)) : null;
  if (typeof value !== "string") return null;
  const s = value.trim();
  return DECIMAL_RE.test(s) ? new D(s) : null;
}

/** The largest amount a person may type: a whole part of at most 10 digits, so its units stay exact integers in Redis, with room for balances. */
const USER_WHOLE_DIGITS = 10;

/**
 * A human-typed amount: "12", "12.5", "12,5", "1 000". Null for anything else: more than
 * `maxDecimals` decimals (5, money's; an exchange rate takes more), more than 10 whole digits, and an amount whose separator could be read two ways. A
 * comma is a decimal comma (Uzbek and Russian write "12,5"), but a comma followed by exactly three
 * digits ("1,000", "12,650") is how English groups thousands, and reading it as a decimal would
 * credit a thousandth of what was meant: refused, as are a comma and a point together
 * ("1,000.50", "1.000,50") and more than one of either.
 */
export function parseUserAmount(text: string, maxDecimals = MONEY_SCALE): Money | null {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  const comma = s.indexOf(",");
  if (comma >= 0 && (s.includes(".") || s.indexOf(",", comma + 1) >= 0 || /^,\d{3}$/.test(s.slice(comma)))) return null;
  const plain = s.replace(",", ".");
  return new RegExp(`^\\d{1,${USER_WHOLE_DIGITS}}(\\.\\d{1,${maxDecimals}})?$`).test(plain) ? new D(plain) : null;
}

export const roundUp = (d: Money): Money => d.toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_CEIL);
export const roundDown = (d: Money): Money => d.toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_FLOOR);

/** Integer units of 0.00001 for Redis. Throws if the amount has more precision (a bug upstream). */
export function toUnits(d: Money): number {
  const u = d.mul(UNIT);
  if (!u.isInteger()) throw new Error(`amount ${d.toString()} has more than ${MONEY_SCALE} decimals`);
  if (u.abs().gt(Number.MAX_SAFE_INTEGER)) throw new Error("amount out of range");
  return u.toNumber();
}

/** A decimal in units, rounded half up to MONEY_SCALE first (a panel's charge, a scaled cost). */
export const roundUnits = (d: Money): number => toUnits(d.toDecimalPlaces(MONEY_SCALE));

export function fromUnits(units: string | number | null | undefined): Money {
  if (units === null || units === undefined || units === "") return new D(0);
  return new D(String(units)).div(UNIT);
}

/** Canonical string for storage: plain notation, no exponent, trailing zeros trimmed. */
export const moneyString = (d: Money): string => d.toFixed();

/** Service types whose rate is a flat price for the whole order rather than per 1000. */
const FLAT_PRICE_TYPES = new Set(["package", "customcommentspackage"]);
export const isFlatPriceType = (type: string): boolean => FLAT_PRICE_TYPES.has(type.toLowerCase().replace(/[\s_-]/g, ""));

/** What the panel charges at its rate (unrounded): rate × quantity / 1000 × runs, or the flat rate. */
export function panelCost(input: { rate: Money; quantity: number; type: string; runs?: number }): Money {
  const runs = input.runs && input.runs > 1 ? input.runs : 1;
  return isFlatPriceType(input.type) ? input.rate : input.rate.mul(input.quantity).div(1000).mul(runs);
}

/**
 * The customer's price: panel rate × quantity / 1000 (× runs for drip-feed; the rate itself for
 * flat-price types), plus the markup, rounded up to 5 places.
 */
export function orderPrice(input: { rate: Money; quantity: number; type: string; runs?: number }, markupPercent: Money | string): Money {
  const withMarkup = panelCost(input).mul(new D(100).add(markupPercent)).div(100);
  return roundUp(withMarkup);
}

/** Price per 1000 shown on buttons and cards: rate plus markup, rounded up. */
export function unitPrice(rate: Money, markupPercent: Money | string): Money {
  return roundUp(rate.mul(new D(100).add(markupPercent)).div(100));
}

/** Refund for a Partial order: the unfilled share of what the user paid, rounded down. */
export function partialRefund(paid: Money, quantity: number, remains: number): Money {
  if (quantity <= 0 || remains <= 0) return new D(0);
  const share = Math.min(remains, quantity);
  return Decimal.min(paid, roundDown(paid.mul(share).div(quantity)));
}
