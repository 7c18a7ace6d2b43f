import { performance } from "node:perf_hooks";
import { linkDigest, ORDER_LIST_IDS, OrderStore, type OrderFilter } from "../src/store/orders.js";
import { keys as keysFor } from "../src/store/keys.js";
import { encodeRecord } from "../src/store/order-codec.js";
import { createRedis } from "../src/store/redis.js";
import { createI18n } from "../src/text/i18n.js";
import type { AdminView } from "../src/web/context.js";
import { PAGE_SIZE } from "../src/web/pages/parts.js";
import { OrderRows } from "../src/web/routes/orders.js";
import { unlinkByPrefix } from "../test/support/redis.js";
import { below, median, percentile, round, type BenchResult } from "./lib.js";

const ORDERS = 100_000;
const USERS = 2_000;
const SERVICES = 300;
const RUNS = 50;
const DAY = 86_400_000;
const STATUSES = ["completed", "completed", "completed", "completed", "partial", "canceled", "in_progress", "pending"] as const;

/**
 * The back office's order list over 100,000 orders: the store's search (indexes read by score, a
 * bounded chunk of records checked) and the table rendered, as one page of the web answers it.
 * Orders are written straight into the keys the reserve step writes (record, all-orders buckets, user,
 * service and link indexes), 90 days of them.
 */
export async function webOrdersBench(redisUrl: string): Promise<BenchResult> {
  const redis = createRedis(redisUrl);
  const prefix = `bench:web-orders:${process.pid}:`;
  const k = keysFor(prefix);
  const orders = new OrderStore(redis, prefix);
  const now = Date.now();
  try {
    const t0 = performance.now();
    // The per-link index as reserving the orders writes it: each link's ids, oldest first, in its bucket.
    const byLink = new Map<string, string[]>();
    for (let start = 0; start < ORDERS; start += 2_000) {
      const pipe = redis.pipeline();
      for (let i = start; i < start + 2_000; i++) {
        const id = String(i + 1);
        const userId = 1_000 + (i % USERS);
        const serviceId = String(1 + (i % SERVICES));
        // Orders go to the services in turn: this one is its service's order number i div SERVICES.
        const serviceSlot = Math.floor(Math.floor(i / SERVICES) / ORDER_LIST_IDS);
        const link = `https://instagram.com/account_${i % 40_000}`;
        const createdAt = now - Math.floor(((ORDERS - i) / ORDERS) * 90 * DAY);
        // 1 in 500 refunded: a rare status, so a page of it reads its bounded chunk.
        const placement = i % 1_000 === 7 ? "unknown" : "placed";
        const status = i % 500 === 3 ? "refunded" : STATUSES[i % STATUSES.length]!;
        pipe.hset(
          k.order(id),
          encodeRecord({
            id,
            userId: String(userId),
            chatId: String(userId),
            locale: "en",
            serviceId,
            serviceName: `Instagram followers ${serviceId}`,
            serviceType: "Default",
            category: "Instagram",
            link,
            quantity: "1000",
            rate: "0.5",
            price: "0.75",
            canRefill: "0",
            canCancel: "0",
            placement,
            status,
            panelOrderId: String(500_000 + i),
            createdAt: String(createdAt),
            updatedAt: String(createdAt),
            serviceSlot: String(serviceSlot),
          }),
        );
        pipe.zadd(k.orderList(Math.floor((i + 1) / ORDER_LIST_IDS)), createdAt, id);
        pipe.zadd(k.userOrders(userId), createdAt, id);
        pipe.zadd(k.serviceList(serviceId, serviceSlot), createdAt, id);
        byLink.set(link, [...(byLink.get(link) ?? []), id]);
        if (placement === "unknown") pipe.sadd(k.unknown, id);
      }
      await pipe.exec();
    }
    const linkPipe = redis.pipeline();
    for (const [link, ids] of byLink) {
      const digest = linkDigest(link);
      linkPipe.hset(k.linkBucket(digest), k.linkField(digest), ids.join(" "));
    }
    await linkPipe.exec();
    await redis.set(k.orderSeq, String(ORDERS));
    const perService = Object.fromEntries(Array.from({ length: SERVICES }, (_, s) => [String(s + 1), String(Math.ceil((ORDERS - s) / SERVICES))]));
    await redis.hset(k.serviceListSeq, perService);
    await redis.hset(k.serviceListCount, perService);
    await redis.set(k.orderListCount, String(ORDERS));
    const fillMs = performance.now() - t0;

    const i18n = createI18n("en");
    const admin: AdminView = { id: 1, name: "bench", locale: "en", csrf: "x", t: (key, vars) => i18n.t("en", key, vars) };
    const cases: Array<[string, OrderFilter, number]> = [
      ["newest, no filter", {}, 0],
      ["page 200 (cursor 4,000)", {}, 4_000],
      ["all, last 30 days", { from: now - 30 * DAY }, 0],
      ["status completed", { status: "completed" }, 0],
      ["status refunded (1 in 500)", { status: "refunded" }, 0],
      ["placement unknown", { placement: "unknown" }, 0],
      ["one user", { userId: 1_007 }, 0],
      ["one service, last 30 days", { serviceId: "42", from: now - 30 * DAY }, 0],
      ["one service + status + dates", { serviceId: "42", status: "completed", from: now - 60 * DAY, to: now - 10 * DAY }, 0],
      ["link", { link: "instagram.com/account_123" }, 0],
    ];
    const figures: Record<string, number | string> = { "fill 100,000 orders, s": round(fillMs / 1000, 1) };
    const targets = [];
    for (const [what, filter, cursor] of cases) {
      const times: number[] = [];
      let rows = 0;
      for (let r = 0; r < RUNS + 5; r++) {
        const s = performance.now();
        const page = await orders.search(filter, { cursor, limit: PAGE_SIZE });
        const html = (<OrderRows admin={admin} orders={page.orders} currency="USD" />).toString();
        if (r >= 5) times.push(performance.now() - s);
        rows = page.orders.length;
        if (html.length === 0) throw new Error("empty page");
      }
      times.sort((a, b) => a - b);
      figures[`${what}: rows`] = rows;
      figures[`${what}: p50 / p95 ms`] = `${round(median(times))} / ${round(percentile(times, 95))}`;
      targets.push(below(`orders page p95, ${what}`, percentile(times, 95), 200, "ms"));
    }
    return { name: "web orders list", setup: `${ORDERS} orders, ${USERS} users, ${SERVICES} services over 90 days; ${RUNS} runs of each page (search + table render)`, figures, targets };
  } finally {
    await unlinkByPrefix(redis, prefix);
    redis.disconnect();
  }
}
