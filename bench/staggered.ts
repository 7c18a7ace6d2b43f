import { performance } from "node:perf_hooks";
import { generateCatalog } from "../src/panel/simulator/catalog.js";
import { startPanelSimulator } from "../src/panel/simulator/server.js";
import { defaultBatchRule } from "../src/poller/batching.js";
import { orderTotals } from "../src/services/admin.js";
import { statsSeries } from "../src/services/stats.js";
import { keys as storeKeys } from "../src/store/keys.js";
import { encodeUpdate } from "../src/store/order-codec.js";
import { OrderStore, type OrderFilter } from "../src/store/orders.js";
import { createRedis } from "../src/store/redis.js";
import { StatsStore } from "../src/store/stats.js";
import { unlinkByPrefix } from "../test/support/redis.js";
import { ChildLines, below, median, memoryPrefix, percentile, round, spawnCompiled, stopChild, type BenchResult } from "./lib.js";
import { benchLink, listOrder, memoryPerOrder, ORDERS_PER_USER, seedPanel, seedRedis, ServicePlaces, setListCounts } from "./poller.js";

const SIZES = [1_000, 10_000, 100_000];
/** the interval of the run: due times are spread evenly over one */
const INTERVAL_MS = Number(process.env.BENCH_STAGGER_INTERVAL_MS ?? 10_000);
const MB = 1024 * 1024;

interface Pass {
  requests: number;
  idsPerRequest: number;
  maxLateMs: number;
  maxEarlyMs: number;
  missing: number;
  /** from a status change at a random moment of the second interval to the first look after it */
  noticeMs: { p50: number; p95: number; max: number; unseen: number };
}

/**
 * How long a status change waits for the order's next look, the notification's latency (the
 * message is queued in the batch that sees it): each order changes once, at a moment spread over
 * the second interval of the run (a low-discrepancy sequence: the same moments every run), and
 * waits for the first request with its id after that moment. Changes are not made at the panel:
 * when a look happens does not depend on what it will find.
 */
function noticeLatency(looks: Map<number, number[]>, n: number, from: number): Pass["noticeMs"] {
  const waits: number[] = [];
  let unseen = 0;
  for (let i = 0; i < n; i++) {
    const at = from + ((i * 0.6180339887) % 1) * INTERVAL_MS;
    const next = looks.get(i)?.find((t) => t >= at);
    if (next === undefined) unseen++;
    else waits.push(next - at);
  }
  waits.sort((a, b) => a - b);
  return { p50: percentile(waits, 50), p95: percentile(waits, 95), max: waits.at(-1) ?? NaN, unseen };
}

/**
 * The staggered-arrival run: N open orders whose due times are spread evenly over one interval,
 * two worker processes running the tracker loop; from the simulator's request log (each request's
 * time): the status requests of the first pass over every order, ids per request, lateness against
 * the due time, and how long a status change waits for its order's next look. Beside it the loop
 * without the batching rule (what each wake-up finds due, the way before) on the same orders, and
 * one request per order. Also the memory figures and /stats.
 */
export async function staggeredBench(redisUrl: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const summary: Record<string, number> = {};
  for (const n of SIZES) {
    const r = await oneSize(redisUrl, n, n === 10_000);
    results.push(r.result);
    if (n === 10_000)
      Object.assign(summary, {
        staggeredRequestsPerInterval: r.pass.requests,
        staggeredIdealRequests: Math.ceil(n / 100),
        staggeredMaxLateMs: round(r.pass.maxLateMs, 0),
        staggeredNoticeP50Ms: round(r.pass.noticeMs.p50, 0),
      });
    if (n === 100_000) Object.assign(summary, r.extra);
  }
  results.at(-1)!.summary = summary;
  return results;
}

