import { describe, expect, it } from "vitest";
import { defaultBatchRule, pickBatch, type BatchRule, type Due } from "../../src/poller/batching.js";

/**
 * A simulated clock: n orders due evenly over one interval, the tracker waking every `wakeMs`
 * and taking batches by the rule until it gives none; each id looked at is due again an interval
 * after its look (the base interval: the busiest case).
 */
function simulate(n: number, intervalMs: number, rule: BatchRule, intervals: number, wakeMs = 1_000) {
  const schedule = new Map<string, number>();
  for (let i = 0; i < n; i++) schedule.set(String(i), Math.floor((i * intervalMs) / n));
  const requests = new Array<number>(intervals).fill(0);
  const sizes: number[] = [];
  let maxLateMs = 0;
  let earliestMs = 0;
  for (let now = 0; now < intervals * intervalMs; now += wakeMs) {
    for (;;) {
      const sorted: Due[] = [...schedule].map(([id, dueAt]) => ({ id, dueAt })).sort((a, b) => a.dueAt - b.dueAt);
      const ids = pickBatch(sorted, now, rule);
      if (ids.length === 0) break;
      requests[Math.floor(now / intervalMs)]!++;
      sizes.push(ids.length);
      for (const id of ids) {
        const late = now - schedule.get(id)!;
        maxLateMs = Math.max(maxLateMs, late);
        earliestMs = Math.min(earliestMs, late);
        schedule.set(id, now + intervalMs);
      }
    }
  }
  return { requests, sizes, maxLateMs, earliestMs };
}

describe("status requests are filled (the batching rule)", () => {
  for (const [n, intervalMs] of [
    [50, 10_000],
    [300, 10_000],
    [300, 60_000],
    [1_000, 10_000],
    [1_000, 60_000],
    [10_000, 60_000],
    [2_345, 30_000],
  ] as const) {
    it(`${n} orders due evenly over ${intervalMs / 1000} s: ≤ ⌈N/100⌉ + 1 requests in every interval, none later than the bound`, () => {
      const rule = defaultBatchRule({ intervalMs, maxIntervalMs: intervalMs }, 100);
      const wakeMs = 1_000;
      const { requests, sizes, maxLateMs, earliestMs } = simulate(n, intervalMs, rule, 6, wakeMs);
      for (const r of requests) expect(r).toBeLessThanOrEqual(Math.ceil(n / 100) + 1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
      expect(maxLateMs).toBeLessThanOrEqual(rule.holdMs + wakeMs);
      expect(-earliestMs).toBeLessThanOrEqual(rule.lookaheadMs);
    });
  }

  it("waking every second without the rule (a request per wake-up) is what it replaces", () => {
    const naive: BatchRule = { size: 100, holdMs: 0, lookaheadMs: 0 };
    const { requests } = simulate(300, 60_000, naive, 3);
    expect(requests[1]).toBeGreaterThan(3 * (Math.ceil(300 / 100) + 1));
  });

  it("100 due ids go at once; fewer wait for the hold, then the request is filled from the look-ahead", () => {
    const rule: BatchRule = { size: 100, holdMs: 1_000, lookaheadMs: 5_000 };
    const full: Due[] = Array.from({ length: 150 }, (_, i) => ({ id: String(i), dueAt: 1_000 + i }));
    expect(pickBatch(full, 1_200, rule)).toHaveLength(100);
    const few: Due[] = [
      { id: "a", dueAt: 1_000 },
      { id: "b", dueAt: 1_500 },
      { id: "c", dueAt: 4_000 },
      { id: "far", dueAt: 9_000 },
    ];
    expect(pickBatch(few, 1_900, rule)).toEqual([]);
    expect(pickBatch(few, 2_000, rule)).toEqual(["a", "b", "c"]);
    expect(pickBatch(few, 1_900, rule, true)).toEqual(["a", "b", "c"]);
    expect(pickBatch([{ id: "later", dueAt: 3_000 }], 2_000, rule)).toEqual([]);
  });
});
