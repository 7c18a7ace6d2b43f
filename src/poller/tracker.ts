import type { AppDeps } from "../app.js";
import type { Config } from "../config.js";
import { fromUnits, moneyString, type Money } from "../money.js";
import { MAX_IDS_PER_REQUEST } from "../panel/client.js";
import { PanelError, PanelTransportError, type PanelErrorKind } from "../panel/errors.js";
import type { PanelOrderStatus, PanelRefillStatus, PerId } from "../panel/schemas.js";
import { isFinalOrderStatus } from "../panel/status.js";
import { decodeOrder, type OrderRecord } from "../store/orders.js";
import { keys as storeKeys, type Keys } from "../store/redis.js";
import { DEFAULT_TRACKING_LIMITS, decideOrder, decideRefill, type PollTiming, type StatusNews, type TrackingLimits } from "./decide.js";
import { refillNewsText, statusNewsText } from "./notify.js";
import { escapeHtml } from "../text/html.js";

export type TrackerDeps = Pick<AppDeps, "config" | "redis" | "panel" | "wallet" | "users" | "outbox" | "i18n" | "alerts" | "metrics" | "logger">;

export interface TrackerOptions {
  timing: PollTiming;
  limits: TrackingLimits;
  /** ids per status request (panels take at most 100) */
  batchSize: number;
  /** batches in flight at once */
  concurrency: number;
  /** claimed ids belong to this process for this long; a dead worker's batch is free again after it */
  leaseMs: number;
  /** after the panel failed a batch: first wait, doubling per failure up to maxBackoffMs */
  backoffMs: number;
  maxBackoffMs: number;
  /** the panel failing for this long alerts the admins */
  panelDownAlertMs: number;
  /** the loop's longest sleep: orders made due by others (a new order, Refresh) are seen this late */
  idleMs: number;
}

export function defaultTrackerOptions(config: Config): TrackerOptions {
  return {
    timing: { intervalMs: config.poll.intervalMs, maxIntervalMs: config.poll.maxIntervalMs },
    limits: DEFAULT_TRACKING_LIMITS,
    batchSize: MAX_IDS_PER_REQUEST,
    concurrency: 2,
    // Longer than a status read may take with the client's retries (4 attempts and their waits).
    leaseMs: config.panel.timeoutMs * 4 + 30_000,
    backoffMs: 5_000,
    maxBackoffMs: 5 * 60_000,
    panelDownAlertMs: 3 * 60_000,
    idleMs: 1_000,
  };
}

export interface RoundStats {
  /** ids the panel answered about */
  checked: number;
  /** status (or refill_status) requests sent */
  requests: number;
  /** orders whose status, start count or remains moved */
  changed: number;
  /** notifications queued */
  told: number;
  /** orders handed to admins */
  attention: number;
  ms: number;
  /** the panel failed a batch: the round stopped early and its ids wait for the backoff */
  panelFailed: boolean;
}

// Takes up to ARGV[2] ids due by ARGV[1] and leases them until ARGV[3]: two workers never get the same id.
const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[3], id) end
return ids
`;

// Gives claimed ids back for ARGV[2], unless someone moved them meanwhile (their score is not our lease).
const RELEASE = `
for i = 3, #ARGV do
  local cur = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if cur and tonumber(cur) == tonumber(ARGV[1]) then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i]) end
end
return 0
`;

// Writes what a panel answer changed, only if the order is still as it was read (the CAS fields),
// then reschedules it: due → next look (earlier if someone asked for one meanwhile), stop → off the
// schedule, attention → off the schedule and into the admins' set.
// ARGV: id, mode, dueAt, lease, nCheck, (field, value)…, nSet, (field, value)…, fields to delete…
const WRITE = `
local order, due, attention = KEYS[1], KEYS[2], KEYS[3]
local id, mode = ARGV[1], ARGV[2]
if redis.call('HGET', order, 'placement') ~= 'placed' then
  redis.call('ZREM', due, id)
  return 0
end
local i = 5
local n = tonumber(ARGV[i])
for j = 1, n do
  if (redis.call('HGET', order, ARGV[i + 2 * j - 1]) or '') ~= ARGV[i + 2 * j] then return 0 end
end
i = i + 2 * n + 1
n = tonumber(ARGV[i])
if n > 0 then
  local args = {}
  for j = 1, 2 * n do args[j] = ARGV[i + j] end
  redis.call('HSET', order, unpack(args))
