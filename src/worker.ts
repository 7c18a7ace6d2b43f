import type { AppDeps } from "./app.js";
import { RedisOutbox, outboxKeys } from "./outbound/outbox.js";
import { OutboxSender, type SenderApi, type SenderOptions } from "./outbound/sender.js";
import { OrderTracker, type TrackerOptions } from "./poller/tracker.js";
import { recoverStalePlacements } from "./services/placement.js";
import { reconcileStars } from "./services/stars-reconcile.js";
import type { Api } from "grammy";

export interface WorkerOptions {
  tracker?: Partial<TrackerOptions>;
  sender?: Partial<SenderOptions>;
  /** how often placements interrupted by a crash are settled */
  recoverEveryMs?: number;
  /** how often queue sizes are written to the metrics */
  gaugesEveryMs?: number;
  /** how often Telegram's Stars transactions are checked against the wallets (when STARS_RATE is set) */
  starsEveryMs?: number;
}

export interface Worker {
  tracker: OrderTracker;
  sender: OutboxSender;
  /** finishes the work in flight (a poll batch, the messages being sent), then stops */
  stop(): Promise<void>;
}

/** Runs `job` every `ms`, never two at once; `stop` waits for a run in progress. */
function every(ms: number, job: () => Promise<unknown>, onError: (e: unknown) => void): { stop(): Promise<void> } {
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
  timer = setTimeout(run, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

async function updateGauges(deps: AppDeps): Promise<void> {
  const { redis, metrics, orders } = deps;
  const [pending, due, tracked, refills, attention] = await Promise.all([
    redis.get(outboxKeys(deps.config.redis.prefix).pending),
    redis.zcount(orders.k.pollDue, "-inf", Date.now()),
    redis.zcard(orders.k.pollDue),
    redis.zcard(orders.k.refillDue),
    redis.scard(orders.k.attention),
  ]);
  metrics.queueSize.set({ queue: "outbox" }, Number(pending ?? 0));
  metrics.queueSize.set({ queue: "poll_due" }, due);
  metrics.queueSize.set({ queue: "poll_tracked" }, tracked);
  metrics.queueSize.set({ queue: "refills_tracked" }, refills);
  metrics.queueSize.set({ queue: "orders_attention" }, attention);
}

/**
 * The background side of the bot, in `npm start` and alone in `npm run worker`: order and refill
 * tracking, the outbound queue's sender, crash recovery of placements, queue gauges. Any number of
 * workers may share one Redis. `api` must not carry auto-retry: the sender handles 429 per chat.
 */
export function startWorker(deps: AppDeps, api: SenderApi & Pick<Api, "getStarTransactions">, opts: WorkerOptions = {}): Worker {
  const logger = deps.logger.child({ module: "worker" });
  const tracker = new OrderTracker({ ...deps, logger: logger.child({ part: "tracker" }) }, opts.tracker);
  const sender = new OutboxSender(
    {
      redis: deps.redis,
      prefix: deps.config.redis.prefix,
      api,
      users: deps.users,
      metrics: deps.metrics,
      logger: logger.child({ part: "sender" }),
      outbox: deps.outbox instanceof RedisOutbox ? deps.outbox : undefined,
    },
    { globalRate: deps.config.telegramGlobalRate, ...opts.sender },
  );
  tracker.start();
  sender.start();
  const jobs = [
    every(opts.recoverEveryMs ?? 30_000, () => recoverStalePlacements(deps), (err) => logger.error({ err }, "placement recovery failed")),
    every(opts.gaugesEveryMs ?? 15_000, () => updateGauges(deps), (err) => logger.warn({ err }, "queue gauges failed")),
  ];
  // The second net under Stars payments whose update was lost: at start, then hourly.
  if (deps.config.payments.starsRate) {
    jobs.push(every(opts.starsEveryMs ?? 60 * 60 * 1000, () => reconcileStars(deps, api), (err) => logger.error({ err }, "Stars check failed")));
  }
  logger.info("worker started");
  return {
    tracker,
    sender,
    async stop() {
      await Promise.all([...jobs.map((j) => j.stop()), tracker.stop(), sender.stop()]);
      logger.info("worker stopped");
    },
  };
}
