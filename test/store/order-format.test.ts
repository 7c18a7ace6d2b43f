import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { keys } from "../../src/store/keys.js";
import { OrderStore, type DraftInput, type OrderRecord } from "../../src/store/orders.js";
import { PollSchedule } from "../../src/store/schedule.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

/** What format 1 wrote for a record: every field by its long name, numbers in decimal, flags "1"/"0" (the old encode). */
function format1Hash(o: OrderRecord, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = typeof v === "boolean" ? (v ? "1" : "0") : String(v);
  return { ...out, ...extra };
}

describe("order records of format 1 next to format 2, and the background migration", () => {
  let r: TestRedis;
  let orders: OrderStore;
  let k: ReturnType<typeof keys>;
  const before = new Map<string, OrderRecord>();

  const draft = (userId: number, i: number): DraftInput => ({
    userId,
    chatId: i % 4 === 0 ? -100500 : userId,
    locale: i % 2 ? "ru" : "en",
    serviceId: String(10 + (i % 3)),
    serviceName: `Service ${i}`,
    serviceType: i % 3 === 0 ? "Package" : "Default",
    category: "Instagram",
    link: `https://instagram.com/p/${i}`,
    quantity: 100 + i,
    rate: "1.5",
    price: "2",
    canRefill: i % 2 === 0,
    canCancel: i % 3 === 0,
    ...(i % 5 === 0 ? { runs: 3, interval: 10 } : {}),
  });

  /** Rewrites a record the way format 1 stored it, with the bookkeeping fields it had. */
  async function toFormat1(id: string): Promise<void> {
    const o = (await orders.get(id))!;
    const [pu, cu, n] = await r.redis.hmget(k.order(id), "pu", "cu", "n");
    const ttl = await r.redis.pttl(k.order(id));
    await r.redis.del(k.order(id));
    await r.redis.hset(k.order(id), format1Hash(o, { priceUnits: pu!, costUnits: cu!, cnt: n! }));
    if (ttl > 0) await r.redis.pexpire(k.order(id), ttl);
  }

  beforeAll(async () => {
    r = await testRedis("order-format");
    orders = new OrderStore(r.redis, r.prefix);
    k = keys(r.prefix);
    const wallet = new WalletStore(r.redis, r.prefix);
    for (const u of [1, 2]) await wallet.credit(u, new D("100"), { reason: "admin" });
    for (let i = 0; i < 12; i++) {
      const d = await orders.createDraft(draft(1 + (i % 2), i), 1_764_633_600_000 + i * 1000);
      if (i === 11) continue; // one draft stays a draft
      await orders.reserve(d.id, d.userId);
      if (i % 4 === 1) continue; // reserved
      await orders.markSending(d.id);
      if (i % 4 === 2) await orders.failAndRefund(d.id, "panel said no", ["sending"]);
      else await orders.markPlaced(d.id, String(9000 + i), Date.now());
      if (i % 4 === 3) await orders.update(d.id, { status: "completed", remains: 0, startCount: 17, charge: "1.2" });
    }
    for (const id of await allIds()) before.set(id, (await orders.get(id))!);
    for (const id of before.keys()) await toFormat1(id);
  });
  afterAll(async () => r.cleanup());

  async function allIds(): Promise<string[]> {
    const last = Number(await r.redis.get(k.orderSeq));
    return Array.from({ length: last }, (_, i) => String(i + 1));
  }

  const format = async (id: string) => ((await r.redis.hexists(k.order(id), "placement")) ? 1 : (await r.redis.hexists(k.order(id), "p")) ? 2 : 0);

  async function expectAllReadTheSame(): Promise<void> {
    for (const [id, o] of before) {
      expect(await orders.get(id)).toEqual(o);
      const [row] = await orders.getFields([id], ["id", "userId", "chatId", "placement", "status", "canRefill", "serviceType", "runs", "priceUnits"]);
      expect(row).toMatchObject({ id, userId: String(o.userId), chatId: String(o.chatId), placement: o.placement, canRefill: o.canRefill ? "1" : "0", serviceType: o.serviceType });
      expect(row!.priceUnits).toBe("200000");
      if (o.runs === undefined) expect(row).not.toHaveProperty("runs");
    }
    const page = await orders.search({}, { limit: 50 });
    expect(page.orders).toEqual([...before.values()].filter((o) => o.placement !== "draft").sort((a, b) => Number(b.id) - Number(a.id)));
  }

  it("reads format-1 records as they were", async () => {
    for (const id of before.keys()) expect(await format(id)).toBe(1);
    await expectAllReadTheSame();
  });

  it("migrates in small steps; reads between the steps see both formats right", async () => {
    let steps = 0;
    while (!(await orders.migrateStep(5))) {
      steps++;
      await expectAllReadTheSame();
      expect(steps).toBeLessThan(10);
    }
    expect(steps).toBe(3); // 12 ids, 5 a step
    for (const id of before.keys()) expect(await format(id)).toBe(2);
    await expectAllReadTheSame();
    // The draft kept its expiry.
    const draftId = [...before.values()].find((o) => o.placement === "draft")!.id;
    expect(await r.redis.pttl(k.order(draftId))).toBeGreaterThan(0);
    expect(await orders.migrateStep(5)).toBe(true);
  });

  it("every order script rewrites a format-1 record it touches, then works as on format 2", async () => {
    const wallet = new WalletStore(r.redis, r.prefix);
    const d = await orders.createDraft(draft(2, 1), Date.now());
    await toFormat1(d.id);
    expect(await format(d.id)).toBe(1);
    expect((await orders.reserve(d.id, 2)).ok).toBe(true);
    expect(await format(d.id)).toBe(2);
    expect(await r.redis.pttl(k.order(d.id))).toBe(-1);

    await toFormat1(d.id);
    expect(await orders.markSending(d.id)).toBe(true);
    await toFormat1(d.id);
    const balance = (await wallet.balance(2)).toFixed();
    expect((await orders.failAndRefund(d.id, "no", ["sending"])).ok).toBe(true);
    expect((await wallet.balance(2)).toFixed()).toBe(new D(balance).add(2).toFixed());
    expect(await orders.get(d.id)).toMatchObject({ placement: "failed", status: "canceled", refunded: "2", chatId: 2, canRefill: false });

    // The poller's write (a compare-and-set by field name) on a format-1 placed order.
    const p = await orders.createDraft(draft(2, 3), Date.now());
    await orders.reserve(p.id, 2);
    await orders.markSending(p.id);
    await orders.markPlaced(p.id, "777", Date.now());
    await toFormat1(p.id);
    const schedule = new PollSchedule(r.redis, r.prefix);
    await schedule.write("orders", [{ id: p.id, mode: "stop", dueAt: 0, lease: 0, check: [["pollSeq", ""]], set: ["status", "in_progress", "remains", "50", "pollSeq", "1"], del: [], counters: [] }]);
    expect(await format(p.id)).toBe(2);
    expect(await orders.get(p.id)).toMatchObject({ status: "in_progress", remains: 50, panelOrderId: "777", canCancel: true });
  });
});

