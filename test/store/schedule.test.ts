import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchRule } from "../../src/poller/batching.js";
import { PollSchedule } from "../../src/store/schedule.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("the claim script follows the rule, shared by every worker", () => {
  let t: TestRedis;
  let schedule: PollSchedule;
  beforeAll(async () => {
    t = await testRedis("batching");
    schedule = new PollSchedule(t.redis, t.prefix);
  });
  afterAll(async () => t.cleanup());

  it("holds a request that is not full, fills it from the look-ahead, never takes a leased id, and gives an expired lease first", async () => {
    const rule: BatchRule = { size: 100, holdMs: 1_000, lookaheadMs: 5_000 };
    const now = 1_000_000;
    for (let i = 0; i < 30; i++) await schedule.schedule("orders", `soon${i}`, now + 100 + i);
    await schedule.schedule("orders", "old", now - 500);
    await schedule.schedule("orders", "far", now + 60_000);
    expect(await schedule.claim("orders", now, now + 30_000, rule)).toEqual([]);
    const first = await schedule.claim("orders", now + 600, now + 30_000, rule);
    expect(first[0]).toBe("old");
    expect(first).toHaveLength(31);
    expect(first).not.toContain("far");
    // A second worker looking ahead finds nothing: the claimed ids hold leases.
    await schedule.schedule("orders", "late", now - 5_000);
    expect(await schedule.claim("orders", now + 600, now + 30_000, rule)).toEqual(["late"]);
    // The first worker died: when its lease ends, its ids come first.
    const again = await schedule.claim("orders", now + 30_001, now + 60_000, rule);
    expect([...again].sort()).toEqual([...first, "late"].sort());
    expect(await schedule.nextDueAt()).toBe(now + 60_000);
  });
});