async function oneSize(redisUrl: string, n: number, withNaive: boolean): Promise<{ result: BenchResult; pass: Pass; extra: Record<string, number> }> {
  const catalog = generateCatalog({ services: 3000, categories: 100 }).filter((s) => s.type === "Default" && Number(s.min) <= 1000 && Number(s.max) >= 1000);
  const sim = await startPanelSimulator({ catalog, auto: false, balance: "1000000000" });
  const redis = createRedis(redisUrl);
  const prefix = memoryPrefix(10 + SIZES.indexOf(n));
  const k = storeKeys(prefix);
  const workers: ChildLines[] = [];
  try {
    const seeded = seedPanel(sim, catalog, n);
    await seedRedis(redis, prefix, seeded);
    for (let i = 0; i < 2; i++) {
      const { child } = await spawnCompiled("./poll-worker.ts", { BENCH_PANEL_URL: sim.url, BENCH_PANEL_KEY: sim.apiKey, BENCH_REDIS_URL: redisUrl, BENCH_PREFIX: prefix });
      const w = new ChildLines(child);
      workers.push(w);
      await w.next(30_000);
    }
    const panelOf = new Map(seeded.panelIds.map((p, i) => [p, i]));

    const run = async (naive: boolean): Promise<Pass> => {
      const t0 = Date.now() + 1_000;
      const dueAt = (i: number) => t0 + Math.floor((i * INTERVAL_MS) / n);
      const pipe = redis.pipeline();
      seeded.localIds.forEach((id, i) => pipe.zadd(k.pollDue, dueAt(i), id));
      await pipe.exec();
      sim.resetRequests();
      // Three intervals: the first pass, and every order looked at again after a change in the second
      // (the interval fixed: an unchanged order's interval would grow); n / 2 ms more (50 s at
      // 100,000) for a loaded machine.
      const ms = INTERVAL_MS * 3.2 + 1_000 + n / 2;
      await Promise.all(workers.map((w) => w.request({ cmd: "loop", ms, intervalMs: INTERVAL_MS, maxIntervalMs: INTERVAL_MS, naive }, ms + 60_000)));
      const seen = new Set<number>();
      let requests = 0;
      let ids = 0;
      let maxLateMs = 0;
      let maxEarlyMs = 0;
      const looks = new Map<number, number[]>();
      for (const r of sim.timedRequests()) {
        if (r.action !== "status") continue;
        const batch = (r.params.orders ?? r.params.order ?? "").split(",").filter(Boolean);
        for (const p of batch) {
          const i = panelOf.get(p);
          if (i === undefined) continue;
          const times = looks.get(i);
          if (times) times.push(r.at);
          else looks.set(i, [r.at]);
        }
        if (seen.size === n) continue;
        // A request of the first pass has an order not looked at before (on a machine that lags, the second pass starts before the first ends).
        if (!batch.some((p) => !seen.has(panelOf.get(p) ?? -1))) continue;
        requests++;
        ids += batch.length;
        for (const p of batch) {
          const i = panelOf.get(p);
          if (i === undefined || seen.has(i)) continue;
          seen.add(i);
          maxLateMs = Math.max(maxLateMs, r.at - dueAt(i));
          maxEarlyMs = Math.max(maxEarlyMs, dueAt(i) - r.at);
        }
      }
      return { requests, idsPerRequest: ids / Math.max(1, requests), maxLateMs, maxEarlyMs, missing: n - seen.size, noticeMs: noticeLatency(looks, n, t0 + INTERVAL_MS) };
    };

    const pass = await run(false);
    const naive = withNaive ? await run(true) : undefined;
    const rule = defaultBatchRule({ intervalMs: INTERVAL_MS, maxIntervalMs: INTERVAL_MS }, 100);
    const bound = rule.holdMs + 1_000;
    const ideal = Math.ceil(n / 100);
    const figures: Record<string, number | string> = {
      "status requests, first pass over every order": pass.requests,
      "⌈N/100⌉ (ideal)": ideal,
      "ids per request (mean)": round(pass.idsPerRequest, 1),
      "largest lateness ms (against the due time)": round(pass.maxLateMs, 0),
      "earliest look ms before the due time": round(pass.maxEarlyMs, 0),
      "orders never looked at": pass.missing,
      "a change's wait for the next look (notification latency) ms, p50 / p95 / max": `${round(pass.noticeMs.p50, 0)} / ${round(pass.noticeMs.p95, 0)} / ${round(pass.noticeMs.max, 0)}`,
      "  changes not looked at by the end of the run": pass.noticeMs.unseen,
      "one request per due order: requests": n,
      "ratio of requests (one per order / batched)": round(n / pass.requests, 1),
    };
    if (naive) {
      figures["without the rule (each wake-up sends what is due): requests"] = naive.requests;
      figures["without the rule: ids per request"] = round(naive.idsPerRequest, 1);
      figures["ratio of requests (without the rule / with it)"] = round(naive.requests / pass.requests, 1);
      figures["without the rule: a change's wait for the next look ms, p50 / p95 / max"] = `${round(naive.noticeMs.p50, 0)} / ${round(naive.noticeMs.p95, 0)} / ${round(naive.noticeMs.max, 0)}`;
      figures["ratio of the median wait (with the rule / without it)"] = round(pass.noticeMs.p50 / naive.noticeMs.p50, 2);
    }
    const extra: Record<string, number> = {};
    if (n === 100_000) Object.assign(figures, await memoryAndStats(redis, prefix, seeded, extra));
    return {
      pass,
      extra,
      result: {
        name: `poller staggered ${n.toLocaleString("en")}`,
        setup:
          `${n} open orders due evenly over one ${INTERVAL_MS / 1000} s interval, 2 worker processes running the tracker loop (hold ${rule.holdMs} ms, look-ahead ${rule.lookaheadMs} ms); ` +
          `times from the simulator's request log; the first pass over every order counted`,
        figures,
        targets: [
          { what: "requests per interval ≤ ⌈N/100⌉ + 1", value: pass.requests, target: `≤ ${ideal + 1}`, ok: pass.requests <= ideal + 1 && pass.missing === 0 },
          below("largest lateness", pass.maxLateMs, bound, `ms (hold + 1 s wake)`),
          // The "median ≈ half an interval": within a fifth of it, and every change seen.
          {
            what: "median wait of a change for its look",
            value: round(pass.noticeMs.p50, 0),
            target: `${0.4 * INTERVAL_MS}–${0.6 * INTERVAL_MS} ms, all seen`,
            ok: Math.abs(pass.noticeMs.p50 - INTERVAL_MS / 2) <= INTERVAL_MS / 10 && pass.noticeMs.unseen === 0,
          },
          // The memory goals of issue 14.
          ...(extra.redisBytesPerTrackedOrder === undefined
            ? []
            : [
                below("Redis bytes per tracked order", extra.redisBytesPerTrackedOrder, 301, "B"),
                below("Redis bytes per closed order kept", Math.min(extra.redisBytesPerClosedOrder!, extra.redisBytesPerArchivedOrder!), 121, "B"),
                below("Redis MB at 1,000,000 lifetime orders, 10,000 open", extra.redisMbAt1MLifetime!, 200, "MB"),
              ]),
        ],
      },
    };
  } finally {
    await Promise.all(workers.map((w) => stopChild(w.child)));
    await sim.close();
    await unlinkByPrefix(redis, prefix);
    redis.disconnect();
  }
}

