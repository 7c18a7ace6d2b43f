/**
 * Promo codes: admins create them (`/promo create …`, later the back office), customers redeem
 * them (`/promo CODE`, the "🎁 Promo code" button). A credit code credits the wallet once; a
 * discount code is held for the user's next order, shown on its confirmation, applied to its
 * charge and consumed only by that charge (store/scripts/orderReserve.lua). Redemption is one Lua
 * script (promoRedeem.lua): uses, one use per user, expiry and the effect in one step.
 */
import type { AppDeps } from "../app.js";
import type { Discount, Quote } from "../catalog/pricing.js";
import { D, parseUserAmount, type Money } from "../money.js";
import { parseHeld, PROMO_LIST_MAX, type HeldDiscount, type NewPromo, type PromoRecord, type RedeemOutcome } from "../store/promos.js";
import type { Validated } from "./order-input.js";

export type PromoDeps = Pick<AppDeps, "promos" | "logger">;

/** Upper-case letters, digits, "_" and "-": what a customer can type without mistakes. */
export const PROMO_CODE = /^[A-Z0-9_-]{3,32}$/;
/** The admin subcommands: never a code's name, so `/promo list` is never a redemption. */
export const PROMO_SUBCOMMANDS = ["create", "list", "disable"] as const;
export const PROMO_MAX_USES = 1_000_000;
const DAY_MS = 86_400_000;
/** Longest validity an admin can give: about ten years. */
const MAX_DAYS = 3650;

/** A typed code as stored: trimmed, upper case; null when it cannot be a code. */
export function normalizeCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return PROMO_CODE.test(code) ? code : null;
}

/** Why an admin's /promo create was refused: a Fluent key, with its variables. */
export interface PromoArgError {
  key:
    | "promo-err-usage"
    | "promo-err-code"
    | "promo-err-reserved"
    | "promo-err-kind"
    | "promo-err-amount"
    | "promo-err-percent"
    | "promo-err-cap"
    | "promo-err-uses"
    | "promo-err-expiry"
    | "promo-err-min"
    | "promo-err-option";
  vars?: Record<string, string>;
}

const fail = (key: PromoArgError["key"], vars?: Record<string, string>): { ok: false; error: PromoArgError } => ({ ok: false, error: { key, vars } });

/** A positive amount of at most 5 decimals, as an admin types it. */
const positiveAmount = (s: string | undefined): Money | null => {
  const a = s === undefined ? null : parseUserAmount(s);
  return a && a.gt(0) ? a : null;
};

/**
 * `CODE credit AMOUNT uses=N expires=YYYY-MM-DD|days=N`
 * `CODE discount PERCENT% cap=AMOUNT uses=N expires=…|days=N [min=AMOUNT]`
 * (the words after `/promo create`). Every argument is checked; the first problem is returned.
 */
export function parsePromoCreate(words: string[], adminId: number, now = Date.now()): Validated<NewPromo, PromoArgError> {
  const [rawCode, rawKind, rawValue, ...rest] = words;
  if (rawCode === undefined || rawKind === undefined || rawValue === undefined) return fail("promo-err-usage");
  if ((PROMO_SUBCOMMANDS as readonly string[]).includes(rawCode.toLowerCase())) return fail("promo-err-reserved", { code: rawCode.slice(0, 40) });
  const code = normalizeCode(rawCode);
  if (!code) return fail("promo-err-code");
  const kind = rawKind.toLowerCase();
  if (kind !== "credit" && kind !== "discount") return fail("promo-err-kind", { kind: rawKind.slice(0, 40) });

  const options = new Map<string, string>();
  for (const word of rest) {
    const m = /^([a-z]+)=(.+)$/i.exec(word);
    const name = m?.[1]?.toLowerCase();
    if (!m || !name || !["uses", "expires", "days", "cap", "min"].includes(name) || options.has(name)) return fail("promo-err-option", { option: word.slice(0, 40) });
    options.set(name, m[2]!);
  }

  const promo: NewPromo = { code, kind, uses: 0, expiresAt: 0, createdBy: adminId };
  if (kind === "credit") {
    const amount = positiveAmount(rawValue);
    if (!amount) return fail("promo-err-amount", { value: rawValue.slice(0, 40) });
    promo.amount = amount;
    if (options.has("cap")) return fail("promo-err-cap");
    if (options.has("min")) return fail("promo-err-min");
  } else {
    const pm = /^(\d{1,3}(?:\.\d{1,2})?)%?$/.exec(rawValue.replace(",", "."));
    const percent = pm ? new D(pm[1]!) : null;
    if (!percent || percent.lte(0) || percent.gt(100)) return fail("promo-err-percent", { value: rawValue.slice(0, 40) });
    promo.percent = percent.toFixed();
    const cap = positiveAmount(options.get("cap"));
    if (!cap) return fail("promo-err-cap");
    promo.cap = cap;
    if (options.has("min")) {
      const min = positiveAmount(options.get("min"));
      if (!min) return fail("promo-err-min");
      promo.minOrder = min;
    }
  }

  const uses = options.get("uses");
  if (!uses || !/^\d{1,7}$/.test(uses) || Number(uses) < 1 || Number(uses) > PROMO_MAX_USES) return fail("promo-err-uses");
  promo.uses = Number(uses);

  const expires = options.get("expires");
  const days = options.get("days");
  if ((expires === undefined) === (days === undefined)) return fail("promo-err-expiry");
  if (days !== undefined) {
    if (!/^\d{1,4}$/.test(days) || Number(days) < 1 || Number(days) > MAX_DAYS) return fail("promo-err-expiry");
    promo.expiresAt = now + Number(days) * DAY_MS;
  } else {
    // A date means the end of that day, UTC.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expires!);
    const end = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1) : NaN;
    const valid = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDate() === Number(m[3]);
    if (!valid || !Number.isFinite(end) || end <= now || end > now + MAX_DAYS * DAY_MS) return fail("promo-err-expiry");
    promo.expiresAt = end;
  }
  return { ok: true, value: promo };
}

