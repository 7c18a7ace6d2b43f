import { createDeps, type AppDeps } from "../../src/app.js";
import { createBot } from "../../src/bot/index.js";
import { parseConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { RedisOutbox } from "../../src/outbound/outbox.js";
import type { OutboxStore } from "../../src/store/outbox.js";
import { startWorker, type Worker, type WorkerOptions } from "../../src/worker.js";
import { Api } from "grammy";
import type { Outbox, OutboundMessage } from "../../src/outbound/types.js";
import { startPanelSimulator, type PanelSimulator, type SimOptions } from "../../src/panel/simulator/server.js";
import type { Bot } from "grammy";
import type { BotContext } from "../../src/bot/context.js";
import { startFakeBotApi, type FakeBotApi } from "./fake-bot-api.js";
import { testRedis, type TestRedis } from "./redis.js";

export interface Harness {
  tg: FakeBotApi;
  sim: PanelSimulator;
  redis: TestRedis;
  config: Config;
  deps: AppDeps;
  bot: Bot<BotContext>;
  /** what went to the outbox (notifications, alerts) when no real outbox is given */
  outboxed: OutboundMessage[];
  /** the poller and sender, when started with `worker` */
  worker?: Worker;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** extra environment for parseConfig (e.g. ADMIN_IDS, PRICE_MARKUP_PERCENT) */
  env?: Record<string, string>;
  sim?: SimOptions;
  /** a real outbox factory; by default messages are collected in `outboxed` */
  outbox?: (store: OutboxStore) => Outbox;
  /** the real outbound path: RedisOutbox, and a worker (poller + sender) sending to the fake Bot API */
  worker?: WorkerOptions | true;
  /** false: the bot is created but not started (tests that feed updates themselves) */
  startBot?: boolean;
}

/**
 * The whole bot end to end: the fake Bot API over HTTP (long polling), the panel simulator over
 * HTTP, and a real Redis under a unique prefix. Only the outbound queue is collected by default.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const tg = await startFakeBotApi();
  const sim = await startPanelSimulator({ auto: false, ...opts.sim });
  const redis = await testRedis("e2e");
  const config = parseConfig({
    BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    PANEL_API_URL: sim.url,
    PANEL_API_KEY: sim.apiKey,
    PANEL_TIMEOUT_MS: "3000",
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...opts.env,
  });
  const logger = createLogger({ level: config.log.level, pretty: false, secrets: [config.botToken, config.panel.key] });
  const outboxed: OutboundMessage[] = [];
  // As the real outbox: a message whose key is queued already is not queued again (a test that
  // empties `outboxed` starts afresh, as with a clean Redis).
  const collect: Outbox = {
    enqueue: async (m) => {
      if (m.key !== undefined && outboxed.some((queued) => queued.key === m.key)) return false;
      outboxed.push(m);
      return true;
    },
  };
  const outbox = opts.worker ? (store: OutboxStore) => new RedisOutbox(store) : (opts.outbox ?? (() => collect));
  const deps = createDeps(config, logger, { redis: redis.redis, outbox, panelRetryDelayMs: 10 });
  // A plain Api like the worker's in main.ts: no auto-retry, the sender handles 429 itself.
  const worker = opts.worker ? startWorker(deps, new Api(config.botToken, { apiRoot: config.telegramApiRoot }), opts.worker === true ? {} : opts.worker) : undefined;
  const bot = createBot(deps);
  let polling: Promise<void> | undefined;
  if (opts.startBot !== false) {
    await bot.init();
    polling = bot.start({ drop_pending_updates: false });
  }
  return {
    tg,
    sim,
    redis,
    config,
    deps,
    bot,
    outboxed,
    worker,
    async stop() {
      await worker?.stop();
      if (bot.isRunning()) await bot.stop();
      await polling?.catch(() => undefined);
      await deps.panel.close();
      await tg.close();
      await sim.close();
      await redis.cleanup();
    },
  };
}
