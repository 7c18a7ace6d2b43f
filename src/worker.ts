/**
 * The background side of the bot, in `npm start` and alone in `npm run worker`: every loop the
 * shop runs besides taking updates, behind one start (`startWorker`) and one stop. Any number of
 * workers may share one Redis: each loop claims its work there.
 */
import type { AppDeps } from "./app.js";
import { RedisOutbox } from "./outbound/outbox.js";
import { OutboxSender, type SenderApi, type SenderOptions } from "./outbound/sender.js";
import { OrderTracker, type TrackerOptions } from "./poller/tracker.js";
import { archiveOldOrders, packClosedOrders } from "./services/archive.js";
import { countOldOrders } from "./services/stats.js";
import { BroadcastRunner, type BroadcastRunnerOptions, type ProgressEditor } from "./services/broadcast.js";
import { recoverStalePlacements } from "./services/placement.js";
import { dailyReconcile } from "./services/reconcile.js";
import { reconcileStars } from "./services/stars-reconcile.js";
import { ReconcileRuns } from "./store/reconcile-runs.js";
import type { Api } from "grammy";

/** What the worker sends and edits with: a plain grammY `Api`, without auto-retry (the sender handles 429 per chat). */
export type WorkerApi = SenderApi & ProgressEditor & Pick<Api, "getStarTransactions">;

export interface WorkerOptions {
  tracker?: Partial<TrackerOptions>;
  sender?: Partial<SenderOptions>;
  broadcasts?: BroadcastRunnerOptions;
  /** how often placements interrupted by a crash are settled */
  recoverEveryMs?: number;
  /** how often a worker looks whether today's reconciliation has run (one process runs it a day) */
  reconcileEveryMs?: number;
  /** how often queue sizes are written to the metrics */
  gaugesEveryMs?: number;
  /** how often Telegram's Stars transactions are checked against the wallets (when STARS_RATE is set) */
  starsEveryMs?: number;
}

export interface Worker {
  tracker: OrderTracker;
  sender: OutboxSender;
  broadcasts: BroadcastRunner;
  /** finishes the work in flight (a poll batch, a broadcast batch, the messages being sent), then stops */
  stop(): Promise<void>;
}

/** Runs `job` every `ms` (the first time after `firstMs`), never two at once; `stop` waits for a run in progress. */
function every(ms: number, job: () => Promise<unknown>, onError: (e: unknown) => void, firstMs = 0): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    current = job()
      .then(() => undefined, onError)
      .finally(() => {
        current = undefined;
        if (!stopped) timer = setTimeout(run, ms);
      });
  };
  timer = setTimeout(run, firstMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

async function updateGauges(deps: AppDeps): Promise<void> {
  const { metrics } = deps;
  const [pending, { due, tracked, refills, attention }] = await Promise.all([deps.outboxStore.pendingCount(), deps.schedule.sizes()]);
  metrics.queueSize.set({ queue: "outbox" }, pending);
  metrics.queueSize.set({ queue: "poll_due" }, due);
  metrics.queueSize.set({ queue: "poll_tracked" }, tracked);
  metrics.queueSize.set({ queue: "refills_tracked" }, refills);
  metrics.queueSize.set({ queue: "orders_attention" }, attention);
}

/**
 * Starts order and refill tracking, the outbound queue's sender, broadcasts, crash recovery of
 * placements, queue gauges and the catalog refresh. `api` must not carry auto-retry.
 */
export function startWorker(deps: AppDeps, api: WorkerApi, opts: WorkerOptions = {}): Worker {
  const logger = deps.logger.child({ module: "worker" });
  const tracker = new OrderTracker({ ...deps, logger: logger.child({ part: "tracker" }) }, opts.tracker);
  const sender = new OutboxSender(
    {
      store: deps.outboxStore,
      api,
      users: deps.users,
      metrics: deps.metrics,
      logger: logger.child({ part: "sender" }),
      outbox: deps.outbox instanceof RedisOutbox ? deps.outbox : undefined,
    },
    { globalRate: deps.config.telegramGlobalRate, ...opts.sender },
  );
  const broadcasts = new BroadcastRunner(
    {
      store: deps.broadcasts,
      users: deps.users,
      outbox: deps.outbox,
      tagCounts: (tag) => deps.outboxStore.tagCounts(tag),
      api,
      i18n: deps.i18n,
      logger: logger.child({ part: "broadcast" }),
    },
    opts.broadcasts,
  );
  tracker.start();
  sender.start();
  broadcasts.start();
  deps.catalog.start();
  const jobs = [
    every(
      opts.recoverEveryMs ?? 30_000,
      () => recoverStalePlacements(deps),
      (err) => logger.error({ err }, "placement recovery failed"),
    ),
    // The counters' background count of orders from before them; one read once it is done.
    every(
      60_000,
      () => countOldOrders(deps),
      (err) => logger.error({ err }, "counting old orders failed"),
    ),
    // Order records of format 1 rewritten in format 2 (order-codec.ts), 500 a second, and the
    // per-link index moved to its buckets (a SCAN of 1,000 keys a second): a running shop never waits on them.
    // The panel-id map moved to its buckets, about 1,000 a second. The all-orders list moved at
    // start; an order an older process listed since is moved here.
    every(
      1_000,
      async () => {
        await deps.orders.migrateStep();
        await deps.orders.migrateLinksStep();
        await deps.orders.migratePanelIdsStep();
        await deps.orders.migrateListStep();
      },
      (err) => logger.error({ err }, "order record migration failed"),
    ),
    // Closed orders older than ORDER_HISTORY_DAYS to the archive, and those closed for
    // ORDER_PACK_DAYS packed: 10,000 a minute each at most.
    every(
      60_000,
      async () => {
        await archiveOldOrders(deps);
        await packClosedOrders(deps);
      },
      (err) => logger.error({ err }, "archiving or packing old orders failed"),
    ),
    // Not at once: a process that restarts in a loop must not read every wallet each time.
    every(
      opts.reconcileEveryMs ?? 10 * 60_000,
      () => dailyReconcile({ ...deps, runs: new ReconcileRuns(deps.redis, deps.config.redis.prefix) }),
      (err) => logger.error({ err }, "daily reconciliation failed"),
      opts.reconcileEveryMs ?? 60_000,
    ),
    every(
      opts.gaugesEveryMs ?? 15_000,
      () => updateGauges(deps),
      (err) => logger.warn({ err }, "queue gauges failed"),
    ),
  ];
  // The second net under Stars payments whose update was lost: at start, then hourly.
  if (deps.config.payments.stars) {
    jobs.push(
      every(
        opts.starsEveryMs ?? 60 * 60 * 1000,
        () => reconcileStars(deps, api),
        (err) => logger.error({ err }, "Stars check failed"),
      ),
    );
  }
  logger.info("worker started");
  return {
    tracker,
    sender,
    broadcasts,
    async stop() {
      deps.catalog.stop();
      await Promise.all([...jobs.map((j) => j.stop()), tracker.stop(), broadcasts.stop(), sender.stop()]);
      logger.info("worker stopped");
    },
  };
}
