import { RedisStore } from "./redis-store.js";
import { createHash, randomUUID } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { D, fromUnits, panelCost, parseDecimal, roundUnits, toUnits, type Money } from "../money.js";
import { isFinalOrderStatus, isFinalRefillStatus, normalizeRefillStatus, type OrderStatus } from "../panel/status.js";
import { decodeHash, encodeRecord, encodeUpdate, fieldCode, fieldReader, isFormat1 } from "./order-codec.js";
import { LEDGER_MAX } from "./wallet.js";

/** How long the archive lock lasts unless renewed (an archive or pack step takes seconds). */
const ARCHIVE_LOCK_MS = 60_000;

/**
 * Where an order is in its placement protocol:
 * draft    – confirmation shown, nothing charged (expires after DRAFT_TTL_S)
 * reserved – money taken from the wallet, `add` not sent yet
 * sending  – `add` is (about to be) on the wire; a crash here leaves the outcome unknown
 * placed   – the panel gave an order id
 * failed   – the panel refused or was never reached; the money went back
 * unknown  – the request may have reached the panel but no answer came; money stays reserved
 *            until an admin settles it (never retried automatically: `add` is not idempotent)
 */
export type Placement = "draft" | "reserved" | "sending" | "placed" | "failed" | "unknown";

export interface OrderRecord {
  id: string;
  userId: number;
  chatId: number;
  locale: string;
  serviceId: string;
  serviceName: string;
  serviceType: string;
  category: string;
  link: string;
  quantity: number;
  comments?: string;
  runs?: number;
  interval?: number;
  /** panel rate per 1000 (or flat) when ordered */
  rate: string;
  /** what the user paid (after a promo discount), decimal string: refunds are shares of this */
  price: string;
  /** with a promo discount: the price before it, and the amount taken off (decimal strings) */
  listPrice?: string;
  discount?: string;
  /** with a promo discount: the held discount it uses (JSON, see PromoStore), consumed by the charge */
  promo?: string;
  /** shop currency units per panel currency unit the order was priced at; absent: 1 (older orders) */
  exchangeRate?: string;
  /** what the panel was to charge at `rate`, panel currency, when priced */
  panelCost?: string;
  canRefill: boolean;
  canCancel: boolean;
  placement: Placement;
  panelOrderId?: string;
  failReason?: string;
  status: OrderStatus;
  statusRaw?: string;
  startCount?: number;
  remains?: number;
  /** panel's charge to the reseller, decimal string */
  charge?: string;
  /** amount refunded to the wallet for Partial/Canceled, decimal string */
  refunded?: string;
  /** the last panel per-id error for this order (e.g. Incorrect order ID) */
  panelError?: string;
  refillId?: string;
  refillStatus?: string;
  createdAt: number;
  updatedAt: number;
  placedAt?: number;
}

export type DraftInput = Pick<
  OrderRecord,
  | "userId"
  | "chatId"
  | "locale"
  | "serviceId"
  | "serviceName"
  | "serviceType"
  | "category"
  | "link"
  | "quantity"
  | "comments"
  | "runs"
  | "interval"
  | "rate"
  | "price"
  | "listPrice"
  | "discount"
  | "promo"
  | "exchangeRate"
  | "panelCost"
  | "canRefill"
  | "canCancel"
>;

/** A confirmation button older than this does nothing (the draft is gone). */
export const DRAFT_TTL_S = 24 * 60 * 60;

const NUMBER_FIELDS = new Set(["userId", "chatId", "quantity", "runs", "interval", "startCount", "remains", "createdAt", "updatedAt", "placedAt"]);
const BOOL_FIELDS = new Set(["canRefill", "canCancel"]);

/** An order by field name (what `decodeHash` and `getFields` give) → the record. */
export function decodeOrder(h: Record<string, string>): OrderRecord | null {
  if (!h.id) return null;
  const out: Record<string, unknown> = {};
  // for…in rather than Object.entries: the poller decodes every order it looks at, and the pairs are garbage.
  for (const k in h) {
    const v = h[k]!;
    if (NUMBER_FIELDS.has(k)) out[k] = v === "" ? undefined : Number(v);
    else if (BOOL_FIELDS.has(k)) out[k] = v === "1";
    else out[k] = v;
  }
  return out as unknown as OrderRecord;
}

/** Field values as stored: numbers in decimal, booleans "1"/"0". */
function encode(fields: Partial<OrderRecord>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    out[k] = typeof v === "boolean" ? (v ? "1" : "0") : String(v);
  }
  return out;
}

/**
 * The panel's cost of an order as placed, in units of the shop currency (× the exchange rate it was
 * priced at; 1 for older orders): kept with the draft so the placement script can count the margin.
 */
export function orderCostUnits(o: { rate: string; quantity: number; serviceType: string; runs?: number; exchangeRate?: string }): number {
  const rate = parseDecimal(o.rate);
  const exchange = parseDecimal(o.exchangeRate) ?? new D(1);
  return rate ? roundUnits(panelCost({ rate, quantity: o.quantity, type: o.serviceType, runs: o.runs }).mul(exchange)) : 0;
}

export type ReserveResult =
  { ok: true; balance: Money } | { ok: false; reason: "missing" | "not_owner" | "promo_gone" } | { ok: false; reason: "state"; placement: Placement } | { ok: false; reason: "funds"; balance: Money };

/**
 * A link as the back office searches it: without scheme, "www.", trailing slashes and case, so
 * "https://www.Instagram.com/ann/" finds "instagram.com/ann". Hashed to keep the key short.
 */
export function linkDigest(link: string): string {
  const normal = link
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, "");
  return createHash("sha1").update(normal).digest("hex");
}

/** What the back office's order list filters by; every field optional. */
export interface OrderFilter {
  userId?: number;
  serviceId?: string;
  /** the link, in any form `linkDigest` maps to the same */
  link?: string;
  placement?: Placement;
  /** a placed order's status */
  status?: OrderStatus;
  /** created at or after, ms */
  from?: number;
  /** created before, ms */
  to?: number;
}

export interface OrderPage {
  orders: OrderRecord[];
  /** where the next page starts (pass it back as `cursor`), or null at the end */
  next: number | null;
  /** orders in the index the page was read from, within the dates (before the other filters) */
  indexed: number;
}

/** Which orders a scan goes over: all of them, or one user's. */
export type OrderScope = "all" | { userId: number };

/** Orders and their placement protocol. Every state change is a compare-and-set in Redis. */
export class OrderStore extends RedisStore {
  /** orders:services as read so far: its entries never change */
  private readonly serviceNames = new Map<string, ServiceNames>();

