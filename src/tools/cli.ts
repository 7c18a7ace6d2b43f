import { parseArgs, type ParseArgsConfig } from "node:util";
import { Redis } from "ioredis";
import { ConfigError, configSecrets, loadConfig, type Config } from "../config.js";
import { createLogger, makeScrubber, type Logger } from "../logger.js";

/** A wrong command line: one line on stderr and exit code 2. */
export class UsageError extends Error {}

export interface Tool {
  config: Config;
  logger: Logger;
  /** a connection of the tool's own, without auto-pipelining (WATCH and MULTI belong to it) */
  redis: Redis;
}

/**
 * Runs an operator tool (backup, restore, export) with the bot's config loader and logger. The
 * logger scrubs the bot token and the panel key; the tools print neither. Exit codes: 0 done,
 * 1 failed, 2 wrong arguments.
 */
export async function runTool<T extends NonNullable<ParseArgsConfig["options"]>>(
  usage: string,
  options: T,
  main: (tool: Tool, args: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>) => Promise<void>,
): Promise<void> {
  let args: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;
  try {
    args = parseArgs({ options, allowPositionals: true, strict: true });
  } catch (e) {
    fail(2, `${(e as Error).message.split("\n")[0]}\nusage: ${usage}`);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(1, e.message);
    throw e;
  }
  const secrets = configSecrets(config);
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, secrets });
  const scrub = makeScrubber(secrets);
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 3, enableAutoPipelining: false, lazyConnect: true });
  // The failure is told once below; ioredis's retries would print a stack each to stderr.
  redis.on("error", (err: Error) => logger.debug({ err }, "Redis connection error"));
  let code = 0;
  try {
    await redis.connect();
    await main({ config, logger, redis }, args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\nusage: ${usage}`);
      code = 2;
    } else {
      logger.debug({ err: e }, "failed");
      console.error(`failed: ${scrub((e instanceof Error ? e.message : String(e)).split("\n")[0]!)}`);
      code = 1;
    }
  } finally {
    redis.disconnect();
  }
  process.exit(code);
}

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}
