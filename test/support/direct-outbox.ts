/**
 * An Outbox for tests that delivers at once through a bot's Api (the fake Bot API behind it) and
 * keeps to the Outbox contract: a key is queued once. `sent` records every message it took.
 */
import type { Api } from "grammy";
import type { OutboundMessage, Outbox } from "../../src/outbound/types.js";

export function directOutbox(api: () => Api): { outbox: Outbox; sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  const keys = new Set<string>();
  const outbox: Outbox = {
    async enqueue(m) {
      if (m.key && keys.has(m.key)) return false;
      if (m.key) keys.add(m.key);
      sent.push(m);
      const other = { parse_mode: m.parseMode, reply_markup: m.replyMarkup };
      if (m.copyFrom) await api().copyMessage(m.chatId, m.copyFrom.chatId, m.copyFrom.messageId, { ...other, caption: m.text });
      else if (m.text) await api().sendMessage(m.chatId, m.text, other);
      return true;
    },
  };
  return { outbox, sent };
}
