import { randomUUID } from "node:crypto";
import { GrammyError, type Api } from "grammy";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { ClaimedChat, OutboxStore } from "../store/outbox.js";
import type { UserStore } from "../store/users.js";
import type { QueuedMessage, RedisOutbox } from "./outbox.js";

export type SenderApi = Pick<Api, "sendMessage" | "copyMessage">;

export interface SenderDeps {
  store: OutboxStore;
  /** a grammY Api WITHOUT auto-retry: a 429 is this sender's to handle, for that chat only */
  api: SenderApi;
  users: Pick<UserStore, "setBlocked">;
  metrics: Pick<Metrics, "notifications">;
  logger: Logger;
  /** wakes the sender as soon as this process queues something */
  outbox?: RedisOutbox;
}

export interface SenderOptions {
  /** messages a second over all chats and all processes (Telegram allows about 30) */
  globalRate: number;
  /** spacing between two messages to one private chat */
  perChatMs: number;
  /** spacing in groups, where Telegram allows 20 a minute */
  groupChatMs: number;
  /** a chat claimed by a process that died is free again after this long */
  leaseMs: number;
  /** a send not answered by then is abandoned (and retried): well within the lease, so no other process sends it meanwhile */
  sendTimeoutMs: number;
  /** network errors and 5xx: tries of one message before it is dropped */
  maxAttempts: number;
  /** first wait after a network error or 5xx; doubles per attempt */
  retryDelayMs: number;
  /** longest sleep when there is nothing to send (other processes' messages are seen this late) */
  idleMs: number;
  /** send slots are handed out this far ahead, so claiming never leaves the rate unused */
  lookaheadMs: number;
  /** messages being sent at once by this process */
  maxInFlight: number;
}

export const DEFAULT_SENDER_OPTIONS: Omit<SenderOptions, "globalRate"> = {
  perChatMs: 1_000,
  groupChatMs: 3_000,
  leaseMs: 60_000,
  sendTimeoutMs: 30_000,
  maxAttempts: 8,
  retryDelayMs: 2_000,
  idleMs: 250,
  lookaheadMs: 200,
  maxInFlight: 100,
};

/**
 * Telegram counts arrivals, which drift from send times by network jitter: the cap counts sends
 * over a second and this much more, so that no second of arrivals holds more than the limit.
 */
export const JITTER_ALLOWANCE_MS = 25;

export type SendFailure =
  /** 429: this chat waits, the others go on */
  | { kind: "retry_after"; ms: number }
  /** 403: blocked by the user, kicked from the group, account deleted */
  | { kind: "blocked"; description: string }
  /** 400 and the like: this message will never go through */
  | { kind: "rejected"; description: string }
  /** network errors, 5xx: try again later */
  | { kind: "transient"; description: string };

/** What a failed Bot API call means for the queue. */
export function classifySendError(e: unknown): SendFailure {
  if (e instanceof GrammyError) {
    if (e.error_code === 429) return { kind: "retry_after", ms: Math.max(1, Number(e.parameters.retry_after ?? 1)) * 1000 };
    if (e.error_code === 403) return { kind: "blocked", description: e.description };
    if (e.error_code >= 400 && e.error_code < 500 && e.error_code !== 401 && e.error_code !== 409) return { kind: "rejected", description: e.description };
    return { kind: "transient", description: e.description };
  }
  return { kind: "transient", description: e instanceof Error ? e.message : String(e) };
}

/**
 * Drains the outbound queue within Telegram's limits: a global rate shared by all processes
 * through Redis (evenly spaced send slots), one message a second per chat (a chat is leased to one
 * process at a time, so its messages go in order), 429 waits for that chat only, 403 ends a
 * chat's queue and marks the user blocked, a 400 drops the message. Nothing is lost on a crash: a
 * message leaves its list only after Telegram took it, so a crash right after sending repeats it
 * (at least once: order notifications). An at-most-once message (broadcast copies) records that
 * its send starts; found started again (its process died waiting for the answer) or left without
 * an answer (timeout, network error, 5xx), it is counted "maybe" delivered and never sent again.
 */
