import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import type { PanelService } from "../../src/panel/schemas.js";
import { runPollRound } from "../../src/poller/tracker.js";
import { orderTotals, shopStats, startOfUtcDay, type OrderTotals } from "../../src/services/admin.js";
import { countOldOrders, statsSeries } from "../../src/services/stats.js";
import { keys } from "../../src/store/keys.js";
import { fieldCode } from "../../src/store/order-codec.js";
import { startHarness, type Harness } from "../support/harness.js";

const PRICE = "1.23457";

/** The same figures, margins compared to the cent: the counters round each order's margin to 0.00001. */
const comparable = (t: OrderTotals) => ({ ...t, turnover: t.turnover.toFixed(5), refunded: t.refunded.toFixed(5), margin: t.margin.toFixed(2) });

describe("statistics from counters", () => {
  let h: Harness;
  let service: PanelService;
  let nextUser = 870_000_001;

  beforeAll(async () => {
    h = await startHarness({ startBot: false, sim: { balance: "1000000" } });
    service = (await h.deps.panel.services()).services[0]!;
  });
  afterAll(async () => h.stop());

  /** An order up to `until`: reserved, unknown, failed (refunded) or placed at the simulator; priced at `exchangeRate` shop units per panel unit. */
  async function order(until: "reserved" | "unknown" | "failed" | "placed", exchangeRate?: string) {
    const { orders, wallet, users } = h.deps;
    const userId = nextUser++;
    await users.touch({ id: userId, chatId: userId });
    await wallet.credit(userId, new D(PRICE), { reason: "admin" });
    const quantity = Math.max(1000, service.min);
    const draft = await orders.createDraft({
      userId,
      chatId: userId,
      locale: "en",
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      category: service.category,
      link: "https://t.me/example",
      quantity,
      rate: service.rate.toFixed(),
      price: PRICE,
      canRefill: service.refill,
      canCancel: service.cancel,
      exchangeRate,
    });
    expect((await orders.reserve(draft.id, userId)).ok).toBe(true);
    if (until === "reserved") return { id: draft.id, panelOrderId: "" };
    expect(await orders.markSending(draft.id)).toBe(true);
    if (until === "unknown") {
      expect(await orders.markUnknown(draft.id, "timeout")).toBe(true);
      return { id: draft.id, panelOrderId: "" };
    }
    if (until === "failed") {
      expect((await orders.failAndRefund(draft.id, "refused", ["sending"])).ok).toBe(true);
      return { id: draft.id, panelOrderId: "" };
    }
    const panelOrderId = await h.deps.panel.add({ service: service.id, link: draft.link, quantity });
    expect(await orders.markPlaced(draft.id, panelOrderId, Date.now())).toBe(true);
    return { id: draft.id, panelOrderId, quantity };
  }

  async function seedShop() {
    const placed = [];
    // The first in a shop currency other than the panel's: its margin counts the panel's charge × the rate.
    for (let i = 0; i < 8; i++) placed.push(await order("placed", i === 0 ? "0.5" : undefined));
    await order("reserved");
    await order("unknown");
    await order("failed");
    h.sim.setOrder(placed[0]!.panelOrderId, { status: "Partial", start_count: 10, remains: 300 });
    h.sim.setOrder(placed[1]!.panelOrderId, { status: "Canceled" });
    h.sim.setOrder(placed[2]!.panelOrderId, { status: "Completed", start_count: 10 });
    h.sim.setOrder(placed[3]!.panelOrderId, { status: "In progress", start_count: 10, remains: 500 });
    return placed;
  }

  const scan = async () => (await orderTotals(h.deps.orders, "all", startOfUtcDay(Date.now()))).all;

  it("/stats from the counters equals the scan of every order, each event counted once although every poll write is sent twice", async () => {
    await seedShop();
    // A redone write (a worker that read the same state, a resent pipeline): the compare-and-set refuses the second.
    const schedule = h.deps.schedule;
    const write = schedule.write.bind(schedule);
    schedule.write = async (queue, writes) => {
      await write(queue, writes);
      await write(queue, writes);
    };
    try {
      const round = await runPollRound(h.deps);
      expect(round.changed).toBe(4);
    } finally {
      schedule.write = write;
    }
    expect(await countOldOrders(h.deps)).toBe(true);
    const stats = await shopStats(h.deps);
    const scanned = await scan();
    expect(comparable(stats.total)).toEqual(comparable(scanned));
    expect(comparable(stats.today)).toEqual(comparable(scanned));
    expect(scanned.byStatus).toMatchObject({ partial: 1, canceled: 1, completed: 1, in_progress: 1, pending: 4 });
    expect(scanned.refunded.gt(0)).toBe(true);

    const series = await statsSeries(h.deps, { days: 7 });
    expect(series.days).toHaveLength(7);
    expect(series.days[6]!.placed).toBe(8);
    expect(series.openByStatus).toEqual({ pending: 4, in_progress: 1 });
    expect(series.topServices).toEqual([{ serviceId: service.id, orders: 8 }]);
    expect(series.days[6]!.panelCost.toFixed(5)).toBe(series.days[6]!.totals.turnover.sub(series.days[6]!.totals.margin).toFixed(5));
  });

  it("orders from before the counters are counted once by the background count, then change as any other", async () => {
    const k = keys(h.config.redis.prefix);
    // The shop as an older version left it: no counters, no marks on the orders.
    const { ids } = await h.deps.orders.idsAfter("0", 1_000);
    for (const id of ids) await h.redis.redis.hdel(k.order(id), fieldCode("cnt"), fieldCode("costUnits"));
    const statKeys = await h.redis.redis.keys(`${k.stats.prefix}*`);
    if (statKeys.length) await h.redis.redis.del(...statKeys);
    expect((await shopStats(h.deps)).total).toEqual(await scan()); // by the scan meanwhile

    const more = await seedShop(); // new orders are counted as they happen, old ones are not yet
    expect(await countOldOrders(h.deps, 3)).toBe(true);
    expect(await countOldOrders(h.deps, 3)).toBe(true); // a second pass counts nothing
    await runPollRound(h.deps);
    h.sim.setOrder(more[4]!.panelOrderId, { status: "Completed", start_count: 1 });
    await h.deps.schedule.schedule("orders", more[4]!.id);
    await runPollRound(h.deps);
    expect(comparable((await shopStats(h.deps)).total)).toEqual(comparable(await scan()));
  });
});
