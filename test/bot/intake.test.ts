import { sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { UpdateIntake, type IntakeOptions } from "../../src/bot/intake.js";
import { createLogger } from "../../src/logger.js";
import { UpdateStore } from "../../src/store/updates.js";
import { eventually } from "../support/eventually.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { testRedis, type TestRedis } from "../support/redis.js";

/**
 * The durable intake against the fake Bot API over HTTP and a real Redis, with a bot that only
 * records what it handles (per chat, in order; a "slow" text holds its chat for a while).
 */
const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent", pretty: false, secrets: [] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tg: FakeBotApi;
let redis: TestRedis;
let store: UpdateStore;
let handled: { chat: number; id: number; text: string }[];
const intakes: UpdateIntake[] = [];

function recordingBot(): Bot<BotContext> {
  const bot = new Bot(tg.token, { botInfo: { ...tg.botInfo, is_bot: true, first_name: "Test Bot" } as never, client: { apiRoot: tg.apiRoot } });
  // The same per-chat key as the real bot.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.on("message:text", async (ctx) => {
    if (ctx.message.text === "slow") await sleep(300);
    handled.push({ chat: ctx.chat.id, id: ctx.update.update_id, text: ctx.message.text });
  });
  return bot as unknown as Bot<BotContext>;
}

function intake(opts: Partial<IntakeOptions> = {}, bot = recordingBot()): UpdateIntake {
  const i = new UpdateIntake(bot, store, logger, { allowedUpdates: ["message"], pollTimeoutSeconds: 1, leaseMs: 600, retryMs: 50, ...opts });
  intakes.push(i);
  i.start();
  return i;
}

function textUpdate(id: number, chat: number, text: string): Update {
  return {
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chat, type: "private", first_name: "U" }, from: { id: chat, is_bot: false, first_name: "U" }, text },
  };
}

const idsOf = (chat: number) => handled.filter((h) => h.chat === chat).map((h) => h.id);

beforeEach(async () => {
  tg = await startFakeBotApi();
  redis = await testRedis("intake");
  store = new UpdateStore(redis.redis, redis.prefix);
  handled = [];
});

afterEach(async () => {
  await Promise.all(intakes.splice(0).map((i) => i.stop()));
  await tg.close();
  await redis.cleanup();
});

describe("durable update intake", () => {
  it("handles fetched updates, marks them done and leaves nothing pending", async () => {
    intake();
    const u = tg.user();
    const first = u.send("one");
    const second = u.send("two");
    await eventually("both handled", () => handled.length === 2);
    expect(idsOf(u.id)).toEqual([first, second]);
    await eventually("marked done", async () => (await store.isDone(first)) && (await store.isDone(second)));
    expect(await store.pending()).toEqual([]);
  });

  it("handles updates a killed process left stored first, per chat in order, across chats at once, never the one marked done", async () => {
    const A = 7001;
    const B = 7002;
    // What a poller killed after storing (and confirming) a batch leaves behind.
    await store.store([textUpdate(1, A, "slow"), textUpdate(2, A, "a2"), textUpdate(3, B, "b1"), textUpdate(4, A, "a3"), textUpdate(5, B, "done already")]);
    await store.finish(5);
    // Telegram still holds a newer update of chat A, and delivers id 2 once more (never confirmed).
    tg.pushUpdate({ ...textUpdate(2, A, "a2") });
    tg.pushUpdate({ ...textUpdate(10, A, "a4") });

    intake();
    await eventually("all handled", () => handled.length === 5);
    await sleep(200);
    expect(idsOf(A)).toEqual([1, 2, 4, 10]);
    expect(idsOf(B)).toEqual([3]);
    // Chat B did not wait for chat A's slow update.
    expect(handled.findIndex((h) => h.id === 3)).toBeLessThan(handled.findIndex((h) => h.id === 1));
    // Handled exactly once each, the done one never, and nothing is left pending.
    expect(handled.map((h) => h.id).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 10]);
    await eventually("nothing pending", async () => (await store.pending()).length === 0);
  });

  it("skips an update Telegram delivers again after it was handled", async () => {
    const u = tg.user();
    await store.store([textUpdate(50, u.id, "handled before the crash")]);
    await store.finish(50);
    tg.pushUpdate(textUpdate(50, u.id, "handled before the crash"));
    const next = tg.pushUpdate(textUpdate(51, u.id, "new"));
    intake();
    await eventually("the new one handled", () => handled.some((h) => h.id === next));
    await sleep(100);
    expect(handled.map((h) => h.id)).toEqual([51]);
  });

  it("lets one process poll; when it stops, after its running update, another takes over", async () => {
    const first = intake();
    const second = intake();
    await eventually("one poller", () => first.isPolling() || second.isPolling());
    await sleep(300);
    expect([first.isPolling(), second.isPolling()].filter(Boolean)).toHaveLength(1);
    const [leader, standby] = first.isPolling() ? [first, second] : [second, first];

    const u = tg.user();
    u.send("slow");
    await eventually("the slow update running", async () => (await store.pending()).length === 1);
    // Stop while it runs: it finishes here before the role is handed over.
    const stopped = leader.stop();
    await sleep(20);
    expect(handled).toHaveLength(0);
    await stopped;
    expect(handled.map((h) => h.text)).toEqual(["slow"]);
    expect(leader.isPolling()).toBe(false);

    u.send("after the handover");
    await eventually("the standby polls", () => standby.isPolling());
    await eventually("handled by the standby", () => handled.length === 2);
    expect(handled.map((h) => h.text)).toEqual(["slow", "after the handover"]);
  });

  it("leaves the updates not started yet stored at a graceful stop, for the next start", async () => {
    await store.store([textUpdate(1, 8001, "slow"), textUpdate(2, 8002, "second"), textUpdate(3, 8003, "third")]);
    // One at a time: the first runs, the other two wait in the intake's queue.
    const leader = intake({ concurrency: 1 });
    await sleep(100);
    await leader.stop();
    expect(handled.map((h) => h.text)).toEqual(["slow"]);
    expect((await store.pending()).map((p) => p.update_id)).toEqual([2, 3]);

    intake();
    await eventually("handled at the next start", () => handled.length === 3);
    expect(handled.map((h) => h.text)).toEqual(["slow", "second", "third"]);
  });

  it("stops polling when another process holds the lease (this one stalled past it)", async () => {
    const leader = intake();
    await eventually("polling", () => leader.isPolling());
    await redis.redis.set(store.k.lease, "someone-else", "PX", 60_000);
    await eventually("gave up the role", () => !leader.isPolling());
    const u = tg.user();
    u.send("for the other poller");
    await sleep(500);
    expect(handled).toEqual([]);
  });

  it("waits out a 409 Conflict (another poller outside the lease) and goes on", async () => {
    let conflicts = 0;
    tg.respond("getUpdates", () =>
      conflicts++ < 3 ? { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" } : undefined,
    );
    intake();
    const u = tg.user();
    u.send("hello");
    await eventually("handled after the conflict", () => handled.length === 1);
    expect(conflicts).toBeGreaterThanOrEqual(3);
  });
});