/** False when a code of that name exists. */
export async function createPromo(deps: PromoDeps, promo: NewPromo, now = Date.now()): Promise<boolean> {
  const created = await deps.promos.create(promo, now);
  if (created) deps.logger.info({ code: promo.code, kind: promo.kind, uses: promo.uses, adminId: promo.createdBy }, "promo code created");
  return created;
}

export function listPromos(deps: PromoDeps, count = PROMO_LIST_MAX): Promise<PromoRecord[]> {
  return deps.promos.list(count);
}

/** False when there is no such code. */
export async function disablePromo(deps: PromoDeps, rawCode: string, adminId: number): Promise<boolean> {
  const code = normalizeCode(rawCode);
  if (!code || !(await deps.promos.disable(code))) return false;
  deps.logger.info({ code, adminId }, "promo code disabled");
  return true;
}

export type RedeemResult = RedeemOutcome & { code: string; promo?: PromoRecord };

/** A customer redeems a code; every refusal has its own outcome (and message). */
export async function redeemPromo(deps: PromoDeps, userId: number, text: string, now = Date.now()): Promise<RedeemResult> {
  const code = normalizeCode(text);
  const promo = code ? await deps.promos.get(code) : null;
  if (!code || !promo) return { outcome: "unknown", code: code ?? text.trim().slice(0, 32) };
  const held: HeldDiscount = { code, percent: promo.percent ?? "0" };
  if (promo.cap) held.cap = promo.cap.toFixed();
  if (promo.minOrder) held.minOrder = promo.minOrder.toFixed();
  const res = await deps.promos.redeem(code, userId, held, now);
  if (res.outcome === "credited" || res.outcome === "held") deps.logger.info({ code, userId, kind: promo.kind }, "promo code redeemed");
  return { ...res, code, promo };
}

/** The discount waiting for the user's next order, if any. */
export async function heldDiscount(deps: Pick<AppDeps, "promos">, userId: number): Promise<HeldDiscount | null> {
  return parseHeld(await deps.promos.heldRaw(userId));
}

export interface PricedDraft {
  quote: Quote;
  /** the held discount's JSON for the draft, and the discount: set only when it applies to this order */
  promo?: string;
  held?: HeldDiscount;
  /** a discount waits but this order is below its minimum */
  belowMin?: { held: HeldDiscount; minOrder: Money };
}

/**
 * Prices a draft with the user's held discount, if it applies: `quote` is the shop's price
 * function (Pricer.quote with this order's item and quantity), which takes the discount off.
 */
export async function priceWithHeldDiscount(deps: Pick<AppDeps, "promos">, userId: number, quote: (discount?: Discount) => Quote): Promise<PricedDraft> {
  const raw = await deps.promos.heldRaw(userId);
  const held = parseHeld(raw);
  const full = quote();
  if (!held || !raw) return { quote: full };
  if (held.minOrder && full.beforeDiscount.lt(held.minOrder)) return { quote: full, belowMin: { held, minOrder: new D(held.minOrder) } };
  const discounted = quote({ percent: held.percent, cap: held.cap });
  return discounted.discount.gt(0) ? { quote: discounted, promo: raw, held } : { quote: full };
}
