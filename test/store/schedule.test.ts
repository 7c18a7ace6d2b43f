import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchRule } from "../../src/poller/batching.js";
import { keys } from "../../src/store/keys.js";
import { encodeRecord, fieldCode } from "../../src/store/order-codec.js";
import { PollSchedule, type PollWrite } from "../../src/store/schedule.js";
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

  it("a write after a look: the next look replaces the lease, an earlier one asked for meanwhile stays, an id taken off stays off", async () => {
    const rule: BatchRule = { size: 100, holdMs: 0, lookaheadMs: 0 };
    // A schedule of its own: the first test's ids are due too.
    const schedule = new PollSchedule(t.redis, `${t.prefix}w:`);
    const k = keys(`${t.prefix}w:`);
    const now = 5_000_000;
    const ids = ["w1", "w2", "w3"];
    for (const id of ids) {
      await t.redis.hset(k.order(id), encodeRecord({ userId: "1", placement: "placed", status: "pending", pollSeq: "3" }));
      await schedule.schedule("orders", id, now);
    }
    const lease = now + 30_000;
    expect((await schedule.claim("orders", now, lease, rule)).sort()).toEqual(ids);
    await schedule.schedule("orders", "w2", now + 100); // Refresh pressed while the panel was asked
    await schedule.remove("orders", ["w3"]); // the order ended elsewhere
    const write = (id: string): PollWrite => ({ id, mode: "due", dueAt: now + 60_000, lease, check: [["pollSeq", "3"]], set: ["status", "in_progress", "pollSeq", "4"], del: [], counters: [] });
    await schedule.write("orders", ids.map(write));
    expect(Number(await t.redis.zscore(k.pollDue, "w1"))).toBe(now + 60_000);
    expect(Number(await t.redis.zscore(k.pollDue, "w2"))).toBe(now + 100);
    expect(await t.redis.zscore(k.pollDue, "w3")).toBeNull();
    // The compare-and-set: a second write of the same answer changes nothing.
    await schedule.write("orders", [{ ...write("w1"), set: ["status", "completed", "pollSeq", "4"] }]);
    expect(await t.redis.hget(k.order("w1"), fieldCode("status"))).toBe("in_progress");
  });
});
