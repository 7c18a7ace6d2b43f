/**
 * The Lua scripts, laid out like BullMQ's: one file per script in `scripts/`, shared pieces in
 * `scripts/includes/`, pulled in by a `--- @include "includes/name"` line (each include once per
 * script). The files are read once per process; each connection gets them as ioredis commands
 * (`defineCommand`), which send EVALSHA and fall back to EVAL when Redis answers NOSCRIPT (after
 * a restart or SCRIPT FLUSH). Only the stores in this folder call them, through `Scripts`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Redis } from "./redis.js";

/**
 * `scripts/` next to this module: src/store/ (tsx) or dist/src/store/ (the build copies it there).
 * A bundle of the code (the benchmarks' esbuild build) lives elsewhere: it reads the source tree
 * of the directory it was started from.
 */
export function scriptsDir(): string {
  const candidates = [join(dirname(fileURLToPath(import.meta.url)), "scripts"), join(process.cwd(), "src", "store", "scripts")];
  const found = candidates.find((dir) => existsSync(join(dir, "includes")));
  if (!found) throw new Error(`Lua scripts not found in ${candidates.join(" or ")}`);
  return found;
}

const INCLUDE = /^---\s*@include\s+"([^"]+)"\s*$/gm;

/** A script's text with its includes expanded (recursively, each file once, cycles refused). */
export function expandIncludes(file: string, seen = new Set<string>(), stack: string[] = []): string {
  if (stack.includes(file)) throw new Error(`Lua include cycle: ${[...stack, file].join(" → ")}`);
  const text = readFileSync(file, "utf8");
  return text.replace(INCLUDE, (_line, name: string) => {
    const target = resolve(dirname(file), name.endsWith(".lua") ? name : `${name}.lua`);
    if (seen.has(target)) return "";
    seen.add(target);
    return expandIncludes(target, seen, [...stack, file]).trimEnd();
  });
}

let loaded: ReadonlyMap<string, string> | undefined;

/** Every script by name (its file name without .lua), includes expanded. Read from disk once. */
export function loadScripts(): ReadonlyMap<string, string> {
  if (loaded) return loaded;
  const dir = scriptsDir();
  const scripts = new Map<string, string>();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".lua"))
    .sort())
    scripts.set(f.slice(0, -4), expandIncludes(join(dir, f)));
  return (loaded = scripts);
}

type Arg = string | number | Buffer;

/** How a wallet script counts the money it moves (statsMoney in includes/stats.lua). */
export interface MoneyCountArgs {
  /** the counters' key prefix; '' counts nothing */
  prefix: string;
  now: number;
  kind: string;
  stars?: number;
}
const moneyCountArgs = (c: MoneyCountArgs): Arg[] => [c.prefix, c.now, c.kind, c.stars ?? ""];
type ScriptCall = (numberOfKeys: number, keys: string[], args: Arg[]) => Promise<unknown>;

const defined = new WeakMap<Redis, Scripts>();

/** The scripts as commands of one connection, with one typed wrapper per script. */
export class Scripts {
  private constructor(private readonly redis: Redis) {
    for (const [name, lua] of loadScripts()) redis.defineCommand(name, { lua });
  }

  /** The connection's scripts, defined on it the first time. */
  static of(redis: Redis): Scripts {
    let s = defined.get(redis);
    if (!s) defined.set(redis, (s = new Scripts(redis)));
    return s;
  }

  private call(name: string, keys: string[], args: Arg[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, ScriptCall | undefined>)[name];
    if (!fn) throw new Error(`no Lua script ${name}`);
    // Nested arrays: ioredis flattens a command's arguments once anyway, so the keys and arguments
    // of a batch's call (thousands) are not copied twice more by spreading them here.
    return fn.call(this.redis, keys.length, keys, args);
  }

  // ---- wallets ---------------------------------------------------------------------------------

  /** `count`: the counters' key prefix ('' counts nothing), the time and the kind of money movement it is. */
  async walletCredit(
    k: { marker: string; wallet: string; ledger: string },
    a: { units: number; entry: string; ledgerMax: number; count: MoneyCountArgs },
  ): Promise<{ credited: boolean; balance: string }> {
    const [done, balance] = (await this.call("walletCredit", [k.marker, k.wallet, k.ledger], [a.units, a.entry, a.ledgerMax, ...moneyCountArgs(a.count)])) as [number, string];
    return { credited: done === 1, balance };
  }

