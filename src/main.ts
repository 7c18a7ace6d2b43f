import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Api, type Bot } from "grammy";
import { createDeps, type AppDeps } from "./app.js";
import type { BotContext } from "./bot/context.js";
import { createBot } from "./bot/index.js";
import { UpdateIntake } from "./bot/intake.js";
import { registerAdminCommands, registerCommands } from "./bot/commands.js";
import { ConfigError, configSecrets, loadConfig, type Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { RedisOutbox } from "./outbound/outbox.js";
import { HealthCheck } from "./server/health.js";
import { closeServer, createHttpServer, listen } from "./server/http.js";
import { ALLOWED_UPDATES, setWebhook, webhookRoute } from "./server/webhook.js";
import { enabledMethods } from "./services/payments.js";
import { UpdateStore } from "./store/updates.js";
import { startWorker } from "./worker.js";
import { webRequestListener } from "./web/app.js";

/** The HTTP port is taken: one line that names the variable and what to do. */
export class PortInUseError extends Error {
  constructor(variable: "PORT" | "WORKER_PORT", port: number) {
    super(
      `${variable}=${port} is already in use on this host (another panelbot process?): give this process a free port with ${variable}` +
        (variable === "PORT" ? " (a worker-only process, npm run worker, takes WORKER_PORT instead)" : " (each worker on one host needs its own)"),
    );
  }
}

export interface StartOptions {
  /** `--worker`: the background work alone; no bot is built and no Telegram updates are taken */
  worker: boolean;
  /** adjusts the dependencies before anything uses them (the demo credits new users) */
  customize?: (deps: AppDeps) => void;
}

/**
 * Starts one process: the bot and the worker, or with `--worker` the worker alone. The bot takes
 * updates by long polling or webhook (BOT_MODE); every loop of background work is the worker's
 * (src/worker.ts). Every process serves /healthz and /metrics: the bot on PORT, a worker-only
 * process on WORKER_PORT (default PORT + 1), so a bot and workers share one host and one .env.
 * Resolves with the HTTP port and the graceful stop.
 */
export async function startApp(config: Config, logger: Logger, opts: StartOptions): Promise<{ port: number; stop: () => Promise<void> }> {
  const deps = createDeps(config, logger, {
    outbox: (store) => new RedisOutbox(store),
  });
  opts.customize?.(deps);
  // Before anything takes an update: wallets are never read in a currency they were not opened in,
  // and the all-orders list is in the form the readers know.
  try {
    await deps.shop.checkWalletCurrency();
    await deps.orders.migrateList();
  } catch (e) {
    await deps.redis.quit();
    throw e;
  }
  const bot = opts.worker ? undefined : createBot(deps);
  const webhook = bot && config.mode === "webhook" ? webhookRoute(bot, config.webhook.url, config.webhook.secret) : undefined;
  const health = new HealthCheck(deps);
  // The back office is served by the processes that run the bot (a worker alone has no Bot API client).
  const web = bot ? webRequestListener({ ...deps, api: bot.api, health }) : undefined;
  const server = createHttpServer({ logger, metrics: deps.metrics, health, webhook, web });
  const [variable, wanted] = opts.worker ? (["WORKER_PORT", config.workerPort] as const) : (["PORT", config.port] as const);
  let port: number;
  try {
    port = await listen(server, wanted);
  } catch (e) {
    await deps.panel.close();
    deps.redis.disconnect();
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError(variable, wanted);
    throw e;
  }
  logger.info({ port, webhook: webhook !== undefined, web: web !== undefined }, "HTTP server listening (/healthz, /metrics, /admin/ with the bot)");

  const updates = bot ? await takeUpdates(bot, deps) : undefined;
  // The sender handles 429 per chat itself: its Api must not carry auto-retry.
  const worker = startWorker(deps, new Api(config.botToken, { apiRoot: config.telegramApiRoot }));

  const stop = async () => {
    // Stop taking updates first and let the ones in flight finish (the server closes after them).
    await updates?.stop();
    await closeServer(server);
    // Then the background work, each loop finishing its current step.
    await worker.stop();
    // Last, the connections the work above used.
    await deps.panel.close();
    await deps.redis.quit();
  };
  return { port, stop };
}

/** How often a start that cannot reach Telegram says so. */
const TELEGRAM_WAIT_WARN_MS = 15_000;

/**
 * Sets the command menus and starts taking updates: sets the webhook (after the server listens:
 * Telegram may deliver the moment it is set) or starts long polling.
 */
async function takeUpdates(bot: Bot<BotContext>, deps: AppDeps): Promise<{ stop(): Promise<void> }> {
  const { config, logger } = deps;
  // getMe retries a network error for ever (the auto-retry plugin, backing off to an hour) and
  // says nothing: a firewall or a mistyped TELEGRAM_API_ROOT would look like a bot that is up.
  const waiting = setInterval(
    () => logger.warn({ apiRoot: config.telegramApiRoot }, "no answer from Telegram's Bot API yet (getMe): check the network and TELEGRAM_API_ROOT; still trying"),
    TELEGRAM_WAIT_WARN_MS,
  );
  try {
    await bot.init();
  } finally {
    clearInterval(waiting);
  }
  // Logs one warning per required channel whose members the bot cannot see; never stops the start.
  await deps.channels.verify(bot.api, bot.botInfo.id);
  const menu = { payments: enabledMethods(config).length > 0 };
  await registerCommands(bot.api, deps.i18n, config.defaultLocale, menu);
  const missed = await registerAdminCommands(bot.api, deps.i18n, config.adminIds, config.defaultLocale, menu);
  if (missed.length > 0) logger.warn({ admins: missed }, "admin command menu not set for these admins (has each written to the bot?); it is set again at the next start");
  if (config.mode === "webhook") {
    await setWebhook(bot, config.webhook.url, config.webhook.secret);
    logger.info({ bot: bot.botInfo.username }, "bot started (webhook)");
    // Updates arrive through the HTTP server, which stops with it.
    return { stop: async () => undefined };
  }
  // getUpdates is refused while a webhook is set (e.g. after switching from webhook mode).
  await bot.api.deleteWebhook();
  // Durable intake: an update is confirmed to Telegram only once it is stored in Redis.
  const intake = new UpdateIntake(bot, new UpdateStore(deps.redis, config.redis.prefix), logger.child({ module: "intake" }), { allowedUpdates: ALLOWED_UPDATES });
  intake.start();
  logger.info({ bot: bot.botInfo.username }, "bot started (long polling; one process of those sharing Redis polls at a time)");
  return intake;
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
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, secrets: configSecrets(config) });
  let stop: () => Promise<void>;
  try {
    ({ stop } = await startApp(config, logger, { worker: process.argv.includes("--worker") }));
  } catch (e) {
    if (e instanceof PortInUseError) {
      console.error(e.message);
      process.exit(1);
    }
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
