/**
 * `npm run demo`: the whole shop in one process against the built-in panel simulator (a generated
 * catalog, orders that progress by themselves), so an owner can try every screen in Telegram
 * without a panel account. Needs BOT_TOKEN and a Redis (REDIS_URL, default the local one); the
 * demo keeps its data under the key prefix `demo:`, apart from a real shop's.
 *
 * DEMO_START_BALANCE (default 100, in CURRENCY): credited once to every user on first contact, so
 * orders can be paid right away. Put your Telegram id in ADMIN_IDS to try the admin commands too.
 */
import { randomBytes } from "node:crypto";
import { ConfigError, configSecrets, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { startApp } from "./main.js";
import { parseUserAmount, type Money } from "./money.js";
import { startPanelSimulator } from "./panel/simulator/server.js";
import { UserStore } from "./store/users.js";
import type { WalletStore } from "./store/wallet.js";
import type { Redis } from "./store/redis.js";

/** Users who get the demo balance the first time they write. */
class DemoUserStore extends UserStore {
  constructor(
    redis: Redis,
    prefix: string,
    private readonly wallet: WalletStore,
    private readonly startBalance: Money,
  ) {
    super(redis, prefix);
  }

  override async arrive(...args: Parameters<UserStore["arrive"]>): ReturnType<UserStore["arrive"]> {
    const arrived = await super.arrive(...args);
    // Once per user for ever: the credit's idempotency key makes every later arrival a no-op.
    if (args[1].record) await this.wallet.credit(args[0].id, this.startBalance, { reason: "admin", note: "demo start balance" }, `demo-start:${args[0].id}`);
    return arrived;
  }
}

const startBalance = parseUserAmount(process.env.DEMO_START_BALANCE ?? "100");
if (startBalance === null) {
  console.error("DEMO_START_BALANCE must be an amount such as 100 or 25.5");
  process.exit(1);
}

const sim = await startPanelSimulator({ auto: true, apiKey: randomBytes(12).toString("hex"), balance: "1000000" });
// Set before the config is read: .env never overrides variables that are already set.
Object.assign(process.env, {
  PANEL_API_URL: sim.url,
  PANEL_API_KEY: sim.apiKey,
  REDIS_PREFIX: "demo:",
  BOT_MODE: "polling",
  // Any free port: a real shop on this machine may hold PORT.
  PORT: process.env.DEMO_PORT ?? "0",
  // Orders finish within seconds here; check them often so their messages come quickly.
  POLL_INTERVAL_MS: process.env.POLL_INTERVAL_MS ?? "5000",
});

let config;
try {
  config = loadConfig();
} catch (e) {
  await sim.close();
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, secrets: configSecrets(config) });
const app = await startApp(config, logger, {
  worker: false,
  customize: (deps) => {
    deps.users = new DemoUserStore(deps.redis, config.redis.prefix, deps.wallet, startBalance);
  },
});
logger.info({ panelSimulator: sim.url, port: app.port, startBalance: startBalance.toFixed() }, "demo running: write /start to your bot in Telegram");

const shutdown = () => {
  void app
    .stop()
    .then(() => sim.close())
    .then(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
