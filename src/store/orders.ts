import { D, fromUnits, toUnits, type Money } from "../money.js";
import type { OrderStatus } from "../panel/status.js";
import { keys as keysFor, type Keys, type Redis } from "./redis.js";
import { LEDGER_MAX } from "./wallet.js";

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
  /** what the user paid, decimal string */
  price: string;
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
  "userId" | "chatId" | "locale" | "serviceId" | "serviceName" | "serviceType" | "category" | "link" | "quantity" | "comments" | "runs" | "interval" | "rate" | "price" | "canRefill" | "canCancel"
>;

/** A confirmation button older than this does nothing (the draft is gone). */
export const DRAFT_TTL_S = 24 * 60 * 60;

const NUMBER_FIELDS = new Set(["userId", "chatId", "quantity", "runs", "interval", "startCount", "remains", "createdAt", "updatedAt", "placedAt"]);
const BOOL_FIELDS = new Set(["canRefill", "canCancel"]);

export function decodeOrder(h: Record<string, string>): OrderRecord | null {
  if (!h.id) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(h)) {
    if (NUMBER_FIELDS.has(k)) out[k] = v === "" ? undefined : Number(v);
    else if (BOOL_FIELDS.has(k)) out[k] = v === "1";
    else out[k] = v;
  }
  return out as unknown as OrderRecord;
}

function encode(fields: Partial<OrderRecord>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    out[k] = typeof v === "boolean" ? (v ? "1" : "0") : String(v);
  }
  return out;
}

// draft → reserved: checks owner and state, takes the money, all in one step. A second press of
// Confirm, or two presses at once, find the order no longer a draft and do nothing.
const RESERVE = `
local order, wallet, ledger, userOrders, all, placing = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local h = redis.call('HMGET', order, 'userId', 'placement', 'price', 'createdAt')
if not h[1] then return {'missing'} end
if h[1] ~= ARGV[1] then return {'not_owner'} end
if h[2] ~= 'draft' then return {'state', h[2]} end
local price = tonumber(ARGV[2])
local bal = tonumber(redis.call('GET', wallet) or '0')
if bal < price then return {'funds', tostring(bal)} end
local after = redis.call('DECRBY', wallet, price)
redis.call('HSET', order, 'placement', 'reserved', 'updatedAt', ARGV[3])
redis.call('PERSIST', order)
redis.call('ZADD', userOrders, h[4], ARGV[4])
redis.call('ZADD', all, h[4], ARGV[4])
redis.call('ZADD', placing, ARGV[3], ARGV[4])
local entry = string.gsub(ARGV[5], '"__BALANCE__"', tostring(after))
redis.call('LPUSH', ledger, entry)
redis.call('LTRIM', ledger, 0, tonumber(ARGV[6]) - 1)
return {'ok', tostring(after)}
`;

// Cancel pressed on a confirmation: only the owner's draft is removed, so a cancel racing a
// confirm (another process, a redelivered update) can never drop an order that took money.
const DISCARD_DRAFT = `
local h = redis.call('HMGET', KEYS[1], 'userId', 'placement')
if not h[1] or h[1] ~= ARGV[1] then return 'missing' end
if h[2] ~= 'draft' then return h[2] end
redis.call('DEL', KEYS[1])
return 'ok'
`;

// Compare-and-set of the placement, so that only one process moves an order on.
const TRANSITION = `
local cur = redis.call('HGET', KEYS[1], 'placement')
local allowed = false
for from in string.gmatch(ARGV[1], '[^,]+') do if cur == from then allowed = true end end
if not allowed then return cur or '' end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 'ok'
`;

