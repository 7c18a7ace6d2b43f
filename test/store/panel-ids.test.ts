import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { keys } from "../../src/store/keys.js";
import { OrderStore, panelIdBucket, type DraftInput } from "../../src/store/orders.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const T0 = Date.UTC(2026, 10, 1);
const OLD_ENTRIES = 3_000;

const draft = (i: number): DraftInput => ({
  userId: 1,
  chatId: 1,
  locale: "en",
  serviceId: "10",
  serviceName: "Service 10",
  serviceType: "Default",
  category: "Instagram",
  link: `https://www.instagram.com/p/post${i}/`,
  quantity: 100,
  rate: "1",
  price: "1",
  canRefill: false,
  canCancel: false,
});

describe("the panel-id map in hash buckets", () => {
  let r: TestRedis;
  let orders: OrderStore;
  let k: ReturnType<typeof keys>;

  beforeAll(async () => {
    r = await testRedis("panel-ids");
    orders = new OrderStore(r.redis, r.prefix);
    k = keys(r.prefix);
    await new WalletStore(r.redis, r.prefix).credit(1, new D("100"), { reason: "admin" });
  });
  afterAll(async () => r.cleanup());

  it("a placed order is found by its panel id through its bucket, a listpack", async () => {
    const d = await orders.createDraft(draft(1), T0);
    await orders.reserve(d.id, 1, T0);
    await orders.markPlaced(d.id, "777001", T0);
    expect(await r.redis.hget(k.panelIdBucket(panelIdBucket("777001")), "777001")).toBe(d.id);
    expect(await r.redis.call("OBJECT", "ENCODING", k.panelIdBucket(panelIdBucket("777001")))).toBe("listpack");
    expect(await r.redis.exists(k.panelIds)).toBe(0);
    expect((await orders.byPanelId("777001"))?.id).toBe(d.id);
    expect(await orders.panelIdOwner("777002")).toBeNull();
  });

  it("the older single hash is read until the worker has moved it, in steps, and is gone after", async () => {
    // As the version before left it: every entry in one hash.
    const old = Array.from({ length: OLD_ENTRIES }, (_, i): [string, string] => [String(500_000 + 7 * i), String(90_000 + i)]);
    await r.redis.hset(k.panelIds, Object.fromEntries(old));
    const sample = [old[0]!, old[1_234]!, old.at(-1)!];
    for (const [panelId, id] of sample) expect(await orders.panelIdOwner(panelId)).toBe(id);

    let steps = 0;
    while (!(await orders.migratePanelIdsStep(500))) {
      steps++;
      // Between steps every entry is in one of the two.
      for (const [panelId, id] of sample) expect(await orders.panelIdOwner(panelId)).toBe(id);
    }
    expect(steps).toBeGreaterThan(1);
    expect(await r.redis.exists(k.panelIds)).toBe(0);
    for (const [panelId, id] of old) expect(await r.redis.hget(k.panelIdBucket(panelIdBucket(panelId)), panelId)).toBe(id);
    expect(await orders.migratePanelIdsStep()).toBe(true);
  });

  it("the archive takes an order's entry out of whichever form holds it", async () => {
    const placed: string[] = [];
    for (const [i, panelId] of [
      [2, "888001"],
      [3, "888002"],
    ] as const) {
      const d = await orders.createDraft(draft(i), T0);
      await orders.reserve(d.id, 1, T0);
      await orders.markPlaced(d.id, panelId, T0);
      await orders.update(d.id, { status: "completed" });
      placed.push(d.id);
    }
    // The second as an older process wrote it: in the single hash.
    await r.redis.hdel(k.panelIdBucket(panelIdBucket("888002")), "888002");
    await r.redis.hset(k.panelIds, "888002", placed[1]!);
    for (;;) if ((await orders.archiveStep(T0 + 1)).done) break;
    expect(await orders.panelIdOwner("888001")).toBeNull();
    expect(await orders.panelIdOwner("888002")).toBeNull();
    expect(await r.redis.hexists(k.panelIds, "888002")).toBe(0);
  });
});
