import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import type { PanelService } from "../../src/panel/schemas.js";
import { buildCatalog, CatalogStore, CatalogUnavailableError, type CatalogSource } from "../../src/store/catalog.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const service = (id: string, category: string, type = "Default"): PanelService => ({
  id,
  name: `Service ${id}`,
  type,
  category,
  rate: new D("1.5"),
  min: 10,
  max: 1000,
  refill: false,
  cancel: false,
  dripfeed: false,
  description: undefined,
});

/** A panel whose services answer can be switched between a list and a failure. */
function fakePanel(initial: PanelService[]) {
  let services: PanelService[] | null = initial;
  let calls = 0;
  const source: CatalogSource = {
    async services() {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      if (!services) throw new Error("panel down");
      return { services, skipped: 0 };
    },
  };
  return {
    source,
    calls: () => calls,
    fail: () => {
      services = null;
    },
    serve: (list: PanelService[]) => {
      services = list;
    },
  };
}

describe("CatalogStore", () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis("catalog");
  });
  afterAll(async () => r.cleanup());

  it("groups services by category in the panel's order and hides types the bot cannot order", () => {
    const c = buildCatalog([service("1", "A"), service("2", "B"), service("3", "A", "Subscriptions"), service("4", "A", "Package"), service("5", "C", "Mentions")], 0);
    expect(c.categories.map((x) => [x.name, x.serviceIds])).toEqual([
      ["A", ["1", "4"]],
      ["B", ["2"]],
    ]);
    expect(c.service.has("3")).toBe(false);
    expect(c.categories.every((x) => /^[\w-]{8}$/.test(x.key))).toBe(true);
  });

  it("serves the last good copy when the panel fails, from memory and from Redis", async () => {
    const prefix = `${r.prefix}a:`;
    const panel = fakePanel([service("1", "A"), service("2", "B")]);
    const store = new CatalogStore(r.redis, prefix, panel.source, { refreshMs: 60_000 });
    expect((await store.get()).service.size).toBe(2);

    panel.fail();
    // An explicit refresh fails at the panel and still answers with the cached catalog.
    const stale = await store.refresh();
    expect(stale.service.size).toBe(2);
    expect(stale.service.get("1")!.rate.toFixed()).toBe("1.5");

    // A fresh process (empty memory) reads the copy another process left in Redis.
    const other = new CatalogStore(r.redis, prefix, panel.source, { refreshMs: 60_000 });
    const fromRedis = await other.get();
    expect([...fromRedis.service.keys()]).toEqual(["1", "2"]);
    expect(fromRedis.service.get("2")!.rate.eq(new D("1.5"))).toBe(true);
    expect((await other.refresh()).service.size).toBe(2);

    // Once the panel is back, a refresh brings the new list.
    panel.serve([service("9", "Z")]);
    expect([...(await store.refresh()).service.keys()]).toEqual(["9"]);
  });

  it("throws CatalogUnavailableError only when no copy has ever been had", async () => {
    const panel = fakePanel([]);
    panel.fail();
    const store = new CatalogStore(r.redis, `${r.prefix}b:`, panel.source, { refreshMs: 60_000 });
    await expect(store.get()).rejects.toBeInstanceOf(CatalogUnavailableError);
  });

  it("shares one panel request between concurrent refreshes", async () => {
    const panel = fakePanel([service("1", "A")]);
    const store = new CatalogStore(r.redis, `${r.prefix}c:`, panel.source, { refreshMs: 60_000 });
    await Promise.all([store.get(), store.get(), store.refresh(), store.refresh()]);
    expect(panel.calls()).toBe(1);
  });
});
