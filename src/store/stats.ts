import { RedisStore } from "./redis-store.js";
import { fieldCode } from "./order-codec.js";

/** How money comes into wallets, each counted on its own (`topup:<method>` in the counters). */
export const TOPUP_METHODS = ["card", "stars", "receipt", "admin"] as const;
export type TopupCounted = (typeof TOPUP_METHODS)[number];
/** Credits that are not money coming in (`bonus:<kind>`), counted by their scripts. */
export const BONUS_KINDS = ["promo", "referral"] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];
/** The kinds of wallet movement a caller of WalletStore asks to be counted. */
export type MoneyKind = `topup:${TopupCounted}` | "refund:stars";

/** A counted wallet movement: its kind and, for Stars, the stars paid or given back. */
export interface MoneyCount {
  kind: MoneyKind;
  stars?: number;
}

/**
 * The shop's counters (see src/services/stats.ts for what they mean): one hash per UTC day and
 * one for all time, moved by the order scripts (includes/stats.lua) in the step that changes the
 * order, by the background count of orders from before them, and by the wallet, promo and referral
 * scripts in the step that moves the money.
 */
export class StatsStore extends RedisStore {
  /** Counters of each day from `from` to `to` (day numbers, both included), oldest first. */
  async days(from: number, to: number): Promise<Array<Record<string, number>>> {
    const pipe = this.redis.pipeline();
    for (let d = from; d <= to; d++) pipe.hgetall(this.k.stats.day(d));
    const res = (await pipe.exec()) ?? [];
    return res.map(([err, h]) => {
      if (err) throw err;
      return numbers(h as Record<string, string>);
    });
  }

  async total(): Promise<Record<string, number>> {
    return numbers(await this.redis.hgetall(this.k.stats.total));
  }

  /**
   * Where the background count is: the creation time (ms) of the last orders it counted (it goes
   * on after it), or done. A score rather than a position: archiving removes orders from the front
   * of the all-orders list, which would shift a position past orders not counted yet. A position an
   * older version stored starts the count over (counting is once per order, so nothing twice).
   */
  /**
   * The last order id counted ("0": none yet), or "done". A cursor from before the list was bucketed (a
   * creation time, "t:<ms>") starts the count over: each order is counted once anyway (its cnt mark).
   */
  async backfillCursor(): Promise<string> {
    const v = await this.redis.get(this.k.stats.backfill);
    if (v === "done") return "done";
    return v?.startsWith("i:") ? v.slice(2) : "0";
  }

  async setBackfillCursor(at: string): Promise<void> {
    await this.redis.set(this.k.stats.backfill, at === "done" ? "done" : `i:${at}`);
  }

  async backfillDone(): Promise<boolean> {
    return (await this.backfillCursor()) === "done";
  }

  /** Counts an order from before the counters once; -1 when it changed since `check` was read. */
  async countOnce(orderId: string, check: Array<[string, string]>, counters: Array<[string, number]>): Promise<1 | 0 | -1> {
    return this.scripts.statsCountOnce({ order: this.k.order(orderId) }, { prefix: this.k.stats.prefix, check: check.map(([f, v]) => [fieldCode(f), v]), counters });
  }
}

function numbers(h: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [f, v] of Object.entries(h)) out[f] = Number(v);
  return out;
}