  async walletDebit(
    k: { wallet: string; ledger: string },
    a: { units: number; entry: string; ledgerMax: number; upTo: boolean; count: MoneyCountArgs },
  ): Promise<{ ok: boolean; balance: string; taken: string }> {
    const [ok, balance, taken] = (await this.call("walletDebit", [k.wallet, k.ledger], [a.units, a.entry, a.ledgerMax, a.upTo ? "1" : "0", ...moneyCountArgs(a.count)])) as [number, string, string];
    return { ok: ok === 1, balance, taken };
  }

  // ---- Stars refunds ---------------------------------------------------------------------------

  async starsClaimRefund(k: { charge: string }, a: { from: "" | "uncertain" }): Promise<boolean> {
    return (await this.call("starsClaimRefund", [k.charge], [a.from])) === 1;
  }

  // ---- orders ----------------------------------------------------------------------------------

  async orderReserve(
    k: {
      order: string;
      wallet: string;
      ledger: string;
      userOrders: string;
      listBucket: string;
      placing: string;
      held: string;
      serviceListSeq: string;
      linkBucket: string;
      listCount: string;
      serviceListCount: string;
    },
    a: {
      userId: number;
      units: number;
      now: number;
      id: string;
      entry: string;
      ledgerMax: number;
      statsPrefix: string;
      linkField: string;
      serviceId: string;
      serviceListPrefix: string;
      bucketSize: number;
    },
  ): Promise<string[]> {
    return (await this.call(
      "orderReserve",
      [k.order, k.wallet, k.ledger, k.userOrders, k.listBucket, k.placing, k.held, k.serviceListSeq, k.linkBucket, k.listCount, k.serviceListCount],
      [String(a.userId), a.units, a.now, a.id, a.entry, a.ledgerMax, a.statsPrefix, a.linkField, a.serviceId, a.serviceListPrefix, a.bucketSize],
    )) as string[];
  }

  async orderDiscardDraft(k: { order: string }, a: { userId: number }): Promise<string> {
    return (await this.call("orderDiscardDraft", [k.order], [String(a.userId)])) as string;
  }

  /** 'ok', or the placement found instead of one of `from`. */
  /** `from` ["*"]: whatever the placement (a plain update of an existing order). Field names are codes. */
  async orderTransition(k: { order: string }, a: { from: string[]; set: Record<string, string>; del: string[] }): Promise<string> {
    const set = Object.entries(a.set);
    return (await this.call("orderTransition", [k.order], [a.from.join(","), set.length, ...set.flat(), ...a.del])) as string;
  }

  async orderFailAndRefund(
    k: { order: string; wallet: string; ledger: string; placing: string; unknown: string; held: string },
    a: { reason: string; now: number; refunded: string; id: string; entry: string; ledgerMax: number; statsPrefix: string; from: readonly string[]; promoCodePrefix: string },
  ): Promise<string[]> {
    return (await this.call(
      "orderFailAndRefund",
      [k.order, k.wallet, k.ledger, k.placing, k.unknown, k.held],
      [a.reason, a.now, a.refunded, a.id, a.entry, a.ledgerMax, a.statsPrefix, a.from.join(","), a.promoCodePrefix],
    )) as string[];
  }

  /** 'ok', or the placement found instead. */
  async orderMarkPlaced(
    k: { order: string; placing: string; unknown: string; panelIdBucket: string; pollDue: string },
    a: { panelOrderId: string; now: number; id: string; firstPollAt: number; statsPrefix: string },
  ): Promise<string> {
    return (await this.call("orderMarkPlaced", [k.order, k.placing, k.unknown, k.panelIdBucket, k.pollDue], [a.panelOrderId, a.now, a.id, a.firstPollAt, a.statsPrefix])) as string;
  }

  /** 'ok', or the placement found instead. */
  async orderMarkUnknown(k: { order: string; placing: string; unknown: string }, a: { reason: string; now: number; id: string; statsPrefix: string }): Promise<string> {
    return (await this.call("orderMarkUnknown", [k.order, k.placing, k.unknown], [a.reason, a.now, a.id, a.statsPrefix])) as string;
  }

  /** Rewrites the format-1 records among `orders` in format 2; returns how many. */
  async orderMigrate(k: { orders: string[] }): Promise<number> {
    return (await this.call("orderMigrate", k.orders, [])) as number;
  }

