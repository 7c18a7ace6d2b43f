import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createDeps } from "../src/app.js";
import { createBot } from "../src/bot/index.js";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { D } from "../src/money.js";
import type { OutboundMessage } from "../src/outbound/types.js";
import { rng } from "../src/panel/simulator/random.js";
import { orderKind, type Catalog } from "../src/store/catalog.js";
import { createRedis } from "../src/store/redis.js";
import { atLeast, below, percentile, round, startSimProcess, type BenchResult } from "./lib.js";
import { unlinkByPrefix } from "../test/support/redis.js";

const SERVICES = 3_000;
const CATEGORIES = 100;
/** one walk = one user's 10 updates, from /start to Confirm */
const STEPS = 10;
const WARMUP_WALKS = 100;
/** one update at a time: the handling time itself, with no other update sharing the process */
const SEQUENTIAL_WALKS = 100;
/** closed loop: this many users walk at once, each sending its next update when the last is handled */
const THROUGHPUT_WALKS = 2_000;
const THROUGHPUT_USERS_AT_ONCE = 64;
/**
 * open loop: a crowd sending updates at this rate on average, the target rate, to read the handling
 * time under it. A user starts every STEPS/PACED_RATE s and sends each next update a think time after
 * the bot handled the last, so the users are spread over the walk as in real traffic.
 */
const PACED_RATE = 1_500;
const THINK_MS: [number, number] = [100, 300];
/** users keep arriving this long; handling times count for updates sent in the steady part of it */
const ARRIVALS_MS = 5_000;
const STEADY_FROM_MS = 2_000;
/** the open loop is run this many times (the machine is shared: one stall elsewhere moves a p99); the median p99 counts */
const PACED_RUNS = 3;
const PACED_WALKS = (PACED_RATE / STEPS) * (ARRIVALS_MS / 1000);
/** every phase stops by itself after this long, finished or not */
const PHASE_DEADLINE_MS = 60_000;

const BOT_INFO = {
  id: 123456,
  is_bot: true,
  first_name: "Bench",
  username: "panelbot_bench_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

/**
 * Telegram answered in-process: a transformer on the bot's Api (ordinary handlers), and a `fetch`
 * for the Api objects that conversations build from the bot's client options (so their payloads
 * are still serialised to JSON as on the wire). Remembers the draft id each chat was offered.
 */
class LocalTelegram {
  calls = 0;
  private nextMessageId = 1;
  readonly drafts = new Map<number, string>();

  answer(method: string, payload: Record<string, unknown>): unknown {
    this.calls++;
    const chatId = Number(payload.chat_id);
    const markup = payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined;
    for (const row of markup?.inline_keyboard ?? []) {
      for (const b of row) if (b.callback_data?.startsWith("oc:")) this.drafts.set(chatId, b.callback_data.slice(3));
    }
    const date = Math.floor(Date.now() / 1000);
    const chat = { id: chatId, type: "private", first_name: "User" };
    const from = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };
    switch (method) {
      case "sendMessage":
        return { message_id: this.nextMessageId++, date, chat, from, text: String(payload.text) };
      case "editMessageText":
        return { message_id: Number(payload.message_id), date, edit_date: date, chat, from, text: String(payload.text) };
      default:
        return true;
    }
  }

  transformer(): Transformer {
    return async (_prev, method, payload) => ({ ok: true, result: this.answer(method, payload) }) as never;
  }

  fetch(): typeof fetch {
    return (async (url: string | URL, init?: { body?: unknown }) => {
      const method = String(url).slice(String(url).lastIndexOf("/") + 1);
      const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
      const body = JSON.stringify({ ok: true, result: this.answer(method, payload) });
      return { ok: true, status: 200, json: async () => JSON.parse(body) as unknown, text: async () => body };
    }) as unknown as typeof fetch;
  }
}

/** Updates as Telegram sends them for one user in a private chat. */
class FakeUser {
  private static nextUpdateId = 1;
  private static nextQuery = 1;
  private messageId = 1;
  constructor(readonly id: number) {}

  private get from() {
    return { id: this.id, is_bot: false, first_name: `User${this.id}`, language_code: "en" };
  }
  private get chat() {
    return { id: this.id, type: "private" as const, first_name: `User${this.id}` };
  }

  text(text: string): Update {
    const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
    const message = { message_id: this.messageId++, date: Math.floor(Date.now() / 1000), chat: this.chat, from: this.from, text, ...(entities && { entities }) };
    return { update_id: FakeUser.nextUpdateId++, message };
  }

  press(data: string): Update {
    const message = { message_id: 1, date: Math.floor(Date.now() / 1000), chat: this.chat, from: { id: BOT_INFO.id, is_bot: true, first_name: "Bench" }, text: "…" };
    return { update_id: FakeUser.nextUpdateId++, callback_query: { id: `cq${FakeUser.nextQuery++}`, from: this.from, chat_instance: `ci${this.id}`, data, message } };
  }
}

