import { randomUUID } from "node:crypto";
import type { Logger } from "../logger.js";
import type { TagCounts } from "../outbound/outbox.js";
import type { Outbox } from "../outbound/types.js";
import { keys as storeKeys, type Redis } from "../store/redis.js";
import type { Translator } from "../text/i18n.js";

/**
 * /broadcast: a copy of one admin message to every user who has not blocked the bot, through the
 * outbox. The job lives in Redis with its SSCAN cursor, so a restart resumes where it stopped;
 * every copy has the idempotency key `bc:<id>:<userId>`, so a resumed batch never sends twice.
 */

/** Outcome counters the outbox keeps per tag (`readTagCounts`). */
export type TagCountsReader = (tag: string) => Promise<TagCounts>;

/** The part of the Bot API the progress message needs. */
export interface ProgressEditor {
  editMessageText(chatId: number, messageId: number, text: string, other?: { parse_mode?: "HTML" }): Promise<unknown>;
}

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

export const broadcastTag = (id: string): string => `bc:${id}`;

function broadcastKeys(prefix: string) {
  return {
    seq: `${prefix}bc:seq`,
    job: (id: string) => `${prefix}bc:${id}`,
    /** ids of broadcasts not finished yet */
    active: `${prefix}bc:active`,
    /** user ids given to the outbox: the number of outcomes to wait for */
    queued: (id: string) => `${prefix}bc:${id}:queued`,
    /** user ids left out because they had blocked the bot */
    skipped: (id: string) => `${prefix}bc:${id}:skipped`,
    /** which process works on the job now */
    lease: (id: string) => `${prefix}bc:${id}:lease`,
  };
}

/** A finished job's summary is kept this long. */
const DONE_TTL_S = 30 * 24 * 60 * 60;

export async function createBroadcast(
  redis: Redis,
  prefix: string,
  job: Pick<BroadcastJob, "adminId" | "adminChatId" | "locale" | "fromChatId" | "messageId" | "users">,
  now = Date.now(),
): Promise<string> {
  const k = broadcastKeys(prefix);
  const id = String(await redis.incr(k.seq));
  const record: BroadcastJob = { ...job, id, cursor: "0", phase: "queueing", createdAt: now, progressAt: 0 };
  await redis.multi().hset(k.job(id), encodeJob(record)).sadd(k.active, id).exec();
  return id;
}

export async function setProgressMessage(redis: Redis, prefix: string, id: string, messageId: number): Promise<void> {
  await redis.hset(broadcastKeys(prefix).job(id), "progressMessageId", String(messageId));
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

// Renews the lease only while this process still holds it.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface BroadcastRunnerDeps {
  redis: Redis;
  prefix: string;
  outbox: Outbox;
  tagCounts: TagCountsReader;
  api: ProgressEditor;
  i18n: Translator;
  logger: Logger;
}

export interface BroadcastRunnerOptions {
  /** users read per SSCAN step */
  batchSize?: number;
  /** how often unfinished broadcasts are looked at */
  checkEveryMs?: number;
  /** the progress message is edited at most this often */
  progressEveryMs?: number;
  /** a process that dies holding a job gives it up after this long */
  leaseMs?: number;
}

/**
 * Works on unfinished broadcasts: queues copies batch by batch, keeps the admin's progress message
 * up to date, and reports the outcome once the outbox has an outcome for every copy. Any number of
 * processes may run one; a lease keeps each job with one process at a time.
 */