  /** HMGET of the same fields on many records (orderFieldsRead.lua), answered as one JSON string. */
  async orderFieldsRead(k: { orders: string[] }, a: { fields: readonly string[] }): Promise<Array<Array<string | null>>> {
    return JSON.parse((await this.call("orderFieldsRead", k.orders, [...a.fields])) as string) as Array<Array<string | null>>;
  }

  /** Deletes the hashes of packed orders still as written to their bucket: per order, whether it did. */
  async orderPack(k: { orders: string[] }, a: { records: Array<Record<string, string>> }): Promise<boolean[]> {
    const args = a.records.flatMap((r) => [Object.keys(r).length, ...Object.entries(r).flat()]);
    return ((await this.call("orderPack", k.orders, args)) as number[]).map((v) => v === 1);
  }

  /** A packed order's record back in its hash (orderUnpack.lua). */
  async orderUnpack(k: { order: string; listBucket: string; packLater: string }, a: { id: string; now: number; record: Record<string, string> }): Promise<1 | 0 | -1> {
    return (await this.call("orderUnpack", [k.order, k.listBucket, k.packLater], [a.id, a.now, ...Object.entries(a.record).flat()])) as 1 | 0 | -1;
  }

  async orderArchiveWrite(k: { bucket: string }, a: { read: Buffer; value: Buffer }): Promise<boolean> {
    return (await this.call("orderArchiveWrite", [k.bucket], [a.read, a.value])) === 1;
  }

  async orderArchiveRemove(
    k: {
      order: string;
      listBucket: string;
      userOrders: string;
      serviceOrders: string;
      linkOrders: string;
      panelIdBucket: string;
      panelIds: string;
      pollDue: string;
      refillDue: string;
      attention: string;
      linkBucket: string;
      listCount: string;
      serviceListCount: string;
    },
    a: { id: string; panelOrderId: string; linkField: string; countedService: string; record: Record<string, string> },
  ): Promise<boolean> {
    const keys = [k.order, k.listBucket, k.userOrders, k.serviceOrders, k.linkOrders, k.panelIdBucket, k.pollDue, k.refillDue, k.attention, k.linkBucket, k.panelIds, k.listCount, k.serviceListCount];
    return (await this.call("orderArchiveRemove", keys, [a.id, a.panelOrderId, a.linkField, a.countedService, ...Object.entries(a.record).flat()])) === 1;
  }

