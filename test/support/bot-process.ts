/**
 * The bot as its own process (`node --import tsx test/support/bot-process.ts`), configured by the
 * environment like `npm start`, for tests that kill it with SIGKILL at a chosen moment.
 */
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startApp } from "../../src/main.js";

const config = parseConfig(process.env);
const logger = createLogger({ level: config.log.level, pretty: false, secrets: [config.botToken, config.panel.key] });
const { stop } = await startApp(config, logger, { worker: false });
process.once("SIGTERM", () => void stop().then(() => process.exit(0)));