  /** Records what the confirmation message shows; nothing is charged yet. */
  async createDraft(input: DraftInput, now = Date.now()): Promise<OrderRecord> {
    const id = String(await this.redis.incr(this.k.orderSeq));
    const record: OrderRecord = { ...input, id, placement: "draft", status: "pending", createdAt: now, updatedAt: now };
    const priceUnits = toUnits(new D(input.price));
    const stored: Partial<OrderRecord> = { ...record };
    // The service's name and category as they were first ordered are kept once for all its orders; an order keeps its own only when they differ.
    if (await this.namesShared(input.serviceId, input.serviceName, input.category)) {
      delete stored.serviceName;
      delete stored.category;
    }
    await this.redis
      .multi()
      // cnt: the counters hold this order's (zero) contribution from now on (src/services/stats.ts).
      .hset(this.k.order(id), encodeRecord({ ...encode(stored), priceUnits: String(priceUnits), costUnits: String(orderCostUnits(input)), cnt: "1" }))
      .expire(this.k.order(id), DRAFT_TTL_S)
      .exec();
    return record;
  }

  /**
   * Whether a service's shared names (orders:services, set by the first order of the service and
   * never changed, so cached here for good) are these.
   */
  private async namesShared(serviceId: string, serviceName: string, category: string): Promise<boolean> {
    const names = JSON.stringify([serviceName, category]);
    if (!this.serviceNames.has(serviceId)) {
      const [, got] = (await this.redis.multi().hsetnx(this.k.orderServices, serviceId, names).hget(this.k.orderServices, serviceId).exec()) ?? [];
      if (typeof got?.[1] === "string") this.serviceNames.set(serviceId, JSON.parse(got[1]) as ServiceNames);
    }
    const shared = this.serviceNames.get(serviceId);
    return shared !== undefined && shared[0] === serviceName && shared[1] === category;
  }

  /** Fills in the shared names of records (by field name) that do not carry their own. */
  private async withNames<T extends Partial<Record<"serviceId" | "serviceName" | "category", string>>>(rows: Array<T | null>): Promise<Array<T | null>> {
    const missing = [...new Set(rows.flatMap((r) => (r && r.serviceName === undefined && r.serviceId !== undefined && !this.serviceNames.has(r.serviceId) ? [r.serviceId] : [])))];
    if (missing.length > 0) {
      const values = await this.redis.hmget(this.k.orderServices, ...missing);
      missing.forEach((serviceId, i) => {
        const v = values[i];
        if (v) this.serviceNames.set(serviceId, JSON.parse(v) as ServiceNames);
      });
    }
    for (const r of rows) {
      const shared = r && r.serviceName === undefined && r.serviceId !== undefined ? this.serviceNames.get(r.serviceId) : undefined;
      if (r && shared) Object.assign(r, { serviceName: shared[0], category: r.category ?? shared[1] });
    }
    return rows;
  }

  /** The order, in the history or archived (an admin's lookup by id). */
  async get(id: string): Promise<OrderRecord | null> {
    if (!ORDER_ID.test(id)) return null;
    return (await this.getMany([id]))[0]!;
  }

  /** The order if it is in the history (its hash, or packed and still in the lists), not archived. */
  async getHot(id: string): Promise<OrderRecord | null> {
    if (!ORDER_ID.test(id)) return null;
    const [stored] = await this.storedRecords([id]);
    if (stored!.packed && !(await this.listed([id]))[0]) return null;
    return (await this.decodeAll([id], [stored!.raw]))[0]!;
  }

  /**
   * The order, only if it belongs to this user (callback data can be forged). Hot orders only: an
   * archived one is closed for good, and a customer's buttons act on open orders.
   */
  async getOwned(id: string, userId: number): Promise<OrderRecord | null> {
    const order = await this.getHot(id);
    return order && order.userId === userId && order.placement !== "draft" ? order : null;
  }

  /** The orders by id: their hash, or where there is none their bucket's record (packed or archived). */
  async getMany(ids: string[]): Promise<Array<OrderRecord | null>> {
    return this.decodeAll(
      ids,
      (await this.storedRecords(ids)).map((r) => r.raw),
    );
  }

  /**
   * The bucket records (raw, by id) of orders that have no hash: one GET per bucket, and only the
   * lines of the ids asked for are parsed.
   */
  private async fromBuckets(ids: readonly string[]): Promise<Map<string, Record<string, string>>> {
    const wanted = new Map<number, Set<string>>();
    for (const id of ids) {
      if (!ORDER_ID.test(id)) continue;
      const bucket = archiveBucket(id);
      wanted.set(bucket, (wanted.get(bucket) ?? new Set()).add(id));
    }
    const out = new Map<string, Record<string, string>>();
    if (wanted.size === 0) return out;
    const buckets = [...wanted.keys()];
    const pipe = this.redis.pipeline();
    for (const bucket of buckets) pipe.getBuffer(this.k.orderArchive(bucket));
    const res = (await pipe.exec()) ?? [];
    buckets.forEach((bucket, i) => {
      const [err, value] = res[i] ?? [new Error("no reply")];
      if (err) throw err;
      for (const [id, h] of readBucket(value as Buffer | null, wanted.get(bucket))) out.set(id, h);
    });
    return out;
  }

  /** Stored hashes of either format → the records (null where there is none). */
  private async decodeAll(ids: string[], hashes: Array<Record<string, string>>): Promise<Array<OrderRecord | null>> {
    const named = await this.withNames(hashes.map((h, i) => decodeHash(ids[i]!, h)));
    return named.map((h) => (h ? decodeOrder(h) : null));
  }

  /**
   * Some fields of each order, in one pipeline: the fields present, by name. For readers that look
   * at many orders often (the poller) and must not load the link or the comments every time.
   * (Plain HMGETs cost Redis half of what the same reads cost inside a script, and Redis is
   * the part that does not scale out.)
   */
  async getFields<F extends string>(ids: string[], fields: readonly F[], opts: { packed?: boolean } = {}): Promise<Array<Partial<Record<F, string>>>> {
    // The shared names are found by the service id: read it too when names are asked for.
    const names = fields.some((f) => f === "serviceName" || f === "category");
    const wanted: Array<F | "serviceId"> = names && !fields.includes("serviceId" as F) ? [...fields, "serviceId"] : [...fields];
    const reader = fieldReader(wanted);
    const out = (await this.hmgetAll(ids, reader.codes)).map((values) => reader.decode(values));
    // Records not migrated yet (format 1) are read again by their long names (as are ids with no record): rare once the background pass ran.
    const old = ids.flatMap((_id, i) => (out[i] === null ? [i] : []));
    if (old.length > 0) {
      const named = await this.hmgetAll(
        old.map((i) => ids[i]!),
        wanted,
      );
      old.forEach((i, j) => (out[i] = presentFields(wanted, named[j]!)));
      // No hash at all: a packed order's fields are in its bucket (unless the caller reads hashes only).
      const absent = old.filter((_i, j) => named[j]!.every((v) => v === null));
      if (opts.packed !== false && absent.length > 0) {
        const packed = await this.fromBuckets(absent.map((i) => ids[i]!));
        for (const i of absent) {
          const h = packed.get(ids[i]!);
          const record = h ? decodeHash(ids[i]!, h) : null;
          if (record) out[i] = Object.fromEntries(wanted.flatMap((f) => (record[f] === undefined ? [] : [[f, record[f]]]))) as Partial<Record<F | "serviceId", string>>;
        }
      }
    }
    if (names) await this.withNames(out);
    const withId = fields.includes("id" as F);
    // The names bring what was not asked for (the service id they were found by, a category).
    const extra = names ? (["serviceId", "category"] as const).filter((f) => !fields.includes(f as F)) : [];
    return out.map((row, i) => {
      if (row === null) return {};
      for (const f of extra) delete (row as Record<string, string>)[f];
      if (withId) row["id" as F] = ids[i]!;
      return row;
    });
  }

