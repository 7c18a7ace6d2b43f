/**
 * /broadcast: a copy of one admin message to every user who has not blocked the bot, through the
 * outbox. The job lives in Redis with its SSCAN cursor, so a restart resumes where it stopped;
 * every copy has the idempotency key `bc:<id>:<userId>`, so a resumed batch never sends twice.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "../logger.js";
import type { TagCounts } from "../outbound/outbox.js";
import type { Outbox } from "../outbound/types.js";
import type { BroadcastJob, BroadcastStore } from "../store/broadcasts.js";
import type { UserStore } from "../store/users.js";
import type { Translator } from "../text/i18n.js";

/** Outcome counters the outbox keeps per tag (`readTagCounts`). */
export type TagCountsReader = (tag: string) => Promise<TagCounts>;

/** The part of the Bot API the progress message needs. */
export interface ProgressEditor {
  editMessageText(chatId: number, messageId: number, text: string, other?: { parse_mode?: "HTML" }): Promise<unknown>;
}

export const broadcastTag = (id: string): string => `bc:${id}`;

export interface BroadcastRunnerDeps {
  store: BroadcastStore;
  users: Pick<UserStore, "idsPage" | "reachability">;
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
  private readonly token = randomUUID();
  private readonly opts: Required<BroadcastRunnerOptions>;
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly deps: BroadcastRunnerDeps,
    opts: BroadcastRunnerOptions = {},
  ) {
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
    const { store } = this.deps;
    for (const id of await store.activeIds()) {
      if (this.stopping) return;
      if (!(await store.acquire(id, this.token, this.opts.leaseMs))) continue;
      try {
        await this.advance(id);
      } catch (e) {
        this.deps.logger.error({ err: e, broadcast: id }, "broadcast step failed; it resumes on the next pass");
      } finally {
        await store.release(id, this.token);
      }
    }
  }

  private async advance(id: string): Promise<void> {
    const { store } = this.deps;
    const job = await store.get(id);
    if (!job || job.phase === "done") {
      await store.deactivate(id);
      return;
    }
    while (job.phase === "queueing" && !this.stopping) {
      const { next, ids } = await this.deps.users.idsPage(job.cursor, this.opts.batchSize);
      await this.queueBatch(job, ids);
      job.cursor = next;
      if (next === "0") job.phase = "delivering";
      await store.saveCursor(id, job.cursor, job.phase);
      if (!(await store.renew(id, this.token, this.opts.leaseMs))) return;
      await this.progress(job);
    }
    if (job.phase !== "delivering") return;
    const [counts, queued] = await Promise.all([this.deps.tagCounts(broadcastTag(id)), store.queuedCount(id)]);
    if (counts.delivered + counts.blocked + counts.failed + counts.maybe >= queued) await this.finish(job, counts);
    else await this.progress(job, counts);
  }

  private async queueBatch(job: BroadcastJob, userIds: number[]): Promise<void> {
    if (userIds.length === 0) return;
    const { store, outbox } = this.deps;
    const rows = await this.deps.users.reachability(userIds);
    for (const [i, userId] of userIds.entries()) {
      const { blocked, chatId } = rows[i]!;
      if (blocked) {
        await store.markSkipped(job.id, userId);
        continue;
      }
      await outbox.enqueue({
        chatId,
        text: "",
        copyFrom: { chatId: job.fromChatId, messageId: job.messageId },
        tag: broadcastTag(job.id),
        key: `bc:${job.id}:${userId}`,
        // A copy twice is worse than a copy maybe: see the README's delivery rules.
        atMostOnce: true,
      });
      // After the enqueue: a crash in between redoes the batch, and the outbox drops the repeat.
      await store.markQueued(job.id, userId);
    }
  }

  private async progress(job: BroadcastJob, known?: TagCounts): Promise<void> {
    const now = Date.now();
    if (job.progressMessageId === undefined || now - job.progressAt < this.opts.progressEveryMs) return;
    const [counts, queued] = await Promise.all([known ?? this.deps.tagCounts(broadcastTag(job.id)), this.deps.store.queuedCount(job.id)]);
    const text = this.deps.i18n.t(job.locale, "admin-broadcast-progress", { id: job.id, queued, users: job.users, ...counts });
    job.progressAt = now;
    await this.deps.store.setProgressAt(job.id, now);
    await this.edit(job, text);
  }

  private async finish(job: BroadcastJob, counts: TagCounts): Promise<void> {
    const { store, i18n } = this.deps;
    const skipped = await store.skippedCount(job.id);
    const text = i18n.t(job.locale, "admin-broadcast-done", { id: job.id, ...counts, skipped });
    // Told first, marked done after: a crash in between repeats an edit and a deduplicated message.
    await this.edit(job, text);
    await this.deps.outbox.enqueue({ chatId: job.adminChatId, text, parseMode: "HTML", key: `bc:${job.id}:done` });
    await store.markDone(job.id, { ...counts, skipped });
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
  /** copies whose send was interrupted: maybe delivered, never sent again */
  maybe: number;
  skipped: number;
  finishedAt?: number;
}

type BroadcastReadDeps = { broadcasts: BroadcastStore; tagCounts: TagCountsReader };

/**
 * Broadcasts newest first by id (ids count up from 1). Finished ones expire after their keep time,
 * so a page may hold fewer than `count`; `total` is the newest id.
 */
export async function listBroadcasts(deps: BroadcastReadDeps, offset: number, count: number): Promise<{ broadcasts: BroadcastSummary[]; total: number }> {
  const total = await deps.broadcasts.latestId();
  const ids: string[] = [];
  for (let id = total - offset; id > 0 && ids.length < count; id--) ids.push(String(id));
  const found = await Promise.all(ids.map((id) => broadcastSummary(deps, id)));
  return { broadcasts: found.filter((b): b is BroadcastSummary => b !== null), total };
}

export async function broadcastSummary(deps: BroadcastReadDeps, id: string): Promise<BroadcastSummary | null> {
  if (!/^\d{1,15}$/.test(id)) return null;
  const found = await deps.broadcasts.getWithSummary(id);
  if (!found) return null;
  const { job, summary } = found;
  if (job.phase === "done") {
    return { ...job, queued: summary.delivered + summary.blocked + summary.failed + summary.maybe, ...summary, finishedAt: summary.finishedAt || undefined };
  }
  const [counts, queued, skipped] = await Promise.all([deps.tagCounts(broadcastTag(id)), deps.broadcasts.queuedCount(id), deps.broadcasts.skippedCount(id)]);
  return { ...job, queued, ...counts, skipped };
}
