import type { Update } from "grammy/types";
import type { Redis } from "./redis.js";

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
 * The scripts stay here as `defineCommand`s until the store's script loader (src/store/scripts/)
 * lands; defineCommand sends EVALSHA and falls back to EVAL on NOSCRIPT by itself.
 */
export const DONE_TTL_SECONDS = 48 * 60 * 60;
const DONE_BUCKET_BITS = 65_536;

// Stores the updates of a batch not handled to the end (no done bit); an update already pending
// stays as it is. Returns the ids of all not-done updates: pending now, whether stored by this call
// or by an earlier one (a retried batch whose first store succeeded but whose answer was lost).
// KEYS: pending, bodies, then one done bucket per update. ARGV: id, bit, json per update.
const STORE = `
local fresh = {}
for i = 1, #KEYS - 2 do
  local id, bit, body = ARGV[3 * i - 2], ARGV[3 * i - 1], ARGV[3 * i]
  if redis.call('GETBIT', KEYS[2 + i], bit) == 0 then
    if redis.call('HSETNX', KEYS[2], id, body) == 1 then redis.call('ZADD', KEYS[1], id, id) end
    fresh[#fresh + 1] = id
  end
end
return fresh
`;

// Marks an update handled to the end and drops it from the pending ones, in one step.
// KEYS: pending, bodies, done bucket. ARGV: id, bit, ttl seconds.
const FINISH = `
redis.call('SETBIT', KEYS[3], ARGV[2], 1)
redis.call('EXPIRE', KEYS[3], ARGV[3])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
`;

// Extends the lease only while this owner holds it; 0 means the role was lost.
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

type Scripts = {
  intakeStore(...args: (string | number)[]): Promise<string[]>;
  intakeFinish(...args: (string | number)[]): Promise<number>;
  intakeRenew(key: string, owner: string, ttlMs: number): Promise<number>;
  intakeRelease(key: string, owner: string): Promise<number>;
};

export function updateKeys(prefix: string) {
  return {
    lease: `${prefix}intake:lease`,
    pending: `${prefix}intake:pending`,
    bodies: `${prefix}intake:updates`,
    done: (updateId: number) => `${prefix}intake:done:${Math.floor(updateId / DONE_BUCKET_BITS)}`,
  };
}

const doneBit = (updateId: number) => updateId % DONE_BUCKET_BITS;

export class UpdateStore {
  readonly k: ReturnType<typeof updateKeys>;
  private readonly r: Redis & Scripts;

  constructor(redis: Redis, prefix: string) {
    this.k = updateKeys(prefix);
    redis.defineCommand("intakeStore", { lua: STORE });
    redis.defineCommand("intakeFinish", { numberOfKeys: 3, lua: FINISH });
    redis.defineCommand("intakeRenew", { numberOfKeys: 1, lua: RENEW });
    redis.defineCommand("intakeRelease", { numberOfKeys: 1, lua: RELEASE });
    this.r = redis as Redis & Scripts;
  }

  /** Takes the poller role if nobody holds it. */
  async acquireLease(owner: string, ttlMs: number): Promise<boolean> {
    return (await this.r.set(this.k.lease, owner, "PX", ttlMs, "NX")) === "OK";
  }

  /** Extends the role; false when another process holds it now (or nobody). */
  async renewLease(owner: string, ttlMs: number): Promise<boolean> {
    return (await this.r.intakeRenew(this.k.lease, owner, ttlMs)) === 1;
  }

  async releaseLease(owner: string): Promise<void> {
    await this.r.intakeRelease(this.k.lease, owner);
  }

  /** Stores a fetched batch; returns the ids of its updates that are not done (all pending now). */
  async store(updates: Update[]): Promise<Set<number>> {
    if (updates.length === 0) return new Set();
    const keys = [this.k.pending, this.k.bodies, ...updates.map((u) => this.k.done(u.update_id))];
    const args = updates.flatMap((u) => [u.update_id, doneBit(u.update_id), JSON.stringify(u)]);
    // Variable key count: the count goes first, as with EVAL.
    const ids = await this.r.intakeStore(keys.length, ...keys, ...args);
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
    return (await this.r.getbit(this.k.done(updateId), doneBit(updateId))) === 1;
  }

  /** The update was handled to the end: never again, and no longer pending. */
  async finish(updateId: number): Promise<void> {
    await this.r.intakeFinish(this.k.pending, this.k.bodies, this.k.done(updateId), updateId, doneBit(updateId), DONE_TTL_SECONDS);
  }
}