  /** The all-orders list in id order after `after` (orderListAfter.lua): [id, created ms] pairs. */
  async orderListAfter(a: { prefix: string; size: number; after: number; lastBucket: number; count: number; beforeMs: number; fromMs: number }): Promise<Array<[id: string, createdMs: number]>> {
    const flat = (await this.call("orderListAfter", [], [a.prefix, a.size, a.after, a.lastBucket, a.count, a.beforeMs, a.fromMs])) as string[];
    return Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, Number(flat[2 * i + 1])]);
  }

  /** A page of a bucketed list, newest first (orderListPage.lua); `count` -1 when not asked for. */
  async orderListPage(a: {
    prefix: string;
    size: number;
    lastBucket: number;
    min: string;
    max: string;
    offset: number;
    count: boolean;
    limit: number;
    total: number;
    older?: string;
  }): Promise<{ count: number; ids: string[] }> {
    const args = [a.prefix, a.size, a.lastBucket, a.min, a.max, a.offset, a.count ? "1" : "0", a.limit, a.total, ...(a.older === undefined ? [] : [a.older])];
    const [count, ...ids] = (await this.call("orderListPage", [], args)) as [number, ...string[]];
    return { count, ids };
  }

  /** One step of moving the old all-orders zset into its buckets; the number of entries left. */
  async orderListMigrate(k: { old: string; count: string; oldCursors: string[] }, a: { prefix: string; size: number; count: number }): Promise<number> {
    return (await this.call("orderListMigrate", [k.old, k.count, ...k.oldCursors], [a.prefix, a.size, a.count])) as number;
  }

  /** Moves entries of the old panel-id map into their buckets (panelIdMove.lua); how many moved. */
  async panelIdMove(k: { old: string; buckets: string[] }, a: { entries: Array<[panelId: string, id: string]> }): Promise<number> {
    return (await this.call("panelIdMove", [k.old, ...k.buckets], a.entries.flat())) as number;
  }

  /** Moves one link's zset (the index's older form) into its bucket field; how many ids moved. */
  async linkMigrate(k: { old: string; bucket: string }, a: { field: string }): Promise<number> {
    return (await this.call("linkMigrate", [k.old, k.bucket], [a.field])) as number;
  }

  async orderRepairUnknown(k: { order: string; placing: string; unknown: string }, a: { id: string }): Promise<boolean> {
    return (await this.call("orderRepairUnknown", [k.order, k.placing, k.unknown], [a.id])) === 1;
  }

  // ---- users and referrals ---------------------------------------------------------------------

  /** One update's arrival: first contact and referrer bound now (when recorded), the stored locale, the update's count in its window, the dialog under way and the chat's conversations state. */
  async userArrive(
    k: { user: string; users: string; window: string; codes: string; totals: string; username: string; dialog: string; conversation: string },
    a: { userId: number; now: number; record: boolean; windowTtlMs: number; code: string; refPrefix: string; invitedPrefix: string; username: string; fields: Record<string, string> },
  ): Promise<{ firstContact: boolean; referrerId?: number; locale: string; counted: number; dialog: string; conversation: string | null }> {
    const [first, owner, locale, counted, dialog, conversation] = (await this.call(
      "userArrive",
      [k.user, k.users, k.window, k.codes, k.totals, k.username, k.dialog, k.conversation],
      [String(a.userId), a.now, a.record ? "1" : "0", a.windowTtlMs, a.code, a.refPrefix, a.invitedPrefix, a.username, ...Object.entries(a.fields).flat()],
    )) as [number, string, string, number, string, string | null];
    return { firstContact: first === 1, referrerId: owner ? Number(owner) : undefined, locale, counted, dialog, conversation };
  }

  /** The stored dialog if it was of `kind` (and is now ended), else null. */
  async dialogTake(k: { dialog: string }, a: { kind: string }): Promise<string | null> {
    return (await this.call("dialogTake", [k.dialog], [a.kind])) as string | null;
  }

  /** The user's code, or '' when the candidate belongs to someone else. */
  async referralCode(k: { mine: string; codes: string }, a: { userId: number; candidate: string }): Promise<string> {
    return (await this.call("referralCode", [k.mine, k.codes], [String(a.userId), a.candidate])) as string;
  }

  async referralReward(
    k: { marker: string; wallet: string; ledger: string; mine: string; totals: string },
    a: { units: number; entry: string; ledgerMax: number; statsPrefix: string; now: number },
  ): Promise<{ credited: boolean; units: string }> {
    const [done, units] = (await this.call("referralReward", [k.marker, k.wallet, k.ledger, k.mine, k.totals], [a.units, a.entry, a.ledgerMax, a.statsPrefix, a.now])) as [number, string];
    return { credited: done === 1, units };
  }

  // ---- promo codes -----------------------------------------------------------------------------

  async promoCreate(k: { code: string; all: string }, a: { code: string; now: number; fields: Record<string, string> }): Promise<boolean> {
    return (await this.call("promoCreate", [k.code, k.all], [a.code, a.now, ...Object.entries(a.fields).flat()])) === 1;
  }

  async promoRedeem(
    k: { code: string; redeemers: string; held: string; wallet: string; ledger: string },
    a: { userId: number; now: number; held: string; entry: string; ledgerMax: number; statsPrefix: string },
  ): Promise<string[]> {
    return (await this.call("promoRedeem", [k.code, k.redeemers, k.held, k.wallet, k.ledger], [String(a.userId), a.now, a.held, a.entry, a.ledgerMax, a.statsPrefix])) as string[];
  }

  // ---- the poller's schedule -------------------------------------------------------------------

  async pollClaim(k: { schedule: string }, a: { now: number; count: number; lease: number; holdMs: number; lookaheadMs: number }): Promise<string[]> {
    return (await this.call("pollClaim", [k.schedule], [a.now, a.count, a.lease, a.holdMs, a.lookaheadMs])) as string[];
  }

  async pollRelease(k: { schedule: string }, a: { lease: number; dueAt: number; ids: string[] }): Promise<void> {
    await this.call("pollRelease", [k.schedule], [a.lease, a.dueAt, ...a.ids]);
  }

  /** A batch's writes in one call (pollWrite.lua reads `writes` in this order, sent as one JSON array); how many were written. */
  async pollWrite(k: { schedule: string; attention: string; orders: string[] }, a: { statsPrefix: string; writes: string[] }): Promise<number> {
    return (await this.call("pollWrite", [k.schedule, k.attention, ...k.orders], [a.statsPrefix, JSON.stringify(a.writes)])) as number;
  }

  // ---- the shop's counters ----------------------------------------------------------------------

  async statsCountOnce(k: { order: string }, a: { prefix: string; check: Array<[string, string]>; counters: Array<[string, number]> }): Promise<1 | 0 | -1> {
    return (await this.call("statsCountOnce", [k.order], [a.prefix, a.check.length, ...a.check.flat(), ...a.counters.flat()])) as 1 | 0 | -1;
  }

  // ---- update intake ---------------------------------------------------------------------------

  async intakeStore(k: { pending: string; bodies: string; done: string[] }, a: { updates: Array<[id: number, bit: number, json: string]> }): Promise<string[]> {
    return (await this.call("intakeStore", [k.pending, k.bodies, ...k.done], a.updates.flat())) as string[];
  }

  async intakeFinish(k: { pending: string; bodies: string; done: string }, a: { id: number; bit: number; ttlSeconds: number }): Promise<void> {
    await this.call("intakeFinish", [k.pending, k.bodies, k.done], [a.id, a.bit, a.ttlSeconds]);
  }

  // ---- leases (broadcasts, the update intake) --------------------------------------------------

  async leaseRenew(k: { lease: string }, a: { token: string; ms: number }): Promise<boolean> {
    return (await this.call("leaseRenew", [k.lease], [a.token, a.ms])) === 1;
  }

  async leaseRelease(k: { lease: string }, a: { token: string }): Promise<void> {
    await this.call("leaseRelease", [k.lease], [a.token]);
  }

  // ---- receipts --------------------------------------------------------------------------------

  /** 0 missing, 1 decided before, 2 decided now. */
  async receiptDecide(k: { receipt: string; pending: string }, a: { decision: string; adminId: number; adminName: string; now: number; amount: string; id: string }): Promise<0 | 1 | 2> {
    return (await this.call("receiptDecide", [k.receipt, k.pending], [a.decision, String(a.adminId), a.adminName, String(a.now), a.amount, a.id])) as 0 | 1 | 2;
  }

  // ---- the outbound queue ----------------------------------------------------------------------

  /** 0 seen before, 1 queued, 2 skipped (the user blocked the bot). */
  async outboxEnqueue(k: { seen: string; queue: string; ready: string; pending: string; user: string; tag: string }, a: { message: string; chatId: number; seenTtlS: number }): Promise<0 | 1 | 2> {
    return (await this.call("outboxEnqueue", [k.seen, k.queue, k.ready, k.pending, k.user, k.tag], [a.message, String(a.chatId), a.seenTtlS])) as 0 | 1 | 2;
  }

  async outboxClaim(k: { ready: string; rate: string }, a: { queuePrefix: string; max: number; leaseMs: number; intervalMs: number; lookaheadMs: number }): Promise<Array<string | number>> {
    return (await this.call("outboxClaim", [k.ready, k.rate], [a.queuePrefix, a.max, a.leaseMs, a.intervalMs, a.lookaheadMs])) as Array<string | number>;
  }

  /** 0: go (the send is recorded); else ms to wait. */
  async outboxPermit(k: { sent: string }, a: { max: number; sendId: string; windowMs: number }): Promise<number> {
    return (await this.call("outboxPermit", [k.sent], [a.max, a.sendId, a.windowMs])) as number;
  }

  async outboxFinish(
    k: { queue: string; ready: string; pending: string; attempts: string },
    a: { chatId: number; raw: string; outcome: string; spacingMs: number; tagPrefix: string },
  ): Promise<boolean> {
    return (await this.call("outboxFinish", [k.queue, k.ready, k.pending, k.attempts], [String(a.chatId), a.raw, a.outcome, a.spacingMs, a.tagPrefix])) === 1;
  }

  /** The attempt count (0 when not counted). */
  async outboxDefer(k: { ready: string; attempts: string }, a: { chatId: number; ms: number; count: boolean }): Promise<number> {
    return (await this.call("outboxDefer", [k.ready, k.attempts], [String(a.chatId), a.ms, a.count ? "1" : "0"])) as number;
  }

  /** The number of messages dropped. */
  async outboxDropChat(k: { queue: string; ready: string; pending: string; attempts: string }, a: { chatId: number; tagPrefix: string }): Promise<number> {
    return (await this.call("outboxDropChat", [k.queue, k.ready, k.pending, k.attempts], [String(a.chatId), a.tagPrefix])) as number;
  }
}