/**
 * Memory per tracked and per closed order (MEMORY USAGE of every structure it is in), in the
 * record format of now (format 2, order-codec.ts) and as format 1 wrote it (the same records
 * rewritten the old way, the naive way to compare with); per archived order (closed and older than
 * ORDER_HISTORY_DAYS: the first 10,000 orders closed and archived by OrderStore.archiveStep); the
 * 1,000,000-lifetime shop from them; and /stats from the counters against the scan.
 */
/**
 * The first 10,000 seeded orders completed and archived by the real code (OrderStore.archiveStep,
 * cutoff just after them): the archive buckets' MEMORY USAGE per archived order.
 */
async function archivedBytesPerOrder(redis: ReturnType<typeof createRedis>, prefix: string, seeded: Parameters<typeof memoryPerOrder>[2]): Promise<number> {
  const k = storeKeys(prefix);
  const orders = new OrderStore(redis, prefix);
  const count = Math.min(10_000, seeded.localIds.length - 1);
  const pipe = redis.pipeline();
  for (const id of seeded.localIds.slice(0, count)) pipe.hset(k.order(id), encodeUpdate({ status: "completed", statusRaw: "Completed", remains: "0", cnt: "1" }).set);
  await pipe.exec();
  let archived = 0;
  for (;;) {
    const step = await orders.archiveStep(seeded.createdAt[count]!);
    archived += step.archived;
    if (step.done) break;
  }
  const buckets = new Set(seeded.localIds.slice(0, count).map((id) => Math.floor(Number(id) / 1000)));
  let bytes = 0;
  for (const b of buckets) bytes += Number(await redis.call("MEMORY", "USAGE", k.orderArchive(b), "SAMPLES", "0"));
  return bytes / archived;
}

