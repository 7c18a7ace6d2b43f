import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { keys } from "../../src/store/keys.js";
import { linkDigest, OrderStore, type DraftInput } from "../../src/store/orders.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

describe("OrderStore.search (the back office's order list)", () => {
  let r: TestRedis;
  let orders: OrderStore;
  const ids: Record<string, string> = {};

  const draft = (userId: number, serviceId: string, link: string): DraftInput => ({
    userId,
    chatId: userId,
    locale: "en",
    serviceId,
    serviceName: `Service ${serviceId}`,
    serviceType: "Default",
    category: "Instagram",
    link,
    quantity: 100,
    rate: "1",
    price: "1",
    canRefill: false,
    canCancel: false,
  });

  beforeAll(async () => {
    r = await testRedis("orders-search");
    orders = new OrderStore(r.redis, r.prefix);
    const wallet = new WalletStore(r.redis, r.prefix);
    for (const u of [1, 2]) await wallet.credit(u, new D("100"), { reason: "admin" });
    // 30 orders over 30 days: users 1/2 alternate, services 10/20/30 in turn.
    for (let i = 0; i < 30; i++) {
      const d = await orders.createDraft(draft(1 + (i % 2), String(10 * (1 + (i % 3))), `https://www.instagram.com/acc${i}/`), T0 + i * DAY);
      await orders.reserve(d.id, d.userId, T0 + i * DAY);
      ids[i] = d.id;
      if (i % 5 === 0) {
        await orders.markSending(d.id);
        await orders.markUnknown(d.id, "timeout");
      } else if (i % 5 !== 1) {
        await orders.markPlaced(d.id, String(9000 + i), T0 + i * DAY);
      }
      if (i % 5 === 4) await orders.update(d.id, { status: "completed" });
    }
    // A draft never shows.
    await orders.createDraft(draft(1, "10", "https://instagram.com/draft"), T0 + 31 * DAY);
  });
  afterAll(async () => r.cleanup());

  const idsOf = (p: { orders: Array<{ id: string }> }) => p.orders.map((o) => o.id);

  it("pages all orders newest first, with a cursor, and ignores drafts", async () => {
    const first = await orders.search({}, { limit: 12 });
    expect(idsOf(first)).toEqual(Array.from({ length: 12 }, (_, k) => ids[29 - k]));
    expect(first.next).toBe(12);
    const last = await orders.search({}, { cursor: 24, limit: 12 });
    expect(idsOf(last)).toEqual(Array.from({ length: 6 }, (_, k) => ids[5 - k]));
    expect(last.next).toBeNull();
  });

  it("filters by user, service, placement, status and dates, together", async () => {
    const mine = await orders.search({ userId: 2, serviceId: "20" }, { limit: 50 });
    // i odd and i % 3 == 1: 1, 7, 13, 19, 25
    expect(idsOf(mine)).toEqual([25, 19, 13, 7, 1].map((i) => ids[i]));
    expect(idsOf(await orders.search({ placement: "unknown" }, { limit: 50 }))).toEqual([25, 20, 15, 10, 5, 0].map((i) => ids[i]));
    expect(idsOf(await orders.search({ status: "completed" }, { limit: 50 }))).toEqual([29, 24, 19, 14, 9, 4].map((i) => ids[i]));
    expect(idsOf(await orders.search({ placement: "reserved", from: T0 + 10 * DAY, to: T0 + 22 * DAY }, { limit: 50 }))).toEqual([21, 16, 11].map((i) => ids[i]));
  });

  it("finds a link in another spelling", async () => {
    expect(idsOf(await orders.search({ link: "instagram.com/ACC7" }, { limit: 5 }))).toEqual([ids[7]]);
    expect(idsOf(await orders.search({ link: "https://instagram.com/nobody" }, { limit: 5 }))).toEqual([]);
  });

  it("reads a bounded number of records per call and says where to go on", async () => {
    const page = await orders.search({ status: "completed" }, { limit: 50, maxRead: 10 });
    // The newest 10 orders hold two completed ones (29, 24); the next call goes on from there.
    expect(idsOf(page)).toEqual([ids[29], ids[24]]);
    expect(page.next).toBe(10);
    expect(idsOf(await orders.search({ status: "completed" }, { cursor: 10, limit: 50, maxRead: 10 }))).toEqual([ids[19], ids[14]]);
  });

  // Last: its orders would be in the other tests' pages.
  it("a link's orders: newest first, paged, by dates; the index's older form (a zset per link) is read and moved by the worker's step", async () => {
    const link = "https://instagram.com/popular_post";
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = await orders.createDraft(draft(1, "10", link), T0 + (40 + i) * DAY);
      await orders.reserve(d.id, 1, T0 + (40 + i) * DAY);
      placed.push(d.id);
    }
    // Two of them as an older version indexed them: in a zset of their own, not in the bucket.
    const k = keys(r.prefix);
    const digest = linkDigest(link);
    await r.redis.zadd(k.linkOrders(digest), T0 + 40 * DAY, placed[0]!, T0 + 41 * DAY, placed[1]!);
    const rest = placed.slice(2).join(" ");
    await r.redis.hset(k.linkBucket(digest), digest.slice(4, 20), rest);
    const newest = [...placed].reverse();
    const check = async () => {
      const first = await orders.search({ link: "instagram.com/Popular_Post/" }, { limit: 3 });
      expect(idsOf(first)).toEqual(newest.slice(0, 3));
      expect(first.indexed).toBe(5);
      expect(idsOf(await orders.search({ link }, { limit: 3, cursor: first.next! }))).toEqual(newest.slice(3));
      expect(idsOf(await orders.search({ link, from: T0 + 41 * DAY, to: T0 + 43 * DAY }, { limit: 10 }))).toEqual([placed[2], placed[1]]);
    };
    await check();
    while (!(await orders.migrateLinksStep(50)));
    expect(await r.redis.exists(k.linkOrders(digest))).toBe(0);
    expect(await r.redis.hget(k.linkBucket(digest), digest.slice(4, 20))).toBe(placed.join(" "));
    await check();
  });
});
