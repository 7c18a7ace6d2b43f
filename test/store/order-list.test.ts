import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { keys } from "../../src/store/keys.js";
import { ORDER_LIST_IDS, OrderStore, type DraftInput } from "../../src/store/orders.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 1);
const DRAFTS = 3 * ORDER_LIST_IDS + 20; // ids over four buckets of the list

/** Most orders are for service 10; every fifth for service 20. */
const serviceOf = (i: number): string => (i % 5 === 0 ? "20" : "10");
const draft = (i: number, serviceId = serviceOf(i)): DraftInput => ({
  userId: 1,
  chatId: 1,
  locale: "en",
  serviceId,
  serviceName: `Service ${serviceId}`,
  serviceType: "Default",
  category: "Instagram",
  link: `https://www.instagram.com/acc${i}/`,
  quantity: 100,
  rate: "1",
  price: "1",
  canRefill: false,
  canCancel: false,
});

/** Every page of a search, cursor after cursor. */
async function allPages(orders: OrderStore, filter: Parameters<OrderStore["search"]>[0], limit: number): Promise<{ ids: string[]; indexed: number; pages: number }> {
  const out: string[] = [];
  let cursor: number | undefined;
  let indexed = -1;
  let pages = 0;
  do {
    const page = await orders.search(filter, { cursor, limit });
    out.push(...page.orders.map((o) => o.id));
    indexed = page.indexed;
    cursor = page.next ?? undefined;
    pages++;
  } while (cursor !== undefined);
  return { ids: out, indexed, pages };
}

