import type { InlineKeyboardMarkup } from "grammy/types";

/** A message sent outside a user's own update: notifications, admin alerts, broadcasts. */
export interface OutboundMessage {
  chatId: number;
  text: string;
  parseMode?: "HTML";
  replyMarkup?: InlineKeyboardMarkup;
  /** idempotency key: a message with a key already queued or sent is not queued again */
  key?: string;
  /** send a copy of an existing message (copyMessage) instead of `text`; `text` is then the caption fallback */
  copyFrom?: { chatId: number; messageId: number };
  /** counts outcomes under this tag (delivered / blocked / failed / maybe), e.g. a broadcast id */
  tag?: string;
  /**
   * At most once instead of at least once: a send that started but whose answer was never
   * recorded (the process died, the request timed out) is counted as "maybe" delivered and not
   * sent again. For broadcast copies; notifications keep at least once.
   */
  atMostOnce?: boolean;
}

/**
 * The one outbound path for messages that are not replies: kept in Redis until sent, in order per
 * chat, within Telegram's limits; a chat that blocked the bot is recorded and skipped.
 */
export interface Outbox {
  /** Returns false when the key was seen before (nothing queued). */
  enqueue(msg: OutboundMessage): Promise<boolean>;
}