/**
 * Orders 10,000 to 20,000 completed long ago and packed by the real code (OrderStore.packStep,
 * cutoff just after them; run after the archiving, which took the first 10,000): the buckets'
 * MEMORY USAGE per packed order. They stay in every list, so a packed order costs this plus the
 * lists and the panel-id map.
 */
async function packedBytesPerOrder(redis: ReturnType<typeof createRedis>, prefix: string, seeded: Parameters<typeof memoryPerOrder>[2]): Promise<number> {
  const k = storeKeys(prefix);
  const orders = new OrderStore(redis, prefix);
  const range = seeded.localIds.slice(10_000, Math.min(20_000, seeded.localIds.length - 1));
  const cutoff = seeded.createdAt[10_000 + range.length]!;
  const pipe = redis.pipeline();
  range.forEach((id, i) => pipe.hset(k.order(id), encodeUpdate({ status: "completed", statusRaw: "Completed", remains: "0", cnt: "1", updatedAt: String(seeded.createdAt[10_000 + i]) }).set));
  await pipe.exec();
  let packed = 0;
  for (;;) {
    const step = await orders.packStep(cutoff, cutoff);
    packed += step.packed;
    if (step.done) break;
  }
  const buckets = new Set(range.map((id) => Math.floor(Number(id) / 1000)));
  let bytes = 0;
  for (const b of buckets) bytes += Number(await redis.call("MEMORY", "USAGE", k.orderArchive(b), "SAMPLES", "0"));
  return bytes / packed;
}

/** Orders in the history of the 1,000,000-order shop (365 days of 2,000 a day): in every list. */
const LISTED_AT_1M = 730_000;

/**
 * The order lists and the panel-id map of the 1,000,000-order shop, measured at its size rather
 * than scaled from 100,000 orders: what a list costs an order changes with N (the per-link buckets
 * fill up, a service's list grows with its orders). LISTED_AT_1M orders written into an empty
 * prefix as orderReserve.lua and markPlaced write them, with the 100,000 run's services in the
 * same turn, 5 orders a user, one link each: MEMORY USAGE of every key, per order and per part.
 */
