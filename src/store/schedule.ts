import { RedisStore } from "./redis-store.js";
import { fieldCode } from "./order-codec.js";

/** A claimed id's score is LEASED + its lease end (includes/pollLease.lua). */
const LEASED = 10_000_000_000_000;
const dueAtOf = (score: string | undefined): number => (score === undefined ? Infinity : Number(score) >= LEASED ? Number(score) - LEASED : Number(score));

/** The poller's two queues: placed orders to look at, and refills to track. */
export type PollQueue = "orders" | "refills";

/** One order's write after a panel answer (pollWrite.lua). */
export interface PollWrite {
  id: string;
  /** due: look again at dueAt; stop: off the schedule; attention: off it and to the admins */
  mode: "due" | "stop" | "attention";
  dueAt: number;
  lease: number;
  /** written only if these fields are still as read; fields by name (as in OrderRecord) */
  check: Array<[string, string]>;
  set: string[];
  del: string[];
  /** what the write moves in the shop's counters (computed from the state read) */
  counters: Array<[string, number]>;
}

/**
 * When the poller looks at which order: two sorted sets of ids by due time (a claimed id's score
 * is its lease end), the admins' attention set, and the shared "panel failing since" mark.
 */
export class PollSchedule extends RedisStore {
  private key(queue: PollQueue): string {
    return queue === "orders" ? this.k.pollDue : this.k.refillDue;
  }

  /**
   * The ids of one status request by the batching rule (src/poller/batching.ts), leased to the
   * caller until `lease`; none when the request should wait. `holdMs` 0 takes what is due now.
   */
  claim(queue: PollQueue, now: number, lease: number, rule: { size: number; holdMs: number; lookaheadMs: number }): Promise<string[]> {
    return this.scripts.pollClaim({ schedule: this.key(queue) }, { now, count: rule.size, lease, holdMs: rule.holdMs, lookaheadMs: rule.lookaheadMs });
  }

  /** Gives claimed ids back, due at `dueAt`, unless someone moved them meanwhile. */
  release(queue: PollQueue, lease: number, dueAt: number, ids: string[]): Promise<void> {
    return this.scripts.pollRelease({ schedule: this.key(queue) }, { lease, dueAt, ids });
  }

  /** Off the schedule (the order is gone or finished). */
  async remove(queue: PollQueue, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.redis.zrem(this.key(queue), ...ids);
  }

  /** Due at `at` (now: to the front of the queue). */
  async schedule(queue: PollQueue, id: string, at = Date.now()): Promise<void> {
    await this.redis.zadd(this.key(queue), at, id);
  }

  /** Due at `at` unless already on the schedule (a lease or a later look stays as it is); how many were added. */
  async ensure(queue: PollQueue, ids: string[], at = Date.now()): Promise<number> {
    if (ids.length === 0) return 0;
    return this.redis.zadd(this.key(queue), "NX", ...ids.flatMap((id) => [at, id]));
  }

  /** The earliest due time over both queues, a lease's end for a claimed id (Infinity when both are empty). */
  async nextDueAt(): Promise<number> {
    const [order, refill] = await Promise.all([this.redis.zrange(this.k.pollDue, 0, 0, "WITHSCORES"), this.redis.zrange(this.k.refillDue, 0, 0, "WITHSCORES")]);
    return Math.min(dueAtOf(order[1]), dueAtOf(refill[1]));
  }

  /** A batch's writes, one script call: each a compare-and-set of the order and its rescheduling. */
  async write(queue: PollQueue, writes: PollWrite[]): Promise<void> {
    if (writes.length === 0) return;
    // Field names → the record's codes (order-codec.ts); the poller's values are stored as they are.
    // One flat list of strings pushed into (not mapped and flattened): it is built for every order
    // looked at, and sent as one JSON argument. A value is made well-formed UTF-16 first (a panel's
    // "\ud800" parses to a lone surrogate, which Redis's JSON decoder refuses; written as an
    // argument it became U+FFFD, as it does now).
    const args: string[] = [];
    for (const w of writes) {
      args.push(w.id, w.mode, String(w.dueAt), String(w.lease), String(w.counters.length));
      for (const [counter, n] of w.counters) args.push(counter, String(n));
      args.push(String(w.check.length));
      for (const [f, v] of w.check) args.push(fieldCode(f), v);
      args.push(String(w.set.length / 2));
      for (let i = 0; i < w.set.length; i += 2) args.push(fieldCode(w.set[i]!), w.set[i + 1]!.toWellFormed());
      args.push(String(w.del.length));
      for (const f of w.del) args.push(fieldCode(f));
    }
    await this.scripts.pollWrite({ schedule: this.key(queue), attention: this.k.attention, orders: writes.map((w) => this.k.order(w.id)) }, { statsPrefix: this.k.stats.prefix, writes: args });
  }

  /**
   * Marks the panel failing from `now` unless it already was; returns since when it has been. The
   * mark expires after `ttlMs` when nobody fails any more.
   */
  async panelFailing(now: number, ttlMs: number): Promise<number> {
    const key = this.k.panelFailingSince;
    const [, , since] = (await this.redis.multi().set(key, String(now), "PX", ttlMs, "NX").pexpire(key, ttlMs).get(key).exec()) ?? [];
    return Number(since?.[1] ?? now);
  }

  async panelAnswers(): Promise<void> {
    await this.redis.del(this.k.panelFailingSince);
  }

  /** Queue sizes for the gauges. */
  async sizes(now = Date.now()): Promise<{ due: number; tracked: number; refills: number; attention: number }> {
    const [due, tracked, refills, attention] = await Promise.all([
      this.redis.zcount(this.k.pollDue, "-inf", now).then(async (n) => n + (await this.redis.zcount(this.k.pollDue, LEASED, LEASED + now))),
      this.redis.zcard(this.k.pollDue),
      this.redis.zcard(this.k.refillDue),
      this.redis.scard(this.k.attention),
    ]);
    return { due, tracked, refills, attention };
  }
}
