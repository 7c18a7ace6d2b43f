import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { PanelClient } from "./panel/client.js";
import type { Outbox } from "./outbound/types.js";
import { AdminAlerts } from "./services/alerts.js";
import { AuditLog } from "./store/audit.js";
import { CatalogStore } from "./store/catalog.js";
import { OrderStore } from "./store/orders.js";
import { createRedis, type Redis } from "./store/redis.js";
import { UserStore } from "./store/users.js";
import { WalletStore } from "./store/wallet.js";
import { WebSessionStore } from "./store/web-sessions.js";
import { createI18n, type Translator } from "./text/i18n.js";

/** Everything a handler, the poller or the HTTP server needs, built once per process. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  redis: Redis;
  panel: PanelClient;
  users: UserStore;
  wallet: WalletStore;
  orders: OrderStore;
  catalog: CatalogStore;
  i18n: Translator;
  outbox: Outbox;
  alerts: AdminAlerts;
  audit: AuditLog;
  webSessions: WebSessionStore;
}

export interface CreateDepsOptions {
  /** an existing connection (tests); otherwise one is opened from config.redis.url */
  redis?: Redis;
  /** the outbound path; built from Redis by the caller that wires the process */
  outbox: (redis: Redis) => Outbox;
  panelRetryDelayMs?: number;
}

export function createDeps(config: Config, logger: Logger, opts: CreateDepsOptions): AppDeps {
  const redis = opts.redis ?? createRedis(config.redis.url);
  const prefix = config.redis.prefix;
  const metrics = createMetrics();
  const panel = new PanelClient({
    url: config.panel.url,
    key: config.panel.key,
    timeoutMs: config.panel.timeoutMs,
    retryDelayMs: opts.panelRetryDelayMs,
    logger: logger.child({ module: "panel" }),
    onCall: (action, outcome, ms) => {
      metrics.panelCalls.inc({ action, outcome });
      metrics.panelCallSeconds.observe({ action }, ms / 1000);
    },
  });
  const users = new UserStore(redis, prefix);
  const i18n = createI18n(config.defaultLocale);
  const outbox = opts.outbox(redis);
  return {
    config,
    logger,
    metrics,
    redis,
    panel,
    users,
    wallet: new WalletStore(redis, prefix),
    orders: new OrderStore(redis, prefix),
    catalog: new CatalogStore(redis, prefix, panel, { refreshMs: config.catalogRefreshMs, logger: logger.child({ module: "catalog" }) }),
    i18n,
    outbox,
    alerts: new AdminAlerts({ redis, prefix, outbox, users, i18n, adminIds: config.adminIds, defaultLocale: config.defaultLocale, logger }),
    audit: new AuditLog(redis, prefix),
    webSessions: new WebSessionStore(redis, prefix),
  };
}