end
i = i + 2 * n + 1
if i <= #ARGV then
  local dels = {}
  for j = i, #ARGV do dels[#dels + 1] = ARGV[j] end
  redis.call('HDEL', order, unpack(dels))
end
if mode == 'due' then
  local cur = redis.call('ZSCORE', due, id)
  if cur then
    if tonumber(cur) == tonumber(ARGV[4]) then redis.call('ZADD', due, ARGV[3], id)
    else redis.call('ZADD', due, 'LT', ARGV[3], id) end
  end
else
  redis.call('ZREM', due, id)
  if mode == 'attention' then redis.call('SADD', attention, id) end
end
return 1
`;
const WRITE_COMMAND = "panelbotTrackWrite";

type Fields = Record<string, string | null | undefined>;

const READ_FIELDS = [
  "id", "userId", "chatId", "locale", "serviceName", "quantity", "runs", "price", "placement", "panelOrderId",
  "status", "statusRaw", "startCount", "remains", "charge", "refunded", "panelError", "createdAt", "updatedAt", "placedAt",
  "refillId", "refillStatus", "pollSeq", "pollChangedAt", "pollErrors", "pollErrorSince", "refillChangedAt", "refillErrors", "refillErrorSince",
] as const;
type Mode = "due" | "stop" | "attention";

interface Row {
  id: string;
  /** the stored hash as read, for compare-and-set and to write only what differs */
  h: Record<string, string>;
  order: OrderRecord;
}

interface Write {
  id: string;
  args: Array<string | number>;
}

const num = (v: string | undefined): number | undefined => (v === undefined || v === "" || !Number.isFinite(Number(v)) ? undefined : Number(v));

/**
 * Tracks placed orders and their refills: claims due ids from Redis in batches of ≤ 100 (atomically,
 * so any number of workers can share the work), asks the panel, and for each change refunds,
 * queues the customer's message and writes the order, in that order. A crash anywhere redoes the
 * batch after its lease; the refund's once-key and the message's key make the redo harmless.
 */
export class OrderTracker {
  readonly opts: TrackerOptions;
  private readonly k: Keys;
  private readonly failingSinceKey: string;
  private failures = 0;
  private failingClearedAt = 0;
  private stopping = false;
  private running?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly deps: TrackerDeps,
    opts: Partial<TrackerOptions> = {},
  ) {
    this.opts = { ...defaultTrackerOptions(deps.config), ...opts };
    this.k = storeKeys(deps.config.redis.prefix);
    this.failingSinceKey = `${deps.config.redis.prefix}poll:panel-failing-since`;
    deps.redis.defineCommand(WRITE_COMMAND, { numberOfKeys: 3, lua: WRITE });
  }

  /** Wait before the next round after consecutive panel failures; 0 while the panel answers. */
  backoffMs(): number {
    return this.failures === 0 ? 0 : Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** (this.failures - 1));
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Finishes the batches in flight (their results are written), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** One round over every order due now. */
  pollRound(): Promise<RoundStats> {
    return this.round(this.k.pollDue, (ids, lease, stats) => this.pollBatch(ids, lease, stats));
  }

  /** One round over every refill due now. */
  refillRound(): Promise<RoundStats> {
    return this.round(this.k.refillDue, (ids, lease, stats) => this.refillBatch(ids, lease, stats));
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let waitMs = this.opts.idleMs;
      try {
        const orders = await this.pollRound();
        if (!orders.panelFailed && !this.stopping) await this.refillRound();
        const backoff = this.backoffMs();
        waitMs = backoff > 0 ? backoff : await this.untilNextDue();
      } catch (e) {
        this.deps.logger.error({ err: e }, "poll round failed");
      }
      await this.sleep(waitMs);
    }
  }

  private async untilNextDue(): Promise<number> {
    const [order, refill] = await Promise.all([
      this.deps.redis.zrange(this.k.pollDue, 0, 0, "WITHSCORES"),
      this.deps.redis.zrange(this.k.refillDue, 0, 0, "WITHSCORES"),
    ]);
    const next = Math.min(Number(order[1] ?? Infinity), Number(refill[1] ?? Infinity));
    return Math.max(0, Math.min(this.opts.idleMs, next - Date.now()));
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  private async round(due: string, batch: (ids: string[], lease: number, stats: RoundStats) => Promise<boolean>): Promise<RoundStats> {
    const started = performance.now();
    // Only what is due at the start: orders rescheduled during the round wait for the next one.
    const dueBy = Date.now();
    const stats: RoundStats = { checked: 0, requests: 0, changed: 0, told: 0, attention: 0, ms: 0, panelFailed: false };
    const lane = async (): Promise<void> => {
      while (!stats.panelFailed && !this.stopping) {
        const lease = Date.now() + this.opts.leaseMs;
        const ids = (await this.deps.redis.eval(CLAIM, 1, due, dueBy, this.opts.batchSize, lease)) as string[];
        if (ids.length === 0) return;
        if (!(await batch(ids, lease, stats))) stats.panelFailed = true;
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: this.opts.concurrency }, lane));
    stats.ms = performance.now() - started;
    if (stats.checked > 0) this.deps.metrics.pollRoundSeconds.observe(stats.ms / 1000);
    const failed = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
    // Ids of a batch that broke this way stay leased: they are looked at again when the lease ends.
    if (failed) throw failed.reason;
    return stats;
  }

  /** The fields the tracker works with: not the link or the comments, which can be long, on every look. */
  private async read(ids: string[]): Promise<Array<{ id: string; h: Record<string, string>; order: OrderRecord | null }>> {
    const pipe = this.deps.redis.pipeline();
    for (const id of ids) pipe.hmget(this.k.order(id), ...READ_FIELDS);
    const res = (await pipe.exec()) ?? [];
    return ids.map((id, i) => {
      const [err, values] = res[i] ?? [new Error("no reply")];
      if (err) throw err;
      const h: Record<string, string> = {};
      (values as Array<string | null>).forEach((v, j) => {
        if (v !== null) h[READ_FIELDS[j]!] = v;
      });
      return { id, h, order: decodeOrder(h) };
    });
  }

  private async pollBatch(ids: string[], lease: number, stats: RoundStats): Promise<boolean> {
    const rows: Row[] = [];
    const gone: string[] = [];
    for (const r of await this.read(ids)) {
      if (r.order && r.order.placement === "placed" && r.order.panelOrderId && !isFinalOrderStatus(r.order.status)) rows.push(r as Row);
      else gone.push(r.id);
    }
    if (gone.length > 0) await this.deps.redis.zrem(this.k.pollDue, ...gone);
    if (rows.length === 0) return true;

    let answers: Map<string, PerId<PanelOrderStatus>>;
    try {
      answers = await this.ask(rows.map((r) => r.order.panelOrderId!), stats, (ids) => this.deps.panel.statuses(ids), ["incorrect_order"]);
    } catch (e) {
      return this.panelFailed(e, this.k.pollDue, rows.map((r) => r.id), lease);
    }
    await this.panelAnswered(rows.length, stats);

    const now = Date.now();
    const writes = await Promise.all(
      rows.map((r) => this.applyOrder(r, answers.get(r.order.panelOrderId!) ?? { ok: false, error: "missing from the panel's answer" }, now, lease, stats)),
    );
    await this.write(writes, this.k.pollDue);
    return true;
  }

  private async applyOrder(row: Row, answer: PerId<PanelOrderStatus>, now: number, lease: number, stats: RoundStats): Promise<Write> {
    const { order, h } = row;
    const decision = decideOrder(
      {
        status: order.status,
        startCount: order.startCount,
        remains: order.remains,
        price: order.price,
        quantity: order.quantity,
        runs: order.runs,
        changedAt: num(h.pollChangedAt) ?? order.placedAt ?? order.createdAt,
        idErrors: num(h.pollErrors) ?? 0,
        errorSince: num(h.pollErrorSince),
      },
      answer,
      now,
      this.opts.timing,
      this.opts.limits,
    );
    const fields: Fields = { ...decision.fields };
    if (decision.news) {
      // Refund, then tell, then write: a crash in between redoes all three, and the once-keys make the redo harmless.
      const refunded = await this.refund(order, decision.news);
      if (refunded) fields.refunded = moneyString(refunded);
      const locale = await this.localeOf(order);
      const text = statusNewsText(this.deps.i18n, locale, this.deps.config.currency, order, decision.news, refunded);
      if (await this.deps.outbox.enqueue({ chatId: order.chatId, text, parseMode: "HTML", key: `notify:${order.id}:${decision.news.status}` })) stats.told++;
    }
    if (decision.changed) stats.changed++;
    if (decision.attention) {
      stats.attention++;
      await this.handToAdmins(order, order.id, decision.attention);
    }
    const mode: Mode = decision.attention ? "attention" : decision.nextDueAt === undefined ? "stop" : "due";
    // The sequence number guards the write: a second worker that read the same state cannot write over a newer one.
    const seq = h.pollSeq ?? "";
    return this.writeArgs(row, fields, mode, decision.nextDueAt ?? 0, lease, [["pollSeq", seq]], ["pollSeq", String(Number(seq || 0) + 1)]);
  }

  /** Credits the refund once per order; returns what the wallet got for it (also when that was in an earlier try). */
  private async refund(order: OrderRecord, news: StatusNews): Promise<Money | null> {
    if (!news.refund || news.refund.lte(0)) return null;
    const onceKey = `refund:${order.id}`;
    const res = await this.deps.wallet.credit(order.userId, news.refund, { reason: "refund", orderId: order.id }, onceKey);
    if (res.credited) {
      this.deps.logger.info({ orderId: order.id, userId: order.userId, amount: moneyString(news.refund), status: news.status }, "order refunded");
      return news.refund;
    }
    return fromUnits(await this.deps.redis.get(this.k.credited(onceKey)));
  }

  private async refillBatch(ids: string[], lease: number, stats: RoundStats): Promise<boolean> {
    const rows: Row[] = [];
    const gone: string[] = [];
    for (const r of await this.read(ids)) {
      if (r.order && r.order.placement === "placed" && r.order.refillId) rows.push(r as Row);
      else gone.push(r.id);
    }
    if (gone.length > 0) await this.deps.redis.zrem(this.k.refillDue, ...gone);
    if (rows.length === 0) return true;

    let answers: Map<string, PerId<PanelRefillStatus>>;
    try {
      answers = await this.ask(rows.map((r) => r.order.refillId!), stats, (ids) => this.deps.panel.refillStatuses(ids), ["refill_not_found", "incorrect_order"]);
    } catch (e) {
      return this.panelFailed(e, this.k.refillDue, rows.map((r) => r.id), lease);
    }
    await this.panelAnswered(rows.length, stats);

    const now = Date.now();
    const writes = await Promise.all(
      rows.map(async (row): Promise<Write> => {
        const { order, h } = row;
        const refillId = order.refillId!;
        const decision = decideRefill(
          {
            refillId,
            statusRaw: order.refillStatus ?? "pending",
            changedAt: num(h.refillChangedAt) ?? order.updatedAt,
            idErrors: num(h.refillErrors) ?? 0,
            errorSince: num(h.refillErrorSince),
          },
          answers.get(refillId) ?? { ok: false, error: "missing from the panel's answer" },
          now,
          this.opts.timing,
          this.opts.limits,
        );
        if (decision.news) {
          const text = refillNewsText(this.deps.i18n, await this.localeOf(order), order, decision.news.status);
          if (await this.deps.outbox.enqueue({ chatId: order.chatId, text, parseMode: "HTML", key: `notify:${order.id}:refill:${refillId}:${decision.news.status}` })) stats.told++;
        }
        if (decision.changed) stats.changed++;
        if (decision.attention) {
          stats.attention++;
          await this.handToAdmins(order, `refill:${order.id}`, decision.attention);
        }
        const mode: Mode = decision.attention ? "attention" : decision.nextDueAt === undefined ? "stop" : "due";
        // A new refill requested meanwhile changes refillId: this answer is then about the old one.
        const check: Array<[string, string]> = [
          ["refillId", refillId],
          ["refillStatus", h.refillStatus ?? ""],
        ];
        return this.writeArgs(row, decision.fields, mode, decision.nextDueAt ?? 0, lease, check);
      }),
    );
    await this.write(writes, this.k.refillDue);
    return true;
  }

  /**
   * Asks the panel about ids (≤ batchSize, so one request). Some panels answer a request with an id
   * they do not know by a plain {"error": …} for the whole request: with one id that is the id's own
   * error; with several, each id is asked on its own to find out which.
   */
  private async ask<T>(ids: string[], stats: RoundStats, call: (ids: string[]) => Promise<Map<string, PerId<T>>>, perIdKinds: PanelErrorKind[]): Promise<Map<string, PerId<T>>> {
    stats.requests += Math.ceil(ids.length / MAX_IDS_PER_REQUEST);
    try {
      return await call(ids);
    } catch (e) {
      if (!(e instanceof PanelError) || !perIdKinds.includes(e.kind)) throw e;
      if (ids.length === 1) return new Map([[ids[0]!, { ok: false, error: e.panelMessage }]]);
      const out = new Map<string, PerId<T>>();
      for (const id of ids) out.set(id, (await this.ask([id], stats, call, perIdKinds)).get(id)!);
      return out;
    }
  }

  private writeArgs(row: Row, fields: Fields, mode: Mode, dueAt: number, lease: number, check: Array<[string, string]>, bump?: [string, string]): Write {
    const set: string[] = [];
    const del: string[] = [];
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (value === null) {
        if (row.h[field] !== undefined) del.push(field);
      } else if (row.h[field] !== value) set.push(field, value);
    }
    if (bump && (set.length > 0 || del.length > 0)) set.push(...bump);
    return { id: row.id, args: [row.id, mode, dueAt, lease, check.length, ...check.flat(), set.length / 2, ...set, ...del] };
  }

  private async write(writes: Write[], due: string): Promise<void> {
    const pipe = this.deps.redis.pipeline() as unknown as Record<string, (...args: Array<string | number>) => unknown> & { exec(): Promise<Array<[Error | null, unknown]> | null> };
    for (const w of writes) pipe[WRITE_COMMAND]!(this.k.order(w.id), due, this.k.attention, ...w.args);
    const res = (await pipe.exec()) ?? [];
    const failed = res.find(([err]) => err)?.[0];
    if (failed) throw failed;
  }

  private async localeOf(order: OrderRecord): Promise<string> {
    return (await this.deps.users.getLocale(order.userId)) ?? order.locale ?? this.deps.config.defaultLocale;
  }

  private async handToAdmins(order: OrderRecord, subject: string, reason: string): Promise<void> {
    this.deps.logger.warn({ orderId: order.id, panelOrderId: order.panelOrderId, reason }, "order no longer tracked; handed to admins");
    await this.deps.alerts
      .alert("stuck_order", subject, "tracking-alert-stuck-order", {
        id: order.id,
        panelId: escapeHtml(order.panelOrderId ?? "?"),
        user: String(order.userId),
        reason: escapeHtml(reason),
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, "admin alert failed"));
  }

  private async panelAnswered(checked: number, stats: RoundStats): Promise<void> {
    stats.checked += checked;
    this.deps.metrics.ordersChecked.inc(checked);
    // Now and then also when this worker saw no failure: another one may have died mid-outage.
    const now = Date.now();
    if (this.failures > 0 || now - this.failingClearedAt > 30_000) {
      if (this.failures > 0) this.deps.logger.info("panel answers status checks again");
      this.failures = 0;
      this.failingClearedAt = now;
      await this.deps.redis.del(this.failingSinceKey);
    }
  }

  /** The panel failed the whole batch: give the ids back for after the backoff, nothing else changes. */
  private async panelFailed(e: unknown, due: string, ids: string[], lease: number): Promise<false> {
    if (!(e instanceof PanelError) && !(e instanceof PanelTransportError)) throw e;
    this.failures++;
    const now = Date.now();
    const backoff = this.backoffMs();
    await this.deps.redis.eval(RELEASE, 1, due, lease, now + backoff, ...ids);
    this.deps.logger.warn({ err: e, ids: ids.length, backoffMs: backoff }, "panel status check failed; backing off");
    const { alerts, redis, logger } = this.deps;
    const alertFailed = (err: unknown) => logger.error({ err }, "admin alert failed");
    if (e instanceof PanelError && (e.kind === "invalid_key" || e.kind === "suspended")) {
      await alerts.alert("panel_key", "poll", "alert-panel-key", { message: escapeHtml(e.panelMessage) }).catch(alertFailed);
    }
    // Shared by all workers; a worker that sees the panel answer deletes it, and it expires if nobody fails any more.
    const ttl = Math.max(10 * 60_000, 4 * this.opts.panelDownAlertMs);
    const [, , since] = (await redis.multi().set(this.failingSinceKey, String(now), "PX", ttl, "NX").pexpire(this.failingSinceKey, ttl).get(this.failingSinceKey).exec()) ?? [];
    const downMs = now - Number(since?.[1] ?? now);
    if (downMs >= this.opts.panelDownAlertMs) {
      const reason = e instanceof PanelError ? e.panelMessage : (e).failure;
      await alerts.alert("panel_down", "poll", "tracking-alert-panel-down", { minutes: Math.floor(downMs / 60_000), reason: escapeHtml(reason) }).catch(alertFailed);
    }
    return false;
  }
}

/** One round over every order due now, for benchmarks and tools: ⌈due / 100⌉ status requests. */
export function runPollRound(deps: TrackerDeps, opts: Partial<TrackerOptions> = {}): Promise<RoundStats> {
  return new OrderTracker(deps, opts).pollRound();
}
