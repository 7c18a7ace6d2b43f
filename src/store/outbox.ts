import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";
import { Scripts } from "./scripts.js";

/**
 * Redis side of the outbound queue, shared by every process:
 * - one list per chat with its messages in order,
 * - a sorted set of chats with something to send, score = when the chat may be sent to next
 *   (per-chat spacing, 429 waits and a sender's lease all live in this score),
 * - idempotency markers per message key, a count of queued messages, per-tag outcome counters,
 *   and the shared state of the global rate limit.
 * Messages are opaque strings here; `RedisOutbox` and `OutboxSender` give them their meaning.
 */

/** A message key is remembered this long: far longer than any crash-and-redo window. */
export const SEEN_TTL_S = 7 * 24 * 60 * 60;

export interface TagCounts {
  delivered: number;
  blocked: number;
  failed: number;
  /** at-most-once messages whose send started and whose answer was never recorded */
  maybe: number;
}

/** A chat handed to a sender, with the message at its head. */
export interface ClaimedChat {
  chatId: number;
  raw: string;
  /** how long to wait for this message's slot in the global rate */
  delayMs: number;
}

export class OutboxStore {
  private readonly k: Keys["outbox"];
  private readonly userKey: Keys["user"];
  private readonly scripts: Scripts;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    const k = keysFor(prefix);
    this.k = k.outbox;
    this.userKey = k.user;
    this.scripts = Scripts.of(redis);
  }

  /**
   * Queues `raw` for the chat unless its key was seen (0) or the user blocked the bot (2, counted
   * under the tag as blocked); 1 when queued.
   */
  enqueue(m: { chatId: number; raw: string; key?: string; tag?: string }): Promise<0 | 1 | 2> {
    return this.scripts.outboxEnqueue(
      {
        seen: m.key ? this.k.seen(m.key) : "",
        queue: this.k.queue(m.chatId),
        ready: this.k.ready,
        pending: this.k.pending,
        user: this.userKey(m.chatId),
        tag: m.tag ? this.k.tag(m.tag) : "",
      },
      { message: m.raw, chatId: m.chatId, seenTtlS: SEEN_TTL_S },
    );
  }

  async pendingCount(): Promise<number> {
    return Number((await this.redis.get(this.k.pending)) ?? 0);
  }

  /** Outcome counters of one tag (a broadcast, a batch of receipts): each queued message ends in exactly one. */
  async tagCounts(tag: string): Promise<TagCounts> {
    const [delivered, blocked, failed, maybe] = await this.redis.hmget(this.k.tag(tag), "delivered", "blocked", "failed", "maybe");
    return { delivered: Number(delivered ?? 0), blocked: Number(blocked ?? 0), failed: Number(failed ?? 0), maybe: Number(maybe ?? 0) };
  }

  /** Up to `max` chats whose turn has come, each with its slot; `waitMs` says when to look again (-1: nothing queued). */
  async claim(a: { max: number; leaseMs: number; intervalMs: number; lookaheadMs: number }): Promise<{ claimed: ClaimedChat[]; waitMs: number }> {
    const res = await this.scripts.outboxClaim({ ready: this.k.ready, rate: this.k.rate }, { queuePrefix: this.k.queuePrefix, ...a });
    const claimed: ClaimedChat[] = [];
    for (let i = 1; i + 2 < res.length; i += 3) claimed.push({ chatId: Number(res[i]), raw: String(res[i + 1]), delayMs: Math.max(0, Number(res[i + 2])) });
    return { claimed, waitMs: Number(res[0]) };
  }

  /** 0: send now (recorded); else ms to wait. At most `max` sends in any trailing `windowMs`. */
  permit(max: number, sendId: string, windowMs: number): Promise<number> {
    return this.scripts.outboxPermit({ sent: this.k.sent }, { max, sendId, windowMs });
  }

  /** The head message is done: popped if it is still `raw`, its tag's `outcome` counted, the chat's next spaced `spacingMs`. */
  async finish(chatId: number, raw: string, outcome: "delivered" | "failed" | "maybe", spacingMs: number): Promise<void> {
    await this.scripts.outboxFinish(
      { queue: this.k.queue(chatId), ready: this.k.ready, pending: this.k.pending, attempts: this.k.attempts },
      { chatId, raw, outcome, spacingMs, tagPrefix: this.k.tagPrefix },
    );
  }

  /**
   * Records that the send of an at-most-once message starts. False when it had started before:
   * a process died (or gave up waiting) after sending it, so it may have been delivered.
   */
  async startOnce(messageId: string): Promise<boolean> {
    return (await this.redis.set(this.k.started(messageId), "1", "EX", SEEN_TTL_S, "NX")) === "OK";
  }

  /** The send did not happen (429, refused before sending): it may start again. */
  async unstartOnce(messageId: string): Promise<void> {
    await this.redis.del(this.k.started(messageId));
  }

  /** Moves the chat's turn `ms` ahead; with `count`, counts a failed attempt (the wait doubles per attempt) and returns the count. */
  defer(chatId: number, ms: number, count: boolean): Promise<number> {
    return this.scripts.outboxDefer({ ready: this.k.ready, attempts: this.k.attempts }, { chatId, ms, count });
  }

  /** Drops the chat's whole queue (tagged messages counted as blocked); returns how many. */
  dropChat(chatId: number): Promise<number> {
    return this.scripts.outboxDropChat({ queue: this.k.queue(chatId), ready: this.k.ready, pending: this.k.pending, attempts: this.k.attempts }, { chatId, tagPrefix: this.k.tagPrefix });
  }
}
