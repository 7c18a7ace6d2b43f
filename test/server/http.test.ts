import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HealthCheck } from "../../src/server/health.js";
import { closeServer, createHttpServer, listen, SECRET_HEADER } from "../../src/server/http.js";
import { ALLOWED_UPDATES, setWebhook, webhookRoute } from "../../src/server/webhook.js";
import { startHarness, type Harness } from "../support/harness.js";

const SECRET = "srv-test-secret_0123456789";
const WEBHOOK_URL = "https://bot.example.com/tg/webhook";

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const s = createServer();
  const port = await listen(s, 0, "127.0.0.1");
  await closeServer(s);
  return port;
}

let updateNo = 1;
function startUpdate(userId: number): Record<string, unknown> {
  const n = updateNo++;
  return {
    update_id: 900_000 + n,
    message: {
      message_id: n,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "Web" },
      from: { id: userId, is_bot: false, first_name: "Web", language_code: "en" },
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  };
}

async function serve(h: Harness, withWebhook: boolean): Promise<{ server: Server; base: string }> {
  const server = createHttpServer({
    logger: h.deps.logger,
    metrics: h.deps.metrics,
    health: new HealthCheck(h.deps),
    webhook: withWebhook ? webhookRoute(h.bot, WEBHOOK_URL, SECRET) : undefined,
  });
  const port = await listen(server, 0, "127.0.0.1");
  return { server, base: `http://127.0.0.1:${port}` };
}

describe("webhook mode", () => {
  let h: Harness;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    h = await startHarness({ startBot: false, env: { BOT_MODE: "webhook", WEBHOOK_URL, WEBHOOK_SECRET: SECRET } });
    ({ server, base } = await serve(h, true));
  });
  afterAll(async () => {
    await closeServer(server);
    await h.stop();
  });

  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${base}/tg/webhook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const sentTo = (chatId: number) => h.tg.calls("sendMessage").filter((c) => Number(c.payload.chat_id) === chatId);

  it("handles an update that carries the secret, and refuses (401, unprocessed) one without it or with a wrong one", async () => {
    const noHeader = await post(startUpdate(3001), {});
    expect(noHeader.status).toBe(401);
    const wrong = await post(startUpdate(3002), { [SECRET_HEADER]: `${SECRET}x` });
    expect(wrong.status).toBe(401);
    const almost = await post(startUpdate(3003), { [SECRET_HEADER]: SECRET.replace(/.$/, "Z") });
    expect(almost.status).toBe(401);

    const right = await post(startUpdate(3004), { [SECRET_HEADER]: SECRET });
    expect(right.status).toBe(200);
    // The bot answers before the webhook request returns.
    expect(sentTo(3004)).toHaveLength(1);
    expect(sentTo(3004)[0]!.payload.text).toContain("Choose your language");
    for (const refused of [3001, 3002, 3003]) {
      expect(sentTo(refused)).toHaveLength(0);
      expect(await h.deps.users.get(refused)).toBeNull();
    }
  });

  it("answers a body that is not JSON with 400", async () => {
    const res = await fetch(`${base}/tg/webhook`, { method: "POST", headers: { [SECRET_HEADER]: SECRET }, body: "{nope" });
    expect(res.status).toBe(400);
  });

  it("an update whose handler throws is answered 200 (no redelivery loop) and the user hears about it", async () => {
    h.tg.respond("sendMessage", (p) =>
      Number(p.chat_id) === 3005 && String(p.text).includes("Choose your language") ? { ok: false, error_code: 400, description: "Bad Request: test failure" } : undefined,
    );
    const res = await post(startUpdate(3005), { [SECRET_HEADER]: SECRET });
    expect(res.status).toBe(200);
    expect(sentTo(3005).map((c) => String(c.payload.text))).toContain("⚠️ Something went wrong. Please try again in a minute.");
    h.tg.clearResponders();
  });

  it("sets the webhook with the secret and the update kinds the bot handles", async () => {
    await setWebhook(h.bot, WEBHOOK_URL, SECRET);
    const call = h.tg.calls("setWebhook").at(-1)!;
    expect(call.payload).toMatchObject({ url: WEBHOOK_URL, secret_token: SECRET, allowed_updates: [...ALLOWED_UPDATES] });
  });

  it("serves only its routes", async () => {
    expect((await fetch(`${base}/tg/webhook`)).status).toBe(404);
    expect((await fetch(`${base}/other`, { method: "POST", headers: { [SECRET_HEADER]: SECRET }, body: "{}" })).status).toBe(404);
  });
});

