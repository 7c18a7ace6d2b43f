import { performance } from "node:perf_hooks";
import { orderPrice, toUnits, D } from "../src/money.js";
import { generateCatalog, type SimService } from "../src/panel/simulator/catalog.js";
import { startPanelSimulator, type PanelSimulator } from "../src/panel/simulator/server.js";
import { keys as storeKeys } from "../src/store/keys.js";
import { encodeRecord } from "../src/store/order-codec.js";
import { linkDigest, ORDER_LIST_IDS, panelIdBucket } from "../src/store/orders.js";
import { createRedis, type Redis } from "../src/store/redis.js";
import { ChildLines, atLeast, below, memoryPrefix, round, spawnCompiled, stopChild, workerNodeFlags, type BenchResult } from "./lib.js";
import { unlinkByPrefix } from "../test/support/redis.js";

const SIZES = [10_000, 100_000];
export const ORDERS_PER_USER = 5;
/** the one-request-per-order baseline runs on this many orders and is scaled to N */
const BASELINE_SAMPLE = 2_000;
/** orders (per 1,000) the panel reports moved since the last look, so the round has news to give */
const MOVED = { inProgress: 30, completed: 10, partial: 3, canceled: 2 };
const SEED_CHUNK = 2_000;
const ROUND_TIMEOUT_MS = 120_000;

interface RoundAnswer {
  stats: { checked: number; requests: number; changed: number; told: number; attention: number; ms: number; panelFailed: boolean };
  commands: number;
  writes: number;
  cpuMs: number;
  logErrors: number;
  rss: number;
  maxRss: number;
  heapUsed: number;
  heapTotal: number;
}
interface BaselineAnswer {
  ms: number;
  orders: number;
  requests: number;
  changed: number;
}

const MB = 1024 * 1024;

/**
 * Benchmarks 1 and 2: one poll round over N open orders (N = 10,000 and 100,000) by a worker process
 * that runs only the poller, against the simulator (in this process, seeded directly) and Redis;
 * beside it the one-status-request-per-order way on a sample; then the 100,000 with two workers.
 */
export async function pollerBench(redisUrl: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const n of SIZES) {
    const withTwo = n === SIZES.at(-1);
    const r = await oneSize(redisUrl, n, withTwo);
    results.push(...r);
  }
  return results;
}

