import { RedisStore } from "./redis-store.js";
import { fromUnits, toUnits, type Money } from "../money.js";
import { LEDGER_MAX } from "./wallet.js";

export type PromoKind = "credit" | "discount";

export interface PromoRecord {
  /** upper case */
  code: string;
  kind: PromoKind;
  /** credit: what the wallet gets */
  amount?: Money;
  /** discount: percent off the next order (decimal string), at most `cap` */
  percent?: string;
  cap?: Money;
  /** discount: the order price (before the discount) it needs */
  minOrder?: Money;
  uses: number;
  used: number;
  expiresAt: number;
  disabled: boolean;
  createdAt: number;
  createdBy: number;
}

export type NewPromo = Omit<PromoRecord, "used" | "disabled" | "createdAt">;

/**
 * A redeemed discount waiting for the user's next order. Stored as JSON and copied as the same
 * string onto the draft it prices, so the charge can check by plain comparison that it still holds.
 */
export interface HeldDiscount {
  code: string;
  percent: string;
  cap?: string;
  minOrder?: string;
}

export type RedeemOutcome =
  | { outcome: "credited"; kind: "credit"; balance: Money }
  | { outcome: "held"; kind: "discount" }
  | { outcome: "unknown" | "disabled" | "expired" | "already" | "used_up" }
  /** a discount code while another discount is still waiting for an order */
  | { outcome: "other_held"; held: HeldDiscount };

export function parseHeld(raw: string | null | undefined): HeldDiscount | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<HeldDiscount>;
    return typeof v.code === "string" && typeof v.percent === "string" ? (v as HeldDiscount) : null;
  } catch {
    return null;
  }
}

/** Listing pages stay small: admins look at the newest codes. */
export const PROMO_LIST_MAX = 30;
/** Promo codes, their redemptions (promoRedeem.lua: atomic) and the discounts users hold. */
export class PromoStore extends RedisStore {
  /** False when a code of that name exists (names are never reused). */
  async create(p: NewPromo, now = Date.now()): Promise<boolean> {
    const fields: Record<string, string> = {
      code: p.code,
      kind: p.kind,
      uses: String(p.uses),
      expiresAt: String(p.expiresAt),
      disabled: "0",
      createdAt: String(now),
      createdBy: String(p.createdBy),
    };
    if (p.amount) fields.amount = String(toUnits(p.amount));
    if (p.percent) fields.percent = p.percent;
    if (p.cap) fields.cap = String(toUnits(p.cap));
    if (p.minOrder) fields.minOrder = String(toUnits(p.minOrder));
    return this.scripts.promoCreate({ code: this.k.promo.code(p.code), all: this.k.promo.all }, { code: p.code, now, fields });
  }

  async get(code: string): Promise<PromoRecord | null> {
    return decodePromo(await this.redis.hgetall(this.k.promo.code(code)));
  }

  /** Newest first. */
  async list(count = PROMO_LIST_MAX): Promise<PromoRecord[]> {
    const codes = await this.redis.zrevrange(this.k.promo.all, 0, count - 1);
    if (codes.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const c of codes) pipe.hgetall(this.k.promo.code(c));
    const rows = (await pipe.exec()) ?? [];
    return rows.map(([, h]) => decodePromo((h ?? {}) as Record<string, string>)).filter((p): p is PromoRecord => p !== null);
  }

  /** False when there is no such code. Users who hold its discount keep it. */
  async disable(code: string): Promise<boolean> {
    const key = this.k.promo.code(code);
    if ((await this.redis.exists(key)) !== 1) return false;
    await this.redis.hset(key, "disabled", "1");
    return true;
  }

  async redeem(code: string, userId: number, held: HeldDiscount, now = Date.now()): Promise<RedeemOutcome> {
    const entry = JSON.stringify({ at: now, amount: "__AMOUNT__", balance: "__BALANCE__", reason: "promo", ref: code });
    const res = await this.scripts.promoRedeem(
      {
        code: this.k.promo.code(code),
        redeemers: this.k.promo.redeemers(code),
        held: this.k.promo.held(userId),
        wallet: this.k.wallet(userId),
        ledger: this.k.ledger(userId),
      },
      { userId, now, held: JSON.stringify(held), entry, ledgerMax: LEDGER_MAX, statsPrefix: this.k.stats.prefix },
    );
    switch (res[0]) {
      case "ok":
        return res[1] === "discount" ? { outcome: "held", kind: "discount" } : { outcome: "credited", kind: "credit", balance: fromUnits(res[2]) };
      case "held":
        return { outcome: "other_held", held: parseHeld(res[1]) ?? { code: "?", percent: "0" } };
      default:
        return { outcome: res[0] as "unknown" | "disabled" | "expired" | "already" | "used_up" };
    }
  }

  /** The discount waiting for the user's next order, as stored (the string a draft carries). */
  async heldRaw(userId: number): Promise<string | null> {
    return this.redis.get(this.k.promo.held(userId));
  }
}

function decodePromo(h: Record<string, string>): PromoRecord | null {
  if (!h.code || (h.kind !== "credit" && h.kind !== "discount")) return null;
  return {
    code: h.code,
    kind: h.kind,
    amount: h.amount ? fromUnits(h.amount) : undefined,
    percent: h.percent,
    cap: h.cap ? fromUnits(h.cap) : undefined,
    minOrder: h.minOrder ? fromUnits(h.minOrder) : undefined,
    uses: Number(h.uses ?? 0),
    used: Number(h.used ?? 0),
    expiresAt: Number(h.expiresAt ?? 0),
    disabled: h.disabled === "1",
    createdAt: Number(h.createdAt ?? 0),
    createdBy: Number(h.createdBy ?? 0),
  };
}
