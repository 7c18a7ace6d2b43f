import { performance } from "node:perf_hooks";
import { PanelClient } from "../src/panel/client.js";
import { generateCatalog } from "../src/panel/simulator/catalog.js";
import { startPanelSimulator } from "../src/panel/simulator/server.js";
import { CatalogStore } from "../src/store/catalog.js";
import { createRedis } from "../src/store/redis.js";
import { deleteByPrefix } from "../test/support/redis.js";
import { below, median, round, type BenchResult } from "./lib.js";

const SERVICES = 5_000;
const RUNS = 20;

/** Fetch + validate + index + cache a 5,000-service catalog from the simulator over HTTP. */
export async function catalogBench(redisUrl: string): Promise<BenchResult> {
  const sim = await startPanelSimulator({ catalog: generateCatalog({ services: SERVICES, categories: 150 }), auto: false });
  const redis = createRedis(redisUrl);
  const prefix = `bench:catalog:${process.pid}:`;
  const panel = new PanelClient({ url: sim.url, key: sim.apiKey });
  const store = new CatalogStore(redis, prefix, panel, { refreshMs: 60_000 });
  try {
    await store.refresh(); // warm-up: connections, JIT
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await store.refresh();
      times.push(performance.now() - t0);
    }
    const catalog = await store.get();
    const refreshMs = median(times);
    return {
      name: "catalog",
      setup: `${SERVICES} services in ${catalog.categories.length} orderable categories from the simulator over HTTP, median of ${RUNS} refreshes`,
      figures: { "refresh ms (median)": round(refreshMs), "refresh ms (max)": round(Math.max(...times)), "orderable services": catalog.service.size },
      targets: [below("catalog refresh", refreshMs, 150, "ms")],
    };
  } finally {
    await panel.close();
    await sim.close();
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  }
}
