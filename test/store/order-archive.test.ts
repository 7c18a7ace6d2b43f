import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { archiveOldOrders } from "../../src/services/archive.js";
import { keys } from "../../src/store/keys.js";
import { linkDigest, ORDER_LIST_IDS, OrderStore, type DraftInput, type OrderRecord } from "../../src/store/orders.js";
import { StatsStore } from "../../src/store/stats.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

describe("archiving closed orders older than ORDER_HISTORY_DAYS", () => {
  let r: TestRedis;
  let orders: OrderStore;
  let stats: StatsStore;
  let wallet: WalletStore;
  let k: ReturnType<typeof keys>;
  const config = { orderHistoryDays: 365 } as Parameters<typeof archiveOldOrders>[0]["config"];
  const made: Record<string, OrderRecord> = {};

  const draft = (i: number): DraftInput => ({
    userId: 7,
    chatId: 7,
    locale: "en",
    serviceId: "55",
    serviceName: "Likes",
    serviceType: "Default",
    category: "Instagram",
    link: `https://instagram.com/p/${i % 3}`,
    quantity: 100,
    rate: "1",
    price: "1",
    canRefill: true,
    canCancel: false,
  });

  /** An order created `daysAgo` days before NOW, left as `end` says. */
  async function order(name: string, daysAgo: number, end: "completed" | "failed" | "open" | "unknown" | "refilling"): Promise<void> {
    const at = NOW - daysAgo * DAY;
    const d = await orders.createDraft(draft(Object.keys(made).length), at);
    await orders.reserve(d.id, 7, at);
    await orders.markSending(d.id, at);
    if (end === "failed") await orders.failAndRefund(d.id, "panel said no", ["sending"], at);
    else if (end === "unknown") await orders.markUnknown(d.id, "timeout", at);
    else {
      await orders.markPlaced(d.id, `p${d.id}`, at, at);
      if (end === "completed") await orders.update(d.id, { status: "completed", remains: 0 });
      if (end === "refilling") await orders.update(d.id, { status: "completed", refillId: "r1", refillStatus: "pending" });
    }
    made[name] = (await orders.get(d.id))!;
  }

  beforeAll(async () => {
    r = await testRedis("order-archive");
    orders = new OrderStore(r.redis, r.prefix);
    stats = new StatsStore(r.redis, r.prefix);
    wallet = new WalletStore(r.redis, r.prefix);
    k = keys(r.prefix);
    await wallet.credit(7, new D("100"), { reason: "admin" });
    await order("oldDone", 400, "completed");
    await order("oldFailed", 390, "failed");
    await order("oldOpen", 380, "open");
    await order("oldUnknown", 375, "unknown");
    await order("oldRefilling", 370, "refilling");
    await order("newDone", 10, "completed");
    await stats.setBackfillCursor("done");
  });
  afterAll(async () => r.cleanup());

  it("moves old closed orders out of the hot structures; they are still found by id, the same", async () => {
    const ledger = await r.redis.lrange(k.ledger(7), 0, -1);
    const totals = await stats.total();
    const balance = (await wallet.balance(7)).toFixed();
    expect(await archiveOldOrders({ orders, stats, config }, NOW)).toBe(2);

    for (const name of ["oldDone", "oldFailed"]) {
      const o = made[name]!;
      expect(await orders.getHot(o.id)).toBeNull();
      expect(await r.redis.exists(k.order(o.id))).toBe(0);
      const archived = (await orders.get(o.id))!;
      const { cnt: _c, priceUnits: _p, costUnits: _u, serviceSlot: _s, ...kept } = o as OrderRecord & Record<string, unknown>;
      expect(archived).toEqual(kept);
      expect(await r.redis.zscore(k.orderList(Math.floor(Number(o.id) / ORDER_LIST_IDS)), o.id)).toBeNull();
      expect(await r.redis.zscore(k.userOrders(7), o.id)).toBeNull();
      expect(await r.redis.zscore(k.serviceList("55", 0), o.id)).toBeNull();
      expect((await orders.search({ serviceId: "55" }, { limit: 10 })).orders.map((x) => x.id)).not.toContain(o.id);
      expect((await orders.search({ link: o.link }, { limit: 10 })).orders.map((x) => x.id)).not.toContain(o.id);
      expect(((await r.redis.hget(k.linkBucket(linkDigest(o.link)), k.linkField(linkDigest(o.link)))) ?? "").split(" ")).not.toContain(o.id);
      if (o.panelOrderId) expect(await orders.panelIdOwner(o.panelOrderId)).toBeNull();
      expect(await orders.getOwned(o.id, 7)).toBeNull();
    }
    // Open, unknown, a refill under way, or newer than the history: hot as before.
    for (const name of ["oldOpen", "oldUnknown", "oldRefilling", "newDone"]) expect(await orders.getHot(made[name]!.id)).toEqual(made[name]);
    const listed = (await orders.listForUser(7, 0, 10)).orders.map((o) => o.id);
    expect(listed).toEqual(["newDone", "oldRefilling", "oldUnknown", "oldOpen"].map((n) => made[n]!.id));
    expect((await orders.search({}, { limit: 10 })).orders.map((o) => o.id)).toEqual(listed);

    // Money and counters untouched.
    expect(await r.redis.lrange(k.ledger(7), 0, -1)).toEqual(ledger);
    expect((await wallet.balance(7)).toFixed()).toBe(balance);
    expect(await stats.total()).toEqual(totals);
  });

  it("a later pass archives what has closed since, and nothing twice", async () => {
    expect(await archiveOldOrders({ orders, stats, config }, NOW)).toBe(0);
    await orders.update(made.oldOpen!.id, { status: "completed" });
    expect(await archiveOldOrders({ orders, stats, config }, NOW)).toBe(1);
    expect(await orders.getHot(made.oldOpen!.id)).toBeNull();
    expect(await orders.get(made.oldOpen!.id)).toMatchObject({ id: made.oldOpen!.id, status: "completed", link: made.oldOpen!.link });
    // The earlier archived ones share the bucket and are still there.
    expect(await orders.get(made.oldDone!.id)).toMatchObject({ status: "completed" });
    expect(await orders.get(made.oldFailed!.id)).toMatchObject({ placement: "failed", refunded: "1" });
  });

  it("the owner's export (createdSince) still has the archived orders, oldest first with the hot ones", async () => {
    const all: string[] = [];
    for await (const o of orders.createdSince(0)) all.push(o.id);
    expect(all).toEqual(["oldDone", "oldFailed", "oldOpen", "oldUnknown", "oldRefilling", "newDone"].map((n) => made[n]!.id));
    const recent: string[] = [];
    for await (const o of orders.createdSince(NOW - 385 * DAY, 2)) recent.push(o.id);
    expect(recent).toEqual(["oldOpen", "oldUnknown", "oldRefilling", "newDone"].map((n) => made[n]!.id));
  });

  it("waits for the counters' background count, which must not miss an order", async () => {
    await stats.setBackfillCursor("0");
    await orders.update(made.oldRefilling!.id, { refillStatus: "completed" });
    expect(await archiveOldOrders({ orders, stats, config }, NOW)).toBe(0);
    await stats.setBackfillCursor("done");
    expect(await archiveOldOrders({ orders, stats, config }, NOW)).toBe(1);
  });
  it("the export holds the archive back while it runs: no order is missed or given twice", async () => {
    // The unknown one settled as not placed: closed, old, not archived yet.
    expect((await orders.failAndRefund(made.oldUnknown!.id, "settled", ["unknown"], NOW - 375 * DAY)).ok).toBe(true);
    await r.redis.del(k.orderArchiveCursor);
    const expected: string[] = [];
    for await (const o of orders.createdSince(0)) expected.push(o.id);
    const seen: string[] = [];
    const walk = orders.createdSince(0, 2);
    seen.push((await walk.next()).value!.id);
    // The worker's archive pass comes while the export is under way: it waits for it.
    expect(await archiveOldOrders({ orders, stats, config }, NOW)).toBe(0);
    for (let next = await walk.next(); !next.done; next = await walk.next()) seen.push(next.value.id);
    expect(seen).toEqual(expected);
    // Once the export is done, the pass archives it, and the export still has each order once.
    expect(await archiveOldOrders({ orders, stats, config }, NOW)).toBe(1);
    const after: string[] = [];
    for await (const o of orders.createdSince(0)) after.push(o.id);
    expect(after).toEqual(expected);
  });
});