interface Walk {
  user: FakeUser;
  step: number;
  steps: Array<() => Update>;
}

/**
 * A realistic mix of updates fed to `bot.handleUpdate` (Redis sessions and conversations on, the
 * panel simulator in its own process, Telegram answered in-process). Each user walks /start → menu
 * "New order" → categories page 2 → a category → its page 2 → a service → Order → link → quantity
 * → Confirm (which places the order at the simulator over HTTP).
 */
export async function updatesBench(redisUrl: string): Promise<BenchResult> {
  const sim = await startSimProcess({ services: SERVICES, categories: CATEGORIES });
  const redis = createRedis(redisUrl);
  const prefix = `bench:updates:${process.pid}:`;
  let logErrors = 0;
  const config = parseConfig({
    BOT_TOKEN: "123456:BENCH-TOKEN",
    TELEGRAM_API_ROOT: "http://127.0.0.1:9",
    PANEL_API_URL: sim.url,
    PANEL_API_KEY: sim.apiKey,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: "info",
  });
  // Production log level, written nowhere: the cost of formatting the lines is part of the work.
  const logger = createLogger({
    level: config.log.level,
    pretty: false,
    secrets: [config.botToken, config.panel.key],
    destination: {
      write: (line: string) => {
        if (/"level":(50|60)/.test(line)) logErrors++;
      },
    },
  });
  const outboxed: OutboundMessage[] = [];
  const deps = createDeps(config, logger, { redis, outbox: () => ({ enqueue: async (m) => (outboxed.push(m), true) }) });
  const telegram = new LocalTelegram();
  const bot = createBot(deps, { botInfo: BOT_INFO });
  bot.api.config.use(telegram.transformer());
  // Conversations build their Api from these options; the bot's own client has read them already.
  if (bot.api.options) bot.api.options.fetch = telegram.fetch();

  try {
    const catalog = await deps.catalog.get();
    const picks = walkPicks(catalog);
    const menuOrder = deps.i18n.t("en", "menu-order");
    let nextUserId = 7_000_000_000;

    const newWalks = async (count: number): Promise<Walk[]> => {
      const walks: Walk[] = [];
      for (let i = 0; i < count; i++) {
        const user = new FakeUser(nextUserId++);
        const { categoryKey, serviceId, quantity } = picks[i % picks.length]!;
        const steps = [
          () => user.text("/start"),
          () => user.text(menuOrder),
          () => user.press("cp:1"),
          () => user.press(`cs:${categoryKey}:0`),
          () => user.press(`cs:${categoryKey}:1`),
          () => user.press(`s:${serviceId}`),
          () => user.press(`o:${serviceId}`),
          () => user.text(`https://t.me/bench_${user.id}`),
          () => user.text(String(quantity)),
          () => user.press(`oc:${telegram.drafts.get(user.id) ?? "0"}`),
        ];
        walks.push({ user, step: 0, steps });
      }
      // Returning customers: language chosen, money in the wallet.
      await Promise.all(walks.flatMap((w) => [deps.users.setLocale(w.user.id, "en"), deps.wallet.credit(w.user.id, new D("1000"), { reason: "admin" })]));
      return walks;
    };

    const byStep: number[][] = Array.from({ length: STEPS }, () => []);
    const handle = async (w: Walk, times: number[]) => {
      const step = w.step++;
      const update = w.steps[step]!();
      const t0 = performance.now();
      await bot.handleUpdate(update);
      const ms = performance.now() - t0;
      times.push(ms);
      byStep[step]!.push(ms);
    };

    await closedLoop(await newWalks(WARMUP_WALKS), 16, handle, []);
    const placedBefore = await placedCount(deps.metrics);

    // One at a time: what handling an update costs by itself, by step of the walk.
    for (const b of byStep) b.length = 0;
    const seqTimes: number[] = [];
    await closedLoop(await newWalks(SEQUENTIAL_WALKS), 1, handle, seqTimes);
    const seqSorted = [...seqTimes].sort((a, b) => a - b);
    const seqByStep = byStep
      .map((b) =>
        round(
          percentile(
            [...b].sort((x, y) => x - y),
            50,
          ),
          2,
        ),
      )
      .join(" / ");

    // Closed loop: the most the bot handles per second.
    const throughputWalks = await newWalks(THROUGHPUT_WALKS);
    const loopTimes: number[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await closedLoop(throughputWalks, THROUGHPUT_USERS_AT_ONCE, handle, loopTimes);
    const loopMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const rate = loopTimes.length / (loopMs / 1000);

    // Open loop at the target rate: how long an update takes when updates come that fast.
    const paced: Array<{ sorted: number[]; rate: number; maxInFlight: number; cpu: number }> = [];
    const pacedTimes: number[] = [];
    for (const b of byStep) b.length = 0;
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    // Redis as the bot sees it meanwhile, on a connection of its own: a slow Redis shows here.
    const probe = createRedis(redisUrl);
    const pings: number[] = [];
    let probing = true;
    const pinger = (async () => {
      while (probing) {
        const t = performance.now();
        await probe.ping();
        pings.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const elu0 = performance.eventLoopUtilization();
    for (let run = 0; run < PACED_RUNS; run++) {
      const walks = await newWalks(PACED_WALKS);
      const c0 = process.cpuUsage();
      const crowd = await openLoop(walks, PACED_RATE, handle, run + 1);
      const c = process.cpuUsage(c0);
      const times = crowd.steady;
      paced.push({
        sorted: [...times].sort((a, b) => a - b),
        rate: times.length / ((ARRIVALS_MS - STEADY_FROM_MS) / 1000),
        maxInFlight: crowd.maxInFlight,
        cpu: ((c.user + c.system) / 1000 / crowd.ms) * 100,
      });
      pacedTimes.push(...times);
    }
    const elu = performance.eventLoopUtilization(elu0).utilization;
    loopDelay.disable();
    probing = false;
    await pinger;
    probe.disconnect();
    pings.sort((a, b) => a - b);
    const stepP99 = byStep
      .map((b) =>
        round(
          percentile(
            [...b].sort((x, y) => x - y),
            99,
          ),
          1,
        ),
      )
      .join(" / ");
    const p99s = paced.map((r) => percentile(r.sorted, 99));
    const p99 = [...p99s].sort((a, b) => a - b)[Math.floor(p99s.length / 2)]!;

    const placed = (await placedCount(deps.metrics)) - placedBefore;
    const errors = await errorCount(deps.metrics);
    const loopSorted = [...loopTimes].sort((a, b) => a - b);
    const pacedSorted = [...pacedTimes].sort((a, b) => a - b);
    const expectedPlaced = SEQUENTIAL_WALKS + THROUGHPUT_WALKS + PACED_RUNS * PACED_WALKS;
    const cpuShare = (cpu.user + cpu.system) / 1000 / loopMs;
    // Updates per second of one core's work: the process used more than one core (GC threads).
    const perCore = rate / Math.max(1, cpuShare);
    return {
      name: "updates",
      setup:
        `1 bot process (this one; the panel simulator in its own process, ${SERVICES} services/${CATEGORIES} categories), Redis sessions+conversations, ` +
        `Telegram answered in-process, log level info to a null sink. Walk of ${STEPS} updates per user: /start, menu, categories p2, category, its p2, service, Order, link, quantity, Confirm (panel add over HTTP). ` +
        `One at a time: ${SEQUENTIAL_WALKS} users; closed loop: ${THROUGHPUT_WALKS} users, ${THROUGHPUT_USERS_AT_ONCE} at once; open loop: ${PACED_RUNS} runs, each of ${PACED_WALKS} users arriving evenly over ${ARRIVALS_MS / 1000} s ` +
        `(${PACED_RATE} updates/s on average, ${THINK_MS[0]}-${THINK_MS[1]} ms think time between a reply and the next update; times of updates sent from ${STEADY_FROM_MS / 1000} s to ${ARRIVALS_MS / 1000} s); ` +
        `after ${WARMUP_WALKS} warm-up walks. ` +
        `node flags: ${process.execArgv.filter((a) => a.startsWith("--max")).join(" ") || "defaults"} (npm start's). ` +
        `Load average at start ${loadavg()[0]!.toFixed(2)} on ${cpus().length} CPUs (the machine is shared)`,
      figures: {
        "one at a time: handleUpdate p50 / p99 ms": `${round(percentile(seqSorted, 50))} / ${round(percentile(seqSorted, 99))}`,
        "one at a time: p50 ms by step (walk order)": seqByStep,
        "closed loop: updates": loopTimes.length,
        "closed loop: updates/s": round(rate, 0),
        "closed loop: CPU of this process, % of one core": round(cpuShare * 100, 0),
        "closed loop: updates/s per core (÷ CPU share)": round(perCore, 0),
        "closed loop: handleUpdate p50 ms": round(percentile(loopSorted, 50)),
        "closed loop: handleUpdate p99 ms": round(percentile(loopSorted, 99)),
        "open loop: updates/s intended": PACED_RATE,
        "open loop: updates/s sent, steady part (each run)": paced.map((r) => round(r.rate, 0)).join(" / "),
        "open loop: CPU of this process, % (each run)": paced.map((r) => round(r.cpu, 0)).join(" / "),
        "open loop: handleUpdate p50 ms (all runs)": round(percentile(pacedSorted, 50)),
        "open loop: handleUpdate p99 ms (each run)": p99s.map((v) => round(v, 1)).join(" / "),
        "open loop: handleUpdate p99 ms (median run)": round(p99),
        "open loop: handleUpdate max ms": round(pacedSorted.at(-1) ?? NaN),
        "open loop: most updates in flight (each run)": paced.map((r) => r.maxInFlight).join(" / "),
        "open loop: p99 ms by step (walk order)": stepP99,
        "open loop: event loop busy (utilization)": round(elu, 2),
        "open loop: event loop delay p99 / max ms": `${round(loopDelay.percentile(99) / 1e6)} / ${round(loopDelay.max / 1e6)}`,
        "open loop: Redis PING round trip p50 / p99 / max ms": `${round(percentile(pings, 50))} / ${round(percentile(pings, 99))} / ${round(pings.at(-1) ?? NaN)}`,
        "orders placed / walks": `${placed} / ${expectedPlaced}`,
        "update errors": errors + logErrors,
        "Telegram calls answered": telegram.calls,
      },
      targets: [
        atLeast("updates/s per core (closed loop)", perCore, 2500, "/s"),
        below("handleUpdate p99 at 1,500/s (median run)", p99, 20, "ms"),
        { what: "every walk placed its order, no errors", value: placed, target: `= ${expectedPlaced}, 0 errors`, ok: placed === expectedPlaced && errors + logErrors === 0 },
      ],
    };
  } finally {
    await deps.panel.close();
    await sim.close();
    await unlinkByPrefix(redis, prefix);
    redis.disconnect();
  }
}

/** For each walk: a category with a second page of services, and a Default service on that page. */
function walkPicks(catalog: Catalog): Array<{ categoryKey: string; serviceId: string; quantity: number }> {
  const picks = [];
  for (const c of catalog.categories) {
    const onPage2 = c.serviceIds.slice(10, 20).map((id) => catalog.service.get(id)!);
    const s = onPage2.find((x) => x && orderKind(x.type) === "default");
    if (s) picks.push({ categoryKey: c.key, serviceId: s.id, quantity: s.min });
  }
  if (picks.length === 0) throw new Error("no category with a Default service on its second page");
  return picks;
}

async function closedLoop(walks: Walk[], atOnce: number, handle: (w: Walk, times: number[]) => Promise<void>, times: number[]): Promise<void> {
  const queue = [...walks];
  const deadline = performance.now() + PHASE_DEADLINE_MS;
  const runner = async () => {
    for (let w = queue.shift(); w && performance.now() < deadline; w = queue.shift()) {
      while (w.step < w.steps.length && performance.now() < deadline) await handle(w, times);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, runner));
}

/**
 * A crowd: walk i starts at i × STEPS/rate s, and each user sends its next update a think time after
 * the last one was handled. Returns the handling times of updates sent in the steady part (all users
 * arriving, the first ones well into their walks) and the most updates in flight at once.
 */
async function openLoop(walks: Walk[], rate: number, handle: (w: Walk, times: number[]) => Promise<void>, seed: number): Promise<{ steady: number[]; maxInFlight: number; ms: number }> {
  const random = rng(seed);
  const startEvery = (STEPS * 1000) / rate;
  const t0 = performance.now();
  const deadline = t0 + PHASE_DEADLINE_MS;
  const steady: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));
  const user = async (w: Walk, i: number) => {
    await sleepUntil(t0 + i * startEvery);
    while (w.step < w.steps.length && performance.now() < deadline) {
      const sentAt = performance.now() - t0;
      const times: number[] = [];
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await handle(w, times);
      inFlight--;
      if (sentAt >= STEADY_FROM_MS && sentAt < ARRIVALS_MS) steady.push(times[0]!);
      await sleepUntil(performance.now() + THINK_MS[0] + random() * (THINK_MS[1] - THINK_MS[0]));
    }
  };
  await Promise.all(walks.map(user));
  return { steady, maxInFlight, ms: performance.now() - t0 };
}

async function placedCount(metrics: { ordersPlaced: { get(): Promise<{ values: Array<{ value: number; labels: Record<string, unknown> }> }> } }): Promise<number> {
  return (await metrics.ordersPlaced.get()).values.filter((v) => v.labels.outcome === "placed").reduce((a, v) => a + v.value, 0);
}

async function errorCount(metrics: { updatesHandled: { get(): Promise<{ values: Array<{ value: number; labels: Record<string, unknown> }> }> } }): Promise<number> {
  return (await metrics.updatesHandled.get()).values.filter((v) => v.labels.outcome === "error").reduce((a, v) => a + v.value, 0);
}