describe("the all-orders list in id-range buckets", () => {
  let r: TestRedis;
  let orders: OrderStore;
  let k: ReturnType<typeof keys>;
  /** the listed orders, oldest first, with their creation times */
  const listed: Array<{ id: string; at: number; done: boolean; serviceId: string }> = [];

  beforeAll(async () => {
    r = await testRedis("order-list");
    orders = new OrderStore(r.redis, r.prefix);
    k = keys(r.prefix);
    await new WalletStore(r.redis, r.prefix).credit(1, new D("1000"), { reason: "admin" });
    // Every fourth draft is never confirmed: the buckets have gaps, as a shop's do.
    for (let i = 0; i < DRAFTS; i++) {
      const at = T0 + i * MIN;
      const d = await orders.createDraft(draft(i), at);
      if (i % 4 === 3) continue;
      await orders.reserve(d.id, 1, at);
      const done = i % 3 === 0;
      if (done) {
        await orders.markPlaced(d.id, String(9000 + i), at);
        await orders.update(d.id, { status: "completed" });
      }
      listed.push({ id: d.id, at, done, serviceId: serviceOf(i) });
    }
  });
  afterAll(async () => r.cleanup());

  const newestFirst = () => listed.map((o) => o.id).reverse();

  it("keeps each bucket a listpack zset of its id range, drafts left out", async () => {
    const buckets = new Set(listed.map((o) => Math.floor(Number(o.id) / ORDER_LIST_IDS)));
    expect(buckets.size).toBe(4);
    for (const b of buckets) {
      expect(await r.redis.call("OBJECT", "ENCODING", k.orderList(b))).toBe("listpack");
      const members = await r.redis.zrange(k.orderList(b), 0, -1);
      expect(members.every((id) => Math.floor(Number(id) / ORDER_LIST_IDS) === b)).toBe(true);
    }
    expect(await r.redis.exists(k.orders)).toBe(0);
  });

  it("pages every order newest first across the buckets, with the count of the whole list", async () => {
    const all = await allPages(orders, {}, 50);
    expect(all.ids).toEqual(newestFirst());
    expect(all.indexed).toBe(listed.length);
    expect(all.pages).toBe(Math.ceil(listed.length / 50));
  });

  it("a date range that spans buckets: exactly its orders, and their count", async () => {
    const from = T0 + 100 * MIN;
    const to = T0 + 300 * MIN;
    const inRange = listed.filter((o) => o.at >= from && o.at < to);
    const page = await allPages(orders, { from, to }, 40);
    expect(page.ids).toEqual(inRange.map((o) => o.id).reverse());
    expect(page.indexed).toBe(inRange.length);
    // Only a start, only an end.
    const since = await allPages(orders, { from }, 100);
    expect(since.ids).toEqual(
      listed
        .filter((o) => o.at >= from)
        .map((o) => o.id)
        .reverse(),
    );
    expect(since.indexed).toBe(since.ids.length);
    const until = await allPages(orders, { to }, 100);
    expect(until.ids).toEqual(
      listed
        .filter((o) => o.at < to)
        .map((o) => o.id)
        .reverse(),
    );
    expect(until.indexed).toBe(until.ids.length);
  });

  it("a status filter reads the records across the buckets", async () => {
    const page = await allPages(orders, { status: "completed" }, 30);
    expect(page.ids).toEqual(
      listed
        .filter((o) => o.done)
        .map((o) => o.id)
        .reverse(),
    );
  });

  it("a service's list is bucketed by its orders' places: pages, counts and dates as for all orders", async () => {
    const of10 = listed.filter((o) => o.serviceId === "10");
    expect(of10.length).toBeGreaterThan(ORDER_LIST_IDS);
    expect(await r.redis.zcard(k.serviceList("10", 0))).toBe(ORDER_LIST_IDS);
    expect(await r.redis.call("OBJECT", "ENCODING", k.serviceList("10", 0))).toBe("listpack");
    const all = await allPages(orders, { serviceId: "10" }, 50);
    expect(all.ids).toEqual(of10.map((o) => o.id).reverse());
    expect(all.indexed).toBe(of10.length);
    const from = T0 + 50 * MIN;
    const to = T0 + 250 * MIN;
    const dated = await allPages(orders, { serviceId: "20", from, to }, 7);
    const of20 = listed.filter((o) => o.serviceId === "20" && o.at >= from && o.at < to);
    expect(dated.ids).toEqual(of20.map((o) => o.id).reverse());
    expect(dated.indexed).toBe(of20.length);
  });

  it("the counters are counted again from the buckets (after a restore)", async () => {
    const before = await Promise.all([r.redis.get(k.orderListCount), r.redis.hgetall(k.serviceListCount)]);
    expect(before).toEqual([String(listed.length), { "10": String(listed.filter((o) => o.serviceId === "10").length), "20": String(listed.filter((o) => o.serviceId === "20").length) }]);
    // As a backup of a running shop may have them: read a moment before or after their buckets.
    await r.redis.set(k.orderListCount, 5);
    await r.redis.hset(k.serviceListCount, { "10": "1", "99": "4" });
    await orders.recountLists();
    expect(await Promise.all([r.redis.get(k.orderListCount), r.redis.hgetall(k.serviceListCount)])).toEqual(before);
  });

  it("the background passes' walk: id order after a cursor, up to a creation time, from a creation time", async () => {
    const walked: string[] = [];
    for (let after = "0"; ;) {
      const page = await orders.idsAfter(after, 7);
      if (page.last === null) break;
      expect(page.ids.length).toBeLessThanOrEqual(7);
      walked.push(...page.ids);
      after = page.last;
    }
    expect(walked).toEqual(listed.map((o) => o.id));

    const before = T0 + 200 * MIN;
    const upTo = await orders.idsAfter("0", 1_000, { beforeMs: before });
    expect(upTo.ids).toEqual(listed.filter((o) => o.at < before).map((o) => o.id));
    const since = await orders.idsAfter("0", 1_000, { fromMs: before });
    expect(since.ids).toEqual(listed.filter((o) => o.at >= before).map((o) => o.id));
    // From a cursor in the middle of a bucket.
    const mid = listed[150]!.id;
    expect((await orders.idsAfter(mid, 5)).ids).toEqual(listed.slice(151, 156).map((o) => o.id));
  });

  it("an older version's single zset moves into the buckets in steps; every order is in one of the two throughout", async () => {
    const expected = await allPages(orders, {}, 1_000);
    // The list as the version before left it, with its passes' cursors.
    const pipe = r.redis.pipeline();
    for (const o of listed) pipe.zadd(k.orders, o.at, o.id);
    for (let b = 0; b < 4; b++) pipe.del(k.orderList(b));
    pipe.del(k.orderListCount);
    for (const old of k.orderListOldCursors) pipe.set(old, "12345");
    await pipe.exec();

    let steps = 0;
    while (!(await orders.migrateListStep(50))) {
      steps++;
      let inBuckets = 0;
      for (let b = 0; b < 4; b++) inBuckets += await r.redis.zcard(k.orderList(b));
      expect(inBuckets + (await r.redis.zcard(k.orders))).toBe(listed.length);
      expect(inBuckets).toBe(50 * steps);
    }
    expect(steps).toBe(Math.ceil(listed.length / 50) - 1);
    expect(await r.redis.exists(k.orders, ...k.orderListOldCursors)).toBe(0);
    expect(await allPages(orders, {}, 1_000)).toEqual(expected);
    for (const o of listed) expect(await r.redis.zscore(k.orderList(Math.floor(Number(o.id) / ORDER_LIST_IDS)), o.id)).toBe(String(o.at));
    // Nothing left: a step is one call that finds nothing.
    expect(await orders.migrateListStep()).toBe(true);
  });
});

