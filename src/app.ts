import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { PanelClient } from "./panel/client.js";
import type { Outbox } from "./outbound/types.js";
import { Notifier } from "./services/notifier.js";
import { RequiredChannels } from "./services/required-channels.js";
import { ShopCatalogService } from "./services/shop-catalog.js";
import { AdminRequests } from "./store/admin-requests.js";
import { BroadcastStore } from "./store/broadcasts.js";
import { AuditLog } from "./store/audit.js";
import { CatalogStore } from "./store/catalog.js";
import { InvoiceStore } from "./store/invoices.js";
import { MembershipCache } from "./store/membership.js";
import { OrderActionLocks } from "./store/order-action-locks.js";
import { OrderStore } from "./store/orders.js";
import { OutboxStore } from "./store/outbox.js";
import { PromoStore } from "./store/promos.js";
import { ReceiptStore } from "./store/receipts.js";
import { ReferralStore } from "./store/referrals.js";
import { SearchQueries } from "./store/search-queries.js";
import { ShopSettingsStore } from "./store/shop.js";
import { ActiveDialogs } from "./store/dialogs.js";
import { ConversationStates } from "./store/conversations.js";
import { createRedis, type Redis } from "./store/redis.js";
import { PollSchedule } from "./store/schedule.js";
import { StatsStore } from "./store/stats.js";
import { StarsReconcileStore } from "./store/stars-reconcile.js";
import { UserStore } from "./store/users.js";
import { WalletStore } from "./store/wallet.js";
import { WebSessionStore } from "./store/web-sessions.js";
import { createI18n, type Translator } from "./text/i18n.js";

/** Everything a handler, the poller or the HTTP server needs, built once per process. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** the connection, for the stores below, PING and the conversations plugin's storage only */
  redis: Redis;
  panel: PanelClient;
  users: UserStore;
  wallet: WalletStore;
  orders: OrderStore;
  /** the panel's service list */
  catalog: CatalogStore;
  /** the owner's shop over it: curation, prices, exchange rate (Telegram and the web call this) */
  shop: ShopCatalogService;
  /** when the poller looks at which order or refill */
  schedule: PollSchedule;
  stats: StatsStore;
  invoices: InvoiceStore;
  receipts: ReceiptStore;
  /** each user's dialog under way outside the conversations plugin: top-up, promo question, admin input (bot/conversations/active-dialog.ts) */
  dialogs: ActiveDialogs;
  /** the conversations plugin's state per chat (bot/conversations/storage.ts) */
  conversations: ConversationStates;
  /** referral codes, bindings and rewards */
  referrals: ReferralStore;
  /** promo codes, redemptions and held discounts */
  promos: PromoStore;
  broadcasts: BroadcastStore;
  actionLocks: OrderActionLocks;
  adminRequests: AdminRequests;
  /** REQUIRED_CHANNELS: the condition for ordering */
  channels: RequiredChannels;
  /** each user's last service search */
  searchQueries: SearchQueries;
  /** the Stars check's cursor and lock */
  starsReconcile: StarsReconcileStore;
  /** the outbound queue's Redis side (RedisOutbox and OutboxSender work on it) */
  outboxStore: OutboxStore;
  i18n: Translator;
  outbox: Outbox;
  /** every message that is not a reply: to a user or to the admins, through the outbox */
  notifier: Notifier;
  audit: AuditLog;
  webSessions: WebSessionStore;
}

export interface CreateDepsOptions {
  /** an existing connection (tests); otherwise one is opened from config.redis.url */
  redis?: Redis;
  /** the outbound path; built on the outbound queue's store by the caller that wires the process */
  outbox: (store: OutboxStore) => Outbox;
  panelRetryDelayMs?: number;
}

/** Redis connection errors as log lines: the first of a kind at once, then at most one a minute, with how many repeats it stands for. */
function redisErrorLogger(logger: Logger): (err: Error) => void {
  const last = new Map<string, { at: number; skipped: number }>();
  return (err) => {
    const kind = (err as { code?: string }).code ?? err.message.slice(0, 60);
    const now = Date.now();
    const seen = last.get(kind);
    if (seen && now - seen.at < 60_000) {
      seen.skipped++;
      return;
    }
    last.set(kind, { at: now, skipped: 0 });
    logger.error({ err, repeatsSinceLastLine: seen?.skipped ?? 0 }, "Redis connection error (ioredis retries)");
  };
}

export function createDeps(config: Config, logger: Logger, opts: CreateDepsOptions): AppDeps {
  const redis = opts.redis ?? createRedis(config.redis.url, { onError: redisErrorLogger(logger) });
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
  const outboxStore = new OutboxStore(redis, prefix);
  const outbox = opts.outbox(outboxStore);
  const catalog = new CatalogStore(redis, prefix, panel, { refreshMs: config.catalogRefreshMs, logger: logger.child({ module: "catalog" }) });
  const audit = new AuditLog(redis, prefix);
  const wallet = new WalletStore(redis, prefix);
  const notifier = new Notifier({ outbox, users, i18n, adminIds: config.adminIds, defaultLocale: config.defaultLocale, logger: logger.child({ module: "notifier" }) });
  const shop = new ShopCatalogService({ config, catalog, settings: new ShopSettingsStore(redis, prefix), audit, notifier, wallet, logger: logger.child({ module: "shop" }) });
  shop.listen();
  return {
    config,
    logger,
    metrics,
    redis,
    panel,
    users,
    wallet,
    orders: new OrderStore(redis, prefix),
    catalog,
    shop,
    schedule: new PollSchedule(redis, prefix),
    stats: new StatsStore(redis, prefix),
    invoices: new InvoiceStore(redis, prefix),
    receipts: new ReceiptStore(redis, prefix),
    dialogs: new ActiveDialogs(redis, prefix),
    conversations: new ConversationStates(redis, prefix),
    referrals: new ReferralStore(redis, prefix),
    promos: new PromoStore(redis, prefix),
    broadcasts: new BroadcastStore(redis, prefix),
    actionLocks: new OrderActionLocks(redis, prefix),
    adminRequests: new AdminRequests(redis, prefix),
    starsReconcile: new StarsReconcileStore(redis, prefix),
    channels: new RequiredChannels(config.requiredChannels, new MembershipCache(redis, prefix), logger.child({ module: "channels" })),
    searchQueries: new SearchQueries(redis, prefix),
    outboxStore,
    i18n,
    outbox,
    notifier,
    audit,
    webSessions: new WebSessionStore(redis, prefix),
  };
}
