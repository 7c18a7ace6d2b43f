import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RedisOutbox } from "../../src/outbound/outbox.js";
import { OutboxSender } from "../../src/outbound/sender.js";
import type { Outbox } from "../../src/outbound/types.js";
import { BroadcastRunner, broadcastTag } from "../../src/services/broadcast.js";
import { keys } from "../../src/store/keys.js";
import { startHarness, type Harness } from "../support/harness.js";

const ADMIN = 8001;

/** The real outbound path on the harness's Redis: the outbox, and a sender into the fake Bot API. */
function outbound(h: Harness): { outbox: RedisOutbox; sender: OutboxSender } {
  const { outboxStore, config, users, metrics, logger } = h.deps;
  const outbox = new RedisOutbox(outboxStore);
  const api = new Api(config.botToken, { apiRoot: config.telegramApiRoot });
  const sender = new OutboxSender({ store: outboxStore, api, users, metrics, logger, outbox }, { globalRate: 1000 });
  return { outbox, sender };
}

/** An outbox that runs `beforeEnqueue` (which may throw, like a process dying) before each message. */
function watched(outbox: Outbox, beforeEnqueue: (n: number) => void): Outbox {
  let n = 0;
  return {
    enqueue: async (m) => {
      beforeEnqueue(++n);
      return outbox.enqueue(m);
    },
  };
}

/** Successful copies per chat. */
function copiesByChat(h: Harness): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of h.tg.calls("copyMessage")) {
    if (!c.response?.ok) continue;
    const chat = Number(c.payload.chat_id);
    out.set(chat, (out.get(chat) ?? 0) + 1);
  }
  return out;
}

function runner(h: Harness, outbox: Outbox, opts: ConstructorParameters<typeof BroadcastRunner>[1] = {}): BroadcastRunner {
  const { broadcasts, users, outboxStore, i18n, logger } = h.deps;
  return new BroadcastRunner(
    { store: broadcasts, users, outbox, tagCounts: (tag) => outboxStore.tagCounts(tag), api: h.bot.api, i18n, logger },
    { batchSize: 20, checkEveryMs: 50, progressEveryMs: 0, ...opts },
  );
}

describe("/broadcast end to end", () => {
  let h: Harness;
  let bc: BroadcastRunner;
  let sender: OutboxSender;
  beforeAll(async () => {
    h = await startHarness({ env: { ADMIN_IDS: String(ADMIN) } });
    await h.deps.users.setLocale(ADMIN, "en");
    const path = outbound(h);
    sender = path.sender;
    sender.start();
    bc = runner(h, path.outbox);
    bc.start();
  });
  afterAll(async () => {
    await bc.stop();
    await sender.stop();
    await h.stop();
  });

  it("copies the replied-to message once to every user, skips who blocked the bot, and reports delivered/blocked/failed", async () => {
    const admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    const customers = [8101, 8102, 8103, 8104, 8105];
    for (const id of customers) await h.deps.users.touch({ id, chatId: id });
    // 8104 blocked the bot earlier (the bot knows); 8105 blocks it without the bot knowing yet.
    await h.deps.users.setBlocked(8104, true);
    h.tg.respond("copyMessage", (p) => (Number(p.chat_id) === 8105 ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined));

    const since = h.tg.calls().length;
    admin.send("Big sale today!");
    await admin.waitForMessage(() => true, { since });
    // The admin's first message in a fresh chat has id 1.
    h.tg.pushUpdate({
      message: {
        message_id: 1000,
        date: Math.floor(Date.now() / 1000),
        chat: { id: ADMIN, type: "private", first_name: "Admin" },
        from: { id: ADMIN, is_bot: false, first_name: "Admin", language_code: "en" },
        text: "/broadcast",
        entities: [{ type: "bot_command", offset: 0, length: 10 }],
        reply_to_message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN, type: "private", first_name: "Admin" }, text: "Big sale today!" },
      },
    });
    const started = await admin.waitForMessage((m) => m.text?.includes("Broadcast #") ?? false, { since });
    // admin + 5 customers
    expect(started.text).toBe("📣 Broadcast #1 started for 6 users.");
    const done = await admin.waitForMessage((m) => m.method === "sendMessage" && (m.text?.includes("finished") ?? false), { since, timeoutMs: 10_000 });
    expect(done.text).toBe(
      "📣 Broadcast #1 finished: ✅ 4 delivered · 🚫 1 have blocked the bot · ⚠️ 0 failed · ❔ 0 maybe delivered (interrupted while sending, not sent again) · 1 skipped (had blocked the bot before).",
    );
    // The progress message ends with the same summary.
    expect(admin.messages().find((m) => m.message_id === started.message_id)?.text).toBe(done.text);

    const copies = copiesByChat(h);
    for (const id of [ADMIN, 8101, 8102, 8103]) expect({ id, copies: copies.get(id) }).toEqual({ id, copies: 1 });
    expect(copies.get(8104)).toBeUndefined();
    expect(copies.get(8105)).toBeUndefined();
    const copy = h.tg.user({ id: 8101 }).messages().at(-1)!;
    expect(copy.text).toBe("Big sale today!");
    h.tg.clearResponders();
  });

  it("a second /broadcast of the same message asks for '/broadcast again' instead of sending every user a second copy", async () => {
    const admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    const reply = (messageId: number, text: string) =>
      h.tg.pushUpdate({
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: ADMIN, type: "private", first_name: "Admin" },
          from: { id: ADMIN, is_bot: false, first_name: "Admin", language_code: "en" },
          text,
          entities: [{ type: "bot_command", offset: 0, length: 10 }],
          reply_to_message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN, type: "private", first_name: "Admin" }, text: "Big sale today!" },
        },
      });
    const jobs = async () => Number((await h.redis.redis.get(keys(h.redis.prefix).broadcast.seq)) ?? 0);
    const before = await jobs();
    let since = h.tg.calls().length;
    reply(1001, "/broadcast");
    expect((await admin.waitForMessage((m) => m.text?.includes("already broadcast") ?? false, { since })).text).toContain(`(#${before})`);
    expect(await jobs()).toBe(before);
    since = h.tg.calls().length;
    reply(1002, "/broadcast again");
    expect((await admin.waitForMessage((m) => m.text?.includes("started") ?? false, { since })).text).toContain(`Broadcast #${before + 1} started`);
    await admin.waitForMessage((m) => m.method === "sendMessage" && (m.text?.includes(`#${before + 1} finished`) ?? false), { since, timeoutMs: 10_000 });
  });

  it("replying is required; other users are refused", async () => {
    const admin = h.tg.user({ id: ADMIN });
    const since = h.tg.calls().length;
    admin.send("/broadcast");
    const usage = await admin.waitForMessage((m) => m.text?.includes("/broadcast") ?? false, { since });
    expect(usage.message.text).toContain("Reply with /broadcast to the message every user should receive");
    const outsider = h.tg.user({ languageCode: "en" });
    const since2 = h.tg.calls().length;
    outsider.send("/broadcast");
    const refused = await outsider.waitForMessage(() => true, { since: since2 });
    expect(refused.text).toBe("🔒 Sorry, this is only for the shop's administrators.");
  });
});