  private async hmgetAll(ids: string[], fields: readonly string[]): Promise<Array<Array<string | null>>> {
    if (ids.length >= 20) return this.scripts.orderFieldsRead({ orders: ids.map((id) => this.k.order(id)) }, { fields });
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hmget(this.k.order(id), ...fields);
    const res = (await pipe.exec()) ?? [];
    return ids.map((_id, i) => {
      const [err, v] = res[i] ?? [new Error("no reply")];
      if (err) throw err;
      return v as Array<string | null>;
    });
  }

  /** Some fields of every order in the scope, a page at a time (oldest first). */
  async *scanFields<F extends string>(scope: OrderScope, fields: readonly F[], pageSize = 500): AsyncGenerator<Array<Partial<Record<F, string>>>> {
    if (scope === "all") {
      for await (const ids of this.listPages(pageSize)) yield await this.getFields(ids, fields);
      return;
    }
    const set = this.k.userOrders(scope.userId);
    for (let start = 0; ; start += pageSize) {
      const ids = await this.redis.zrange(set, start, start + pageSize - 1);
      if (ids.length === 0) return;
      yield await this.getFields(ids, fields);
      if (ids.length < pageSize) return;
    }
  }

  async byPanelId(panelOrderId: string): Promise<OrderRecord | null> {
    const id = await this.panelIdOwner(panelOrderId);
    return id ? this.get(id) : null;
  }

  /** The local order a panel order id belongs to, if any (in its bucket, else in the older map until the worker moved it). */
  async panelIdOwner(panelOrderId: string): Promise<string | null> {
    return (await this.redis.hget(this.panelIdKey(panelOrderId), panelOrderId)) ?? (await this.redis.hget(this.k.panelIds, panelOrderId));
  }

  /**
   * One step of moving the panel-id map's older form (one hash) into its buckets: about `count`
   * entries from the stored HSCAN cursor, in one script call. Returns true when none is left.
   */
  async migratePanelIdsStep(count = 1_000): Promise<boolean> {
    const cursor = (await this.redis.get(this.k.panelIdMigration)) ?? "0";
    if (cursor === "done") return true;
    const [next, flat] = await this.redis.hscan(this.k.panelIds, cursor, "COUNT", count);
    const entries = Array.from({ length: flat.length / 2 }, (_, i): [string, string] => [flat[2 * i]!, flat[2 * i + 1]!]);
    if (entries.length > 0) await this.scripts.panelIdMove({ old: this.k.panelIds, buckets: entries.map(([p]) => this.panelIdKey(p)) }, { entries });
    await this.redis.set(this.k.panelIdMigration, next === "0" ? "done" : next);
    return next === "0";
  }

  /**
   * Newest first, filtered. The narrowest index the filter names is read (a link's, a user's, a
   * service's, else all orders), by score for the dates, from `cursor` (a position in that
   * range); placement and status are checked on the records, a chunk at a time, reading at most
   * `maxRead` records per call so a rare status cannot make one page read every order. A call
   * costs O(cursor + maxRead) reads; the range's count comes from the list's counter, less what a
   * walk from the newest bucket finds outside the dates.
   */
  async search(filter: OrderFilter, opts: { cursor?: number; limit: number; maxRead?: number }): Promise<OrderPage> {
    if (filter.link !== undefined) return this.searchLink(filter, filter.link, opts);
    if (filter.userId === undefined && filter.serviceId === undefined && filter.placement === "unknown") return this.searchUnknown(filter, opts);
    const max = filter.to !== undefined ? `(${filter.to}` : "+inf";
    const min = String(filter.from ?? "-inf");
    const range = await this.searchRange(filter, min, max);
    const maxRead = opts.maxRead ?? 2_000;
    // Filters checked on the records read big chunks (few round trips); otherwise a page is the chunk.
    const chunk = filter.status !== undefined || filter.placement !== undefined ? 500 : opts.limit;
    const indexed = (await range(0, 0, true)).count;
    const out: string[] = [];
    let at = opts.cursor ?? 0;
    const end = at + maxRead;
    while (at < end && out.length < opts.limit) {
      const asked = Math.min(chunk, end - at);
      const { ids } = await range(at, asked, false);
      if (ids.length === 0) return { orders: await this.records(out), next: null, indexed };
      const rows = await this.getFields(ids, FILTER_FIELDS);
      let used = 0;
      for (let i = 0; i < ids.length && out.length < opts.limit; i++, used++) {
        if (matches(rows[i]!, filter)) out.push(ids[i]!);
      }
      at += used;
      if (ids.length < asked && used === ids.length) return { orders: await this.records(out), next: null, indexed };
    }
    return { orders: await this.records(out), next: at < indexed ? at : null, indexed };
  }

  /**
   * The index a search reads: a page of ids from an offset, newest first, or the range's count. A
   * user's orders are one zset; a service's and all orders are bucketed lists, which a script
   * walks from their newest bucket (a service's older zset after its buckets: its oldest part).
   */
  private async searchRange(filter: OrderFilter, min: string, max: string): Promise<(offset: number, limit: number, count: boolean) => Promise<{ count: number; ids: string[] }>> {
    if (filter.userId !== undefined) {
      const index = this.k.userOrders(filter.userId);
      return async (offset, limit, count) =>
        count ? { count: await this.redis.zcount(index, min, max), ids: [] } : { count: -1, ids: await this.redis.zrevrangebyscore(index, max, min, "LIMIT", offset, limit) };
    }
    const sid = filter.serviceId;
    const list =
      sid !== undefined
        ? { prefix: this.k.serviceListPrefix(sid), lastBucket: await this.lastServiceBucket(sid), older: this.k.serviceOrders(sid) }
        : { prefix: this.k.orderListPrefix, lastBucket: await this.lastListBucket() };
    // The list's count from its counter (and a service's older zset), for the script to count the dates from.
    const total = async (): Promise<number> =>
      sid !== undefined
        ? Number((await this.redis.hget(this.k.serviceListCount, sid)) ?? 0) + (await this.redis.zcard(this.k.serviceOrders(sid)))
        : Number((await this.redis.get(this.k.orderListCount)) ?? 0);
    return async (offset, limit, count) => this.scripts.orderListPage({ ...list, size: ORDER_LIST_IDS, min, max, offset, count, limit, total: count ? await total() : 0 });
  }