// reserved|sending|unknown → failed, and the money goes back once.
const FAIL_AND_REFUND = `
local order, wallet, ledger, placing, unknown = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local cur = redis.call('HGET', order, 'placement')
if cur ~= 'reserved' and cur ~= 'sending' and cur ~= 'unknown' then return {'state', cur or ''} end
local price = tonumber(redis.call('HGET', order, 'priceUnits') or '0')
local after = redis.call('INCRBY', wallet, price)
redis.call('HSET', order, 'placement', 'failed', 'status', 'canceled', 'failReason', ARGV[1], 'updatedAt', ARGV[2], 'refunded', ARGV[3])
redis.call('ZREM', placing, ARGV[4])
redis.call('SREM', unknown, ARGV[4])
local entry = string.gsub(ARGV[5], '"__BALANCE__"', tostring(after))
redis.call('LPUSH', ledger, entry)
redis.call('LTRIM', ledger, 0, tonumber(ARGV[6]) - 1)
return {'ok', tostring(after)}
`;

// sending|unknown|reserved → placed with the panel's id; scheduled for polling.
const MARK_PLACED = `
local order, placing, unknown, panelIds, pollDue = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local cur = redis.call('HGET', order, 'placement')
if cur ~= 'sending' and cur ~= 'unknown' and cur ~= 'reserved' then return cur or '' end
redis.call('HSET', order, 'placement', 'placed', 'panelOrderId', ARGV[1], 'status', 'pending', 'statusRaw', 'Pending', 'placedAt', ARGV[2], 'updatedAt', ARGV[2])
redis.call('ZREM', placing, ARGV[3])
redis.call('SREM', unknown, ARGV[3])
redis.call('HSET', panelIds, ARGV[1], ARGV[3])
redis.call('ZADD', pollDue, ARGV[4], ARGV[3])
return 'ok'
`;

export type ReserveResult =
  | { ok: true; balance: Money }
  | { ok: false; reason: "missing" | "not_owner" }
  | { ok: false; reason: "state"; placement: Placement }
  | { ok: false; reason: "funds"; balance: Money };

/** Orders and their placement protocol. Every state change is a compare-and-set in Redis. */
export class OrderStore {
  readonly k: Keys;
  constructor(
    readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
  }

  /** Records what the confirmation message shows; nothing is charged yet. */
  async createDraft(input: DraftInput, now = Date.now()): Promise<OrderRecord> {
    const id = String(await this.redis.incr(this.k.orderSeq));
    const record: OrderRecord = { ...input, id, placement: "draft", status: "pending", createdAt: now, updatedAt: now };
    const priceUnits = toUnits(new D(input.price));
    await this.redis
      .multi()
      .hset(this.k.order(id), { ...encode(record), priceUnits: String(priceUnits) })
      .expire(this.k.order(id), DRAFT_TTL_S)
      .exec();
    return record;
  }

  async get(id: string): Promise<OrderRecord | null> {
    if (!/^\d{1,15}$/.test(id)) return null;
    return decodeOrder(await this.redis.hgetall(this.k.order(id)));
  }

  /** The order, only if it belongs to this user (callback data can be forged). */
  async getOwned(id: string, userId: number): Promise<OrderRecord | null> {
    const order = await this.get(id);
    return order && order.userId === userId && order.placement !== "draft" ? order : null;
  }