describe("a broadcast interrupted by a restart", () => {
  const USERS = 600; // more than Redis keeps as a compact set, so SSCAN really walks in steps
  let h: Harness;
  let sender: OutboxSender;
  let outbox: RedisOutbox;
  beforeAll(async () => {
    h = await startHarness({ startBot: false });
    for (let i = 0; i < USERS; i++) await h.deps.users.touch({ id: 20_000 + i, chatId: 20_000 + i });
    // The message to copy: the admin's first in a fresh chat (id 1; the fake keeps what users send).
    h.tg.user({ id: ADMIN }).send("News for everyone");
    ({ sender, outbox } = outbound(h));
    sender.start();
  });
  afterAll(async () => {
    await sender.stop();
    await h.stop();
  });

  const newJob = () => h.deps.broadcasts.create({ adminId: ADMIN, adminChatId: ADMIN, locale: "en", fromChatId: ADMIN, messageId: 1, users: USERS });
  const jobField = (id: string, field: string) => h.redis.redis.hget(keys(h.config.redis.prefix).broadcast.job(id), field);
  const queuedSoFar = (id: string) => h.redis.redis.scard(keys(h.config.redis.prefix).broadcast.queued(id));

  /** A second process on the same Redis finishes the job; every user then has exactly one copy. */
  async function finishElsewhere(id: string): Promise<void> {
    const second = runner(h, outbox);
    second.start();
    try {
      await vi.waitFor(async () => expect(await jobField(id, "phase")).toBe("done"), { timeout: 20_000, interval: 50 });
    } finally {
      await second.stop();
    }
    const copies = copiesByChat(h);
    expect(copies.size).toBe(USERS);
    expect([...copies.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(await h.deps.outboxStore.tagCounts(broadcastTag(id))).toEqual({ delivered: USERS, blocked: 0, failed: 0, maybe: 0 });
  }

  it("resumes from the stored cursor after a stop", async () => {
    h.tg.clearCalls();
    const id = await newJob();
    const first: BroadcastRunner = runner(
      h,
      watched(outbox, (n) => n === 50 && void first.stop()),
    );
    await first.runOnce();
    const queued = await queuedSoFar(id);
    expect(queued).toBeGreaterThanOrEqual(50);
    expect(queued).toBeLessThan(USERS);
    expect(await jobField(id, "phase")).toBe("queueing");
    expect(await jobField(id, "cursor")).not.toBe("0");
    await finishElsewhere(id);
  });

  it("after a crash in the middle of a batch the batch is redone, and the outbox's keys keep it to one copy each", async () => {
    h.tg.clearCalls();
    const id = await newJob();
    const crashing = runner(
      h,
      watched(outbox, (n) => {
        if (n === 75) throw new Error("process died");
      }),
    );
    await crashing.runOnce();
    expect(await queuedSoFar(id)).toBe(74);
    expect(await jobField(id, "phase")).toBe("queueing");
    await finishElsewhere(id);
  });
});