  /**
   * A link's orders are few (a customer orders for a post or a profile a few times): read whole
   * from the per-link index (its bucket field, and the older zset until the worker moved it),
   * dates and the rest checked on the records, newest first.
   */
  private async searchLink(filter: OrderFilter, link: string, opts: { cursor?: number; limit: number }): Promise<OrderPage> {
    const digest = linkDigest(link);
    const [inBucket, inOld] = await Promise.all([this.redis.hget(this.k.linkBucket(digest), this.k.linkField(digest)), this.redis.zrange(this.k.linkOrders(digest), 0, -1)]);
    const ids = [...new Set([...(inBucket ?? "").split(" ").filter(Boolean), ...inOld])].sort((a, b) => Number(b) - Number(a));
    const rows = await this.getFields(ids, FILTER_FIELDS);
    const created = (i: number) => Number(rows[i]!.createdAt ?? 0);
    const inRange = ids.flatMap((_id, i) => ((filter.from === undefined || created(i) >= filter.from) && (filter.to === undefined || created(i) < filter.to) ? [i] : []));
    const hits = inRange.filter((i) => matches(rows[i]!, filter)).map((i) => ids[i]!);
    const start = opts.cursor ?? 0;
    const page = hits.slice(start, start + opts.limit);
    return { orders: await this.records(page), next: start + opts.limit < hits.length ? start + opts.limit : null, indexed: inRange.length };
  }

  /**
   * One step of moving the per-link index's older form (a zset per link) into the buckets: up to
   * `count` keys from the stored SCAN cursor, each moved in one script call. Returns true when
   * none is left.
   */
  async migrateLinksStep(count = 1000): Promise<boolean> {
    const cursor = (await this.redis.get(this.k.linkMigration)) ?? "0";
    if (cursor === "done") return true;
    const [next, found] = await this.redis.scan(cursor, "MATCH", `${this.k.linkOrdersPrefix}*`, "COUNT", count);
    for (const key of found) {
      const digest = key.slice(this.k.linkOrdersPrefix.length);
      await this.scripts.linkMigrate({ old: key, bucket: this.k.linkBucket(digest) }, { field: this.k.linkField(digest) });
    }
    await this.redis.set(this.k.linkMigration, next === "0" ? "done" : next);
    return next === "0";
  }

  /** The unknown set is small (orders waiting for an admin): read whole, newest first. */
  private async searchUnknown(filter: OrderFilter, opts: { cursor?: number; limit: number }): Promise<OrderPage> {
    const ids = (await this.redis.smembers(this.k.unknown)).sort((a, b) => Number(b) - Number(a));
    const rows = await this.getFields(ids, FILTER_FIELDS);
    const hits = ids.filter((_id, i) => matches(rows[i]!, filter));
    const start = opts.cursor ?? 0;
    const page = hits.slice(start, start + opts.limit);
    return { orders: await this.records(page), next: start + opts.limit < hits.length ? start + opts.limit : null, indexed: hits.length };
  }

  private async records(ids: string[]): Promise<OrderRecord[]> {
    return (await this.getMany(ids)).filter((o): o is OrderRecord => o !== null);
  }

  /**
   * Up to `count` ids of the all-orders list after the id `afterId` ("0": from the start), in id
   * order (the order of creation), ending before the first order created at or after `beforeMs`,
   * leaving out those created before `fromMs`: the background passes' walk, with the last id
   * (`last`, null when none) as their cursor.
   */
  async idsAfter(afterId: string, count: number, opts: { beforeMs?: number; fromMs?: number } = {}): Promise<{ ids: string[]; last: string | null }> {
    const { beforeMs = Infinity, fromMs = 0 } = opts;
    const rows = await this.scripts.orderListAfter({
      prefix: this.k.orderListPrefix,
      size: ORDER_LIST_IDS,
      after: Number(afterId),
      lastBucket: await this.lastListBucket(),
      count,
      beforeMs: Number.isFinite(beforeMs) ? beforeMs : Number.MAX_SAFE_INTEGER,
      fromMs,
    });
    const ids = rows.map(([id]) => id);
    return { ids, last: ids.at(-1) ?? null };
  }

  /** The whole all-orders list in id order, a page of ids at a time (`fromMs`: without the orders created before). */
  async *listPages(pageSize: number, opts: { fromMs?: number } = {}): AsyncGenerator<string[]> {
    for (let after = "0"; ;) {
      const { ids, last } = await this.idsAfter(after, pageSize, opts);
      if (last === null) return;
      yield ids;
      after = last;
    }
  }

  /** An order's bucket of the all-orders list. */
  private listKey(id: string): string {
    return this.k.orderList(listBucket(id));
  }

  /** A panel id's bucket of the panel-id map. */
  private panelIdKey(panelOrderId: string): string {
    return this.k.panelIdBucket(panelIdBucket(panelOrderId));
  }

  /** Whether each order is in the all-orders list (reserved, not archived). */
  private async listed(ids: readonly string[]): Promise<boolean[]> {
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.zscore(this.listKey(id), id);
    return ((await pipe.exec()) ?? []).map(([err, score]) => {
      if (err) throw err;
      return score !== null;
    });
  }

  private async lastListBucket(): Promise<number> {
    return listBucket((await this.redis.get(this.k.orderSeq)) ?? "0");
  }

  /** The last bucket of a service's list; -1 when it has none. */
  private async lastServiceBucket(serviceId: string): Promise<number> {
    const places = Number((await this.redis.hget(this.k.serviceListSeq, serviceId)) ?? 0);
    return Math.floor((places - 1) / ORDER_LIST_IDS);
  }

  /**
   * One step of moving the all-orders list's older form (one zset) into its buckets: `count`
   * entries in one script call. Returns true when none is left.
   */
  async migrateListStep(count = 2_000): Promise<boolean> {
    const left = await this.scripts.orderListMigrate(
      { old: this.k.orders, count: this.k.orderListCount, oldCursors: this.k.orderListOldCursors },
      { prefix: this.k.orderListPrefix, size: ORDER_LIST_IDS, count },
    );
    return left === 0;
  }

