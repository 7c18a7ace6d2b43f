import { readFileSync } from "node:fs";
import { catalogBench } from "./catalog.js";
import { outboundBench } from "./outbound.js";
import { pollerBench } from "./poller.js";
import { staggeredBench } from "./staggered.js";
import { updatesBench } from "./updates.js";
import { webOrdersBench } from "./web-orders.js";
import { spawnTs, type BenchResult } from "./lib.js";

/**
 * `npm run bench [-- --json] [-- --only=poller,updates,catalog,outbound,web-orders]`: runs each benchmark against
 * the panel simulator and a real Redis on this machine and prints one table (with --json the same
 * figures as JSON on stdout; `npm run --silent bench -- --json` keeps npm's banner out of it).
 * "poller" gives the 10,000 and 100,000 rounds and the two-worker round; "staggered" the orders due
 * one by one over an interval (N = 1,000, 10,000, 100,000), memory per order and /stats. With --json:
 * { results: [...], summary: { the headline figures } }.
 */
const args = process.argv.slice(2);
const json = args.includes("--json");
const onlyArg = args.find((a) => a.startsWith("--only="))?.slice(7);
const only = onlyArg ? new Set(onlyArg.split(",")) : null;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const benches: Array<[string, () => Promise<BenchResult | BenchResult[]>]> = [
  ["poller", () => pollerBench(redisUrl)],
  ["staggered", () => staggeredBench(redisUrl)],
  ["updates", () => updatesBench(redisUrl)],
  ["catalog", () => catalogBench(redisUrl)],
  ["outbound", () => outboundBench(redisUrl)],
  ["web-orders", () => webOrdersBench(redisUrl)],
];

/** The node flags of `npm start` (the bot process), read from package.json. */
function botNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
  return pkg.scripts.start!.split(/\s+/).filter((w) => w.startsWith("--"));
}

const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3_000);

// A child runs one benchmark and prints its results as JSON.
const childOf = args.find((a) => a.startsWith("--child="))?.slice(8);
if (childOf !== undefined) {
  const bench = benches.find(([name]) => name === childOf);
  if (!bench) throw new Error(`unknown benchmark ${childOf}`);
  const out = await bench[1]();
  process.stdout.write(`${JSON.stringify(Array.isArray(out) ? out : [out])}\n`);
  process.exit(0);
}

// Each benchmark in a fresh process, one after another: the poller's 100,000-order simulator
// (a big heap) or a GC debt must not land in the next benchmark's timings.
const results: BenchResult[] = [];
const failed: string[] = [];
let first = true;
for (const [name] of benches) {
  if (only && !only.has(name)) continue;
  // A pause between benchmarks: Redis frees the last one's keys in the background, the kernel its memory.
  if (!first) await new Promise((r) => setTimeout(r, SETTLE_MS));
  first = false;
  if (!json) process.stderr.write(`running ${name}…\n`);
  // The update benchmark runs node as `npm start` does (its flags), the others with node's defaults.
  const child = spawnTs("./run.ts", { REDIS_URL: redisUrl }, name === "updates" ? botNodeFlags() : [], [`--child=${name}`]);
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    if (code !== 0) throw new Error(`exit code ${code}`);
    results.push(...(JSON.parse(out) as BenchResult[]));
  } catch (e) {
    failed.push(`${name} (${(e as Error).message})`);
  }
}

/** The headline figures (issue 14), null for a benchmark that did not run. */
function summaryOf(rs: BenchResult[]): Record<string, number | null> {
  const fig = (name: string, key: string): number | null => {
    const v = rs.find((r) => r.name === name)?.figures[key];
    return typeof v === "number" ? v : null;
  };
  const updates = rs.find((r) => r.name.startsWith("updates"))?.name ?? "";
  const own = Object.assign({}, ...rs.map((r) => r.summary ?? {})) as Record<string, number>;
  const keys = [
    "staggeredRequestsPerInterval",
    "staggeredIdealRequests",
    "staggeredMaxLateMs",
    "staggeredNoticeP50Ms",
    "redisBytesPerTrackedOrder",
    "redisBytesPerClosedOrder",
    "redisBytesPerArchivedOrder",
    "redisBytesPerClosedHashOrder",
    "redisMbAt1MLifetime",
    "redisBytesPerTrackedOrderFormat1",
    "redisMbAt1MLifetimeFormat1",
    "statsCallMs",
  ];
  return {
    ...Object.fromEntries(keys.map((k) => [k, own[k] ?? null])),
    round100kMs: fig("poller 100,000", "round ms"),
    workerRssPeakMb: fig("poller 100,000", "worker RSS MB: peak"),
    updatesPerCore: fig(updates, "closed loop: updates/s per core (÷ CPU share)"),
    updatesP99Ms: fig(updates, "open loop: handleUpdate p99 ms (median run)"),
  };
}

if (json) {
  console.log(JSON.stringify({ results: results.map(({ summary: _s, ...r }) => r), summary: summaryOf(results) }, null, 2));
} else {
  for (const r of results) {
    console.log(`\n## ${r.name}\n${r.setup}`);
    for (const [k, v] of Object.entries(r.figures)) console.log(`  ${k.padEnd(44)} ${v}`);
    for (const t of r.targets) console.log(`  ${t.ok ? "PASS" : "MISS"} ${t.what.padEnd(39)} ${String(t.value).padStart(10)}  (target ${t.target})`);
  }
  const missed = results.flatMap((r) => r.targets.filter((t) => !t.ok).map((t) => `${r.name}: ${t.what}`));
  console.log(missed.length ? `\nMissed targets: ${missed.join("; ")}` : "\nAll targets met.");
  if (failed.length) console.log(`Benchmarks that failed to run: ${failed.join("; ")}`);
}
process.exit(failed.length ? 1 : 0);