describe("/healthz and /metrics", () => {
  let h: Harness;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    h = await startHarness({ startBot: false });
    ({ server, base } = await serve(h, false));
  });
  afterAll(async () => {
    await closeServer(server);
    await h.stop();
  });

  it("/healthz is 200 when Redis and the panel answer, and asks the panel at most once per period", async () => {
    const before = h.sim.counts().balance ?? 0;
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ redis: "ok", panel: "ok" });
    await fetch(`${base}/healthz`);
    await fetch(`${base}/healthz`);
    expect((h.sim.counts().balance ?? 0) - before).toBe(1);
  });

  it("/metrics serves Prometheus text without any secret", async () => {
    await fetch(`${base}/healthz`);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain("# TYPE panelbot_updates_handled_total counter");
    expect(text).toContain("panelbot_process_resident_memory_bytes");
    for (const secret of [h.config.panel.key, h.config.botToken, h.config.botToken.split(":")[1]!]) expect(text).not.toContain(secret);
  });

  it("serves /healthz and /metrics without a webhook route (polling and --worker mode)", async () => {
    expect((await fetch(`${base}/webhook`, { method: "POST", body: "{}" })).status).toBe(404);
  });
});

describe("/healthz when something is down", () => {
  it("is 503 and names the panel when the panel cannot be reached, never showing the key", async () => {
    const h = await startHarness({ startBot: false, env: { PANEL_API_URL: `http://127.0.0.1:${await closedPort()}/api/v2` } });
    const { server, base } = await serve(h, false);
    try {
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(503);
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ redis: "ok", panel: "down" });
      expect(body).not.toContain(h.config.panel.key);
    } finally {
      await closeServer(server);
      await h.stop();
    }
  });

  it("says `refused` when the panel rejects the key", async () => {
    const h = await startHarness({ startBot: false, env: { PANEL_API_KEY: "wrong-key-wrong-key" } });
    const { server, base } = await serve(h, false);
    try {
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ redis: "ok", panel: "refused" });
    } finally {
      await closeServer(server);
      await h.stop();
    }
  });

  it("names Redis when it does not answer", async () => {
    const h = await startHarness({ startBot: false });
    const { Redis } = await import("ioredis");
    const deadRedis = new Redis(`redis://127.0.0.1:${await closedPort()}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    deadRedis.on("error", () => undefined);
    const health = new HealthCheck({ redis: deadRedis, panel: h.deps.panel }, { redisTimeoutMs: 500 });
    try {
      expect(await health.check()).toEqual({ healthy: false, body: { redis: "down", panel: "ok" } });
    } finally {
      deadRedis.disconnect();
      await h.stop();
    }
  });
});

describe("HTTP server lifecycle", () => {
  it("listen(0) picks a free port and closeServer releases it", async () => {
    const h = await startHarness({ startBot: false });
    const { server, base } = await serve(h, false);
    const port = Number(new URL(base).port);
    expect(port).toBeGreaterThan(0);
    expect((server.address() as AddressInfo).port).toBe(port);
    await closeServer(server);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    await h.stop();
  });
});

describe("HealthCheck", () => {
  it("counts a panel that does not answer in time as down, and shares one panel request between probes", async () => {
    let calls = 0;
    let answer: () => void = () => undefined;
    const panel = {
      balance: () => {
        calls++;
        return new Promise<void>((resolve) => {
          answer = resolve;
        });
      },
    };
    const h = await startHarness({ startBot: false });
    try {
      const health = new HealthCheck({ redis: h.deps.redis, panel }, { panelTimeoutMs: 50 });
      const [first, second] = await Promise.all([health.check(), health.check()]);
      expect(first.body).toEqual({ redis: "ok", panel: "down" });
      expect(second.body).toEqual({ redis: "ok", panel: "down" });
      expect(calls).toBe(1);
      answer();
    } finally {
      await h.stop();
    }
  });
});