  /**
   * The bucketed lists' counts counted again from their buckets: after a restore, since a backup
   * of a running shop reads the buckets and the counters at different moments.
   */
  async recountLists(): Promise<void> {
    const last = await this.lastListBucket();
    const pipe = this.redis.pipeline();
    for (let b = 0; b <= last; b++) pipe.zcard(this.k.orderList(b));
    const sizeOf = ([err, c]: [Error | null, unknown]): number => {
      if (err) throw err;
      return Number(c);
    };
    const total = ((await pipe.exec()) ?? []).reduce((n, r) => n + sizeOf(r), 0);
    const perService = new Map<string, number>();
    const start = this.k.serviceListsPrefix;
    let cursor = "0";
    do {
      const [next, found] = await this.redis.scan(cursor, "MATCH", `${start}*`, "COUNT", 1_000);
      cursor = next;
      const sizes = this.redis.pipeline();
      for (const key of found) sizes.zcard(key);
      const res = (await sizes.exec()) ?? [];
      found.forEach((key, i) => {
        // <prefix><service id>:<bucket>
        const service = key.slice(start.length, key.lastIndexOf(":"));
        perService.set(service, (perService.get(service) ?? 0) + sizeOf(res[i]!));
      });
    } while (cursor !== "0");
    const write = this.redis.multi().set(this.k.orderListCount, total).del(this.k.serviceListCount);
    if (perService.size > 0) write.hset(this.k.serviceListCount, Object.fromEntries(perService));
    await write.exec();
  }

  /**
   * The whole move, at start before the process takes an update or polls (the passes and the
   * readers know the buckets only): 1.8 s for 500,000 orders (measured), once. Several processes
   * starting together share it, each step being one script call.
   */
  async migrateList(): Promise<void> {
    while (!(await this.migrateListStep())) {
      /* next step */
    }
  }

  /**
   * Confirm pressed: takes the price from the wallet if the draft is still a draft. `draft`: the
   * record as the caller just read it (a draft never changes), else it is read here.
   */
  async reserve(id: string, userId: number, now = Date.now(), draft?: Pick<OrderRecord, "price" | "serviceId" | "link">): Promise<ReserveResult> {
    const [{ priceUnits, serviceId, link } = {}] = draft
      ? [{ priceUnits: String(toUnits(new D(draft.price))), serviceId: draft.serviceId, link: draft.link }]
      : await this.getFields([id], ["priceUnits", "serviceId", "link"]);
    const units = Number(priceUnits ?? 0);
    const digest = linkDigest(link ?? "");
    const entry = JSON.stringify({ at: now, amount: String(-units), balance: "__BALANCE__", reason: "order", orderId: id });
    const res = await this.scripts.orderReserve(
      {
        order: this.k.order(id),
        wallet: this.k.wallet(userId),
        ledger: this.k.ledger(userId),
        userOrders: this.k.userOrders(userId),
        listBucket: this.listKey(id),
        placing: this.k.placing,
        held: this.k.promo.held(userId),
        serviceListSeq: this.k.serviceListSeq,
        linkBucket: this.k.linkBucket(digest),
        listCount: this.k.orderListCount,
        serviceListCount: this.k.serviceListCount,
      },
      {
        userId,
        units,
        now,
        id,
        entry,
        ledgerMax: LEDGER_MAX,
        statsPrefix: this.k.stats.prefix,
        linkField: this.k.linkField(digest),
        serviceId: serviceId ?? "",
        serviceListPrefix: this.k.serviceListPrefix(serviceId ?? ""),
        bucketSize: ORDER_LIST_IDS,
      },
    );
    switch (res[0]) {
      case "ok":
        return { ok: true, balance: fromUnits(res[1]) };
      case "funds":
        return { ok: false, reason: "funds", balance: fromUnits(res[1]) };
      case "state":
        return { ok: false, reason: "state", placement: res[1] as Placement };
      default:
        return { ok: false, reason: res[0] as "missing" | "not_owner" | "promo_gone" };
    }
  }

  /** Deletes the user's draft. "missing" also for another user's draft: callback data can be forged. */
  async discardDraft(id: string, userId: number): Promise<"ok" | "missing" | Placement> {
    if (!ORDER_ID.test(id)) return "missing";
    return (await this.scripts.orderDiscardDraft({ order: this.k.order(id) }, { userId })) as "ok" | "missing" | Placement;
  }

  /** reserved → sending, right before `add` goes out. False: someone else is placing it. */
  async markSending(id: string, now = Date.now()): Promise<boolean> {
    return (await this.transition(id, ["reserved"], { placement: "sending", updatedAt: now })) === "ok";
  }

  async markPlaced(id: string, panelOrderId: string, firstPollAt: number, now = Date.now()): Promise<boolean> {
    const res = await this.scripts.orderMarkPlaced(
      { order: this.k.order(id), placing: this.k.placing, unknown: this.k.unknown, panelIdBucket: this.panelIdKey(panelOrderId), pollDue: this.k.pollDue },
      { panelOrderId, now, id, firstPollAt, statsPrefix: this.k.stats.prefix },
    );
    return res === "ok";
  }

  /**
   * The panel refused, or was never reached: back to the wallet, once. Only while the order is in
   * one of `from`, the placements the caller's decision was about (a decision on a stale read
   * changes nothing).
   */
  async failAndRefund(id: string, reason: string, from: ReadonlyArray<"reserved" | "sending" | "unknown">, now = Date.now()): Promise<{ ok: boolean; balance?: Money }> {
    const order = await this.get(id);
    if (!order) return { ok: false };
    const entry = JSON.stringify({ at: now, amount: String(toUnits(new D(order.price))), balance: "__BALANCE__", reason: "refund", orderId: id, note: reason.slice(0, 200) });
    const res = await this.scripts.orderFailAndRefund(
      { order: this.k.order(id), wallet: this.k.wallet(order.userId), ledger: this.k.ledger(order.userId), placing: this.k.placing, unknown: this.k.unknown, held: this.k.promo.held(order.userId) },
      { reason: reason.slice(0, 300), now, refunded: order.price, id, entry, ledgerMax: LEDGER_MAX, statsPrefix: this.k.stats.prefix, from, promoCodePrefix: this.k.promo.code("") },
    );
    return res[0] === "ok" ? { ok: true, balance: fromUnits(res[1]) } : { ok: false };
  }

  /**
   * No answer and the request may have reached the panel: keep the money, ask a human. One step,
   * so the order is never unknown while still in the placing set or missing from the unknown set.
   */
  async markUnknown(id: string, reason: string, now = Date.now()): Promise<boolean> {
    const res = await this.scripts.orderMarkUnknown(
      { order: this.k.order(id), placing: this.k.placing, unknown: this.k.unknown },
      { reason: reason.slice(0, 300), now, id, statsPrefix: this.k.stats.prefix },
    );
    return res === "ok";
  }

  /**
   * Orders older versions left unknown but still in the placing set (their markUnknown was two
   * steps and a crash came between): moved to the unknown set. Returns the orders repaired.
   */
  async repairUnknown(): Promise<OrderRecord[]> {
    // The placing set holds only orders in flight, a handful.
    const ids = await this.redis.zrange(this.k.placing, 0, -1);
    if (ids.length === 0) return [];
    const repaired: OrderRecord[] = [];
    for (const order of await this.getMany(ids)) {
      if (order?.placement !== "unknown") continue;
      if (await this.scripts.orderRepairUnknown({ order: this.k.order(order.id), placing: this.k.placing, unknown: this.k.unknown }, { id: order.id })) repaired.push(order);
    }
    return repaired;
  }

