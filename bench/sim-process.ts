/**
 * The panel simulator in a process of its own, so that a benchmark's own process measures only the
 * bot. Started by `startSimProcess` (bench/lib.ts); prints one JSON line `{url, apiKey}` on stdout
 * and stops when its parent closes stdin (or dies), so it never outlives the benchmark.
 *
 * BENCH_SIM_SERVICES, BENCH_SIM_CATEGORIES, BENCH_SIM_BALANCE; orders never progress by themselves.
 */
import { generateCatalog } from "../src/panel/simulator/catalog.js";
import { startPanelSimulator } from "../src/panel/simulator/server.js";

const env = process.env;
const sim = await startPanelSimulator({
  // No drip-feed: the benchmark walks answer link and quantity, not the runs question.
  catalog: generateCatalog({ services: Number(env.BENCH_SIM_SERVICES ?? 3000), categories: Number(env.BENCH_SIM_CATEGORIES ?? 100), dripfeed: false }),
  balance: env.BENCH_SIM_BALANCE ?? "1000000000",
  auto: false,
});
process.stdout.write(`${JSON.stringify({ url: sim.url, apiKey: sim.apiKey })}\n`);

const stop = () => void sim.close().then(() => process.exit(0));
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
process.once("SIGTERM", stop);