export class OutboxSender {
  private readonly opts: SenderOptions;
  private readonly inFlight = new Set<Promise<void>>();
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private readonly onEnqueued = () => this.wake?.();

  constructor(
    private readonly deps: SenderDeps,
    opts: Partial<SenderOptions> & { globalRate: number },
  ) {
    this.opts = { ...DEFAULT_SENDER_OPTIONS, ...opts };
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.deps.outbox?.events.on("enqueued", this.onEnqueued);
    this.running = this.loop();
  }

  /** Finishes the messages in flight, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.deps.outbox?.events.off("enqueued", this.onEnqueued);
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let waitMs = 0;
      try {
        const room = this.opts.maxInFlight - this.inFlight.size;
        if (room <= 0) {
          await Promise.race(this.inFlight);
          continue;
        }
        const { claimed, waitMs: hint } = await this.claim(room);
        for (const c of claimed) this.track(c);
        if (claimed.length === 0) waitMs = hint < 0 ? this.opts.idleMs : Math.min(Math.max(hint, 5), this.opts.idleMs);
      } catch (e) {
        this.deps.logger.error({ err: e }, "outbox claim failed");
        waitMs = 1_000;
      }
      await this.sleep(waitMs);
    }
    await Promise.all(this.inFlight);
  }

  /** Sends at the message's slot, without holding up the claiming of the next ones. */
  private track(c: ClaimedChat): void {
    const p = new Promise<void>((resolve) => setTimeout(resolve, c.delayMs))
      .then(() => this.deliver(c))
      .catch((e: unknown) => this.deps.logger.error({ err: e, chatId: c.chatId }, "outbox delivery failed; the chat is retried after its lease"))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wake === done) self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  /** Chats whose turn has come, each with a send slot: slots are (1000 + jitter) / rate ms apart over all processes. */
  private claim(max: number): Promise<{ claimed: ClaimedChat[]; waitMs: number }> {
    return this.deps.store.claim({ max, leaseMs: this.opts.leaseMs, intervalMs: (1000 + JITTER_ALLOWANCE_MS) / this.opts.globalRate, lookaheadMs: this.opts.lookaheadMs });
  }

  private async deliver(c: ClaimedChat): Promise<void> {
    let msg: QueuedMessage;
    try {
      msg = JSON.parse(c.raw) as QueuedMessage;
    } catch {
      // Only this module writes the lists; a broken entry is dropped rather than blocking its chat.
      this.deps.logger.error({ chatId: c.chatId }, "outbox: unreadable message dropped");
      await this.finish(c, "failed");
      return;
    }
    for (let wait = await this.permit(msg.id); wait > 0; wait = await this.permit(msg.id)) await new Promise((r) => setTimeout(r, wait));
    if (msg.once && !(await this.deps.store.startOnce(msg.id))) {
      this.deps.logger.warn({ chatId: c.chatId, tag: msg.tag }, "outbox: an at-most-once send had started before without an answer; counted as maybe delivered, not sent again");
      await this.maybe(c);
      return;
    }
    try {
      await this.send(c.chatId, msg);
    } catch (e) {
      await this.failed(c, msg, e);
      return;
    }
    await this.finish(c, "delivered");
    this.deps.metrics.notifications.inc({ outcome: "sent" });
  }

  /** The hard cap under the slots: at most globalRate sends in any trailing second (and the jitter allowance). */
  private permit(messageId: string): Promise<number> {
    return this.deps.store.permit(this.opts.globalRate, `${messageId}:${randomUUID()}`, 1000 + JITTER_ALLOWANCE_MS);
  }

