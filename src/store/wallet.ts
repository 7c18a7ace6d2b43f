import { fromUnits, moneyString, toUnits, type Money } from "../money.js";
import { keys as keysFor, type Keys, type Redis } from "./redis.js";

export type LedgerReason = "order" | "refund" | "admin" | "payment" | "payment_refund" | "settle";

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

// Credit once per idempotency key: the marker and the credit are one atomic step, so a repeated
// event (a second refund, a redelivered payment) can never credit twice.
const CREDIT_ONCE = `
local marker, wallet, ledger = KEYS[1], KEYS[2], KEYS[3]
if marker ~= '' and redis.call('EXISTS', marker) == 1 then return {0, redis.call('GET', wallet) or '0'} end
local bal = redis.call('INCRBY', wallet, ARGV[1])
if marker ~= '' then redis.call('SET', marker, ARGV[1]) end
local entry = string.gsub(ARGV[2], '"__BALANCE__"', tostring(bal))
redis.call('LPUSH', ledger, entry)
redis.call('LTRIM', ledger, 0, tonumber(ARGV[3]) - 1)
return {1, tostring(bal)}
`;

// Debit without ever going below zero: check and decrement in one step (no read-then-write race).
// ARGV[4] = '1': take what there is, up to the amount (admin corrections).
const DEBIT = `
local wallet, ledger = KEYS[1], KEYS[2]
local bal = tonumber(redis.call('GET', wallet) or '0')
local amount = tonumber(ARGV[1])
if bal < amount then
  if ARGV[4] ~= '1' then return {0, tostring(bal), '0'} end
  amount = bal
end
local after = redis.call('DECRBY', wallet, amount)
local entry = string.gsub(ARGV[2], '"__AMOUNT__"', '"-' .. tostring(amount) .. '"')
entry = string.gsub(entry, '"__BALANCE__"', tostring(after))
redis.call('LPUSH', ledger, entry)
redis.call('LTRIM', ledger, 0, tonumber(ARGV[3]) - 1)
return {1, tostring(after), tostring(amount)}
`;

/**
 * Wallets in the panel's currency, kept in Redis as integer units of 0.00001 (see money.ts).
 * Ledger entries are written by the same script as the balance change, so they never disagree.
 * In stored ledger JSON, `amount` and `balance` are units; `entries()` turns them into decimals.
 */
export class WalletStore {
  private readonly k: Keys;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
  }

  async balance(userId: number): Promise<Money> {
    return fromUnits(await this.redis.get(this.k.wallet(userId)));
  }

  /**
   * Credits the wallet. With `onceKey`, at most once per key for ever (refund:<order>, payment:<charge id>).
   * Returns whether it credited now, and the balance after.
   */
  async credit(
    userId: number,
    amount: Money,
    entry: Omit<LedgerEntry, "at" | "amount" | "balance">,
    onceKey?: string,
  ): Promise<{ credited: boolean; balance: Money }> {
    if (amount.isNegative()) throw new Error("credit amount must not be negative");
    const units = toUnits(amount);
    const json = JSON.stringify({ ...entry, at: Date.now(), amount: String(units), balance: "__BALANCE__" });
    const [done, bal] = (await this.redis.eval(
      CREDIT_ONCE,
      3,
      onceKey ? this.k.credited(onceKey) : "",
      this.k.wallet(userId),
      this.k.ledger(userId),
      units,
      json,
      LEDGER_MAX,
    )) as [number, string];
    return { credited: done === 1, balance: fromUnits(bal) };
  }

  /** Takes `amount` if the wallet holds it; `upTo` takes what there is instead of refusing. */
  async debit(
    userId: number,
    amount: Money,
    entry: Omit<LedgerEntry, "at" | "amount" | "balance">,
    opts: { upTo?: boolean } = {},
  ): Promise<{ ok: boolean; balance: Money; taken: Money }> {
    const units = toUnits(amount);
    if (units < 0) throw new Error("debit amount must not be negative");
    const json = JSON.stringify({ ...entry, at: Date.now(), amount: "__AMOUNT__", balance: "__BALANCE__" });
    const [ok, bal, taken] = (await this.redis.eval(
      DEBIT,
      2,
      this.k.wallet(userId),
      this.k.ledger(userId),
      units,
      json,
      LEDGER_MAX,
      opts.upTo ? "1" : "0",
    )) as [number, string, string];
    return { ok: ok === 1, balance: fromUnits(bal), taken: fromUnits(taken) };
  }

  /** Newest first; `offset` skips that many of the newest (paging). */
  async entries(userId: number, count = 20, offset = 0): Promise<LedgerEntry[]> {
    const rows = await this.redis.lrange(this.k.ledger(userId), offset, offset + count - 1);
    return rows.map((r) => parseLedgerRow(r));
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