  async getMany(ids: string[]): Promise<Array<OrderRecord | null>> {
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.k.order(id));
    const res = (await pipe.exec()) ?? [];
    return res.map(([, h]) => decodeOrder((h ?? {}) as Record<string, string>));
  }

  async byPanelId(panelOrderId: string): Promise<OrderRecord | null> {
    const id = await this.redis.hget(this.k.panelIds, panelOrderId);
    return id ? this.get(id) : null;
  }

  /** Confirm pressed: takes the price from the wallet if the draft is still a draft. */
  async reserve(id: string, userId: number, now = Date.now()): Promise<ReserveResult> {
    const order = await this.redis.hget(this.k.order(id), "priceUnits");
    const units = Number(order ?? 0);
    const entry = JSON.stringify({ at: now, amount: String(-units), balance: "__BALANCE__", reason: "order", orderId: id });
    const res = (await this.redis.eval(
      RESERVE,
      6,
      this.k.order(id),
      this.k.wallet(userId),
      this.k.ledger(userId),
      this.k.userOrders(userId),
      this.k.orders,
      this.k.placing,
      String(userId),
      units,
      now,
      id,
      entry,
      LEDGER_MAX,
    )) as string[];
    switch (res[0]) {
      case "ok":
        return { ok: true, balance: fromUnits(res[1]) };
      case "funds":
        return { ok: false, reason: "funds", balance: fromUnits(res[1]) };
      case "state":
        return { ok: false, reason: "state", placement: res[1] as Placement };
      default:
        return { ok: false, reason: res[0] as "missing" | "not_owner" };
    }
  }

  /** Deletes the user's draft. "missing" also for another user's draft: callback data can be forged. */
  async discardDraft(id: string, userId: number): Promise<"ok" | "missing" | Placement> {
    if (!/^\d{1,15}$/.test(id)) return "missing";
    return (await this.redis.eval(DISCARD_DRAFT, 1, this.k.order(id), String(userId))) as "ok" | "missing" | Placement;
  }

  /** reserved → sending, right before `add` goes out. False: someone else is placing it. */
  async markSending(id: string, now = Date.now()): Promise<boolean> {
    return (await this.transition(id, ["reserved"], { placement: "sending", updatedAt: now })) === "ok";
  }

  async markPlaced(id: string, panelOrderId: string, firstPollAt: number, now = Date.now()): Promise<boolean> {
    const res = await this.redis.eval(MARK_PLACED, 5, this.k.order(id), this.k.placing, this.k.unknown, this.k.panelIds, this.k.pollDue, panelOrderId, now, id, firstPollAt);
    return res === "ok";
  }

  /** The panel refused, or was never reached: back to the wallet, once. */
  async failAndRefund(id: string, reason: string, now = Date.now()): Promise<{ ok: boolean; balance?: Money }> {
    const order = await this.get(id);
    if (!order) return { ok: false };
    const entry = JSON.stringify({ at: now, amount: String(toUnits(new D(order.price))), balance: "__BALANCE__", reason: "refund", orderId: id, note: reason.slice(0, 200) });
    const res = (await this.redis.eval(
      FAIL_AND_REFUND,
      5,
      this.k.order(id),
      this.k.wallet(order.userId),
      this.k.ledger(order.userId),
      this.k.placing,
      this.k.unknown,
      reason.slice(0, 300),
      now,
      order.price,
      id,
      entry,
      LEDGER_MAX,
    )) as string[];
    return res[0] === "ok" ? { ok: true, balance: fromUnits(res[1]) } : { ok: false };
  }

  /** No answer and the request may have reached the panel: keep the money, ask a human. */
  async markUnknown(id: string, reason: string, now = Date.now()): Promise<boolean> {
    const res = await this.transition(id, ["sending", "reserved"], { placement: "unknown", failReason: reason.slice(0, 300), updatedAt: now });
    if (res !== "ok") return false;
    await this.redis.multi().zrem(this.k.placing, id).sadd(this.k.unknown, id).exec();
    return true;
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

  /** Every non-draft order created at or after `sinceMs`, oldest first, read in pages. */
  async *createdSince(sinceMs: number, page = 200): AsyncGenerator<OrderRecord> {
    let offset = 0;
    for (;;) {
      const ids = await this.redis.zrangebyscore(this.k.orders, sinceMs, "+inf", "LIMIT", offset, page);
      for (const o of await this.getMany(ids)) if (o) yield o;
      if (ids.length < page) return;
      offset += ids.length;
    }
  }

  async countForUser(userId: number): Promise<number> {
    return this.redis.zcard(this.k.userOrders(userId));
  }

  /** Plain field update for data that has no protocol (status details, refill ids). */
  async update(id: string, fields: Partial<OrderRecord>): Promise<void> {
    await this.redis.hset(this.k.order(id), encode({ ...fields, updatedAt: fields.updatedAt ?? Date.now() }));
  }

  private async transition(id: string, from: Placement[], fields: Partial<OrderRecord>): Promise<string> {
    const args = Object.entries(encode(fields)).flat();
    return (await this.redis.eval(TRANSITION, 1, this.k.order(id), from.join(","), ...args)) as string;
  }
}

