import { RedisStore } from "./redis-store.js";
import { randomInt } from "node:crypto";
import { fromUnits, toUnits, type Money } from "../money.js";
import { LEDGER_MAX } from "./wallet.js";

/** One user's referral side. */
export interface ReferralRecord {
  code?: string;
  /** who brought this user (bound once, at first contact) */
  referrerId?: number;
  boundAt?: number;
  /** users this one brought */
  invited: number;
  /** rewards credited to this user, and for how many orders */
  earned: Money;
  rewarded: number;
}

export interface ReferralTotals {
  /** users bound to a referrer */
  users: number;
  earned: Money;
  rewarded: number;
}

/** Lower-case letters and digits without look-alikes (0/o, 1/l/i): easy to read out and type. */
const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const REFERRAL_CODE_LENGTH = 8;
export const REFERRAL_CODE = /^[a-z0-9]{4,16}$/;

function drawCode(): string {
  let code = "";
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * Referral codes (code → user, user → code), bindings and rewards. The binding itself is written
 * by UserStore.touch (first contact and binding are one step); rewards by `reward`, once per order.
 */
export class ReferralStore extends RedisStore {
  /** The user's code, made on first use. */
  async codeOf(userId: number): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = await this.scripts.referralCode({ mine: this.k.referral.user(userId), codes: this.k.referral.codes }, { userId, candidate: drawCode() });
      if (code) return code;
    }
    throw new Error("no free referral code after 10 draws");
  }

  /** The owner of a code, if any. */
  async ownerOf(code: string): Promise<number | null> {
    const id = await this.redis.hget(this.k.referral.codes, code);
    return id ? Number(id) : null;
  }

  async get(userId: number): Promise<ReferralRecord> {
    const h = await this.redis.hgetall(this.k.referral.user(userId));
    return {
      code: h.code,
      referrerId: h.referrerId ? Number(h.referrerId) : undefined,
      boundAt: h.boundAt ? Number(h.boundAt) : undefined,
      invited: Number(h.invited ?? 0),
      earned: fromUnits(h.earned),
      rewarded: Number(h.rewarded ?? 0),
    };
  }

  async referrerOf(userId: number): Promise<number | null> {
    const id = await this.redis.hget(this.k.referral.user(userId), "referrerId");
    return id ? Number(id) : null;
  }

  /** Newest first: the users a referrer brought. */
  async invited(userId: number, offset: number, count: number): Promise<number[]> {
    return (await this.redis.zrevrange(this.k.referral.invited(userId), offset, offset + count - 1)).map(Number);
  }

  async totals(): Promise<ReferralTotals> {
    const h = await this.redis.hgetall(this.k.referral.totals);
    return { users: Number(h.users ?? 0), earned: fromUnits(h.earned), rewarded: Number(h.rewarded ?? 0) };
  }

  /**
   * Credits the referrer's reward for one order, at most once per order for ever (marker
   * credited:referral:<order>). Returns whether it credited now and what was credited for the
   * order (now or in an earlier try).
   */
  async reward(referrerId: number, orderId: string, amount: Money, from: number, now = Date.now()): Promise<{ credited: boolean; amount: Money }> {
    const units = toUnits(amount);
    if (units <= 0) throw new Error("a referral reward must be positive");
    const entry = JSON.stringify({ at: now, amount: String(units), balance: "__BALANCE__", reason: "referral", orderId, ref: String(from) });
    const res = await this.scripts.referralReward(
      {
        marker: this.k.credited(`referral:${orderId}`),
        wallet: this.k.wallet(referrerId),
        ledger: this.k.ledger(referrerId),
        mine: this.k.referral.user(referrerId),
        totals: this.k.referral.totals,
      },
      { units, entry, ledgerMax: LEDGER_MAX, statsPrefix: this.k.stats.prefix, now },
    );
    return { credited: res.credited, amount: fromUnits(res.units) };
  }
}