describe("a service's list from before its buckets", () => {
  let r: TestRedis;
  let orders: OrderStore;
  let k: ReturnType<typeof keys>;

  beforeAll(async () => {
    r = await testRedis("order-list-old-service");
    orders = new OrderStore(r.redis, r.prefix);
    k = keys(r.prefix);
    await new WalletStore(r.redis, r.prefix).credit(1, new D("100"), { reason: "admin" });
  });
  afterAll(async () => r.cleanup());

  it("a service's list from before the buckets is read as its oldest part, and emptied by the archive", async () => {
    // Service 30 as the version before left it: one zset, records without a bucket.
    const old: string[] = [];
    for (let i = 0; i < 5; i++) {
      const at = T0 + i * MIN;
      const d = await orders.createDraft(draft(i, "30"), at);
      await orders.reserve(d.id, 1, at);
      await r.redis.zadd(k.serviceOrders("30"), at, d.id);
      await r.redis.hdel(k.order(d.id), "sb");
      old.push(d.id);
    }
    await r.redis.del(k.serviceList("30", 0));
    await r.redis.hdel(k.serviceListSeq, "30");
    await r.redis.hdel(k.serviceListCount, "30");
    const recent: string[] = [];
    for (let i = 5; i < 8; i++) {
      const at = T0 + i * MIN;
      const d = await orders.createDraft(draft(i, "30"), at);
      await orders.reserve(d.id, 1, at);
      recent.push(d.id);
    }
    const page = await allPages(orders, { serviceId: "30" }, 2);
    expect(page.ids).toEqual([...old, ...recent].reverse());
    expect(page.indexed).toBe(8);
    // Closed and archived: out of the older zset too.
    for (const id of old) {
      await orders.markPlaced(id, `old-${id}`, T0);
      await orders.update(id, { status: "completed" });
    }
    for (;;) if ((await orders.archiveStep(T0 + 5 * MIN)).done) break;
    expect(await r.redis.exists(k.serviceOrders("30"))).toBe(0);
    const after = await allPages(orders, { serviceId: "30" }, 10);
    expect(after.ids).toEqual([...recent].reverse());
    expect(after.indexed).toBe(3);
    expect((await orders.search({}, { limit: 1 })).indexed).toBe(3);
  });
});
