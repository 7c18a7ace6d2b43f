import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { archiveOldOrders, packClosedOrders } from "../../src/services/archive.js";
import { keys } from "../../src/store/keys.js";
import { encodeRecord } from "../../src/store/order-codec.js";
import { ORDER_LIST_IDS, OrderStore, type DraftInput, type OrderRecord } from "../../src/store/orders.js";
import { Scripts } from "../../src/store/scripts.js";
import { StatsStore } from "../../src/store/stats.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const DAY = 86_400_000;
const NOW = Date.now();
const POLL_BOOKKEEPING = ["pollSeq", "pollChangedAt", "pollErrors", "pollErrorSince"] as const;

describe("packing closed orders (ORDER_PACK_DAYS): their records leave their hashes, never the lists", () => {
  let r: TestRedis;
  let orders: OrderStore;
  let stats: StatsStore;
  let wallet: WalletStore;
  let k: ReturnType<typeof keys>;
  const config = { orderHistoryDays: 365, orderPackDays: 7 } as Parameters<typeof packClosedOrders>[0]["config"];
  const made: Record<string, OrderRecord> = {};
  const ids = (...names: string[]) => names.map((n) => made[n]!.id);
  /** What a packed order reads back as: the record without the poller's bookkeeping. */
  const asPacked = (o: OrderRecord) => Object.fromEntries(Object.entries(o).filter(([f]) => !(POLL_BOOKKEEPING as readonly string[]).includes(f)));

  const draft = (i: number, userId: number): DraftInput => ({
    userId,
    chatId: userId,
    locale: "en",
    serviceId: i % 2 ? "55" : "56",
    serviceName: "Likes",
    serviceType: "Default",
    category: "Instagram",
    link: `https://instagram.com/p/${i}`,
    quantity: 100,
    rate: "1",
    price: "1",
    canRefill: true,
    canCancel: false,
  });

  /** An order created `daysAgo` days before NOW, left as `end` says, last changed `changedDaysAgo` days before NOW. */
  async function order(name: string, daysAgo: number, end: "completed" | "failed" | "open" | "unknown" | "refilling", changedDaysAgo = daysAgo, userId = 7): Promise<void> {
    const at = NOW - daysAgo * DAY;
    const changed = NOW - changedDaysAgo * DAY;
    const d = await orders.createDraft(draft(Object.keys(made).length, userId), at);
    await orders.reserve(d.id, userId, at);
    await orders.markSending(d.id, at);
    if (end === "failed") await orders.failAndRefund(d.id, "panel said no", ["sending"], changed);
    else if (end === "unknown") await orders.markUnknown(d.id, "timeout", changed);
    else {
      await orders.markPlaced(d.id, `p${d.id}`, at, at);
      if (end === "completed") await orders.update(d.id, { status: "completed", remains: 0, updatedAt: changed });
      if (end === "refilling") await orders.update(d.id, { status: "completed", refillId: "r1", refillStatus: "pending", updatedAt: changed });
    }
    made[name] = (await orders.get(d.id))!;
  }

  beforeAll(async () => {
    r = await testRedis("order-pack");
    orders = new OrderStore(r.redis, r.prefix);
    stats = new StatsStore(r.redis, r.prefix);
    wallet = new WalletStore(r.redis, r.prefix);
    k = keys(r.prefix);
    await wallet.credit(7, new D("100"), { reason: "admin" });
    await wallet.credit(8, new D("100"), { reason: "admin" });
    await order("done", 30, "completed", 29);
    await order("failed", 29, "failed");
    await order("open", 28, "open");
    await order("unknown", 27, "unknown");
    await order("refilling", 26, "refilling", 25);
    await order("closedLately", 20, "completed", 3);
    await order("otherUser", 19, "completed", 18, 8);
    await order("newDone", 2, "completed", 1);
    await stats.setBackfillCursor("done");
  });
  afterAll(async () => r.cleanup());

  it("packs orders closed and unchanged for ORDER_PACK_DAYS: read the same by id, lists, filters and the owner", async () => {
    const ledger = await r.redis.lrange(k.ledger(7), 0, -1);
    const totals = await stats.total();
    const before = await orders.search({}, { limit: 20 });

    expect(await packClosedOrders({ orders, config }, NOW)).toBe(3);

    for (const name of ["done", "failed", "otherUser"]) {
      const o = made[name]!;
      expect(await r.redis.exists(k.order(o.id))).toBe(0);
      expect(await orders.get(o.id)).toEqual(asPacked(o));
      expect(await orders.getHot(o.id)).toEqual(asPacked(o));
      expect(await orders.getOwned(o.id, o.userId)).toEqual(asPacked(o));
      expect(await orders.getOwned(o.id, 999)).toBeNull();
      expect(await r.redis.zscore(k.orderList(Math.floor(Number(o.id) / ORDER_LIST_IDS)), o.id)).not.toBeNull();
      if (o.panelOrderId) expect((await orders.byPanelId(o.panelOrderId))?.id).toBe(o.id);
      expect((await orders.search({ link: o.link }, { limit: 5 })).orders.map((x) => x.id)).toEqual([o.id]);
    }
    // Open, unknown, a refill under way, closed lately or newer: their hashes stay.
    for (const name of ["open", "unknown", "refilling", "closedLately", "newDone"]) expect(await r.redis.exists(k.order(made[name]!.id))).toBe(1);

    // The lists and the filters read the packed records as they read the hashes.
    const after = await orders.search({}, { limit: 20 });
    expect(after.orders.map((o) => o.id)).toEqual(before.orders.map((o) => o.id));
    expect(after.orders).toEqual(before.orders.map((o) => (["done", "failed", "otherUser"].some((n) => made[n]!.id === o.id) ? asPacked(o) : o)));
    expect((await orders.listForUser(7, 0, 20)).orders.map((o) => o.id)).toEqual(ids("newDone", "closedLately", "refilling", "unknown", "open", "failed", "done"));
    expect((await orders.search({ status: "completed" }, { limit: 20 })).orders.map((o) => o.id)).toEqual(ids("newDone", "otherUser", "closedLately", "refilling", "done"));
    expect((await orders.search({ placement: "failed" }, { limit: 20 })).orders.map((o) => o.id)).toEqual(ids("failed"));
    expect((await orders.search({ serviceId: "56", userId: 8 }, { limit: 20 })).orders.map((o) => o.id)).toEqual(ids("otherUser"));
    // The poller reads hashes only: a packed order is nothing to it.
    expect(await orders.getFields(ids("done"), ["status", "placement"], { packed: false })).toEqual([{}]);
    expect(await orders.getFields(ids("done"), ["status", "placement", "serviceName"])).toEqual([{ status: "completed", placement: "placed", serviceName: "Likes" }]);

    // Money and counters untouched.
    expect(await r.redis.lrange(k.ledger(7), 0, -1)).toEqual(ledger);
    expect(await stats.total()).toEqual(totals);
  });

  it("packs nothing twice, and later what closed or went quiet since the pass went by", async () => {
    expect(await packClosedOrders({ orders, config }, NOW)).toBe(0);
    // closedLately was changed 3 days ago: it is packed 7 days after that, not before.
    expect(await r.redis.zscore(k.orderPackLater, made.closedLately!.id)).toBe(String(NOW - 3 * DAY + 7 * DAY));
    expect(await packClosedOrders({ orders, config }, NOW + 3 * DAY)).toBe(0);
    // The open one completes; the pass looks at open ones again within the hour.
    await orders.update(made.open!.id, { status: "completed", updatedAt: NOW - 10 * DAY });
    expect(await packClosedOrders({ orders, config }, NOW + 4 * DAY + 1)).toBe(2);
    for (const name of ["open", "closedLately"]) expect(await r.redis.exists(k.order(made[name]!.id))).toBe(0);
    expect(await orders.get(made.open!.id)).toMatchObject({ status: "completed", placement: "placed" });
    // The unknown one and the refill under way are still waiting, hashes kept.
    expect(await r.redis.zscore(k.orderPackLater, made.unknown!.id)).not.toBeNull();
    expect(await r.redis.exists(k.order(made.refilling!.id))).toBe(1);
  });

  it("a refill asked for a packed order brings its record back, changed; it is packed again once quiet", async () => {
    const o = made.done!;
    const refillAt = NOW + 5 * DAY;
    await orders.update(o.id, { refillId: "r9", refillStatus: "pending", updatedAt: refillAt });
    expect(await r.redis.exists(k.order(o.id))).toBe(1);
    const back = (await orders.get(o.id))!;
    expect(back).toEqual({ ...asPacked(o), refillId: "r9", refillStatus: "pending", updatedAt: refillAt });
    // The money fields the scripts move came back with it.
    expect(await r.redis.hget(k.order(o.id), "pu")).toBe("100000");
    expect(await r.redis.hget(k.order(o.id), "n")).toBe("1");
    // Under way: not packed.
    expect(await packClosedOrders({ orders, config }, refillAt + 1)).toBe(0);
    await orders.update(o.id, { refillStatus: "completed", updatedAt: refillAt + DAY });
    expect(await packClosedOrders({ orders, config }, refillAt + 8 * DAY + 1)).toBeGreaterThanOrEqual(1);
    expect(await r.redis.exists(k.order(o.id))).toBe(0);
    expect(await orders.get(o.id)).toMatchObject({ refillId: "r9", refillStatus: "completed", updatedAt: refillAt + DAY });
  });

  it("keeps a hash changed between its read and its deletion", async () => {
    const scripts = Scripts.of(r.redis);
    const key = `${r.prefix}order:x`;
    const record = encodeRecord({ userId: "7", placement: "placed", status: "completed" });
    await r.redis.hset(key, { ...record, st: "partial" });
    expect(await scripts.orderPack({ orders: [key, `${r.prefix}order:y`] }, { records: [record, {}] })).toEqual([false, true]);
    expect(await r.redis.hget(key, "st")).toBe("partial");
    await r.redis.hset(key, record);
    expect(await scripts.orderPack({ orders: [key] }, { records: [record] })).toEqual([true]);
    expect(await r.redis.exists(key)).toBe(0);
  });

  it("archives packed orders past ORDER_HISTORY_DAYS; an archived one is not brought back; the export has each order once", async () => {
    const later = NOW + 365 * DAY - 27.5 * DAY;
    // done (30 days old, refilled since), failed (29) and open (28) are past the history then.
    expect(await archiveOldOrders({ orders, stats, config }, later)).toBe(3);
    for (const name of ["done", "failed", "open"]) {
      const o = made[name]!;
      expect(await r.redis.zscore(k.orderList(Math.floor(Number(o.id) / ORDER_LIST_IDS)), o.id)).toBeNull();
      expect(await r.redis.zscore(k.userOrders(7), o.id)).toBeNull();
      expect(await orders.getHot(o.id)).toBeNull();
      expect(await orders.getOwned(o.id, 7)).toBeNull();
      expect((await orders.get(o.id))?.id).toBe(o.id);
    }
    await orders.update(made.failed!.id, { refillStatus: "pending" });
    expect(await r.redis.exists(k.order(made.failed!.id))).toBe(0);

    const exported: string[] = [];
    for await (const o of orders.createdSince(0)) exported.push(o.id);
    expect(exported).toEqual(ids("done", "failed", "open", "unknown", "refilling", "closedLately", "otherUser", "newDone"));
  });
});
