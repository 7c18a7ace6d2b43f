import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";
import { Scripts } from "./scripts.js";

export type BroadcastPhase = "queueing" | "delivering" | "done";

export interface BroadcastJob {
  id: string;
  adminId: number;
  adminChatId: number;
  /** the admin's language, for the progress and final messages */
  locale: string;
  /** the message to copy */
  fromChatId: number;
  messageId: number;
  /** the admin's progress message, once it exists */
  progressMessageId?: number;
  /** users known when the broadcast started, for the progress line */
  users: number;
  cursor: string;
  phase: BroadcastPhase;
  createdAt: number;
  progressAt: number;
}

/** A finished job's summary is kept this long. */
const DONE_TTL_S = 30 * 24 * 60 * 60;

/**
 * /broadcast jobs: the job with its SSCAN cursor (so a restart resumes where it stopped), the set of
 * unfinished ones, who was queued or skipped, and a lease so one process works on a job at a time.
 */
export class BroadcastStore {
  private readonly k: Keys["broadcast"];
  private readonly scripts: Scripts;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix).broadcast;
    this.scripts = Scripts.of(redis);
  }

  async create(job: Pick<BroadcastJob, "adminId" | "adminChatId" | "locale" | "fromChatId" | "messageId" | "users">, now = Date.now()): Promise<string> {
    const id = String(await this.redis.incr(this.k.seq));
    const record: BroadcastJob = { ...job, id, cursor: "0", phase: "queueing", createdAt: now, progressAt: 0 };
    await this.redis.multi().hset(this.k.job(id), encodeJob(record)).sadd(this.k.active, id).exec();
    return id;
  }

  /**
   * Marks a source message as broadcast in job `id` for `ttlMs`; the id of the job it was already
   * broadcast in within that time, or null (and then it is marked).
   */
  async markSource(chatId: number, messageId: number, id: string, ttlMs: number): Promise<string | null> {
    const key = this.k.source(chatId, messageId);
    const [set, before] = ((await this.redis.multi().set(key, id, "PX", ttlMs, "NX").get(key).exec()) ?? []).map(([err, v]) => {
      if (err) throw err;
      return v;
    });
    return set === "OK" ? null : (before as string | null);
  }

  /** The job a source message is being broadcast in (claimed by markSource, or sent again on purpose), for `ttlMs`. */
  async rememberSource(chatId: number, messageId: number, id: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.k.source(chatId, messageId), id, "PX", ttlMs);
  }

  async setProgressMessage(id: string, messageId: number): Promise<void> {
    await this.redis.hset(this.k.job(id), "progressMessageId", String(messageId));
  }

  async get(id: string): Promise<BroadcastJob | null> {
    return decodeJob(await this.redis.hgetall(this.k.job(id)));
  }

  /** The job with the outcome counts written when it finished (zero until then). */
  async getWithSummary(id: string): Promise<{ job: BroadcastJob; summary: Record<"delivered" | "blocked" | "failed" | "maybe" | "skipped" | "finishedAt", number> } | null> {
    const h = await this.redis.hgetall(this.k.job(id));
    const job = decodeJob(h);
    if (!job) return null;
    const n = (f: string) => Number(h[f] ?? 0);
    return { job, summary: { delivered: n("delivered"), blocked: n("blocked"), failed: n("failed"), maybe: n("maybe"), skipped: n("skipped"), finishedAt: n("finishedAt") } };
  }

  /** The newest broadcast id handed out (ids count up from 1). */
  async latestId(): Promise<number> {
    return Number((await this.redis.get(this.k.seq)) ?? 0);
  }

  activeCount(): Promise<number> {
    return this.redis.scard(this.k.active);
  }

  /** Unfinished broadcasts, oldest first. */
  async activeIds(): Promise<string[]> {
    return (await this.redis.smembers(this.k.active)).sort((a, b) => Number(a) - Number(b));
  }

  async deactivate(id: string): Promise<void> {
    await this.redis.srem(this.k.active, id);
  }

  /** Takes the job's lease for `ms` unless another process holds it. */
  async acquire(id: string, token: string, ms: number): Promise<boolean> {
    return (await this.redis.set(this.k.lease(id), token, "PX", ms, "NX")) === "OK";
  }

  /** False when the lease was lost (expired and taken by another process). */
  renew(id: string, token: string, ms: number): Promise<boolean> {
    return this.scripts.leaseRenew({ lease: this.k.lease(id) }, { token, ms });
  }

  release(id: string, token: string): Promise<void> {
    return this.scripts.leaseRelease({ lease: this.k.lease(id) }, { token });
  }

  async saveCursor(id: string, cursor: string, phase: BroadcastPhase): Promise<void> {
    await this.redis.hset(this.k.job(id), { cursor, phase });
  }

  async setProgressAt(id: string, at: number): Promise<void> {
    await this.redis.hset(this.k.job(id), "progressAt", String(at));
  }

  async markQueued(id: string, userId: number): Promise<void> {
    await this.redis.sadd(this.k.queued(id), String(userId));
  }

  async markSkipped(id: string, userId: number): Promise<void> {
    await this.redis.sadd(this.k.skipped(id), String(userId));
  }

  queuedCount(id: string): Promise<number> {
    return this.redis.scard(this.k.queued(id));
  }

  skippedCount(id: string): Promise<number> {
    return this.redis.scard(this.k.skipped(id));
  }

  /** The job is finished: its summary stays for a while, its user sets go. */
  async markDone(id: string, summary: Record<string, number>): Promise<void> {
    await this.redis
      .multi()
      .hset(this.k.job(id), { phase: "done", finishedAt: String(Date.now()), ...summary })
      .expire(this.k.job(id), DONE_TTL_S)
      .del(this.k.queued(id), this.k.skipped(id))
      .srem(this.k.active, id)
      .exec();
  }
}

function encodeJob(job: BroadcastJob): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(job)) if (v !== undefined) out[k] = String(v);
  return out;
}

function decodeJob(h: Record<string, string>): BroadcastJob | null {
  if (!h.id || !h.adminChatId || !h.fromChatId || !h.messageId) return null;
  return {
    id: h.id,
    adminId: Number(h.adminId),
    adminChatId: Number(h.adminChatId),
    locale: h.locale ?? "en",
    fromChatId: Number(h.fromChatId),
    messageId: Number(h.messageId),
    progressMessageId: h.progressMessageId ? Number(h.progressMessageId) : undefined,
    users: Number(h.users ?? 0),
    cursor: h.cursor ?? "0",
    phase: (h.phase as BroadcastPhase | undefined) ?? "queueing",
    createdAt: Number(h.createdAt ?? 0),
    progressAt: Number(h.progressAt ?? 0),
  };
}
