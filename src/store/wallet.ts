import { RedisStore } from "./redis-store.js";
import { fromUnits, moneyString, toUnits, type Money } from "../money.js";
import { type MoneyCountArgs } from "./scripts.js";
import type { MoneyCount } from "./stats.js";

export type LedgerReason = "order" | "refund" | "admin" | "payment" | "payment_refund" | "settle" | "referral" | "promo";

export interface LedgerEntry {
  at: number;
  /** signed decimal string: + credit, - debit */
  amount: string;
  /** balance after the movement */
  balance: string;
  reason: LedgerReason;
  orderId?: string;
  adminId?: number;
  /** e.g. payment source or charge id */
  ref?: string;
  note?: string;
}

/** Ledger lists are capped so a very active user's history cannot grow Redis without bound. */
export const LEDGER_MAX = 5_000;

/** An order's refund is at most this many credits: the first, then the rest of a larger refund a redo found (poller/tracker.ts). */
export const REFUND_PARTS_MAX = 4;
/** The once-key of one credit of an order's refund. */
export const refundOnceKey = (orderId: string, part = 0): string => (part === 0 ? `refund:${orderId}` : `refund:${orderId}:rest${part}`);
/** Every once-key an order's refund can have (the reconciliation and the backup read them all). */
export const refundOnceKeys = (orderId: string): string[] => Array.from({ length: REFUND_PARTS_MAX }, (_, part) => refundOnceKey(orderId, part));

/**
 * Wallets in the panel's currency, kept in Redis as integer units of 0.00001 (see money.ts).
 * Ledger entries are written by the same script as the balance change, so they never disagree.
 * In stored ledger JSON, `amount` and `balance` are units; `entries()` turns them into decimals.
 */
export class WalletStore extends RedisStore {
  async balance(userId: number): Promise<Money> {
    return fromUnits(await this.redis.get(this.k.wallet(userId)));
  }

  /**
   * Credits the wallet. With `onceKey`, at most once per key for ever (refund:<order>, payment:<charge id>).
   * With `count`, the credit is counted in the shop's counters (StatsStore) in the same step, only
   * when it credits now. Returns whether it credited now, and the balance after.
   */
  async credit(userId: number, amount: Money, entry: Omit<LedgerEntry, "at" | "amount" | "balance">, onceKey?: string, count?: MoneyCount): Promise<{ credited: boolean; balance: Money }> {
    if (amount.isNegative()) throw new Error("credit amount must not be negative");
    const units = toUnits(amount);
    const at = Date.now();
    const json = JSON.stringify({ ...entry, at, amount: String(units), balance: "__BALANCE__" });
    const { credited, balance } = await this.scripts.walletCredit(
      { marker: onceKey ? this.k.credited(onceKey) : "", wallet: this.k.wallet(userId), ledger: this.k.ledger(userId) },
      { units, entry: json, ledgerMax: LEDGER_MAX, count: this.countArgs(at, count) },
    );
    return { credited, balance: fromUnits(balance) };
  }

  /**
   * Takes `amount` if the wallet holds it; `upTo` takes what there is instead of refusing. With
   * `count`, what it took is counted in the shop's counters in the same step.
   */
  async debit(
    userId: number,
    amount: Money,
    entry: Omit<LedgerEntry, "at" | "amount" | "balance">,
    opts: { upTo?: boolean; count?: MoneyCount } = {},
  ): Promise<{ ok: boolean; balance: Money; taken: Money }> {
    const units = toUnits(amount);
    if (units < 0) throw new Error("debit amount must not be negative");
    const at = Date.now();
    const json = JSON.stringify({ ...entry, at, amount: "__AMOUNT__", balance: "__BALANCE__" });
    const { ok, balance, taken } = await this.scripts.walletDebit(
      { wallet: this.k.wallet(userId), ledger: this.k.ledger(userId) },
      { units, entry: json, ledgerMax: LEDGER_MAX, upTo: opts.upTo === true, count: this.countArgs(at, opts.count) },
    );
    return { ok, balance: fromUnits(balance), taken: fromUnits(taken) };
  }

  private countArgs(now: number, count: MoneyCount | undefined): MoneyCountArgs {
    return count ? { prefix: this.k.stats.prefix, now, kind: count.kind, stars: count.stars } : { prefix: "", now, kind: "" };
  }

  /** Newest first; `offset` skips that many of the newest (paging). */
  async entries(userId: number, count = 20, offset = 0): Promise<LedgerEntry[]> {
    const rows = await this.redis.lrange(this.k.ledger(userId), offset, offset + count - 1);
    return rows.map((r) => parseLedgerRow(r));
  }

  /**
   * The balance and the whole ledger (newest first) as of one instant, with the amounts the
   * once-keys recorded for the given refund keys: what reconciliation compares.
   */
  async snapshot(userId: number, onceKeys: string[] = []): Promise<{ balance: Money; entries: LedgerEntry[]; once: Map<string, Money> }> {
    const multi = this.redis
      .multi()
      .get(this.k.wallet(userId))
      .lrange(this.k.ledger(userId), 0, LEDGER_MAX - 1);
    for (const key of onceKeys) multi.get(this.k.credited(key));
    const res = (await multi.exec()) ?? [];
    for (const [err] of res) if (err) throw err;
    const once = new Map<string, Money>();
    onceKeys.forEach((key, i) => {
      const v = res[2 + i]?.[1] as string | null;
      if (v !== null && v !== undefined) once.set(key, fromUnits(v));
    });
    return { balance: fromUnits(res[0]?.[1] as string | null), entries: (res[1]?.[1] as string[]).map(parseLedgerRow), once };
  }

  /** What the credit with this idempotency key credited (zero when none was made). */
  async creditedAmount(onceKey: string): Promise<Money> {
    return fromUnits(await this.redis.get(this.k.credited(onceKey)));
  }

  /** Money held in all wallets together: what the shop owes its users. A SCAN over the wallet keys. */
  async total(): Promise<Money> {
    let units = 0n;
    let cursor = "0";
    do {
      const [next, found] = await this.redis.scan(cursor, "MATCH", this.k.walletPattern, "COUNT", 1000);
      cursor = next;
      if (found.length === 0) continue;
      for (const v of await this.redis.mget(...found)) if (v !== null && /^-?\d+$/.test(v)) units += BigInt(v);
    } while (cursor !== "0");
    return fromUnits(units.toString());
  }

  /** Whether any wallet was ever opened (a SCAN that stops at the first one). */
  async hasAny(): Promise<boolean> {
    let cursor = "0";
    do {
      const [next, found] = await this.redis.scan(cursor, "MATCH", this.k.walletPattern, "COUNT", 1000);
      if (found.length > 0) return true;
      cursor = next;
    } while (cursor !== "0");
    return false;
  }

  /** How many ledger entries the user has (up to LEDGER_MAX). */
  async entryCount(userId: number): Promise<number> {
    return this.redis.llen(this.k.ledger(userId));
  }

  /** Whether a credit with this idempotency key has been made. */
  async wasCredited(onceKey: string): Promise<boolean> {
    return (await this.redis.exists(this.k.credited(onceKey))) === 1;
  }
}

/** Ledger rows store units; give callers decimals. */
export function parseLedgerRow(row: string): LedgerEntry {
  const e = JSON.parse(row) as LedgerEntry;
  return { ...e, amount: moneyString(fromUnits(e.amount)), balance: moneyString(fromUnits(e.balance)) };
}
