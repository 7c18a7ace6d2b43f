import { Api } from "grammy";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createMetrics } from "../../src/metrics.js";
import { RedisOutbox } from "../../src/outbound/outbox.js";
import { OutboxStore } from "../../src/store/outbox.js";
import { OutboxSender } from "../../src/outbound/sender.js";
import { UserStore } from "../../src/store/users.js";
import type { RecordedCall } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";
import { eventually } from "../support/eventually.js";

const TOO_MANY = { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };

describe("the outbound queue", () => {
  let h: Harness;
  let outbox: RedisOutbox;
  let nextChat = 920_000_001;

  beforeAll(async () => {
    h = await startHarness({
      startBot: false,
      env: { TELEGRAM_GLOBAL_RATE: "200" },
      worker: { sender: { perChatMs: 30, idleMs: 20, retryDelayMs: 30 }, recoverEveryMs: 60_000, gaugesEveryMs: 60_000 },
    });
    outbox = h.deps.outbox as RedisOutbox;
  });
  afterAll(async () => h.stop());

  /** Successful sends to a chat, in arrival order. */
  const delivered = (chatId: number, method = "sendMessage"): RecordedCall[] => h.tg.calls(method).filter((c) => c.response?.ok && Number(c.payload.chat_id) === chatId);
  const texts = (chatId: number) => delivered(chatId).map((c) => String(c.payload.text));
  const drained = async () => (await outbox.pendingCount()) === 0;

  it("sends a chat's messages in order, each key once", async () => {
    const chat = nextChat++;
    for (let i = 1; i <= 4; i++) expect(await outbox.enqueue({ chatId: chat, text: `<b>m${i}</b>`, parseMode: "HTML", key: `t1:${i}` })).toBe(true);
    expect(await outbox.enqueue({ chatId: chat, text: "<b>m2</b>", parseMode: "HTML", key: "t1:2" })).toBe(false);
    await eventually("all four sent", () => texts(chat).length === 4);
    await eventually("queue empty", drained);
    expect(texts(chat)).toEqual(["<b>m1</b>", "<b>m2</b>", "<b>m3</b>", "<b>m4</b>"]);
    expect(delivered(chat)[0]!.payload.parse_mode).toBe("HTML");
  });

  it("a 429 holds back that chat only; its messages still arrive once, in order", async () => {
    const slow = nextChat++;
    const other = nextChat++;
    let answered429 = false;
    h.tg.respond("sendMessage", (p) => {
      if (Number(p.chat_id) !== slow || answered429) return undefined;
      answered429 = true;
      return TOO_MANY;
    });
    for (let i = 1; i <= 3; i++) await outbox.enqueue({ chatId: slow, text: `slow ${i}` });
    await outbox.enqueue({ chatId: other, text: "other 1" });
    await eventually("the slow chat's three messages", () => texts(slow).length === 3);
    expect(answered429).toBe(true);
    expect(texts(slow)).toEqual(["slow 1", "slow 2", "slow 3"]);
    // The other chat did not wait for the slow one's retry_after.
    expect(delivered(other)[0]!.at).toBeLessThan(delivered(slow)[0]!.at);
    expect(texts(other)).toEqual(["other 1"]);
    h.tg.clearResponders();
  });

  it("a user who blocked the bot is recorded, their queue dropped and counted, and nothing more is queued for them", async () => {
    const user = h.tg.user();
    await h.deps.users.touch({ id: user.id, chatId: user.chatId });
    user.block();
    await outbox.enqueue({ chatId: user.chatId, text: "first", tag: "bc:t3" });
    await outbox.enqueue({ chatId: user.chatId, text: "second", tag: "bc:t3" });
    await eventually("marked blocked", () => h.deps.users.isBlocked(user.id));
    await eventually("queue dropped", drained);
    expect(await h.deps.outboxStore.tagCounts("bc:t3")).toEqual({ delivered: 0, blocked: 2, failed: 0, maybe: 0 });
    const attempts = h.tg.calls("sendMessage").filter((c) => Number(c.payload.chat_id) === user.chatId).length;
    expect(attempts).toBe(1);
    // Later messages are not queued, but still counted for their tag.
    expect(await outbox.enqueue({ chatId: user.chatId, text: "third", tag: "bc:t3" })).toBe(true);
    expect(await outbox.pendingCount()).toBe(0);
    expect((await h.deps.outboxStore.tagCounts("bc:t3")).blocked).toBe(3);
  });

  it("a message Telegram refuses (400) is dropped and counted; the chat's next one still goes", async () => {
    const chat = nextChat++;
    await outbox.enqueue({ chatId: chat, text: "<b>broken", parseMode: "HTML", tag: "t4" });
    await outbox.enqueue({ chatId: chat, text: "fine", tag: "t4" });
    await eventually("the good one sent", () => texts(chat).includes("fine"));
    await eventually("queue empty", drained);
    expect(texts(chat)).toEqual(["fine"]);
    expect(await h.deps.outboxStore.tagCounts("t4")).toEqual({ delivered: 1, blocked: 0, failed: 1, maybe: 0 });
  });

  it("an at-most-once message (a broadcast copy) answered with a 5xx counts as maybe delivered and is not sent again; a 429 is retried", async () => {
    const chat = nextChat++;
    const calls = () => h.tg.calls("sendMessage").filter((c) => Number(c.payload.chat_id) === chat);
    const failedOnce = new Set<string>();
    h.tg.respond("sendMessage", (p) => {
      if (Number(p.chat_id) !== chat || failedOnce.has(String(p.text))) return undefined;
      failedOnce.add(String(p.text));
      if (p.text === "copy 1" || p.text === "note") return { ok: false, error_code: 502, description: "Bad Gateway" };
      return TOO_MANY;
    });
    await outbox.enqueue({ chatId: chat, text: "copy 1", tag: "t-once", atMostOnce: true });
    await outbox.enqueue({ chatId: chat, text: "copy 2", tag: "t-once", atMostOnce: true });
    // A notification keeps at least once: its 502 is retried.
    await outbox.enqueue({ chatId: chat, text: "note" });
    await eventually("queue empty", drained);
    await eventually("note sent", () => texts(chat).includes("note"));
    expect(calls().map((c) => c.payload.text)).toEqual(["copy 1", "copy 2", "copy 2", "note", "note"]);
    expect(await h.deps.outboxStore.tagCounts("t-once")).toEqual({ delivered: 1, blocked: 0, failed: 0, maybe: 1 });
    h.tg.clearResponders();
  });

  it("network trouble and 5xx are retried until the message goes", async () => {
    const chat = nextChat++;
    let failures = 2;
    h.tg.respond("sendMessage", (p) => (Number(p.chat_id) === chat && failures-- > 0 ? { ok: false, error_code: 502, description: "Bad Gateway" } : undefined));
    await outbox.enqueue({ chatId: chat, text: "after a 502" });
    await eventually("sent", () => texts(chat).length === 1);
    expect(failures).toBeLessThan(0);
    h.tg.clearResponders();
  });

  it("copies a message with a caption and buttons (copyFrom), counting it under its tag", async () => {
    const customer = h.tg.user();
    customer.sendPhoto({ caption: "receipt" });
    const photoId = h.tg.takeUpdates().at(-1)!.message.message_id as number;
    const admin = nextChat++;
    await outbox.enqueue({
      chatId: admin,
      text: "🧾 <b>Receipt</b> 12.5 USD",
      parseMode: "HTML",
      copyFrom: { chatId: customer.chatId, messageId: photoId },
      replyMarkup: { inline_keyboard: [[{ text: "✅ Approve", callback_data: "rc:ok:1" }]] },
      tag: "t6",
    });
    const copy = await eventually("the copy", () => delivered(admin, "copyMessage")[0]);
    expect(copy.payload.caption).toBe("🧾 <b>Receipt</b> 12.5 USD");
    expect(copy.payload.parse_mode).toBe("HTML");
    expect(copy.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "✅ Approve", callback_data: "rc:ok:1" }]] });
    await eventually("counted", async () => (await h.deps.outboxStore.tagCounts("t6")).delivered === 1);
  });

  it("several senders on one Redis send each message once and keep each chat's order", async () => {
    const logger = createLogger({ level: "silent", pretty: false, secrets: [] });
    const prefix = h.config.redis.prefix;
    const extra = Array.from({ length: 2 }, () => {
      const redis = new Redis(h.redis.url, { maxRetriesPerRequest: 3 });
      const api = new Api(h.config.botToken, { apiRoot: h.config.telegramApiRoot });
      const store = new OutboxStore(redis, prefix);
      const own = new RedisOutbox(store);
      const sender = new OutboxSender({ store, api, users: new UserStore(redis, prefix), metrics: createMetrics(), logger, outbox: own }, { globalRate: 200, perChatMs: 20, idleMs: 20 });
      sender.start();
      return { redis, sender };
    });
    try {
      const chats = Array.from({ length: 8 }, () => nextChat++);
      await Promise.all(chats.flatMap((chat) => Array.from({ length: 5 }, (_, i) => outbox.enqueue({ chatId: chat, text: `${chat}:${i}`, key: `t7:${chat}:${i}` }))));
      await eventually("all sent", () => chats.every((c) => texts(c).length >= 5));
      await eventually("queue empty", drained);
      await new Promise((r) => setTimeout(r, 100));
      for (const chat of chats) expect(texts(chat)).toEqual(Array.from({ length: 5 }, (_, i) => `${chat}:${i}`));
    } finally {
      for (const e of extra) {
        await e.sender.stop();
        e.redis.disconnect();
      }
    }
  });
});