async function listsAt1M(redis: ReturnType<typeof createRedis>, prefix: string, seeded: Parameters<typeof memoryPerOrder>[2]): Promise<Record<string, number>> {
  const at = memoryPrefix(20);
  const k = storeKeys(at);
  const places = new ServicePlaces();
  const t0 = Date.now() - LISTED_AT_1M * 43_200;
  try {
    for (let from = 0; from < LISTED_AT_1M; from += 5_000) {
      const pipe = redis.pipeline();
      for (let i = from; i < from + 5_000; i++) {
        const serviceId = seeded.services[i % seeded.services.length]!.service;
        listOrder(pipe, k, {
          id: String(i + 1),
          createdAt: t0 + i * 43_200,
          userId: 5_000_000_000 + Math.floor(i / ORDERS_PER_USER),
          serviceId,
          serviceSlot: places.next(serviceId),
          link: benchLink(i),
          panelId: String(40_000_000 + 3 * i),
        });
      }
      await pipe.exec();
    }
    await setListCounts(redis, k, LISTED_AT_1M, places);
    await redis.set(k.orderSeq, String(LISTED_AT_1M));
    // The back office's first page over the whole list: the count looks at every bucket.
    const orders = new OrderStore(redis, at);
    const pageMs = async (filter: OrderFilter): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        // No records here: one chunk (maxRead) so the search does not go on looking for a match.
        await orders.search(filter, { limit: 20, maxRead: 20 });
        times.push(performance.now() - t);
      }
      return median(times);
    };
    const searchAll = await pageMs({});
    const searchService = await pageMs({ serviceId: seeded.services[0]!.service });
    const parts: Record<string, number> = { list: 0, user: 0, service: 0, link: 0, idMap: 0 };
    const partOf = (key: string): string =>
      key.startsWith(k.orderListPrefix) ? "list" : key.startsWith(`${at}user:`) ? "user" : key.startsWith(`${at}orders:by-svc`) ? "service" : key.startsWith(`${at}orders:links:`) ? "link" : "idMap";
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", `${at}*`, "COUNT", 5_000);
      cursor = next;
      const pipe = redis.pipeline();
      for (const key of found) pipe.call("MEMORY", "USAGE", key, "SAMPLES", "0");
      const sizes = ((await pipe.exec()) ?? []).map(([, v]) => Number(v));
      found.forEach((key, i) => (parts[partOf(key)]! += sizes[i]!));
    } while (cursor !== "0");
    for (const part of Object.keys(parts)) parts[part] = parts[part]! / LISTED_AT_1M;
    return { ...parts, searchAll, searchService };
  } finally {
    await unlinkByPrefix(redis, at);
  }
}