async function oneSize(redisUrl: string, n: number, withTwo: boolean): Promise<BenchResult[]> {
  const catalog = generateCatalog({ services: 3000, categories: 100 }).filter((s) => s.type === "Default" && Number(s.min) <= 1000 && Number(s.max) >= 1000);
  const sim = await startPanelSimulator({ catalog, auto: false, balance: "1000000000" });
  const redis = createRedis(redisUrl);
  const prefix = memoryPrefix(SIZES.indexOf(n));
  const workers: ChildLines[] = [];
  let how = "";
  // As a worker runs (npm run worker); BENCH_WORKER_NODE_ARGS="…" tries other flags.
  const workerFlags = process.env.BENCH_WORKER_NODE_ARGS === undefined ? workerNodeFlags() : process.env.BENCH_WORKER_NODE_ARGS.split(" ").filter(Boolean);
  const spawnWorker = async (nodeArgs = workerFlags) => {
    const spawned = await spawnCompiled("./poll-worker.ts", { BENCH_PANEL_URL: sim.url, BENCH_PANEL_KEY: sim.apiKey, BENCH_REDIS_URL: redisUrl, BENCH_PREFIX: prefix }, nodeArgs);
    how = spawned.how;
    const w = new ChildLines(spawned.child);
    workers.push(w);
    const ready = await w.next<{ rss: number }>(30_000);
    return { w, idleRss: ready.rss };
  };
  try {
    const s0 = performance.now();
    const seeded = seedPanel(sim, catalog, n);
    const memBefore = await usedMemory(redis);
    await seedRedis(redis, prefix, seeded);
    const memAfter = await usedMemory(redis);
    const seedMs = performance.now() - s0;
    const mem = await memoryPerOrder(redis, prefix, seeded);
    const moved = movePanelOrders(sim, seeded);

    // One worker, one round.
    const { w: worker, idleRss } = await spawnWorker();
    sim.resetRequests();
    // The round's CPU is the worker's, Redis's and the panel's (the simulator, in this process): on a small machine they share the cores.
    const redisCpu0 = await redisCpuMs(redis);
    const simCpu0 = process.cpuUsage();
    const one = await worker.request<RoundAnswer>({ cmd: "round" }, ROUND_TIMEOUT_MS);
    const simCpu = process.cpuUsage(simCpu0);
    const redisCpu = (await redisCpuMs(redis)) - redisCpu0;
    const statusRequests = sim.counts().status ?? 0;
    const expectedRequests = Math.ceil(n / 100);
    const checksPerS = one.stats.checked / (one.stats.ms / 1000);

    // The usual way: one status request per order, one order after another, on a sample.
    const step = Math.floor(n / BASELINE_SAMPLE);
    const sample = Array.from({ length: Math.min(BASELINE_SAMPLE, n) }, (_, i) => seeded.localIds[i * step]!);
    sim.resetRequests();
    const base = await worker.request<BaselineAnswer>({ cmd: "baseline", ids: sample }, ROUND_TIMEOUT_MS);
    const baseRequests = sim.counts().status ?? 0;
    const basePerOrderMs = base.ms / base.orders;
    const baseRoundMs = basePerOrderMs * n;

    const batches = one.stats.requests;
    const results: BenchResult[] = [
      {
        name: `poller ${n.toLocaleString("en")}`,
        setup:
          `${n} placed orders (${n / ORDERS_PER_USER} users) open in Redis, all due; the simulator in the bench process answers multi-status; ` +
          `1 worker process (${how}, node ${workerFlags.join(" ") || "without flags"}) running runPollRound with the default options (batches of 100, 2 batches in flight); ` +
          `per 1,000 orders the panel reports ${MOVED.inProgress} in progress, ${MOVED.completed} completed, ${MOVED.partial} partial, ${MOVED.canceled} canceled ` +
          `(refunds, notifications queued in the outbox); baseline: ${sample.length} orders checked one status request each, one after another, scaled to ${n}`,
        figures: {
          "seed ms (simulator + Redis)": round(seedMs, 0),
          "round ms": round(one.stats.ms, 0),
          "order checks/s": round(checksPerS, 0),
          "orders checked": one.stats.checked,
          "changed / notifications queued": `${one.stats.changed} / ${one.stats.told} (expected ${moved})`,
          "panel status requests (simulator's log)": statusRequests,
          "⌈N/100⌉": expectedRequests,
          "Redis round trips per batch (socket writes)": round(one.writes / batches, 1),
          "Redis commands per batch": round(one.commands / batches, 1),
          "worker CPU ms for the round": round(one.cpuMs, 0),
          "Redis CPU ms for the round (INFO used_cpu)": round(redisCpu, 0),
          "simulator CPU ms for the round": round((simCpu.user + simCpu.system) / 1000, 0),
          "worker RSS MB: loaded, idle": round(idleRss / MB, 1),
          "worker RSS MB: after the round": round(one.rss / MB, 1),
          "worker RSS MB: peak": round(one.maxRss / MB, 1),
          "worker heap MB after the round: used / total": `${round(one.heapUsed / MB, 1)} / ${round(one.heapTotal / MB, 1)}`,
          "Redis bytes per order (INFO used_memory delta)": round((memAfter - memBefore) / n, 0),
          "Redis bytes per order (MEMORY USAGE, all keys)": round(mem.total, 0),
          "  the order hash": round(mem.hash, 0),
          "  the poll schedule entry (poll:due)": round(mem.schedule, 1),
          "  the panel-id map entry (panel-ids)": round(mem.idMap, 1),
          "  the all-orders and per-user lists": round(mem.lists, 1),
          "baseline: ms per order": round(basePerOrderMs, 3),
          "baseline: round ms (scaled)": round(baseRoundMs, 0),
          "baseline: requests (sample / scaled)": `${baseRequests} / ${n}`,
          "ratio of requests (baseline / poller)": round(n / statusRequests, 1),
          "ratio of time (baseline / poller)": round(baseRoundMs / one.stats.ms, 1),
          "logged errors": one.logErrors,
        },
        targets: [
          { what: "panel requests = ⌈N/100⌉", value: statusRequests, target: `= ${expectedRequests}`, ok: statusRequests === expectedRequests && one.stats.checked === n },
          ...(n >= 100_000
            ? [below("100,000-order round", one.stats.ms / 1000, 5, "s"), atLeast("order checks/s", checksPerS, 20_000, "/s"), below("worker RSS (peak)", one.maxRss / MB, 130, "MB")]
            : []),
          below("Redis memory per tracked order", Math.max(mem.total, (memAfter - memBefore) / n), 301, "B"),
        ],
      },
    ];

    if (withTwo) {
      // The same orders due again (records as before the round; the panel still reports the moves),
      // and two worker processes starting their rounds at once.
      await seedRedis(redis, prefix, seeded, { recordsOnly: true });
      const { w: second } = await spawnWorker();
      sim.resetRequests();
      const t0 = performance.now();
      const both = await Promise.all([worker, second].map((w) => w.request<RoundAnswer>({ cmd: "round" }, ROUND_TIMEOUT_MS)));
      const wallMs = performance.now() - t0;
      const seen = new Map<string, number>();
      let requests = 0;
      for (const r of sim.requests()) {
        if (r.action !== "status" || r.params.orders === undefined) continue;
        requests++;
        for (const id of r.params.orders.split(",")) seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      const twice = [...seen.values()].filter((c) => c > 1).length;
      const missing = seeded.panelIds.filter((id) => !seen.has(id)).length;
      results.push({
        name: `poller ${n.toLocaleString("en")}, 2 workers`,
        setup: `the same ${n} orders due again, 2 worker processes (runPollRound each, default options) started at once; ids counted from the simulator's request log`,
        figures: {
          "round ms (both done)": round(wallMs, 0),
          "round ms per worker": both.map((b) => round(b.stats.ms, 0)).join(" / "),
          "orders checked per worker": both.map((b) => b.stats.checked).join(" / "),
          "panel status requests": requests,
          "ids requested more than once": twice,
          "ids never requested": missing,
          "one worker's round ms (above)": round(one.stats.ms, 0),
        },
        targets: [{ what: "every id requested exactly once", value: twice + missing, target: "0 twice, 0 missing", ok: twice === 0 && missing === 0 && requests === Math.ceil(n / 100) }],
      });

      // The same round once more by a worker with Node's own heap sizing: what the worker's flags save and cost.
      await seedRedis(redis, prefix, seeded, { recordsOnly: true });
      const { w: plain } = await spawnWorker([]);
      const def = await plain.request<RoundAnswer>({ cmd: "round" }, ROUND_TIMEOUT_MS);
      results.push({
        name: `poller ${n.toLocaleString("en")}, Node's default heap`,
        setup: `the same ${n} orders due again, 1 worker process without node flags (the worker's: ${workerFlags.join(" ") || "none"}), runPollRound`,
        figures: {
          "round ms": round(def.stats.ms, 0),
          "worker CPU ms for the round": round(def.cpuMs, 0),
          "worker RSS MB: peak": round(def.maxRss / MB, 1),
          "worker heap MB after the round: used / total": `${round(def.heapUsed / MB, 1)} / ${round(def.heapTotal / MB, 1)}`,
          "ratio of peak RSS (default heap / the worker's flags)": round(def.maxRss / one.maxRss, 2),
          "ratio of worker CPU (the worker's flags / default heap)": round(one.cpuMs / def.cpuMs, 2),
        },
        targets: [],
      });
    }
    return results;
  } finally {
    await Promise.all(workers.map((w) => stopChild(w.child)));
    await sim.close();
    await unlinkByPrefix(redis, prefix);
    redis.disconnect();
  }
}

export interface Seeded {
  localIds: string[];
  panelIds: string[];
  services: SimService[];
  quantities: number[];
  charges: string[];
  createdAt: number[];
}

/** The i-th seeded order's link: one post each, as customers order. */
export const benchLink = (i: number): string => `https://instagram.com/p/Bench${i.toString(36)}Post`;

/** Places n orders at the simulator in-process (no HTTP): every one Pending, as after placement. */
export function seedPanel(sim: PanelSimulator, catalog: SimService[], n: number): Seeded {
  const seeded: Seeded = { localIds: [], panelIds: [], services: [], quantities: [], charges: [], createdAt: [] };
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const service = catalog[i % catalog.length]!;
    const quantity = 1000;
    const res = sim.handle("add", { service: service.service, link: benchLink(i), quantity: String(quantity) }) as { order?: number | string; error?: string };
    if (res.order === undefined) throw new Error(`simulator refused a seed order: ${res.error}`);
    const panelId = String(res.order);
    seeded.localIds.push(String(i + 1));
    seeded.panelIds.push(panelId);
    seeded.services.push(service);
    seeded.quantities.push(quantity);
    seeded.charges.push(sim.getOrder(panelId)!.charge);
    seeded.createdAt.push(now - (n - i) * 1000);
  }
  return seeded;
}