  /** Orders stuck between reserve and a known outcome for longer than `olderThanMs` (a crashed process). */
  async stalePlacing(olderThanMs: number, now = Date.now()): Promise<OrderRecord[]> {
    const ids = await this.redis.zrangebyscore(this.k.placing, 0, now - olderThanMs, "LIMIT", 0, 100);
    return (await this.getMany(ids)).filter((o): o is OrderRecord => o !== null);
  }

  async unknownIds(): Promise<string[]> {
    return this.redis.smembers(this.k.unknown);
  }

  /** Newest first. */
  async listForUser(userId: number, offset: number, count: number): Promise<{ orders: OrderRecord[]; total: number }> {
    const [ids, total] = await Promise.all([this.redis.zrevrange(this.k.userOrders(userId), offset, offset + count - 1), this.redis.zcard(this.k.userOrders(userId))]);
    const orders = (await this.getMany(ids)).filter((o): o is OrderRecord => o !== null);
    return { orders, total };
  }

  /**
   * Every non-draft order created at or after `sinceMs`, hot or archived, oldest first (the
   * owner's export: the archive is part of the shop's history).
   */
  async *createdSince(sinceMs: number, page = 200): AsyncGenerator<OrderRecord> {
    // No archiving while the two walks run: an order moved from the list into its bucket between
    // them would be in neither walk (or in both).
    const release = await this.holdArchiveLock();
    try {
      yield* this.bothWalks(sinceMs, page);
    } finally {
      await release();
    }
  }

  private async *bothWalks(sinceMs: number, page: number): AsyncGenerator<OrderRecord> {
    const hot = this.hotCreatedSince(sinceMs, page);
    const archived = this.archivedCreatedSince(sinceMs);
    // Both come in id order, the order of creation.
    const older = (a: OrderRecord, b: OrderRecord) => Number(a.id) < Number(b.id);
    let [h, a] = await Promise.all([hot.next(), archived.next()]);
    while (!h.done || !a.done) {
      if (a.done || (!h.done && older(h.value, a.value))) {
        yield h.value!;
        h = await hot.next();
      } else {
        yield a.value;
        a = await archived.next();
      }
    }
  }

  private async *hotCreatedSince(sinceMs: number, page: number): AsyncGenerator<OrderRecord> {
    for await (const ids of this.listPages(page, { fromMs: sinceMs })) for (const o of await this.getMany(ids)) if (o) yield o;
  }

  /**
   * Archived orders created at or after `sinceMs`, bucket after bucket (ids are given out in
   * creation order). The packed ones are still in the all-orders list: the hot side gives those.
   */
  private async *archivedCreatedSince(sinceMs: number): AsyncGenerator<OrderRecord> {
    const last = archiveBucket((await this.redis.get(this.k.orderSeq)) ?? "0");
    for (let bucket = 0; bucket <= last; bucket++) {
      const all = [...readBucket(await this.redis.getBuffer(this.k.orderArchive(bucket)))];
      const listed = await this.listed(all.map(([id]) => id));
      const entries = all.filter((_e, i) => !listed[i]).sort(([x], [y]) => Number(x) - Number(y));
      const records = await this.decodeAll(
        entries.map(([id]) => id),
        entries.map(([, h]) => h),
      );
      for (const o of records) if (o && o.createdAt >= sinceMs) yield o;
    }
  }

  async countForUser(userId: number): Promise<number> {
    return this.redis.zcard(this.k.userOrders(userId));
  }

  /**
   * One step of the background rewrite of format-1 records (order-codec.ts): the next `count` ids
   * from the stored cursor, each rewritten in one script call (a record a script touched meanwhile
   * is already of format 2 and left alone). Orders are created in format 2 from now on, so the pass
   * ends at the id sequence. Returns true when every record is of format 2.
   */
  async migrateStep(count = 500): Promise<boolean> {
    const [cursor, seq] = await this.redis.mget(this.k.orderMigration, this.k.orderSeq);
    if (cursor === "done") return true;
    const from = Number(cursor ?? 1);
    const last = Number(seq ?? 0);
    if (from > last) {
      await this.redis.set(this.k.orderMigration, "done");
      return true;
    }
    const to = Math.min(last, from + count - 1);
    const ids = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    await this.scripts.orderMigrate({ orders: ids.map((id) => this.k.order(id)) });
    await this.redis.set(this.k.orderMigration, String(to + 1));
    return false;
  }

