import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PanelService } from "../../src/panel/schemas.js";
import { repairSchedule } from "../../src/services/schedule-repair.js";
import { keys } from "../../src/store/keys.js";
import { placeTestOrder } from "../support/orders.js";
import { startHarness, type Harness } from "../support/harness.js";

describe("putting orders back on the poll schedule after a restore", () => {
  let h: Harness;
  let service: PanelService;
  beforeAll(async () => {
    h = await startHarness({ startBot: false });
    service = (await h.deps.panel.services()).services.find((s) => s.type === "Default")!;
  });
  afterAll(async () => h.stop());

  it("adds the placed, unfinished orders that lost their entry, leaves the others and existing entries alone, and a second pass adds nothing", async () => {
    const k = keys(h.config.redis.prefix);
    const lost = await placeTestOrder(h.deps, 61_001, service);
    const kept = await placeTestOrder(h.deps, 61_002, service);
    const finished = await placeTestOrder(h.deps, 61_003, service);
    const refilling = await placeTestOrder(h.deps, 61_004, service);
    await h.deps.orders.update(finished.id, { status: "completed", remains: 0 });
    await h.deps.orders.update(refilling.id, { status: "completed", remains: 0, refillId: "r1", refillStatus: "pending" });
    await h.deps.schedule.remove("orders", [lost.id, finished.id, refilling.id]);
    const keptAt = Number(await h.redis.redis.zscore(k.pollDue, kept.id));

    const now = Date.now();
    const first = await repairSchedule(h.deps, now);
    expect(first).toEqual({ checked: 4, orders: 1, refills: 1 });
    expect(Number(await h.redis.redis.zscore(k.pollDue, lost.id))).toBe(now);
    expect(Number(await h.redis.redis.zscore(k.pollDue, kept.id))).toBe(keptAt);
    expect(await h.redis.redis.zscore(k.pollDue, finished.id)).toBeNull();
    expect(await h.redis.redis.zscore(k.refillDue, refilling.id)).not.toBeNull();
    expect(await repairSchedule(h.deps, now)).toEqual({ checked: 4, orders: 0, refills: 0 });
  });
});
