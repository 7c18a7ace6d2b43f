import { Redis } from "ioredis";

/**
 * One ioredis connection. Commands wait in ioredis' offline queue while Redis reconnects, so a
 * short Redis restart delays the bot instead of failing updates.
 */
export function createRedis(url: string, opts: { lazyConnect?: boolean } = {}): Redis {
  return new Redis(url, {
    lazyConnect: opts.lazyConnect ?? false,
    maxRetriesPerRequest: 20,
    enableAutoPipelining: true,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
}

export type { Redis };

/** Every key the project writes, in one place, under a configurable prefix. */
export function keys(prefix: string) {
  return {
    orderSeq: `${prefix}seq:order`,
    order: (id: string) => `${prefix}order:${id}`,
    /** all orders, score = created ms */
    orders: `${prefix}orders`,
    userOrders: (userId: number) => `${prefix}user:${userId}:orders`,
    /** panel order id → local order id */
    panelIds: `${prefix}panel-ids`,
    /** orders between reserve and a known outcome, score = reserved ms (crash recovery) */
    placing: `${prefix}orders:placing`,
    /** orders whose placement outcome is unknown, for admins to settle */
    unknown: `${prefix}orders:unknown`,
    /** orders to poll, score = due ms (the poller owns the scheduling details) */
    pollDue: `${prefix}poll:due`,
    /** orders with a refill to track, score = due ms */
    refillDue: `${prefix}poll:refills`,
    /** placed orders the poller stopped tracking (odd panel answers): for admins to look at */
    attention: `${prefix}orders:attention`,
    /** short lock on a customer's refill/cancel of an order, so a double tap is one panel request */
    orderActionLock: (orderId: string, action: string) => `${prefix}lock:order:${orderId}:${action}`,
    wallet: (userId: number) => `${prefix}wallet:${userId}`,
    ledger: (userId: number) => `${prefix}ledger:${userId}`,
    /** idempotency markers for credits (refunds, payments) */
    credited: (key: string) => `${prefix}credited:${key}`,
    user: (userId: number) => `${prefix}user:${userId}`,
    users: `${prefix}users`,
    catalog: `${prefix}catalog`,
    /** top-up invoices (Telegram Payments, Stars) by the id their payload carries */
    invoice: (id: string) => `${prefix}topup:invoice:${id}`,
    /** a Stars payment by telegram_payment_charge_id, kept for refunds */
    starsCharge: (chargeId: string) => `${prefix}topup:stars:${chargeId}`,
    /** manual top-up receipts that admins approve or reject */
    receipt: (id: string) => `${prefix}topup:receipt:${id}`,
    /** a user's unfinished top-up dialog: which answer the bot waits for */
    topupDialog: (userId: number) => `${prefix}topup:dialog:${userId}`,
  };
}
export type Keys = ReturnType<typeof keys>;
