import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { keys as storeKeys, type Redis } from "../store/redis.js";
import type { OutboundMessage, Outbox } from "./types.js";

/**
 * Redis layout of the outbound queue, shared by every process:
 * - one list per chat with its messages in order (`queue`),
 * - a sorted set of chats with something to send, score = when the chat may be sent to next
 *   (`ready`: per-chat spacing, 429 waits and a sender's lease all live in this score),
 * - idempotency markers per message key, a count of queued messages, per-tag outcome counters,
 *   and the shared state of the global rate limit.
 */
export function outboxKeys(prefix: string) {
  return {
    queue: (chatId: number | string) => `${prefix}outbox:q:${chatId}`,
    /** for scripts, which build a chat's list key from its id */
    queuePrefix: `${prefix}outbox:q:`,
    ready: `${prefix}outbox:ready`,
    seen: (key: string) => `${prefix}outbox:seen:${key}`,
    pending: `${prefix}outbox:pending`,
    /** failed send attempts of the message at the head of each chat's list */
    attempts: `${prefix}outbox:attempts`,
    /** the next free send slot of the global rate limit, ms */
    rate: `${prefix}outbox:rate`,
    /** send times of the last second, the global limit's hard cap */
    sent: `${prefix}outbox:sent`,
    tag: (tag: string) => `${prefix}outbox:tag:${tag}`,
    tagPrefix: `${prefix}outbox:tag:`,
  };
}
export type OutboxKeys = ReturnType<typeof outboxKeys>;

/** A queued message as stored in a chat's list; `id` makes two equal texts distinguishable. */
export interface QueuedMessage {
  id: string;
  text: string;
  parseMode?: "HTML";
  replyMarkup?: OutboundMessage["replyMarkup"];
  copyFrom?: OutboundMessage["copyFrom"];
  tag?: string;
}

export type TagOutcome = "delivered" | "blocked" | "failed";
export interface TagCounts {
  delivered: number;
  blocked: number;
  failed: number;
}

/** A message key is remembered this long: far longer than any crash-and-redo window. */
export const SEEN_TTL_S = 7 * 24 * 60 * 60;

// Dedupe, skip a user who blocked the bot (counting the outcome), append, and make the chat
// ready unless it already is (a later score there is a per-chat or 429 wait to respect).
const ENQUEUE = `
local seen, queue, ready, pending, user, tag = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
if seen ~= '' and not redis.call('SET', seen, '1', 'NX', 'EX', ARGV[3]) then return 0 end
if redis.call('HGET', user, 'blocked') == '1' then
  if tag ~= '' then redis.call('HINCRBY', tag, 'blocked', 1) end
  return 2
end
redis.call('RPUSH', queue, ARGV[1])
redis.call('INCR', pending)
local t = redis.call('TIME')
redis.call('ZADD', ready, 'NX', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), ARGV[2])
return 1
`;

/**
 * The outbound queue's producer side (`Outbox`): every notification, alert, receipt and broadcast
 * copy goes through `enqueue`; `OutboxSender` drains the queue. A message with a `key` is queued
 * at most once per key, so a producer that crashed and redoes its work cannot send twice.
 */
export class RedisOutbox implements Outbox {
  readonly k: OutboxKeys;
  private readonly userKey: (id: number) => string;
  /** in-process signal so a sender in the same process starts at once instead of at its next look */
  readonly events = new EventEmitter();

  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
  ) {
    this.k = outboxKeys(prefix);
    this.userKey = storeKeys(prefix).user;
  }

  async enqueue(msg: OutboundMessage): Promise<boolean> {
    const stored: QueuedMessage = { id: randomUUID(), text: msg.text };
    if (msg.parseMode) stored.parseMode = msg.parseMode;
    if (msg.replyMarkup) stored.replyMarkup = msg.replyMarkup;
    if (msg.copyFrom) stored.copyFrom = msg.copyFrom;
    if (msg.tag) stored.tag = msg.tag;
    const res = (await this.redis.eval(
      ENQUEUE,
      6,
      msg.key ? this.k.seen(msg.key) : "",
      this.k.queue(msg.chatId),
      this.k.ready,
      this.k.pending,
      this.userKey(msg.chatId),
      msg.tag ? this.k.tag(msg.tag) : "",
      JSON.stringify(stored),
      String(msg.chatId),
      SEEN_TTL_S,
    )) as number;
    if (res === 1) this.events.emit("enqueued");
    return res !== 0;
  }

  async pendingCount(): Promise<number> {
    return Number((await this.redis.get(this.k.pending)) ?? 0);
  }
}

/** Outcome counters of one tag (a broadcast, a batch of receipts): each queued message ends in exactly one. */
export async function readTagCounts(redis: Redis, prefix: string, tag: string): Promise<TagCounts> {
  const [delivered, blocked, failed] = await redis.hmget(outboxKeys(prefix).tag(tag), "delivered", "blocked", "failed");
  return { delivered: Number(delivered ?? 0), blocked: Number(blocked ?? 0), failed: Number(failed ?? 0) };
}
