import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { OutboxStore } from "../store/outbox.js";
import type { OutboundMessage, Outbox } from "./types.js";

export type { TagCounts } from "../store/outbox.js";

/** A queued message as stored in a chat's list; `id` makes two equal texts distinguishable. */
export interface QueuedMessage {
  id: string;
  text: string;
  parseMode?: "HTML";
  replyMarkup?: OutboundMessage["replyMarkup"];
  copyFrom?: OutboundMessage["copyFrom"];
  tag?: string;
  /** at most once: see OutboundMessage.atMostOnce */
  once?: true;
}

export type TagOutcome = "delivered" | "blocked" | "failed" | "maybe";

/**
 * The outbound queue's producer side (`Outbox`): every notification, alert, receipt and broadcast
 * copy goes through `enqueue`; `OutboxSender` drains the queue. A message with a `key` is queued
 * at most once per key, so a producer that crashed and redoes its work cannot send twice. A user
 * who blocked the bot gets nothing queued (its tag counts the message as blocked).
 */
export class RedisOutbox implements Outbox {
  /** in-process signal so a sender in the same process starts at once instead of at its next look */
  readonly events = new EventEmitter();

  constructor(readonly store: OutboxStore) {}

  async enqueue(msg: OutboundMessage): Promise<boolean> {
    const stored: QueuedMessage = { id: randomUUID(), text: msg.text };
    if (msg.parseMode) stored.parseMode = msg.parseMode;
    if (msg.replyMarkup) stored.replyMarkup = msg.replyMarkup;
    if (msg.copyFrom) stored.copyFrom = msg.copyFrom;
    if (msg.tag) stored.tag = msg.tag;
    if (msg.atMostOnce) stored.once = true;
    const res = await this.store.enqueue({ chatId: msg.chatId, raw: JSON.stringify(stored), key: msg.key, tag: msg.tag });
    if (res === 1) this.events.emit("enqueued");
    return res !== 0;
  }

  pendingCount(): Promise<number> {
    return this.store.pendingCount();
  }
}
