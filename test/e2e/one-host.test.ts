import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { startPanelSimulator, type PanelSimulator } from "../../src/panel/simulator/server.js";
import { eventually } from "../support/eventually.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const MAIN = resolve("src/main.ts");
/** tsx by its own path: the processes run in a directory of their own, without node_modules. */
const TSX = import.meta.resolve("tsx");

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

interface Proc {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** One process as an operator starts it on the host: `npm start` or `npm run worker`, in the directory with .env. */
function startProcess(cwd: string, worker: boolean, env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, ...(worker ? ["--worker"] : [])], { cwd, env: { PATH: process.env.PATH!, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, stderr: () => err, exited };
}

const healthy = async (port: number) => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200;

describe("config: a worker's own port", () => {
  const base = { BOT_TOKEN: "1:abc", PANEL_API_KEY: "k" };
  it("defaults to PORT + 1, takes WORKER_PORT, and keeps 0 (any free port)", () => {
    expect(parseConfig(base).workerPort).toBe(8081);
    expect(parseConfig({ ...base, PORT: "9000" }).workerPort).toBe(9001);
    expect(parseConfig({ ...base, WORKER_PORT: "9100" }).workerPort).toBe(9100);
    expect(parseConfig({ ...base, PORT: "0" }).workerPort).toBe(0);
  });
});

describe("a bot and two workers on one host, one .env", () => {
  let tg: FakeBotApi;
  let sim: PanelSimulator;
  let redis: TestRedis;
  let dir: string;
  const procs: Proc[] = [];
  const ports = { bot: 0, worker: 0, worker2: 0 };

  beforeAll(async () => {
    tg = await startFakeBotApi();
    sim = await startPanelSimulator({ auto: false });
    redis = await testRedis("onehost");
    dir = await mkdtemp(join(tmpdir(), "pb-host-"));
    ports.bot = await freePort();
    ports.worker = await freePort();
    ports.worker2 = await freePort();
    const env = {
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      PANEL_API_URL: sim.url,
      PANEL_API_KEY: sim.apiKey,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      LOG_LEVEL: "silent",
      PORT: String(ports.bot),
      WORKER_PORT: String(ports.worker),
    };
    await writeFile(
      join(dir, ".env"),
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join("\n"),
    );
  }, 30_000);
  afterAll(async () => {
    for (const p of procs) p.child.kill("SIGTERM");
    await Promise.all(procs.map((p) => p.exited));
    await tg.close();
    await sim.close();
    await redis.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it("each process serves its own /healthz and /metrics; the bot answers; a third worker without its own port says which variable to set", async () => {
    procs.push(startProcess(dir, false));
    procs.push(startProcess(dir, true));
    // The second worker's own setting, as a systemd unit or `WORKER_PORT=… npm run worker` gives it.
    procs.push(startProcess(dir, true, { WORKER_PORT: String(ports.worker2) }));
    for (const port of Object.values(ports)) {
      await eventually(`/healthz on ${port} (${procs.map((p) => p.stderr()).join(" | ")})`, () => healthy(port), 45_000);
    }
    for (const port of Object.values(ports)) expect((await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).length).toBeGreaterThan(0);

    const u = tg.user({ languageCode: "en" });
    u.send("/start");
    expect((await u.waitForMessage(undefined, { timeoutMs: 20_000 })).text).toContain("Choose your language");

    const third = startProcess(dir, true);
    expect(await third.exited).toBe(1);
    const lines = third.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`WORKER_PORT=${ports.worker} is already in use on this host`);
    const secondBot = startProcess(dir, false);
    expect(await secondBot.exited).toBe(1);
    expect(secondBot.stderr().trim()).toMatch(new RegExp(`^PORT=${ports.bot} is already in use on this host.*WORKER_PORT instead\\)$`));
    for (const p of procs) expect(p.child.exitCode).toBeNull();
  }, 120_000);
});
