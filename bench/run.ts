import { catalogBench } from "./catalog.js";
import { outboundBench } from "./outbound.js";
import { pollerBench } from "./poller.js";
import { updatesBench } from "./updates.js";
import type { BenchResult } from "./lib.js";

/**
 * `npm run bench [-- --json] [-- --only=poller,updates,catalog,outbound]`: runs each benchmark against
 * the panel simulator and a real Redis on this machine and prints one table (with --json the same
 * figures as JSON on stdout; `npm run --silent bench -- --json` keeps npm's banner out of it).
 * "poller" gives the 10,000 and 100,000 rounds and the two-worker round.
 */
const args = process.argv.slice(2);
const json = args.includes("--json");
const onlyArg = args.find((a) => a.startsWith("--only="))?.slice(7);
const only = onlyArg ? new Set(onlyArg.split(",")) : null;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const benches: Array<[string, () => Promise<BenchResult | BenchResult[]>]> = [
  ["poller", () => pollerBench(redisUrl)],
  ["updates", () => updatesBench(redisUrl)],
  ["catalog", () => catalogBench(redisUrl)],
  ["outbound", () => outboundBench(redisUrl)],
];

const results: BenchResult[] = [];
for (const [name, run] of benches) {
  if (only && !only.has(name)) continue;
  if (!json) process.stderr.write(`running ${name}…\n`);
  const out = await run();
  results.push(...(Array.isArray(out) ? out : [out]));
}

if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(`\n## ${r.name}\n${r.setup}`);
    for (const [k, v] of Object.entries(r.figures)) console.log(`  ${k.padEnd(44)} ${v}`);
    for (const t of r.targets) console.log(`  ${t.ok ? "PASS" : "MISS"} ${t.what.padEnd(39)} ${String(t.value).padStart(10)}  (target ${t.target})`);
  }
  const missed = results.flatMap((r) => r.targets.filter((t) => !t.ok).map((t) => `${r.name}: ${t.what}`));
  console.log(missed.length ? `\nMissed targets: ${missed.join("; ")}` : "\nAll targets met.");
}
process.exit(0);
