/**
 * A process that runs only the order poller, for bench/poller.ts: its RSS is the worker's alone.
 * Built like the worker (createDeps with a RedisOutbox); driven by JSON lines on stdin, answered by
 * JSON lines on stdout. It stops when stdin closes (its parent ended or died).
 *
 * {"cmd":"round"}              one poll round over every order due now (runPollRound)
 * {"cmd":"baseline","ids":[…]} the same work one order at a time, one `status` request per order
 * {"cmd":"loop","ms":…,"intervalMs":…,"maxIntervalMs":…,"naive":bool}  the worker's tracker loop for `ms` (naive: no hold, no look-ahead:
 *                              each wake-up sends what is due, the way before the batching rule)
 *
 * BENCH_PANEL_URL, BENCH_PANEL_KEY, BENCH_REDIS_URL, BENCH_PREFIX.
 */
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { createDeps } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { RedisOutbox } from "../src/outbound/outbox.js";
import { OrderTracker, runPollRound } from "../src/poller/tracker.js";
import { keys } from "../src/store/keys.js";
import { decodeHash, encodeUpdate } from "../src/store/order-codec.js";
import { createRedis } from "../src/store/redis.js";

const env = process.env;
const config = parseConfig({
  BOT_TOKEN: "123456:BENCH-TOKEN",
  TELEGRAM_API_ROOT: "http://127.0.0.1:9",
  PANEL_API_URL: env.BENCH_PANEL_URL,
  PANEL_API_KEY: env.BENCH_PANEL_KEY,
  REDIS_URL: env.BENCH_REDIS_URL,
  REDIS_PREFIX: env.BENCH_PREFIX,
  LOG_LEVEL: "info",
});
let logErrors = 0;
// Production log level, written nowhere: formatting the lines is part of the work.
const logger = createLogger({
  level: config.log.level,
  pretty: false,
  secrets: [config.botToken, config.panel.key],
  destination: { write: (line: string) => void (/"level":(50|60)/.test(line) && logErrors++) },
});
const redis = createRedis(config.redis.url);
const deps = createDeps(config, logger, { redis, outbox: (store) => new RedisOutbox(store) });

// Client-side counts: commands sent, and socket writes (one per pipeline or auto-pipelined flush = one round trip).
let commands = 0;
let writes = 0;
const sendCommand = redis.sendCommand.bind(redis);
redis.sendCommand = (...args: Parameters<typeof redis.sendCommand>) => {
  commands++;
  return sendCommand(...args);
};
await redis.ping();
const stream = (redis as unknown as { stream: { write: (...a: unknown[]) => boolean } }).stream;
const write = stream.write.bind(stream);
stream.write = (...a: unknown[]) => {
  writes++;
  return write(...a);
};

const memory = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
};
const answer = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function baseline(ids: string[]): Promise<object> {
  const k = keys(config.redis.prefix);
  let requests = 0;
  let changed = 0;
  const t0 = performance.now();
  for (const id of ids) {
    const h = decodeHash(id, await redis.hgetall(k.order(id)));
    if (!h?.panelOrderId) continue;
    const live = await deps.panel.status(h.panelOrderId);
    requests++;
    const fields: Record<string, string> = { status: live.status, statusRaw: live.statusRaw };
    if (live.remains !== null) fields.remains = String(live.remains);
    if (live.startCount !== null) fields.startCount = String(live.startCount);
    if (Object.entries(fields).some(([f, v]) => h[f] !== v)) {
      changed++;
      await redis.hset(k.order(id), encodeUpdate({ ...fields, updatedAt: String(Date.now()) }).set);
    }
  }
  return { ms: performance.now() - t0, orders: ids.length, requests, changed };
}

answer({ ready: true, ...memory() });
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === "") continue;
  const msg = JSON.parse(line) as { cmd: string; ids?: string[] };
  commands = 0;
  writes = 0;
  const cpu0 = process.cpuUsage();
  if (msg.cmd === "round") {
    const stats = await runPollRound(deps);
    const cpu = process.cpuUsage(cpu0);
    answer({ stats, commands, writes, cpuMs: (cpu.user + cpu.system) / 1000, logErrors, ...memory() });
  } else if (msg.cmd === "loop") {
    const m = msg as unknown as { ms: number; intervalMs: number; maxIntervalMs?: number; naive?: boolean };
    const tracker = new OrderTracker(deps, {
      timing: { intervalMs: m.intervalMs, maxIntervalMs: m.maxIntervalMs ?? config.poll.maxIntervalMs },
      ...(m.naive ? { holdMs: 0, lookaheadMs: 0 } : {}),
    });
    tracker.start();
    await new Promise((r) => setTimeout(r, m.ms));
    await tracker.stop();
    const cpu = process.cpuUsage(cpu0);
    answer({ cpuMs: (cpu.user + cpu.system) / 1000, logErrors, ...memory() });
  } else if (msg.cmd === "baseline") {
    const res = await baseline(msg.ids ?? []);
    answer({ ...res, commands, writes, ...memory() });
  }
}
await deps.panel.close();
redis.disconnect();
process.exit(0);