/**
 * The Redis side of n placed orders, field for field as OrderStore writes them (draft, reserve,
 * markPlaced) plus what the poller keeps after its first look (start count, remains, charge): the
 * order hash, the poll schedule (all due), the panel-id map, the all-orders and per-user lists.
 */
export async function seedRedis(redis: Redis, prefix: string, s: Seeded, opts: { recordsOnly?: boolean; format1?: boolean } = {}): Promise<void> {
  const k = storeKeys(prefix);
  const places = new ServicePlaces();
  for (let from = 0; from < s.localIds.length; from += SEED_CHUNK) {
    const pipe = redis.pipeline();
    for (let i = from; i < Math.min(from + SEED_CHUNK, s.localIds.length); i++) {
      const id = s.localIds[i]!;
      const svc = s.services[i]!;
      const userId = 5_000_000_000 + Math.floor(i / ORDERS_PER_USER);
      const quantity = s.quantities[i]!;
      const price = orderPrice({ rate: new D(svc.rate), quantity, type: svc.type }, "0");
      const serviceSlot = places.next(svc.service);
      const createdAt = s.createdAt[i]!;
      const placedAt = createdAt + 1500;
      if (opts.recordsOnly) pipe.del(k.order(id));
      const record = {
        id,
        userId: String(userId),
        chatId: String(userId),
        locale: "en",
        serviceId: svc.service,
        serviceName: svc.name,
        serviceType: svc.type,
        category: svc.category,
        link: benchLink(i),
        quantity: String(quantity),
        rate: svc.rate,
        price: price.toFixed(),
        priceUnits: String(toUnits(price)),
        canRefill: svc.refill ? "1" : "0",
        canCancel: svc.cancel ? "1" : "0",
        placement: "placed",
        status: "pending",
        statusRaw: "Pending",
        panelOrderId: s.panelIds[i]!,
        startCount: "0",
        remains: String(quantity),
        charge: s.charges[i]!,
        createdAt: String(createdAt),
        updatedAt: String(placedAt),
        placedAt: String(placedAt),
      };
      // format1: the record as it was stored before format 2 (order-codec.ts), to compare with.
      // Format 2 leaves out the service's names, kept once for all its orders (orders:services).
      const { serviceName: _name, category: _category, ...own } = record;
      pipe.hset(k.order(id), opts.format1 ? record : encodeRecord({ ...own, serviceSlot: String(serviceSlot) }));
      if (!opts.format1) pipe.hsetnx(k.orderServices, svc.service, JSON.stringify([svc.name, svc.category]));
      pipe.zadd(k.pollDue, 1, id);
      if (!opts.recordsOnly) listOrder(pipe, k, { id, createdAt, userId, serviceId: svc.service, serviceSlot, link: record.link, panelId: s.panelIds[i]! });
    }
    const res = (await pipe.exec()) ?? [];
    const failed = res.find(([err]) => err)?.[0];
    if (failed) throw failed;
  }
  // The id sequence, as the bot's drafts leave it: the list's readers walk its buckets up to it.
  await redis.set(k.orderSeq, s.localIds.at(-1)!);
  if (!opts.recordsOnly) await setListCounts(redis, k, s.localIds.length, places);
}