  /**
   * One step of archiving (ORDER_HISTORY_DAYS): the oldest orders created before `cutoffMs` that
   * are closed (failed, or placed with a final status and no refill under way) and counted by the
   * shop's counters are written to their archive bucket (1,000 ids each, deflated JSON lines), then
   * leave every hot structure (orderArchiveRemove.lua) if unchanged since read. Open ones stay hot
   * and are gone by (the pass walks the list in id order, its cursor the last id it looked at); a
   * pass that reaches the cutoff starts over next time. One archiver at a time (lock).
   * Returns the number archived, and whether the pass reached its end (or another process runs it).
   */
  async archiveStep(cutoffMs: number, count = 500): Promise<{ archived: number; done: boolean }> {
    const step = await this.withArchiveLock(async () => {
      const { ids, last } = await this.idsAfter((await this.redis.get(this.k.orderArchiveCursor)) ?? "0", count, { beforeMs: cutoffMs });
      const stored = await this.storedRecords(ids);
      const byBucket = new Map<number, Array<{ id: string; raw: Record<string, string>; packed: boolean; order: OrderRecord }>>();
      const records = await this.decodeAll(
        ids,
        stored.map((r) => r.raw),
      );
      ids.forEach((id, i) => {
        const { raw, packed } = stored[i]!;
        const order = records[i];
        if (!order || isFormat1(raw) || raw[fieldCode("cnt")] !== "1" || !isClosed(order)) return;
        const bucket = archiveBucket(id);
        byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), { id, raw, packed, order }]);
      });
      let archived = 0;
      for (const [bucket, group] of byBucket) {
        // A packed order's record is in its bucket already.
        const hashed = group.filter((g) => !g.packed);
        if (hashed.length > 0)
          await this.archiveWrite(
            bucket,
            hashed.map(({ id, raw }) => ({ id, stored: archivedForm(raw) })),
          );
        for (const { id, raw, packed, order } of group) {
          const digest = linkDigest(order.link);
          const serviceSlot = raw[fieldCode("serviceSlot")];
          const removed = await this.scripts.orderArchiveRemove(
            {
              order: this.k.order(id),
              listBucket: this.listKey(id),
              userOrders: this.k.userOrders(order.userId),
              serviceOrders: serviceSlot === undefined ? this.k.serviceOrders(order.serviceId) : this.k.serviceList(order.serviceId, Number(serviceSlot)),
              linkOrders: this.k.linkOrders(digest),
              panelIdBucket: this.panelIdKey(order.panelOrderId ?? ""),
              panelIds: this.k.panelIds,
              pollDue: this.k.pollDue,
              refillDue: this.k.refillDue,
              attention: this.k.attention,
              linkBucket: this.k.linkBucket(digest),
              listCount: this.k.orderListCount,
              serviceListCount: this.k.serviceListCount,
            },
            // A packed one leaves only while it still has no hash (an empty record: none to compare).
            { id, panelOrderId: order.panelOrderId ?? "", linkField: this.k.linkField(digest), countedService: serviceSlot === undefined ? "" : order.serviceId, record: packed ? {} : raw },
          );
          if (removed) archived++;
        }
      }
      const done = ids.length < count;
      await this.redis.set(this.k.orderArchiveCursor, done ? "0" : last!);
      return { archived, done };
    });
    return step ?? { archived: 0, done: true };
  }

  /**
   * One step of packing (ORDER_PACK_DAYS): orders closed (as archiveStep means it) and unchanged
   * since before `cutoffMs` get their record written to its archive bucket and their hash deleted
   * (orderPack.lua, only if unchanged since read). They stay in every list and filter: readers find
   * a record without a hash in its bucket (getMany, getFields). About 40 B an order instead of 330.
   * The pass goes once through the list in id order up to the cutoff (a stored cursor: an id); the
   * orders it finds open or closed too recently wait in orders:pack-later until they may be packed,
   * as does an order unpacked to be changed (`update`). Shares the archiver's lock.
   * Returns the number packed, and whether nothing is left to look at now.
   */
  async packStep(cutoffMs: number, now = Date.now(), count = 500): Promise<{ packed: number; done: boolean }> {
    const step = await this.withArchiveLock(async () => {
      const [cursor, later] = await Promise.all([this.redis.get(this.k.orderPackCursor), this.redis.zrangebyscore(this.k.orderPackLater, "-inf", now, "LIMIT", 0, count)]);
      const page = await this.idsAfter(cursor ?? "0", count, { beforeMs: cutoffMs });
      const ids = [...new Set([...later, ...page.ids])];
      const stored = await this.storedRecords(ids, { hashesOnly: true });
      const records = await this.decodeAll(
        ids,
        stored.map((r) => r.raw),
      );
      const again: Array<[score: number, id: string]> = [];
      const settled: string[] = [];
      const byBucket = new Map<number, Array<{ id: string; raw: Record<string, string> }>>();
      ids.forEach((id, i) => {
        const raw = stored[i]!.raw;
        const order = records[i];
        // No hash: packed already, archived, or gone.
        if (!order) settled.push(id);
        else if (isFormat1(raw) || raw[fieldCode("cnt")] !== "1" || !isClosed(order)) again.push([now + PACK_RECHECK_MS, id]);
        else if (order.updatedAt >= cutoffMs) again.push([order.updatedAt + (now - cutoffMs), id]);
        else byBucket.set(archiveBucket(id), [...(byBucket.get(archiveBucket(id)) ?? []), { id, raw }]);
      });
      let packed = 0;
      for (const [bucket, group] of byBucket) {
        await this.archiveWrite(
          bucket,
          group.map(({ id, raw }) => ({ id, stored: packedForm(raw) })),
        );
        const deleted = await this.scripts.orderPack({ orders: group.map(({ id }) => this.k.order(id)) }, { records: group.map(({ raw }) => raw) });
        group.forEach(({ id }, i) => {
          if (deleted[i]) {
            packed++;
            settled.push(id);
          } else again.push([now + 60_000, id]); // changed since it was read: a later step looks again
        });
      }
      const write = this.redis.multi();
      if (again.length > 0) write.zadd(this.k.orderPackLater, ...again.flat());
      if (settled.length > 0) write.zrem(this.k.orderPackLater, ...settled);
      if (page.last !== null) write.set(this.k.orderPackCursor, page.last);
      await write.exec();
      return { packed, done: page.ids.length < count && later.length < count };
    });
    return step ?? { packed: 0, done: true };
  }

  /**
   * Takes the archive lock for as long as the caller needs it (an export), waiting while an
   * archiving or packing step holds it (seconds); renewed until released.
   */
  private async holdArchiveLock(): Promise<() => Promise<void>> {
    const token = randomUUID();
    for (let waited = 0; (await this.redis.set(this.k.orderArchiveLock, token, "PX", ARCHIVE_LOCK_MS, "NX")) !== "OK"; waited += 200) {
      if (waited >= ARCHIVE_LOCK_MS) throw new Error("the archive lock stayed taken for a minute: try again");
      await new Promise((r) => setTimeout(r, 200));
    }
    const renew = setInterval(() => void this.scripts.leaseRenew({ lease: this.k.orderArchiveLock }, { token, ms: ARCHIVE_LOCK_MS }).catch(() => undefined), ARCHIVE_LOCK_MS / 3);
    return async () => {
      clearInterval(renew);
      await this.scripts.leaseRelease({ lease: this.k.orderArchiveLock }, { token });
    };
  }

  /** Runs `step` holding the archive lock (one archiver or packer at a time); null when another process holds it. */
  private async withArchiveLock<T>(step: () => Promise<T>): Promise<T | null> {
    const token = randomUUID();
    const lock = await this.redis.set(this.k.orderArchiveLock, token, "PX", ARCHIVE_LOCK_MS, "NX");
    if (lock !== "OK") return null;
    try {
      return await step();
    } finally {
      await this.scripts.leaseRelease({ lease: this.k.orderArchiveLock }, { token });
    }
  }

  /**
   * The records of `ids` as stored: the hash, or (unless `hashesOnly`) for an order that has none
   * its bucket's record, `packed`. An empty record: neither.
   */
  private async storedRecords(ids: readonly string[], opts: { hashesOnly?: boolean } = {}): Promise<Array<{ raw: Record<string, string>; packed: boolean }>> {
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.k.order(id));
    const hashes = ((await pipe.exec()) ?? []).map(([err, h]) => {
      if (err) throw err;
      return (h ?? {}) as Record<string, string>;
    });
    const packed = opts.hashesOnly ? new Map<string, Record<string, string>>() : await this.fromBuckets(ids.filter((_id, i) => isEmpty(hashes[i]!)));
    return hashes.map((h, i) => {
      const inBucket = isEmpty(h) ? packed.get(ids[i]!) : undefined;
      return inBucket ? { raw: inBucket, packed: true } : { raw: h, packed: false };
    });
  }

  /** Adds records to a bucket: read, merged, written only if nobody wrote it meanwhile (else again). */
  private async archiveWrite(bucket: number, group: Array<{ id: string; stored: Record<string, string> }>): Promise<void> {
    const key = this.k.orderArchive(bucket);
    for (;;) {
      const read = (await this.redis.getBuffer(key)) ?? Buffer.alloc(0);
      const entries = readBucket(read);
      for (const { id, stored } of group) entries.set(id, stored);
      const lines = [...entries].map(([id, h]) => bucketLine(id, h)).join("\n");
      if (await this.scripts.orderArchiveWrite({ bucket: key }, { read, value: deflateRawSync(lines, { level: 9 }) })) return;
    }
  }

  /** Plain field update for data that has no protocol (status details, refill ids). */
  async update(id: string, fields: Partial<OrderRecord>): Promise<void> {
    const change = { ...fields, updatedAt: fields.updatedAt ?? Date.now() };
    if ((await this.transition(id, ["*"], change)) === "" && (await this.unpack(id))) await this.transition(id, ["*"], change);
  }

  /**
   * A draft's panel rate, exchange rate and panel cost as Confirm found them (the price came out the
   * same, the cost did not): the order keeps what it is placed at, and the margin counters read its
   * cost units. Only while it is still a draft; false otherwise.
   */
  async setDraftCost(draft: OrderRecord, at: { rate: string; exchangeRate: string; panelCost: string }): Promise<boolean> {
    const costUnits = String(orderCostUnits({ rate: at.rate, quantity: draft.quantity, serviceType: draft.serviceType, runs: draft.runs, exchangeRate: at.exchangeRate }));
    return (await this.scripts.orderTransition({ order: this.k.order(draft.id) }, { from: ["draft"], ...encodeUpdate({ ...encode(at), costUnits }) })) === "ok";
  }

  /** A packed order's record back in its hash, so it can be changed; false when it is not a packed order. */
  private async unpack(id: string): Promise<boolean> {
    const record = (await this.fromBuckets([id])).get(id);
    if (!record) return false;
    return (await this.scripts.orderUnpack({ order: this.k.order(id), listBucket: this.listKey(id), packLater: this.k.orderPackLater }, { id, now: Date.now(), record })) !== -1;
  }

  private async transition(id: string, from: Array<Placement | "*">, fields: Partial<OrderRecord>): Promise<string> {
    return this.scripts.orderTransition({ order: this.k.order(id) }, { from, ...encodeUpdate(encode(fields)) });
  }
}