describe("a long link", () => {
  let r: TestRedis;
  afterAll(async () => r.cleanup());

  it("keeps the record compact (listpack) when written, and when a format-1 record is rewritten in Lua, the same pieces", async () => {
    r = await testRedis("order-long-link");
    const k = keys(r.prefix);
    const orders = new OrderStore(r.redis, r.prefix);
    const link = `https://www.instagram.com/reel/DAbC1234xyz/?igsh=${"ж".repeat(30)}MWx1eXJ6dGN3a3J4cQ%3D%3D`;
    const d = await orders.createDraft({
      userId: 4,
      chatId: 4,
      locale: "en",
      serviceId: "9",
      serviceName: "Views",
      serviceType: "Default",
      category: "Reels",
      link,
      quantity: 10,
      rate: "1",
      price: "1",
      canRefill: false,
      canCancel: false,
    });
    expect(await r.redis.object("ENCODING", k.order(d.id))).toBe("listpack");
    expect((await orders.get(d.id))!.link).toBe(link);
    const written = await r.redis.hgetall(k.order(d.id));

    const o = (await orders.get(d.id))!;
    await r.redis.del(k.order(d.id));
    await r.redis.hset(k.order(d.id), format1Hash(o, { priceUnits: written.pu!, costUnits: written.cu!, cnt: written.n! }));
    expect(await orders.migrateStep(10)).toBe(false);
    expect(await r.redis.object("ENCODING", k.order(d.id))).toBe("listpack");
    const upgraded = await r.redis.hgetall(k.order(d.id));
    for (const [c, v] of Object.entries(written)) if (/^l\d*$/.test(c)) expect(upgraded[c]).toBe(v);
    expect((await orders.get(d.id))!.link).toBe(link);
  });
});

describe("a service's names kept once for its orders", () => {
  let r: TestRedis;
  afterAll(async () => r.cleanup());

  it("orders with the service's first names leave them out; one with other names keeps its own; both read back whole", async () => {
    r = await testRedis("order-names");
    const k = keys(r.prefix);
    const orders = new OrderStore(r.redis, r.prefix);
    const input = (serviceName: string): DraftInput => ({
      userId: 3,
      chatId: 3,
      locale: "en",
      serviceId: "77",
      serviceName,
      serviceType: "Default",
      category: "Telegram",
      link: "https://t.me/a",
      quantity: 10,
      rate: "1",
      price: "1",
      canRefill: false,
      canCancel: false,
    });
    const first = await orders.createDraft(input("Members"));
    const same = await orders.createDraft(input("Members"));
    const renamed = await orders.createDraft(input("Members v2"));
    for (const d of [first, same]) expect(await r.redis.hmget(k.order(d.id), "sn", "g")).toEqual([null, null]);
    expect(await r.redis.hget(k.order(renamed.id), "sn")).toBe("Members v2");
    // A fresh store (another process) reads them back from Redis.
    const other = new OrderStore(r.redis, r.prefix);
    expect(await other.get(same.id)).toMatchObject({ serviceName: "Members", category: "Telegram" });
    expect(await other.get(renamed.id)).toMatchObject({ serviceName: "Members v2", category: "Telegram" });
    expect(await other.getFields([first.id, renamed.id], ["serviceName", "category"])).toEqual([
      { serviceName: "Members", category: "Telegram" },
      { serviceName: "Members v2", category: "Telegram" },
    ]);
  });
});
