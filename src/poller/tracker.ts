import type { AppDeps } from "../app.js";
import type { Config } from "../config.js";
import { D, moneyString, type Money } from "../money.js";
import { MAX_IDS_PER_REQUEST } from "../panel/client.js";
import { PanelError, PanelTransportError, type PanelErrorKind } from "../panel/errors.js";
import type { PanelOrderStatus, PanelRefillStatus, PerId } from "../panel/schemas.js";
import { isFinalOrderStatus } from "../panel/status.js";
import { decodeOrder, type OrderRecord } from "../store/orders.js";
import type { PollQueue, PollWrite } from "../store/schedule.js";
import { REFUND_PARTS_MAX, refundOnceKey } from "../store/wallet.js";
import { defaultBatchRule, type BatchRule } from "./batching.js";
import { DEFAULT_TRACKING_LIMITS, decideOrder, decideRefill, type OrderDecision, type PollTiming, type StatusNews, type TrackingLimits } from "./decide.js";
import { refillNewsText, statusNewsText } from "./notify.js";
import { countersDelta, orderCounters } from "../services/stats.js";
import type { Translate } from "../services/notifier.js";
import { rewardReferrer } from "../services/referrals.js";
import { escapeHtml } from "../text/html.js";

export type TrackerDeps = Pick<AppDeps, "config" | "orders" | "schedule" | "panel" | "wallet" | "referrals" | "notifier" | "metrics" | "logger">;

