import { randomUUID } from "node:crypto";
import { GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { UpdateStore } from "../store/updates.js";
import type { BotContext } from "./context.js";

/**
 * Long polling that loses no update (replaces @grammyjs/runner's `run`, which confirms a batch to
 * Telegram, by the next getUpdates' offset, before its updates are handled).
 *
 * Invariant: the offset moves past an update only once it is stored in Redis (src/store/updates.ts);
 * it leaves the store, marked done, only when handled to the end. A process killed at any moment
 * therefore leaves every update either unconfirmed at Telegram or stored, and the next poller
 * (this process after a restart, or another one sharing the Redis) handles the stored ones first.
 *
 * A small loop of its own rather than the runner's source and sink: the runner's source moves the
 * offset by itself as soon as it yields a batch, and what must happen between fetching and
 * confirming (storing, skipping done updates, putting recovered ones first) is the whole point.
 *
 * - Poller role: a lease in Redis. Only its holder polls; other processes wait and take the role
 *   when the lease runs out (the holder died) or is released (the holder stopped).
 * - Order: updates are started in update_id order, recovered ones before fetched ones; the bot's
 *   `sequentialize` then keeps them in that order per chat, exactly as with the runner.
 * - Concurrency: up to `concurrency` updates in flight across chats; no fetch while that is full.
 * - Done: the store skips an update already done when it stores a batch or hands out the ones
 *   left by a crash; a stored update handled to the end (or failed: the error boundary told the user, and an
 *   update that fails every time must not come back for ever) is marked done and never handled
 *   again, also when Telegram delivers it a second time.
 */
export interface IntakeOptions {
  allowedUpdates: readonly string[];
  /** updates handled at once across chats */
  concurrency?: number;
  /** long-poll timeout of getUpdates */
  pollTimeoutSeconds?: number;
  /** the poller lease; renewed every third of it */
  leaseMs?: number;
  /** pause after a failed getUpdates (network, 409 Conflict, Redis) */
  retryMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

export class UpdateIntake {
  /** who holds the lease: unique per process and start */
  readonly owner = randomUUID();
  private readonly opts: Required<IntakeOptions>;
  private readonly queue: Update[] = [];
  private readonly running = new Map<number, Promise<void>>();
  /** ids queued or running here, so a recovered or refetched update is not started twice */
  private readonly known = new Set<number>();
  private stopping = false;
  private leading = false;
  private loop?: Promise<void>;
  /** aborts the current long poll or pause */
  private abort = new AbortController();
  private renewTimer?: NodeJS.Timeout;
  private roomWaiter?: () => void;

  constructor(
    private readonly bot: Bot<BotContext>,
    private readonly store: UpdateStore,
    private readonly logger: Logger,
    opts: IntakeOptions,
  ) {
    this.opts = { concurrency: 100, pollTimeoutSeconds: 30, leaseMs: 15_000, retryMs: 3_000, ...opts };
  }

  /** Whether this process holds the poller role now. */
  isPolling(): boolean {
    return this.leading;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Stops fetching, lets the handlers in flight finish, and leaves the updates stored but not
   * started for the next poller. The lease is released last, so the next poller never takes up
   * an update still running here.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.roomWaiter?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let acquired = false;
      try {
        acquired = await this.store.acquireLease(this.owner, this.opts.leaseMs);
      } catch (err) {
        this.logger.warn({ err }, "poller lease check failed");
      }
      if (!acquired) {
        await sleep(this.opts.leaseMs / 3, this.abort.signal);
        continue;
      }
      this.leading = true;
      this.keepLease();
      this.logger.info({ owner: this.owner }, "took the poller role");
      try {
        await this.lead();
      } catch (err) {
        // Redis failed while taking up the role (reading what was left stored): try again shortly.
        this.logger.error({ err }, "poller failed; retrying");
        await sleep(this.opts.retryMs, this.abort.signal);
      } finally {
        // Updates queued here but not started belong to the next poller now.
        for (const u of this.queue.splice(0)) this.known.delete(u.update_id);
        await Promise.all(this.running.values());
        clearInterval(this.renewTimer);
        if (this.leading) await this.store.releaseLease(this.owner).catch((err: unknown) => this.logger.warn({ err }, "poller lease release failed"));
        this.leading = false;
        // The lost role aborted the controller; the wait for the next turn needs a fresh one.
        if (!this.stopping) this.abort = new AbortController();
      }
    }
  }

  private keepLease(): void {
    this.renewTimer = setInterval(() => {
      this.store.renewLease(this.owner, this.opts.leaseMs).then(
        (held) => {
          if (held || !this.leading) return;
          // Another process polls now (this one stalled past the lease): stop fetching and starting.
          this.logger.warn({ owner: this.owner }, "lost the poller role");
          this.leading = false;
          this.abort.abort();
          this.roomWaiter?.();
        },
        (err: unknown) => this.logger.warn({ err }, "poller lease renewal failed"),
      );
    }, this.opts.leaseMs / 3);
  }

  /** Holds the poller role: recovered updates first, then fetch, store, confirm, handle. */
  private async lead(): Promise<void> {
    this.abort = new AbortController();
    const recovered = await this.store.pending();
    if (recovered.length > 0) this.logger.info({ count: recovered.length, first: recovered[0]!.update_id }, "handling updates stored before a restart");
    for (const u of recovered) this.enqueue(u);

    // No offset kept across processes: Telegram keeps the confirmed one, and after a week without
    // updates it numbers them afresh at random, which a stored offset would skip.
    let offset: number | undefined;
    let conflictSince: number | undefined;
    while (!this.stopping && this.leading) {
      const room = await this.room();
      if (room === 0) break;
      let updates: Update[];
      try {
        updates = await this.bot.api.getUpdates(
          { offset, limit: Math.min(100, room), timeout: this.opts.pollTimeoutSeconds, allowed_updates: [...this.opts.allowedUpdates] as never },
          this.abort.signal as unknown as Parameters<Bot["api"]["getUpdates"]>[1],
        );
      } catch (err) {
        if (this.stopping || !this.leading) break;
        if (err instanceof GrammyError && err.error_code === 409) {
          // Someone polls outside our lease (an old deployment, another Redis) or a webhook is set.
          if (conflictSince === undefined) this.logger.error({ err }, "getUpdates conflict: another process polls this bot (or a webhook is set); retrying");
          conflictSince ??= Date.now();
        } else if (err instanceof GrammyError && err.error_code === 401) {
          this.logger.fatal({ err }, "getUpdates refused: the bot token is invalid");
        } else {
          this.logger.warn({ err }, "getUpdates failed; retrying");
        }
        await sleep(this.opts.retryMs, this.abort.signal);
        continue;
      }
      if (conflictSince !== undefined) this.logger.info({ afterMs: Date.now() - conflictSince }, "getUpdates conflict over");
      conflictSince = undefined;
      if (updates.length === 0) continue;
      let notDone: Set<number>;
      try {
        notDone = await this.store.store(updates);
      } catch (err) {
        // Not stored, so not confirmed: the same offset fetches the batch again.
        this.logger.error({ err }, "storing updates failed; fetching them again");
        await sleep(this.opts.retryMs, this.abort.signal);
        continue;
      }
      offset = updates.at(-1)!.update_id + 1;
      for (const u of updates) {
        if (notDone.has(u.update_id)) this.enqueue(u);
        else this.logger.info({ updateId: u.update_id }, "update delivered again after it was handled; skipped");
      }
    }
  }

  /** How many more updates may be fetched; waits while none. 0: stop fetching. */
  private async room(): Promise<number> {
    for (;;) {
      if (this.stopping || !this.leading) return 0;
      const free = this.opts.concurrency - this.running.size - this.queue.length;
      if (free > 0) return free;
      await new Promise<void>((resolve) => (this.roomWaiter = resolve));
      this.roomWaiter = undefined;
    }
  }

  private enqueue(update: Update): void {
    if (this.known.has(update.update_id)) return;
    this.known.add(update.update_id);
    this.queue.push(update);
    this.pump();
  }

  /** Starts queued updates in order while there is room; handleUpdate enters sequentialize at once. */
  private pump(): void {
    while (this.running.size < this.opts.concurrency && this.queue.length > 0 && this.leading && !this.stopping) {
      const update = this.queue.shift()!;
      const task = this.handle(update).finally(() => {
        this.running.delete(update.update_id);
        this.known.delete(update.update_id);
        this.pump();
        this.roomWaiter?.();
      });
      this.running.set(update.update_id, task);
    }
  }

  private async handle(update: Update): Promise<void> {
    try {
      await this.bot.handleUpdate(update);
    } catch (err) {
      // The bot's error boundary handles handler errors; this is what escaped it.
      this.logger.error({ err, updateId: update.update_id }, "update failed");
    }
    try {
      await this.store.finish(update.update_id);
    } catch (err) {
      // It stays pending and is handled again by the next poller: handlers that matter are idempotent.
      this.logger.error({ err, updateId: update.update_id }, "marking an update done failed");
    }
  }
}
