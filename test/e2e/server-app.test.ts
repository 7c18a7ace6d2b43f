import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startApp } from "../../src/main.js";
import { startPanelSimulator, type PanelSimulator } from "../../src/panel/simulator/server.js";
import { SECRET_HEADER } from "../../src/server/http.js";
import { BroadcastStore } from "../../src/store/broadcasts.js";
import { UserStore } from "../../src/store/users.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const ADMIN = 5550;
const SECRET = "app-test-secret-0123456789";

describe("the process in each mode", () => {
  let tg: FakeBotApi;
  let sim: PanelSimulator;
  let redis: TestRedis;
  let stop: (() => Promise<void>) | undefined;

  async function start(env: Record<string, string>, worker = false) {
    tg = await startFakeBotApi();
    sim = await startPanelSimulator({ auto: false });
    redis = await testRedis("srvapp");
    const config = parseConfig({
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      PANEL_API_URL: sim.url,
      PANEL_API_KEY: sim.apiKey,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      ADMIN_IDS: String(ADMIN),
      PORT: "0",
      LOG_LEVEL: "silent",
      ...env,
    });
    const logger = createLogger({ level: "silent", pretty: false, secrets: [] });
    const app = await startApp(config, logger, { worker });
    stop = app.stop;
    return `http://127.0.0.1:${app.port}`;
  }

  afterEach(async () => {
    await stop?.();
    stop = undefined;
    await tg.close();
    await sim.close();
    await redis.cleanup();
  });

  it("polling: answers users, sets both menus (the admin's in the admin's chat), serves /healthz, and stops cleanly", async () => {
    const base = await start({});
    const u = tg.user({ languageCode: "en" });
    u.send("/start");
    expect((await u.waitForMessage()).text).toContain("Choose your language");
    expect(tg.calls("deleteWebhook")).toHaveLength(1);

    const menus = tg.calls("setMyCommands").map((c) => c.payload);
    const adminMenus = menus.filter((p) => p.scope?.type === "chat" && Number(p.scope.chat_id) === ADMIN);
    expect(adminMenus.map((p) => p.language_code ?? "default").sort()).toEqual(["default", "en", "ru", "uz"]);
    const userRu = menus.find((p) => p.scope === undefined && p.language_code === "ru")!.commands as { command: string; description: string }[];
    expect(userRu.find((c) => c.command === "order")!.description).toBe("Новый заказ");
    const adminEn = adminMenus.find((p) => p.language_code === "en")!.commands as { command: string; description: string }[];
    expect(adminEn.map((c) => c.command)).toEqual(expect.arrayContaining(["order", "balance", "topup", "user", "settle", "stats", "broadcast"]));
    for (const p of menus.filter((p) => p.scope === undefined)) {
      expect((p.commands as { command: string }[]).map((c) => c.command)).not.toContain("topup");
    }

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await stop!();
    stop = undefined;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("webhook: sets the webhook with its secret and handles only authenticated updates", async () => {
    const base = await start({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.com/hook", WEBHOOK_SECRET: SECRET });
    expect(tg.calls("setWebhook").at(-1)!.payload).toMatchObject({ url: "https://bot.example.com/hook", secret_token: SECRET });
    expect(tg.calls("getUpdates")).toHaveLength(0);
    const update = (id: number) => ({
      update_id: id,
      message: {
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 4242, type: "private", first_name: "W" },
        from: { id: 4242, is_bot: false, first_name: "W", language_code: "en" },
        text: "/help",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      },
    });
    const send = (id: number, headers: Record<string, string>) =>
      fetch(`${base}/hook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(update(id)) });
    expect((await send(1, {})).status).toBe(401);
    expect(tg.calls("sendMessage")).toHaveLength(0);
    expect((await send(2, { [SECRET_HEADER]: SECRET })).status).toBe(200);
    expect(tg.calls("sendMessage")).toHaveLength(1);
  });

  it("--worker: takes no updates but serves /healthz and /metrics, and runs the background work (broadcasts here)", async () => {
    const base = await start({}, true);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);

    // A broadcast an admin started in a bot process: the worker alone carries it out.
    const admin = tg.user({ id: ADMIN });
    const customer = tg.user({ id: 5551 });
    admin.send("News for everyone");
    const users = new UserStore(redis.redis, redis.prefix);
    for (const u of [admin, customer]) await users.touch({ id: u.id, chatId: u.chatId });
    await new BroadcastStore(redis.redis, redis.prefix).create({ adminId: ADMIN, adminChatId: ADMIN, locale: "en", fromChatId: ADMIN, messageId: 1, users: 2 });
    const copy = await customer.waitForMessage((m) => m.method === "copyMessage", { since: 0, timeoutMs: 10_000 });
    expect(copy.text).toBe("News for everyone");

    expect(tg.calls("getMe")).toHaveLength(0);
    expect(tg.calls("getUpdates")).toHaveLength(0);
  });
});