export interface TrackerOptions {
  timing: PollTiming;
  limits: TrackingLimits;
  /** ids per status request (panels take at most 100) */
  batchSize: number;
  /** how long a due id waits for its request to fill, and how far ahead it is filled (batching.ts); from the interval unless given */
  holdMs?: number;
  lookaheadMs?: number;
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

type Fields = Record<string, string | null | undefined>;

/** The poller reads order hashes only: an order without one (packed, archived) is closed, and leaves the queue. */
const HASHES_ONLY = { packed: false } as const;

/**
 * What a look at an order needs to decide (decideOrder) and to find whether anything is to be
 * written: read for every id claimed. Most looks change nothing, so the rest of the
 * record (DETAIL_FIELDS: for the message, the refund, the counters) is read only for the orders
 * that move. Never the link or the comments, which can be long.
 */
const LOOK_FIELDS: Record<PollQueue, readonly string[]> = {
  orders: [
    "placement",
    "panelOrderId",
    "status",
    "statusRaw",
    "startCount",
    "remains",
    "charge",
    "price",
    "quantity",
    "runs",
    "panelError",
    "createdAt",
    "placedAt",
    "pollSeq",
    "pollChangedAt",
    "pollErrors",
    "pollErrorSince",
  ],
  refills: ["placement", "panelError", "updatedAt", "refillId", "refillStatus", "refillChangedAt", "refillErrors", "refillErrorSince"],
};
const DETAIL_FIELDS = [
  "userId",
  "chatId",
  "locale",
  "serviceName",
  "quantity",
  "runs",
  "price",
  "status",
  "startCount",
  "remains",
  "charge",
  "refunded",
  "createdAt",
  "updatedAt",
  "placedAt",
  "refillId",
  "rate",
  "serviceType",
  "costUnits",
  "exchangeRate",
] as const;
type Mode = PollWrite["mode"];

interface ReadRow {
  id: string;
  /** the stored fields as read (the look's, and the details of an order that moves), for compare-and-set and to write only what differs */
  h: Record<string, string>;
  /** null: no record */
  order: OrderRecord | null;
}
type Row = ReadRow & { order: OrderRecord };

/** The fields a decision writes that differ from the stored ones: to set (field, value…) and to delete. */
function changes(h: Record<string, string>, fields: Fields): { set: string[]; del: string[] } {
  const set: string[] = [];
  const del: string[] = [];
  // for…in: called twice for every order looked at, and Object.entries' pairs are garbage.
  for (const field in fields) {
    const value = fields[field];
    if (value === undefined) continue;
    if (value === null) {
      if (h[field] !== undefined) del.push(field);
    } else if (h[field] !== value) set.push(field, value);
  }
  return { set, del };
}

/**
 * Rows from the fields read by id; the order decoded from them (the look's fields, or all the
 * tracker reads). Each read object becomes its row's `h` (given the id): they are fresh from the
 * store, and a copy per order looked at was a tenth of what a round allocated.
 */
function rowsOf(ids: string[], read: Array<Partial<Record<string, string>>>): ReadRow[] {
  return ids.map((id, i) => {
    const h = (read[i] ?? {}) as Record<string, string>;
    const found = !isEmpty(h);
    h.id = id;
    return { id, h, order: found ? decodeOrder(h) : null };
  });
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** The stored hash once `set` (field, value…) and `del` are written. */
function after(h: Record<string, string>, set: string[], del: string[]): Record<string, string> {
  const out = { ...h };
  for (let i = 0; i < set.length; i += 2) out[set[i]!] = set[i + 1]!;
  for (const f of del) delete out[f];
  return out;
}

/** A customer's messages about their order: their chosen locale, else the one they ordered in. */
const recipient = (order: OrderRecord) => ({ userId: order.userId, chatId: order.chatId, locale: order.locale });

const num = (v: string | undefined): number | undefined => (v === undefined || v === "" || !Number.isFinite(Number(v)) ? undefined : Number(v));

/**
 * Tracks placed orders and their refills: claims due ids from Redis in batches of ≤ 100 (atomically,
 * so any number of workers can share the work), asks the panel, and for each change refunds,
 * queues the customer's message and writes the order, in that order. A crash anywhere redoes the
 * batch after its lease; the refund's once-key and the message's key make the redo harmless.
 */
export class OrderTracker {
  readonly opts: TrackerOptions;
  readonly rule: BatchRule;
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
    const derived = defaultBatchRule(this.opts.timing, this.opts.batchSize);
    this.rule = { size: this.opts.batchSize, holdMs: this.opts.holdMs ?? derived.holdMs, lookaheadMs: this.opts.lookaheadMs ?? derived.lookaheadMs };
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

  /**
   * One round over the orders due now. `held` (the loop's way) keeps a request that is not full
   * for the batching rule's hold; else everything due goes now, the last request filled ahead.
   */
  pollRound(held = false): Promise<RoundStats> {
    return this.round("orders", held, (read, lease, stats) => this.pollBatch(read, lease, stats));
  }

  /** One round over the refills due now; `held` as in pollRound. */
  refillRound(held = false): Promise<RoundStats> {
    return this.round("refills", held, (read, lease, stats) => this.refillBatch(read, lease, stats));
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let waitMs = this.opts.idleMs;
      try {
        const orders = await this.pollRound(true);
        if (!orders.panelFailed && !this.stopping) await this.refillRound(true);
        const backoff = this.backoffMs();
        waitMs = backoff > 0 ? backoff : await this.untilNextDue();
      } catch (e) {
        this.deps.logger.error({ err: e }, "poll round failed");
      }
      await this.sleep(waitMs);
    }
  }

  /** Until the earliest due id's hold ends (its request is sent then if not full before), at most idleMs. */
  private async untilNextDue(): Promise<number> {
    const next = await this.deps.schedule.nextDueAt();
    return Math.max(1, Math.min(this.opts.idleMs, next + this.rule.holdMs - Date.now()));
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

  private async round(due: PollQueue, held: boolean, batch: (read: ReadRow[], lease: number, stats: RoundStats) => Promise<boolean>): Promise<RoundStats> {
    const started = performance.now();
    // Only what is due at the start: orders rescheduled during the round wait for the next one.
    const dueBy = Date.now();
    const rule = held ? this.rule : { ...this.rule, holdMs: 0 };
    const stats: RoundStats = { checked: 0, requests: 0, changed: 0, told: 0, attention: 0, ms: 0, panelFailed: false };
    const take = async (): Promise<{ ids: string[]; lease: number; rows: ReadRow[] } | null> => {
      const lease = Date.now() + this.opts.leaseMs;
      const ids = await this.deps.schedule.claim(due, dueBy, lease, rule);
      return ids.length === 0 ? null : { ids, lease, rows: rowsOf(ids, await this.deps.orders.getFields(ids, LOOK_FIELDS[due], HASHES_ONLY)) };
    };
    // A lane claims and reads its next batch while the current one's request is out: Redis's part
    // leaves the critical path, and the panel still gets one request at a time from each lane.
    const lane = async (): Promise<void> => {
      let next = await take();
      try {
        while (next !== null && !stats.panelFailed && !this.stopping) {
          const current = next;
          next = null;
          const [looked, ahead] = await Promise.allSettled([batch(current.rows, current.lease, stats), take()]);
          if (ahead.status === "fulfilled") next = ahead.value;
          if (looked.status === "rejected") throw looked.reason;
          if (ahead.status === "rejected") throw ahead.reason;
          if (!looked.value) stats.panelFailed = true;
        }
      } finally {
        // A batch claimed ahead and not looked at goes back: due now, or after the backoff when the panel failed.
        if (next !== null) await this.deps.schedule.release(due, next.lease, Date.now() + (stats.panelFailed ? this.backoffMs() : 0), next.ids);
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

  /**
   * Reads the rest of the record of the orders whose look moves something (news, attention or
   * any field to write), in one call, then applies every decision. The look's fields stay as they
   * were read: the decision and the write's compare-and-set are about them.
   */
  private async settle<D extends { fields: Fields; news?: object; attention?: string }>(
    looked: Array<{ row: Row; decision: D }>,
    apply: (row: Row, decision: D) => Promise<PollWrite>,
  ): Promise<PollWrite[]> {
    const moving = looked
      .filter(({ row, decision }) => {
        if (decision.news || decision.attention) return true;
        const { set, del } = changes(row.h, decision.fields);
        return set.length > 0 || del.length > 0;
      })
      .map(({ row }) => row);
    const detailed = new Map<string, Row>();
    if (moving.length > 0) {
      const ids = moving.map((row) => row.id);
      const details = await this.deps.orders.getFields(ids, DETAIL_FIELDS, HASHES_ONLY);
      const merged = moving.map((row, i) => ({ ...details[i], ...row.h }));
      for (const row of rowsOf(ids, merged)) if (row.order) detailed.set(row.id, row as Row);
    }
    return Promise.all(looked.map(({ row, decision }) => apply(detailed.get(row.id) ?? row, decision)));
  }

  private async pollBatch(read: ReadRow[], lease: number, stats: RoundStats): Promise<boolean> {
    const rows: Row[] = [];
    const gone: string[] = [];
    for (const r of read) {
      if (r.order && r.order.placement === "placed" && r.order.panelOrderId && !isFinalOrderStatus(r.order.status)) rows.push(r as Row);
      else gone.push(r.id);
    }
    await this.deps.schedule.remove("orders", gone);
    if (rows.length === 0) return true;

    let answers: Map<string, PerId<PanelOrderStatus>>;
    try {
      answers = await this.ask(
        rows.map((r) => r.order.panelOrderId!),
        stats,
        (ids) => this.deps.panel.statuses(ids),
        ["incorrect_order"],
      );
    } catch (e) {
      return this.panelFailed(
        e,
        "orders",
        rows.map((r) => r.id),
        lease,
      );
    }
    await this.panelAnswered(rows.length, stats);

    const now = Date.now();
    const looked = rows.map((row) => {
      const { order, h } = row;
      const answer = answers.get(order.panelOrderId!) ?? { ok: false, error: "missing from the panel's answer" };
      const tracked = {
        status: order.status,
        startCount: order.startCount,
        remains: order.remains,
        price: order.price,
        quantity: order.quantity,
        runs: order.runs,
        changedAt: num(h.pollChangedAt) ?? order.placedAt ?? order.createdAt,
        idErrors: num(h.pollErrors) ?? 0,
        errorSince: num(h.pollErrorSince),
      };
      return { row, decision: decideOrder(tracked, answer, now, this.opts.timing, this.opts.limits) };
    });
    await this.deps.schedule.write("orders", await this.settle(looked, (row, decision) => this.applyOrder(row, decision, lease, stats)));
    return true;
  }

  private async applyOrder(row: Row, decision: OrderDecision, lease: number, stats: RoundStats): Promise<PollWrite> {
    const { order, h } = row;
    // A copy only where the refund is added to it: most looks have no news.
    const fields: Fields = decision.news ? { ...decision.fields } : decision.fields;
    if (decision.news) {
      // Refund, reward the referrer, tell, then write: a crash in between redoes them all, and the once-keys make the redo harmless.
      const refunded = await this.refund(order, decision.news);
      if (refunded) fields.refunded = moneyString(refunded);
      const news = decision.news;
      // The order ended: the referrer's share of what was paid less what came back (none while a Partial's refund is unknown).
      if (isFinalOrderStatus(news.status) && !news.refundUnknown) await rewardReferrer(this.deps, order, refunded);
      const told = (t: Translate, locale: string) => statusNewsText(t, locale, this.deps.config.currency, order, news, refunded);
      // Keyed by the look (the record's sequence number as read, the same in a redo) and the status:
      // a redo tells nothing twice, and an order that goes back to a status it had is told again.
      if (await this.deps.notifier.toUser(recipient(order), told, { key: `notify:${order.id}:${h.pollSeq ?? "0"}:${news.status}` })) stats.told++;
    }
    if (decision.changed) stats.changed++;
    if (decision.attention) {
      stats.attention++;
      await this.handToAdmins(order, order.id, decision.attention);
    }
    const mode: Mode = decision.attention ? "attention" : decision.nextDueAt === undefined ? "stop" : "due";
    // The sequence number guards the write: a second worker that read the same state cannot write over a newer one.
    const seq = h.pollSeq ?? "";
    return this.writeArgs(row, fields, mode, decision.nextDueAt ?? 0, lease, [["pollSeq", seq]], ["pollSeq", String(Number(seq || 0) + 1)], true);
  }

  /**
   * Credits the refund once per order; returns what the wallet got for it in all (also when that
   * was in an earlier try). A redo can find a larger refund than an earlier try credited (a
   * Partial's share was credited, the process died before the write, and the panel now answers
   * Canceled): the rest is credited under a key of its own, once, so the total is what the last
   * answer calls for, never more than one refund of each size.
   */
  private async refund(order: OrderRecord, news: StatusNews): Promise<Money | null> {
    if (!news.refund || news.refund.lte(0)) return null;
    let total = new D(0);
    for (let part = 0; part < REFUND_PARTS_MAX && total.lt(news.refund); part++) {
      const onceKey = refundOnceKey(order.id, part);
      const amount = news.refund.sub(total);
      const res = await this.deps.wallet.credit(order.userId, amount, { reason: "refund", orderId: order.id }, onceKey);
      if (res.credited) {
        this.deps.logger.info({ orderId: order.id, userId: order.userId, amount: moneyString(amount), total: moneyString(news.refund), status: news.status }, "order refunded");
        return news.refund;
      }
      total = total.add(await this.deps.wallet.creditedAmount(onceKey));
    }
    return total;
  }

  private async refillBatch(read: ReadRow[], lease: number, stats: RoundStats): Promise<boolean> {
    const rows: Row[] = [];
    const gone: string[] = [];
    for (const r of read) {
      if (r.order && r.order.placement === "placed" && r.order.refillId) rows.push(r as Row);
      else gone.push(r.id);
    }
    await this.deps.schedule.remove("refills", gone);
    if (rows.length === 0) return true;

    let answers: Map<string, PerId<PanelRefillStatus>>;
    try {
      answers = await this.ask(
        rows.map((r) => r.order.refillId!),
        stats,
        (ids) => this.deps.panel.refillStatuses(ids),
        ["refill_not_found", "incorrect_order"],
      );
    } catch (e) {
      return this.panelFailed(
        e,
        "refills",
        rows.map((r) => r.id),
        lease,
      );
    }
    await this.panelAnswered(rows.length, stats);

    const now = Date.now();
    const looked = rows.map((row) => {
      const { order, h } = row;
      const tracked = {
        refillId: order.refillId!,
        statusRaw: order.refillStatus ?? "pending",
        changedAt: num(h.refillChangedAt) ?? order.updatedAt,
        idErrors: num(h.refillErrors) ?? 0,
        errorSince: num(h.refillErrorSince),
      };
      const answer = answers.get(tracked.refillId) ?? { ok: false, error: "missing from the panel's answer" };
      return { row, decision: decideRefill(tracked, answer, now, this.opts.timing, this.opts.limits) };
    });
    const writes = await this.settle(looked, async (row, decision): Promise<PollWrite> => {
      const { order, h } = row;
      const refillId = order.refillId!;
      if (decision.news) {
        const { status } = decision.news;
        if (await this.deps.notifier.toUser(recipient(order), (t) => refillNewsText(t, order, status), { key: `notify:${order.id}:refill:${refillId}:${status}` })) stats.told++;
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
    });
    await this.deps.schedule.write("refills", writes);
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

  /** `counted`: the write may move the shop's counters (status, refunds, charge), by the difference it makes. */
  private writeArgs(row: Row, fields: Fields, mode: Mode, dueAt: number, lease: number, check: Array<[string, string]>, bump?: [string, string], counted = false): PollWrite {
    const { set, del } = changes(row.h, fields);
    const changed = set.length > 0 || del.length > 0;
    if (bump && changed) set.push(...bump);
    return { id: row.id, mode, dueAt, lease, check, set, del, counters: counted && changed ? countersDelta(orderCounters(row.h), orderCounters(after(row.h, set, del))) : [] };
  }

  private async handToAdmins(order: OrderRecord, subject: string, reason: string): Promise<void> {
    this.deps.logger.warn({ orderId: order.id, panelOrderId: order.panelOrderId, reason }, "order no longer tracked; handed to admins");
    await this.deps.notifier.alert("stuck_order", subject, (t) =>
      t("tracking-alert-stuck-order", { id: order.id, panelId: escapeHtml(order.panelOrderId ?? "?"), user: String(order.userId), reason: escapeHtml(reason) }),
    );
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
      await this.deps.schedule.panelAnswers();
    }
  }

  /** The panel failed the whole batch: give the ids back for after the backoff, nothing else changes. */
  private async panelFailed(e: unknown, due: PollQueue, ids: string[], lease: number): Promise<false> {
    if (!(e instanceof PanelError) && !(e instanceof PanelTransportError)) throw e;
    this.failures++;
    const now = Date.now();
    const backoff = this.backoffMs();
    await this.deps.schedule.release(due, lease, now + backoff, ids);
    this.deps.logger.warn({ err: e, ids: ids.length, backoffMs: backoff }, "panel status check failed; backing off");
    const { notifier, schedule } = this.deps;
    if (e instanceof PanelError && (e.kind === "invalid_key" || e.kind === "suspended")) {
      const message = escapeHtml(e.panelMessage);
      await notifier.alert("panel_key", "poll", (t) => t("alert-panel-key", { message }));
    }
    // Shared by all workers; a worker that sees the panel answer deletes it, and it expires if nobody fails any more.
    const ttl = Math.max(10 * 60_000, 4 * this.opts.panelDownAlertMs);
    const downMs = now - (await schedule.panelFailing(now, ttl));
    if (downMs >= this.opts.panelDownAlertMs) {
      const reason = e instanceof PanelError ? e.panelMessage : e.failure;
      await notifier.alert("panel_down", "poll", (t) => t("tracking-alert-panel-down", { minutes: Math.floor(downMs / 60_000), reason: escapeHtml(reason) }));
    }
    return false;
  }
}

/** One round over every order due now, for benchmarks and tools: ⌈due / 100⌉ status requests. */
export function runPollRound(deps: TrackerDeps, opts: Partial<TrackerOptions> = {}): Promise<RoundStats> {
  return new OrderTracker(deps, opts).pollRound();
}