export class BroadcastRunner {
  private readonly k: ReturnType<typeof broadcastKeys>;
  private readonly users: string;
  private readonly userKey: (id: number) => string;
  private readonly token = randomUUID();
  private readonly opts: Required<BroadcastRunnerOptions>;
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly deps: BroadcastRunnerDeps,
    opts: BroadcastRunnerOptions = {},
  ) {
    this.k = broadcastKeys(deps.prefix);
    const store = storeKeys(deps.prefix);
    this.users = store.users;
    this.userKey = store.user;
    this.opts = { batchSize: 200, checkEveryMs: 2_000, progressEveryMs: 3_000, leaseMs: 60_000, ...opts };
  }

  start(): void {
    this.stopping = false;
    this.timer = setInterval(() => void this.runOnce(), this.opts.checkEveryMs);
    void this.runOnce();
  }

  /** Finishes the current batch (its cursor is saved), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass over the unfinished broadcasts; a pass already running is joined, not doubled. */
  runOnce(): Promise<void> {
    this.pass ??= this.runAll()
      .catch((e: unknown) => this.deps.logger.error({ err: e }, "broadcast pass failed"))
      .finally(() => {
        this.pass = undefined;
      });
    return this.pass;
  }

  private async runAll(): Promise<void> {
    const ids = (await this.deps.redis.smembers(this.k.active)).sort((a, b) => Number(a) - Number(b));
    for (const id of ids) {
      if (this.stopping) return;
      const lease = this.k.lease(id);
      if ((await this.deps.redis.set(lease, this.token, "PX", this.opts.leaseMs, "NX")) !== "OK") continue;
      try {
        await this.advance(id);
      } catch (e) {
        this.deps.logger.error({ err: e, broadcast: id }, "broadcast step failed; it resumes on the next pass");
      } finally {
        await this.deps.redis.eval(RELEASE, 1, lease, this.token);
      }
    }
  }

  private async advance(id: string): Promise<void> {
    const { redis } = this.deps;
    const job = decodeJob(await redis.hgetall(this.k.job(id)));
    if (!job || job.phase === "done") {
      await redis.srem(this.k.active, id);
      return;
    }
    while (job.phase === "queueing" && !this.stopping) {
      const [next, batch] = await redis.sscan(this.users, job.cursor, "COUNT", this.opts.batchSize);
      await this.queueBatch(job, batch.map(Number));
      job.cursor = next;
      if (next === "0") job.phase = "delivering";
      await redis.hset(this.k.job(id), { cursor: job.cursor, phase: job.phase });
      if ((await redis.eval(RENEW, 1, this.k.lease(id), this.token, this.opts.leaseMs)) === 0) return;
      await this.progress(job);
    }
    if (job.phase !== "delivering") return;
    const [counts, queued] = await Promise.all([this.deps.tagCounts(broadcastTag(id)), redis.scard(this.k.queued(id))]);
    if (counts.delivered + counts.blocked + counts.failed >= queued) await this.finish(job, counts);
    else await this.progress(job, counts);
  }

  private async queueBatch(job: BroadcastJob, userIds: number[]): Promise<void> {
    if (userIds.length === 0) return;
    const { redis, outbox } = this.deps;
    const pipe = redis.pipeline();
    for (const userId of userIds) pipe.hmget(this.userKey(userId), "blocked", "chatId");
    const rows = (await pipe.exec()) ?? [];
    for (const [i, userId] of userIds.entries()) {
      const [blocked, chatId] = (rows[i]?.[1] ?? []) as Array<string | null>;
      if (blocked === "1") {
        await redis.sadd(this.k.skipped(job.id), String(userId));
        continue;
      }
      await outbox.enqueue({
        chatId: chatId ? Number(chatId) : userId,
        text: "",
        copyFrom: { chatId: job.fromChatId, messageId: job.messageId },
        tag: broadcastTag(job.id),
        key: `bc:${job.id}:${userId}`,
      });
      // After the enqueue: a crash in between redoes the batch, and the outbox drops the repeat.
      await redis.sadd(this.k.queued(job.id), String(userId));
    }
  }

  private async progress(job: BroadcastJob, known?: TagCounts): Promise<void> {
    const now = Date.now();
    if (job.progressMessageId === undefined || now - job.progressAt < this.opts.progressEveryMs) return;
    const [counts, queued] = await Promise.all([known ?? this.deps.tagCounts(broadcastTag(job.id)), this.deps.redis.scard(this.k.queued(job.id))]);
    const text = this.deps.i18n.t(job.locale, "admin-broadcast-progress", { id: job.id, queued, users: job.users, ...counts });
    job.progressAt = now;
    await this.deps.redis.hset(this.k.job(job.id), "progressAt", String(now));
    await this.edit(job, text);
  }

  private async finish(job: BroadcastJob, counts: TagCounts): Promise<void> {
    const { redis, i18n } = this.deps;
    const skipped = await redis.scard(this.k.skipped(job.id));
    const text = i18n.t(job.locale, "admin-broadcast-done", { id: job.id, ...counts, skipped });
    // Told first, marked done after: a crash in between repeats an edit and a deduplicated message.
    await this.edit(job, text);
    await this.deps.outbox.enqueue({ chatId: job.adminChatId, text, parseMode: "HTML", key: `bc:${job.id}:done` });
    await redis
      .multi()
      .hset(this.k.job(job.id), { phase: "done", finishedAt: String(Date.now()), ...counts, skipped })
      .expire(this.k.job(job.id), DONE_TTL_S)
      .del(this.k.queued(job.id), this.k.skipped(job.id))
      .srem(this.k.active, job.id)
      .exec();
    this.deps.logger.info({ broadcast: job.id, ...counts, skipped }, "broadcast finished");
  }

  private async edit(job: BroadcastJob, text: string): Promise<void> {
    if (job.progressMessageId === undefined) return;
    try {
      await this.deps.api.editMessageText(job.adminChatId, job.progressMessageId, text, { parse_mode: "HTML" });
    } catch (e) {
      // "message is not modified", or the admin deleted it: progress is a courtesy, the job goes on.
      this.deps.logger.debug({ err: e, broadcast: job.id }, "broadcast progress edit failed");
    }
  }
}