/** The places each service's list gives its orders in turn (orderReserve.lua). */
export class ServicePlaces {
  readonly taken = new Map<string, number>();

  /** The next order's bucket of the service's list (its serviceSlot). */
  next(serviceId: string): number {
    const place = (this.taken.get(serviceId) ?? 0) + 1;
    this.taken.set(serviceId, place);
    return Math.floor((place - 1) / ORDER_LIST_IDS);
  }
}

/** One placed order's entries in the lists and the panel-id map, as orderReserve.lua and orderMarkPlaced.lua write them. */
export function listOrder(
  pipe: ReturnType<Redis["pipeline"]>,
  k: ReturnType<typeof storeKeys>,
  o: { id: string; createdAt: number; userId: number; serviceId: string; serviceSlot: number; link: string; panelId: string },
): void {
  pipe.hset(k.panelIdBucket(panelIdBucket(o.panelId)), o.panelId, o.id);
  pipe.zadd(k.orderList(Math.floor(Number(o.id) / ORDER_LIST_IDS)), o.createdAt, o.id);
  pipe.zadd(k.userOrders(o.userId), o.createdAt, o.id);
  pipe.zadd(k.serviceList(o.serviceId, o.serviceSlot), o.createdAt, o.id);
  // One post per order: the link's field holds this id alone.
  const digest = linkDigest(o.link);
  pipe.hset(k.linkBucket(digest), k.linkField(digest), o.id);
}