/** An HMGET answer by field name → the fields present. */
function presentFields<F extends string>(fields: readonly F[], row: ReadonlyArray<string | null>): Partial<Record<F, string>> {
  const h: Partial<Record<F, string>> = {};
  row.forEach((v, j) => {
    if (v !== null) h[fields[j]!] = v;
  });
  return h;
}

/** A service's name and category as its first order had them (orders:services). */
type ServiceNames = readonly [serviceName: string, category: string];

/** Ids of one archive bucket: 1,000 consecutive ids. */
const archiveBucket = (id: string): number => Math.floor(Number(id) / 1000);
/** Ids a bucket of the all-orders list holds: at most the 128 entries of a zset kept as a listpack. */
export const ORDER_LIST_IDS = 128;
const listBucket = (id: string): number => Math.floor(Number(id) / ORDER_LIST_IDS);
/** Buckets of the panel-id map: about 45 entries each at 730,000 orders, under the 128 of a listpack hash until about 2,000,000. */
const PANEL_ID_BUCKETS = 16_384;
/** A panel id's bucket: FNV-1a of its text (the panel's ids are shared with its other customers: ours are spread thin, not by range). */
export function panelIdBucket(panelOrderId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < panelOrderId.length; i++) h = Math.imul(h ^ panelOrderId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PANEL_ID_BUCKETS;
}

/** A refill was asked for and the panel has not finished it. */
export function refillUnderWay(o: Pick<OrderRecord, "refillId" | "refillStatus">): boolean {
  return Boolean(o.refillId) && !isFinalRefillStatus(normalizeRefillStatus(o.refillStatus ?? ""));
}

/** Closed for good: nothing the poller, a refill or an admin will change any more. */
function isClosed(o: OrderRecord): boolean {
  if (o.placement === "failed") return true;
  if (o.placement !== "placed" || !isFinalOrderStatus(o.status)) return false;
  return !refillUnderWay(o);
}

/** The poller's bookkeeping: a closed order needs none. */
const POLL_FIELDS = ["pollSeq", "pollChangedAt", "pollErrors", "pollErrorSince", "refillChangedAt", "refillErrors", "refillErrorSince"];
/** What a packed order keeps of its record: all but the poller's bookkeeping, so it can be unpacked as it was. */
const PACK_DROPS = new Set(POLL_FIELDS.map(fieldCode));
/** What the archive keeps of a record: the order, not the poller's or the counters' bookkeeping. */
const ARCHIVE_DROPS = new Set([...POLL_FIELDS, "cnt", "priceUnits", "costUnits", "serviceSlot"].map(fieldCode));
const without =
  (drops: ReadonlySet<string>) =>
  (raw: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(raw).filter(([code]) => !drops.has(code)));
const packedForm = without(PACK_DROPS);
const archivedForm = without(ARCHIVE_DROPS);

/** How long an order the packing pass found open waits before it is looked at again. */
const PACK_RECHECK_MS = 60 * 60_000;

/**
 * A bucket's records by id (format 2): all, or those of `only` (a line ends with its id, so the
 * others are not parsed).
 */
function readBucket(value: Buffer | null, only?: ReadonlySet<string>): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (!value || value.length === 0) return out;
  for (const line of inflateRawSync(value).toString("utf8").split("\n")) {
    if (only) {
      const at = line.lastIndexOf(ID_IN_LINE);
      if (at >= 0 && !only.has(line.slice(at + ID_IN_LINE.length, -2))) continue;
    }
    const { id, ...h } = JSON.parse(line) as Record<string, string>;
    if (!only || only.has(id!)) out.set(id!, h);
  }
  return out;
}

/** How a bucket line ends: `"id":"<id>"}` (bucketLine writes the id last). */
const ID_IN_LINE = '"id":"';
const bucketLine = (id: string, h: Record<string, string>): string => JSON.stringify({ ...h, id });

const ORDER_ID = /^\d{1,15}$/;
const isEmpty = (h: Record<string, string>): boolean => Object.keys(h).length === 0;

const FILTER_FIELDS = ["placement", "status", "serviceId", "userId", "createdAt"] as const;

function matches(row: Partial<Record<(typeof FILTER_FIELDS)[number], string>>, f: OrderFilter): boolean {
  if (!row.placement || row.placement === "draft") return false;
  if (f.placement !== undefined && row.placement !== f.placement) return false;
  if (f.status !== undefined && (row.placement !== "placed" || row.status !== f.status)) return false;
  if (f.serviceId !== undefined && row.serviceId !== f.serviceId) return false;
  if (f.userId !== undefined && row.userId !== String(f.userId)) return false;
  const at = Number(row.createdAt ?? 0);
  if (f.from !== undefined && at < f.from) return false;
  if (f.to !== undefined && at >= f.to) return false;
  return true;
}
