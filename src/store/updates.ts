import type { Update } from "grammy/types";
import { keys, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";
import { Scripts } from "./scripts.js";

/**
 * Durable intake of Telegram updates in long-polling mode (src/bot/intake.ts drives it).
 *
 * - `intake:lease` (string, owner id, PX): the poller role. Only its holder calls getUpdates, so
 *   several bot processes on one Redis never poll at once (Telegram answers 409 to a second poller).
 * - `intake:pending` (zset, score = update_id) and `intake:updates` (hash update_id → JSON): updates
 *   taken from Telegram and not handled to the end yet. An update is written here before the next
 *   getUpdates confirms it, so a process killed at any moment leaves it either unconfirmed at
 *   Telegram (fetched again) or here (handled by the next lease holder, in update_id order).
 * - `intake:done:<bucket>` (bitmap): an update id handled to the end, one bit per id in buckets of
 *   65,536 ids (8 KB a bucket instead of a key per update). A bucket expires DONE_TTL_SECONDS after
 *   its last write, longer than the 24 h Telegram keeps an unconfirmed update, so a redelivered
 *   update is always recognised.
 *
 * Keys in keys.ts (`intake`); scripts intakeStore, intakeFinish and the shared lease ones.
 */
export const DONE_TTL_SECONDS = 48 * 60 * 60;
const DONE_BUCKET_BITS = 65_536;

/** The key of an update's done bucket and its bit in it. */
const doneBucket = (updateId: number) => Math.floor(updateId / DONE_BUCKET_BITS);
const doneBit = (updateId: number) => updateId % DONE_BUCKET_BITS;

export class UpdateStore {
  readonly k: Keys["intake"];
  private readonly scripts: Scripts;

  constructor(
    private readonly r: Redis,
    prefix: string,
  ) {
    this.k = keys(prefix).intake;
    this.scripts = Scripts.of(r);
  }

  /** Takes the poller role if nobody holds it. */
  async acquireLease(owner: string, ttlMs: number): Promise<boolean> {
    return (await this.r.set(this.k.lease, owner, "PX", ttlMs, "NX")) === "OK";
  }

  /** Extends the role; false when another process holds it now (or nobody). */
  async renewLease(owner: string, ttlMs: number): Promise<boolean> {
    return this.scripts.leaseRenew({ lease: this.k.lease }, { token: owner, ms: ttlMs });
  }

  async releaseLease(owner: string): Promise<void> {
    await this.scripts.leaseRelease({ lease: this.k.lease }, { token: owner });
  }

  /** Stores a fetched batch; returns the ids of its updates that are not done (all pending now). */
  async store(updates: Update[]): Promise<Set<number>> {
    if (updates.length === 0) return new Set();
    const ids = await this.scripts.intakeStore(
      { pending: this.k.pending, bodies: this.k.bodies, done: updates.map((u) => this.k.done(doneBucket(u.update_id))) },
      { updates: updates.map((u) => [u.update_id, doneBit(u.update_id), JSON.stringify(u)]) },
    );
    return new Set(ids.map(Number));
  }

  /**
   * The pending updates, oldest first: what a process that died left unhandled. One already done
   * (finished by another process in the meantime) is dropped instead of returned.
   */
  async pending(): Promise<Update[]> {
    const ids = (await this.r.zrange(this.k.pending, 0, -1)).map(Number);
    if (ids.length === 0) return [];
    const [bodies, done] = await Promise.all([this.r.hmget(this.k.bodies, ...ids.map(String)), Promise.all(ids.map((id) => this.isDone(id)))]);
    const updates: Update[] = [];
    for (const [i, id] of ids.entries()) {
      const body = bodies[i];
      if (body && !done[i]) updates.push(JSON.parse(body) as Update);
      // Done, or a member without its body (which cannot be handled): not pending any more.
      else await this.finish(id);
    }
    return updates;
  }

  async isDone(updateId: number): Promise<boolean> {
    return (await this.r.getbit(this.k.done(doneBucket(updateId)), doneBit(updateId))) === 1;
  }

  /** The update was handled to the end: never again, and no longer pending. */
  async finish(updateId: number): Promise<void> {
    await this.scripts.intakeFinish(
      { pending: this.k.pending, bodies: this.k.bodies, done: this.k.done(doneBucket(updateId)) },
      { id: updateId, bit: doneBit(updateId), ttlSeconds: DONE_TTL_SECONDS },
    );
  }
}