/** The lists' counts and the services' places, for `count` listed orders (the reserve script keeps them). */
export async function setListCounts(redis: Redis, k: ReturnType<typeof storeKeys>, count: number, places: ServicePlaces): Promise<void> {
  await redis.hset(k.serviceListSeq, Object.fromEntries(places.taken));
  await redis.hset(k.serviceListCount, Object.fromEntries(places.taken));
  await redis.set(k.orderListCount, count);
}

/** The panel's side of the news: some orders moved since the last look. Returns how many. */
function movePanelOrders(sim: PanelSimulator, s: Seeded): number {
  let moved = 0;
  s.panelIds.forEach((panelId, i) => {
    const slot = i % 1000;
    const q = s.quantities[i]!;
    let m = MOVED.inProgress;
    if (slot < m) sim.setOrder(panelId, { status: "In progress", start_count: 1234, remains: Math.floor(q / 2) });
    else if (slot < (m += MOVED.completed)) sim.setOrder(panelId, { status: "Completed", start_count: 1234 });
    else if (slot < (m += MOVED.partial)) sim.setOrder(panelId, { status: "Partial", start_count: 1234, remains: Math.floor(q / 4) });
    else if (slot < (m += MOVED.canceled)) sim.setOrder(panelId, { status: "Canceled" });
    else return;
    moved++;
  });
  return moved;
}

/** The Redis server's CPU time so far (user + system), ms. */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
  return (field("used_cpu_user") + field("used_cpu_sys")) * 1000;
}

export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info("memory");
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

/**
 * MEMORY USAGE of every structure an order occupies, per order (hashes and small lists sampled,
 * shared structures whole): the record, the poll schedule, the panel-id map, and the lists it is
 * in (all orders, its user's, its service's, its link's).
 */
export async function memoryPerOrder(redis: Redis, prefix: string, s: Seeded): Promise<{ total: number; hash: number; schedule: number; idMap: number; lists: number }> {
  const k = storeKeys(prefix);
  const n = s.localIds.length;
  const usage = async (key: string) => Number(await redis.call("MEMORY", "USAGE", key, "SAMPLES", "0"));
  const sampleIds = Array.from({ length: 200 }, (_, i) => s.localIds[Math.floor((i * n) / 200)]!);
  const hash = (await Promise.all(sampleIds.map((id) => usage(k.order(id))))).reduce((a, b) => a + b, 0) / sampleIds.length;
  const users = n / ORDERS_PER_USER;
  const userSample = Array.from({ length: 100 }, (_, i) => 5_000_000_000 + Math.floor((i * users) / 100));
  const perUserList = (await Promise.all(userSample.map((u) => usage(k.userOrders(u))))).reduce((a, b) => a + b, 0) / userSample.length;
  const schedule = (await usage(k.pollDue)) / n;
  const idBuckets = [...new Set(s.panelIds.map(panelIdBucket))];
  const idMap = (await Promise.all(idBuckets.map((b) => usage(k.panelIdBucket(b))))).reduce((a, b) => a + b, 0) / n;
  const perServiceCount = new Map<string, number>();
  for (const svc of s.services) perServiceCount.set(svc.service, (perServiceCount.get(svc.service) ?? 0) + 1);
  const serviceBuckets = [...perServiceCount].flatMap(([id, count]) => Array.from({ length: Math.ceil(count / ORDER_LIST_IDS) }, (_, b) => k.serviceList(id, b)));
  const perService = (await Promise.all(serviceBuckets.map(usage))).reduce((a, b) => a + b, 0) / n;
  // The buckets the sampled orders' links fall in, shared by the links of other orders: their usage spread over all orders.
  const buckets = [...new Set(s.localIds.map((id) => k.linkBucket(linkDigest(benchLink(Number(id) - 1)))))];
  const perLink = (await Promise.all(buckets.map((b) => usage(b)))).reduce((a, b) => a + b, 0) / n;
  const listBuckets = [...new Set(s.localIds.map((id) => Math.floor(Number(id) / ORDER_LIST_IDS)))];
  const perListed = (await Promise.all(listBuckets.map((b) => usage(k.orderList(b))))).reduce((a, b) => a + b, 0) / n;
  const lists = perListed + (perUserList * users) / n + perService + perLink;
  return { total: hash + schedule + idMap + lists, hash, schedule, idMap, lists };
}
