import { run } from "@grammyjs/runner";
import { createDeps } from "./app.js";
import { createBot } from "./bot/index.js";
import { registerCommands } from "./bot/commands.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

/** The one place that wires the process: `npm start` (bot + poller) or `npm run worker` (poller only). */
async function main(): Promise<void> {
  let config;
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
  const deps = createDeps(config, logger, {
    outbox: () => ({ enqueue: async () => true }),
  });
  const bot = createBot(deps);
  await bot.init();
  await registerCommands(bot.api, deps.i18n, config.defaultLocale);
  deps.catalog.start();
  const runner = run(bot);
  logger.info({ bot: bot.botInfo.username }, "bot started (long polling)");
  const stop = async () => {
    if (runner.isRunning()) await runner.stop();
    deps.catalog.stop();
    await deps.panel.close();
    deps.redis.disconnect();
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

void main();
