import { performance } from "node:perf_hooks";
import { Api } from "grammy";
import { createLogger } from "../src/logger.js";
import { createMetrics } from "../src/metrics.js";
import { RedisOutbox } from "../src/outbound/outbox.js";
import { OutboxSender } from "../src/outbound/sender.js";
import { OutboxStore } from "../src/store/outbox.js";
import { createRedis } from "../src/store/redis.js";
import { UserStore } from "../src/store/users.js";
import { startFakeBotApi } from "../test/support/fake-bot-api.js";
import { round, type BenchResult } from "./lib.js";
import { unlinkByPrefix } from "../test/support/redis.js";

const MESSAGES = 2_000;
const CHATS = 400;
const GLOBAL_RATE = 300;
/** the run stops by itself after this long, finished or not */
const DEADLINE_MS = 30_000;

/**
 * 2,000 notifications (5 to each of 400 chats) queued through RedisOutbox, then drained by one
 * OutboxSender with the global limit at 300/s into the fake Bot API over HTTP. Checked from the
 * fake's recorded arrival times: the rate, the busiest 1-second window, per-chat spacing, and
 * that every message arrived exactly once.
 */
export async function outboundBench(redisUrl: string): Promise<BenchResult> {
  const tg = await startFakeBotApi();
  const redis = createRedis(redisUrl);
  const prefix = `bench:outbound:${process.pid}:`;
  let logErrors = 0;
  const logger = createLogger({
    level: "info",
    pretty: false,
    secrets: [tg.token],
    destination: { write: (line: string) => void (/"level":(50|60)/.test(line) && logErrors++) },
  });
  const store = new OutboxStore(redis, prefix);
  const outbox = new RedisOutbox(store);
  // A plain Api, no auto-retry: the sender handles 429s itself.
  const api = new Api(tg.token, { apiRoot: tg.apiRoot });
  const sender = new OutboxSender({ store, api, users: new UserStore(redis, prefix), metrics: createMetrics(), logger, outbox }, { globalRate: GLOBAL_RATE });
  try {
    const chatIds = Array.from({ length: CHATS }, (_, i) => 900_000_000 + i);
    // Round-robin over the chats, as an order-status wave or a broadcast fills the queue.
    const e0 = performance.now();
    await Promise.all(Array.from({ length: MESSAGES }, (_, i) => outbox.enqueue({ chatId: chatIds[i % CHATS]!, text: `bench notification #${i}`, key: `bench:${i}` })));
    const enqueueMs = performance.now() - e0;

    const t0 = performance.now();
    sender.start();
    while ((await outbox.pendingCount()) > 0 && performance.now() - t0 < DEADLINE_MS) await new Promise((r) => setTimeout(r, 20));
    const drainMs = performance.now() - t0;
    await sender.stop();

    const sends = tg.calls("sendMessage").filter((c) => c.response?.ok);
    const refused = tg.calls("sendMessage").length - sends.length;
    const at = sends.map((c) => c.at).sort((a, b) => a - b);
    const texts = new Set(sends.map((c) => String(c.payload.text)));
    const expected = new Set(Array.from({ length: MESSAGES }, (_, i) => `bench notification #${i}`));
    const lost = [...expected].filter((t) => !texts.has(t)).length;
    const duplicates = sends.length - texts.size;
    const pending = await outbox.pendingCount();

    const maxWindow = maxInWindow(at, 1000);
    // The same from the second second on: whether the excess is a start-up burst or the steady pace.
    const maxLater = maxInWindow(
      at.filter((t) => t >= at[0]! + 1000),
      1000,
    );
    const firstSecond = at.filter((t) => t < at[0]! + 1000).length;
    const spanS = at.length > 1 ? (at.at(-1)! - at[0]!) / 1000 : NaN;
    // A message marks the start of each second: the first second holds one more arrival than the
    // rate. The rate is what the whole run kept up: arrivals after the first over the time they took.
    const rate = (at.length - 1) / spanS;
    const steady = steadyRate(at, 1000);

    const byChat = new Map<number, number[]>();
    for (const c of sends) {
      const list = byChat.get(Number(c.payload.chat_id)) ?? [];
      list.push(c.at);
      byChat.set(Number(c.payload.chat_id), list);
    }
    let minGap = Infinity;
    let perChatOver = 0;
    for (const list of byChat.values()) {
      list.sort((a, b) => a - b);
      for (let i = 1; i < list.length; i++) {
        const gap = list[i]! - list[i - 1]!;
        minGap = Math.min(minGap, gap);
        if (gap < 1000) perChatOver++;
      }
    }

    return {
      name: "outbound",
      setup:
        `${MESSAGES} messages (${MESSAGES / CHATS} to each of ${CHATS} chats) queued through RedisOutbox, then 1 OutboxSender in this process, global limit ${GLOBAL_RATE}/s, ` +
        `1 message/s per chat, into the fake Bot API over HTTP; rates and windows from the fake's arrival times (ms)`,
      figures: {
        "enqueue ms (all, concurrently)": round(enqueueMs, 0),
        "drain ms (sender start → queue empty)": round(drainMs, 0),
        "messages arrived": sends.length,
        "achieved rate /s (first → last arrival)": round(rate, 1),
        "lowest rate in a full 1 s window /s": steady.min,
        "busiest 1 s window": maxWindow,
        "arrivals in the first second": firstSecond,
        "busiest 1 s window after the first second": maxLater,
        "per chat: shortest gap ms": minGap === Infinity ? "-" : minGap,
        "per chat: gaps under 1 s": perChatOver,
        "lost / duplicated / still queued / refused": `${lost} / ${duplicates} / ${pending} / ${refused}`,
        "logged errors": logErrors,
      },
      targets: [
        { what: "rate within 95 % of the limit", value: round(rate, 1), target: `≥ ${GLOBAL_RATE * 0.95} /s`, ok: rate >= GLOBAL_RATE * 0.95 },
        { what: "busiest 1 s window not above the limit", value: maxWindow, target: `≤ ${GLOBAL_RATE}`, ok: maxWindow <= GLOBAL_RATE },
        { what: "per chat at most 1 message/s", value: perChatOver, target: "0 gaps < 1 s", ok: perChatOver === 0 },
        { what: "messages lost or duplicated", value: lost + duplicates + pending, target: "0", ok: lost + duplicates + pending === 0 && sends.length === MESSAGES },
      ],
    };
  } finally {
    await sender.stop();
    await tg.close();
    await unlinkByPrefix(redis, prefix);
    redis.disconnect();
  }
}

/** The most timestamps (sorted, ms) in any window [t, t + windowMs). */
export function maxInWindow(sorted: number[], windowMs: number): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Fewest arrivals in a full window [t, t + windowMs) that starts at an arrival and ends before the last one. */
function steadyRate(sorted: number[], windowMs: number): { min: number } {
  let min = Infinity;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]! + windowMs > sorted.at(-1)!) break;
    j = Math.max(j, i);
    while (j < sorted.length && sorted[j]! < sorted[i]! + windowMs) j++;
    min = Math.min(min, j - i);
  }
  return { min: min === Infinity ? 0 : min };
}
