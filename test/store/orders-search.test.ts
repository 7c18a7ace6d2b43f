import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { OrderStore, type DraftInput } from "../../src/store/orders.js";
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
});