/** A broadcast as the back office lists it: the job and its outcome counts so far. */
export interface BroadcastSummary extends BroadcastJob {
  /** user ids given to the outbox so far (while running), or the final total (done) */
  queued: number;
  delivered: number;
  blocked: number;
  failed: number;
  skipped: number;
  finishedAt?: number;
}

/**
 * Broadcasts newest first by id (ids count up from 1). Finished ones expire after DONE_TTL_S, so a
 * page may hold fewer than `count`; `total` is the newest id.
 */
export async function listBroadcasts(
  redis: Redis,
  prefix: string,
  tagCounts: TagCountsReader,
  offset: number,
  count: number,
): Promise<{ broadcasts: BroadcastSummary[]; total: number }> {
  const k = broadcastKeys(prefix);
  const total = Number((await redis.get(k.seq)) ?? 0);
  const ids: string[] = [];
  for (let id = total - offset; id > 0 && ids.length < count; id--) ids.push(String(id));
  const found = await Promise.all(ids.map((id) => broadcastSummary(redis, prefix, tagCounts, id)));
  return { broadcasts: found.filter((b): b is BroadcastSummary => b !== null), total };
}

export async function broadcastSummary(redis: Redis, prefix: string, tagCounts: TagCountsReader, id: string): Promise<BroadcastSummary | null> {
  if (!/^\d{1,15}$/.test(id)) return null;
  const k = broadcastKeys(prefix);
  const h = await redis.hgetall(k.job(id));
  const job = decodeJob(h);
  if (!job) return null;
  if (job.phase === "done") {
    const n = (f: string) => Number(h[f] ?? 0);
    return { ...job, queued: n("delivered") + n("blocked") + n("failed"), delivered: n("delivered"), blocked: n("blocked"), failed: n("failed"), skipped: n("skipped"), finishedAt: n("finishedAt") || undefined };
  }
  const [counts, queued, skipped] = await Promise.all([tagCounts(broadcastTag(id)), redis.scard(k.queued(id)), redis.scard(k.skipped(id))]);
  return { ...job, queued, ...counts, skipped };
}

/** How many broadcasts are not finished yet. */
export async function activeBroadcastCount(redis: Redis, prefix: string): Promise<number> {
  return redis.scard(broadcastKeys(prefix).active);
}
