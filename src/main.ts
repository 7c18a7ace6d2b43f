import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api } from "grammy";
import { createDeps, type AppDeps } from "./app.js";
import { createBot } from "./bot/index.js";
import { registerAdminCommands, registerCommands } from "./bot/commands.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { RedisOutbox, readTagCounts } from "./outbound/outbox.js";
import { HealthCheck } from "./server/health.js";
import { closeServer, createHttpServer, listen } from "./server/http.js";
import { ALLOWED_UPDATES, setWebhook, webhookRoute } from "./server/webhook.js";
import { BroadcastRunner } from "./services/broadcast.js";
import { enabledMethods } from "./services/payments.js";
import { startWorker } from "./worker.js";
import { webRequestListener } from "./web/app.js";

export interface StartOptions {
  /** `--worker`: background work only (polling the panel, broadcasts), no Telegram updates */
  worker: boolean;
  /** adjusts the dependencies before anything uses them (the demo credits new users) */
  customize?: (deps: AppDeps) => void;
}

/**
 * Starts one process: the bot (long polling or webhook, by BOT_MODE) with its background work, or
 * with `--worker` the background work alone. Every mode serves /healthz and /metrics on PORT.
 * Resolves with the HTTP port and the graceful stop.
 */
export async function startApp(config: Config, logger: Logger, opts: StartOptions): Promise<{ port: number; stop: () => Promise<void> }> {
  const deps = createDeps(config, logger, {
    outbox: (redis) => new RedisOutbox(redis, config.redis.prefix),
  });
  opts.customize?.(deps);
  const bot = createBot(deps);
  const takesUpdates = !opts.worker;
  const webhook = takesUpdates && config.mode === "webhook" ? webhookRoute(bot, config.webhook.url!, config.webhook.secret!) : undefined;
  const health = new HealthCheck(deps);
  const web = webRequestListener({ ...deps, api: bot.api, health });
  const server = createHttpServer({ logger, metrics: deps.metrics, health, webhook, web });
  const port = await listen(server, config.port);
  logger.info({ port, webhook: webhook !== undefined }, "HTTP server listening (/healthz, /metrics, /admin/)");

  let runner: RunnerHandle | undefined;
  if (takesUpdates) {
    await bot.init();
    const menu = { payments: enabledMethods(config).length > 0 };
    await registerCommands(bot.api, deps.i18n, config.defaultLocale, menu);
    const missed = await registerAdminCommands(bot.api, deps.i18n, config.adminIds, config.defaultLocale, menu);
    if (missed.length > 0) logger.warn({ admins: missed }, "admin command menu not set for these admins (has each written to the bot?); it is set again at the next start");
    deps.catalog.start();
    if (webhook) {
      // After listen: Telegram may deliver the moment the webhook is set.
      await setWebhook(bot, config.webhook.url!, config.webhook.secret!);
      logger.info({ bot: bot.botInfo.username }, "bot started (webhook)");
    } else {
      // getUpdates is refused while a webhook is set (e.g. after switching from webhook mode).
      await bot.api.deleteWebhook();
      runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
      logger.info({ bot: bot.botInfo.username }, "bot started (long polling)");
    }
  }

  const broadcasts = new BroadcastRunner({
    redis: deps.redis,
    prefix: config.redis.prefix,
    outbox: deps.outbox,
    tagCounts: (tag) => readTagCounts(deps.redis, config.redis.prefix, tag),
    api: bot.api,
    i18n: deps.i18n,
    logger: logger.child({ module: "broadcast" }),
  });
  broadcasts.start();
  // The sender handles 429 per chat itself: its Api must not carry auto-retry.
  const worker = startWorker(deps, new Api(config.botToken, { apiRoot: config.telegramApiRoot }));

  const stop = async () => {
    // Stop taking updates first and let the ones in flight finish (the server closes after them).
    if (runner?.isRunning()) await runner.stop();
    await closeServer(server);
    // Then the background work, each finishing its current step: the broadcast batch, the poll
    // round, the messages being sent.
    await broadcasts.stop();
    await worker.stop();
    deps.catalog.stop();
    // Last, the connections the work above used.
    await deps.panel.close();
    await deps.redis.quit();
  };
  return { port, stop };
}

/** `npm start` (bot + background work) or `npm run worker` (background work only). */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, secrets: [config.botToken, config.panel.key, config.webhook.secret] });
  let stop: () => Promise<void>;
  try {
    ({ stop } = await startApp(config, logger, { worker: process.argv.includes("--worker") }));
  } catch (e) {
    // Through the logger, which removes the token and key from whatever the error says.
    logger.fatal({ err: e }, "start failed");
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

/** Run only as the entry point: the demo imports startApp without starting a second process. */
const entry = process.argv[1];
const isEntryPoint = entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
if (isEntryPoint) void main();