  private async send(chatId: number, msg: QueuedMessage): Promise<void> {
    const { api } = this.deps;
    // grammY types its signal after the abort-controller shim; Node's own one is what it uses at run time.
    const signal = AbortSignal.timeout(this.opts.sendTimeoutMs) as unknown as Parameters<SenderApi["sendMessage"]>[3];
    if (msg.copyFrom) {
      // The text, when there is one, replaces the copied message's caption.
      await api.copyMessage(
        chatId,
        msg.copyFrom.chatId,
        msg.copyFrom.messageId,
        {
          ...(msg.replyMarkup && { reply_markup: msg.replyMarkup }),
          ...(msg.text !== "" && { caption: msg.text, ...(msg.parseMode && { parse_mode: msg.parseMode }) }),
        },
        signal,
      );
      return;
    }
    await api.sendMessage(
      chatId,
      msg.text,
      {
        ...(msg.parseMode && { parse_mode: msg.parseMode }),
        ...(msg.replyMarkup && { reply_markup: msg.replyMarkup }),
      },
      signal,
    );
  }

  private async maybe(c: ClaimedChat): Promise<void> {
    this.deps.metrics.notifications.inc({ outcome: "maybe" });
    await this.finish(c, "maybe");
  }

  private async failed(c: ClaimedChat, msg: QueuedMessage, e: unknown): Promise<void> {
    const { logger, metrics } = this.deps;
    const failure = classifySendError(e);
    // Telegram may have taken it (no answer, or a 5xx): an at-most-once message is not tried again.
    if (msg.once && failure.kind === "transient") {
      logger.warn({ chatId: c.chatId, tag: msg.tag, description: failure.description }, "outbox: at-most-once send without an answer; counted as maybe delivered");
      await this.maybe(c);
      return;
    }
    // Refused before sending: it may start again.
    if (msg.once && failure.kind === "retry_after") await this.deps.store.unstartOnce(msg.id);
    switch (failure.kind) {
      case "retry_after":
        metrics.notifications.inc({ outcome: "retry" });
        logger.warn({ chatId: c.chatId, retryMs: failure.ms }, "outbox: 429, chat waits");
        await this.defer(c.chatId, failure.ms, false);
        return;
      case "blocked": {
        const dropped = await this.deps.store.dropChat(c.chatId);
        // Only a private chat's 403 is about a user; a group's is about the group.
        if (c.chatId > 0) await this.deps.users.setBlocked(c.chatId, true);
        if (dropped > 0) metrics.notifications.inc({ outcome: "blocked" }, dropped);
        logger.info({ chatId: c.chatId, dropped, description: failure.description }, "outbox: chat unreachable (403), its queue dropped");
        return;
      }
      case "rejected":
        metrics.notifications.inc({ outcome: "failed" });
        logger.error({ chatId: c.chatId, description: failure.description, tag: msg.tag }, "outbox: Telegram refused the message; dropped");
        await this.finish(c, "failed");
        return;
      case "transient": {
        const attempts = await this.defer(c.chatId, this.opts.retryDelayMs, true);
        if (attempts >= this.opts.maxAttempts) {
          metrics.notifications.inc({ outcome: "failed" });
          logger.error({ chatId: c.chatId, attempts, description: failure.description }, "outbox: message not sent after retries; dropped");
          await this.finish(c, "failed");
          return;
        }
        metrics.notifications.inc({ outcome: "retry" });
        logger.warn({ chatId: c.chatId, attempts, description: failure.description }, "outbox: send failed, will retry");
        return;
      }
    }
  }

  private async finish(c: ClaimedChat, outcome: "delivered" | "failed" | "maybe"): Promise<void> {
    const spacing = c.chatId < 0 ? this.opts.groupChatMs : this.opts.perChatMs;
    await this.deps.store.finish(c.chatId, c.raw, outcome, spacing);
  }

  /** Moves the chat's turn `ms` ahead; with `count`, counts a failed attempt (the wait doubles per attempt) and returns the count. */
  private defer(chatId: number, ms: number, count: boolean): Promise<number> {
    return this.deps.store.defer(chatId, ms, count);
  }
}
