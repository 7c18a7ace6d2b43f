import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPanelSimulator, type PanelSimulator } from "../../src/panel/simulator/server.js";
import { broadcastTag } from "../../src/services/broadcast.js";
import { BroadcastStore } from "../../src/store/broadcasts.js";
import { keys } from "../../src/store/keys.js";
import { OutboxStore } from "../../src/store/outbox.js";
import { UserStore } from "../../src/store/users.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const MAIN = resolve("src/main.ts");
const TSX = import.meta.resolve("tsx");
const ADMIN = 6100;
const USERS = [6201, 6202, 6203, 6204, 6205];
/** copies whose answers Telegram holds when the process is killed */
const IN_FLIGHT = 2;

describe("a broadcast killed with copies in flight", () => {
  let tg: FakeBotApi;
  let sim: PanelSimulator;
  let redis: TestRedis;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  /** `npm run worker`: the process that sends broadcast copies. */
  function worker(): ChildProcess {
    const child = spawn(process.execPath, ["--import", TSX, MAIN, "--worker"], { env: { PATH: process.env.PATH!, ...env }, stdio: "ignore" });
    children.push(child);
    return child;
  }
  const copiesTo = (chatId: number) => tg.calls("copyMessage").filter((c) => Number(c.payload.chat_id) === chatId).length;

  beforeAll(async () => {
    tg = await startFakeBotApi();
    sim = await startPanelSimulator({ auto: false });
    redis = await testRedis("bckill");
    env = {
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      PANEL_API_URL: sim.url,
      PANEL_API_KEY: sim.apiKey,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      ADMIN_IDS: String(ADMIN),
      LOG_LEVEL: "silent",
      PORT: "0",
    };
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await tg.close();
    await sim.close();
    await redis.cleanup();
  });

  it("nobody gets two: copies sent but unanswered count as maybe delivered after the restart, the rest are delivered once", async () => {
    const users = new UserStore(redis.redis, redis.prefix);
    for (const id of USERS) await users.touch({ id, chatId: id });
    // The message to copy: the admin's first in a fresh chat (id 1).
    tg.user({ id: ADMIN }).send("Big sale today!");
    const broadcasts = new BroadcastStore(redis.redis, redis.prefix);
    const id = await broadcasts.create({ adminId: ADMIN, adminChatId: ADMIN, locale: "en", fromChatId: ADMIN, messageId: 1, users: USERS.length });
    const outbox = new OutboxStore(redis.redis, redis.prefix);

    // Telegram delivers the first copies but their answers do not come back before the kill.
    const held = tg.holdAnswers("copyMessage", IN_FLIGHT);
    const first = worker();
    await vi.waitFor(
      async () => {
        expect(tg.calls("copyMessage")).toHaveLength(USERS.length);
        expect((await outbox.tagCounts(broadcastTag(id))).delivered).toBe(USERS.length - IN_FLIGHT);
      },
      { timeout: 60_000, interval: 100 },
    );
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    held.release();
    // Before the restart every user has had one copy: the held ones too, as Telegram took them.
    for (const u of USERS) expect(copiesTo(u)).toBe(1);

    // Time passes: the dead process's chat leases run out (60 s in production).
    const k = keys(redis.prefix).outbox;
    for (const chat of await redis.redis.zrange(k.ready, 0, -1)) await redis.redis.zadd(k.ready, Date.now() - 1, chat);

    worker();
    await vi.waitFor(async () => expect(await redis.redis.hget(keys(redis.prefix).broadcast.job(id), "phase")).toBe("done"), { timeout: 60_000, interval: 100 });
    for (const u of USERS) expect({ user: u, copies: copiesTo(u) }).toEqual({ user: u, copies: 1 });
    expect(await outbox.tagCounts(broadcastTag(id))).toEqual({ delivered: USERS.length - IN_FLIGHT, blocked: 0, failed: 0, maybe: IN_FLIGHT });
    const done = await tg.waitForCall((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === ADMIN && String(c.payload.text).includes("finished"), { timeoutMs: 30_000 });
    expect(done.payload.text).toContain(`✅ ${USERS.length - IN_FLIGHT} delivered`);
    expect(done.payload.text).toContain(`❔ ${IN_FLIGHT} maybe delivered`);
  }, 180_000);
});