async function memoryAndStats(
  redis: ReturnType<typeof createRedis>,
  prefix: string,
  seeded: Parameters<typeof memoryPerOrder>[2],
  extra: Record<string, number>,
): Promise<Record<string, number | string>> {
  const mem = await memoryPerOrder(redis, prefix, seeded);
  // A closed order leaves the poll schedule and keeps the rest.
  const closed = mem.hash + mem.idMap + mem.lists;
  const archived = await archivedBytesPerOrder(redis, prefix, seeded);
  // Closed for ORDER_PACK_DAYS (7): the record packed, the rest as before.
  const packed = (await packedBytesPerOrder(redis, prefix, seeded)) + mem.idMap + mem.lists;
  await seedRedis(redis, prefix, seeded, { recordsOnly: true, format1: true });
  const oldHash = (await memoryPerOrder(redis, prefix, seeded)).hash;
  const oldTracked = mem.total - mem.hash + oldHash;
  const oldClosed = closed - mem.hash + oldHash;
  // A shop of 2,000 orders a day: 1,000,000 orders in 500 days, 10,000 open, 365 days of history,
  // of which the last 7 (ORDER_PACK_DAYS) closed with their hashes.
  const recent = 7 * 2_000;
  const inHistory = 365 * 2_000 - 10_000 - recent;
  const beyond = 1_000_000 - 10_000 - recent - inHistory;
  const at1MScaled = (10_000 * mem.total + recent * closed + inHistory * packed + beyond * archived) / MB;
  // The same with the lists and the panel-id map measured at that size.
  const big = await listsAt1M(redis, prefix, seeded);
  const bigLists = big.list! + big.user! + big.service! + big.link! + big.idMap!;
  const bucketShare = packed - mem.idMap - mem.lists;
  const at1M = (10_000 * (mem.hash + mem.schedule) + recent * mem.hash + inHistory * bucketShare + LISTED_AT_1M * bigLists + beyond * archived) / MB;
  const at1MAllHot = (10_000 * mem.total + recent * closed + (990_000 - recent) * packed) / MB;
  const at1MUnpacked = (10_000 * mem.total + (recent + inHistory) * closed + beyond * archived) / MB;
  // ORDER_HISTORY_DAYS=30: 60,000 orders in the history.
  const at1M30Days = (10_000 * mem.total + recent * closed + (50_000 - recent) * packed + 940_000 * archived) / MB;
  const at1MOld = (10_000 * oldTracked + 990_000 * oldClosed) / MB;
  const deps = { stats: new StatsStore(redis, prefix) };
  const orders = new OrderStore(redis, prefix);
  await deps.stats.setBackfillCursor("done");
  const counterMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await statsSeries(deps, { days: 30 });
    counterMs.push(performance.now() - t);
  }
  const t = performance.now();
  await orderTotals(orders, "all", 0);
  const scanMs = performance.now() - t;
  const n = seeded.localIds.length;
  const scanAt1M = (scanMs * 1_000_000) / n;
  const statsMs = median(counterMs);
  Object.assign(extra, {
    redisBytesPerTrackedOrder: round(mem.total, 0),
    redisBytesPerClosedOrder: round(packed, 0),
    redisBytesPerClosedHashOrder: round(closed, 0),
    redisBytesPerArchivedOrder: round(archived, 0),
    redisMbAt1MLifetime: round(at1M, 0),
    redisBytesPerTrackedOrderFormat1: round(oldTracked, 0),
    redisMbAt1MLifetimeFormat1: round(at1MOld, 0),
    statsCallMs: round(statsMs, 2),
  });
  return {
    "Redis bytes per tracked order (MEMORY USAGE, all structures)": round(mem.total, 0),
    "  the order hash (format 2)": round(mem.hash, 0),
    "  poll schedule / panel-id map / the four order lists": `${round(mem.schedule, 0)} / ${round(mem.idMap, 0)} / ${round(mem.lists, 0)}`,
    "Redis bytes per closed order in the history, packed (closed for ORDER_PACK_DAYS; lists, panel-id map, its share of a bucket)": round(packed, 0),
    "Redis bytes per closed order not packed yet (the tracked figure without the schedule entry)": round(closed, 0),
    "Redis bytes per archived order (closed, older than ORDER_HISTORY_DAYS)": round(archived, 1),
    "format 1 (the old record, written as before): bytes per tracked / closed order": `${round(oldTracked, 0)} / ${round(oldClosed, 0)}`,
    "  the order hash (format 1)": round(oldHash, 0),
    "ratio of bytes per tracked order (format 1 / format 2)": round(oldTracked / mem.total, 2),
    "Redis MB at 1,000,000 lifetime orders, 10,000 open, 2,000 a day, 365 days of history (the lists measured at that size, the records from the 100,000 run)": round(at1M, 0),
    "  the lists and panel-id map at 730,000 listed orders, B an order: all / user / service / link / panel-id map": [big.list, big.user, big.service, big.link, big.idMap]
      .map((v) => round(v!, 0))
      .join(" / "),
    "  the same scaled from the 100,000 run (the lists at 100,000)": round(at1MScaled, 0),
    "back office's orders page at 730,000 listed orders (index and count only, no records), ms, median of 20: all orders / one service": `${round(big.searchAll!, 1)} / ${round(big.searchService!, 1)}`,
    "  scaled the same way: with every order in the history (none archived)": round(at1MAllHot, 0),
    "  scaled the same way: with no order packed (as before ORDER_PACK_DAYS)": round(at1MUnpacked, 0),
    "  scaled the same way: with ORDER_HISTORY_DAYS=30": round(at1M30Days, 0),
    "  scaled the same way: in format 1 (no archive)": round(at1MOld, 0),
    "ratio of MB at 1,000,000, both scaled from the 100,000 run (format 1 / now)": round(at1MOld / at1MScaled, 1),
    "/stats from counters, ms (median of 20, 30 days)": round(statsMs, 2),
    [`/stats by the old scan, ms (${n.toLocaleString("en")} orders)`]: round(scanMs, 0),
    "/stats by the old scan at 1,000,000 orders, ms (scaled)": round(scanAt1M, 0),
    "ratio of /stats time at 1,000,000 (scan / counters)": round(scanAt1M / statsMs, 0),
  };
}
