import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { addRequest, placeOrder, recoverStalePlacements, RESERVED_STALE_MS, SENDING_GRACE_MS } from "../../src/services/placement.js";
import { Redis } from "ioredis";
import { keys } from "../../src/store/keys.js";
import { encodeUpdate } from "../../src/store/order-codec.js";
import { OrderStore, type DraftInput } from "../../src/store/orders.js";
import { startHarness, type Harness } from "../support/harness.js";

const catalog = generateCatalog({ seed: 7 });
const byType = (type: string) => catalog.find((s) => s.type === type)!;
const ADMIN = 4242;

describe("placement protocol", () => {
  let h: Harness;
  let nextUser = 1;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, startBot: false, env: { ADMIN_IDS: String(ADMIN) } });
    await h.deps.users.setLocale(ADMIN, "en");
  });
  afterAll(async () => h.stop());
  beforeEach(() => {
    h.sim.clearFaults();
  });

  /** A user with `balance` in the wallet and a draft for `quantity` of a Default service at `price`. */
  async function draftFor(opts: { balance: string; price?: string; quantity?: number; link?: string; type?: string; comments?: string }) {
    const userId = 7_000 + nextUser++;
    if (opts.balance !== "0") await h.deps.wallet.credit(userId, new D(opts.balance), { reason: "admin" });
    const svc = byType(opts.type ?? "Default");
    const quantity = opts.quantity ?? Number(svc.min);
    const price = opts.price ?? "1.5";
    // The shop prices the service so that the draft's price is what Confirm finds (placement re-prices).
    const perUnit = /package/i.test(svc.type) ? new D(price) : new D(price).mul(1000).div(quantity);
    const set = await h.deps.shop.setServicePrice({ id: ADMIN, via: "telegram" }, svc.service, { kind: "fixed", text: perUnit.toFixed() });
    if (!set.ok) throw new Error(`cannot price the test service: ${set.error}`);
    const input: DraftInput = {
      userId,
      chatId: userId,
      locale: "en",
      serviceId: svc.service,
      serviceName: svc.name,
      serviceType: svc.type,
      category: svc.category,
      link: opts.link ?? `https://t.me/placement_${userId}`,
      quantity,
      comments: opts.comments,
      rate: svc.rate,
      price,
      canRefill: svc.refill,
      canCancel: svc.cancel,
    };
    const draft = await h.deps.orders.createDraft(input);
    return { userId, draft, svc };
  }

  const addsFor = (link: string) => h.sim.requests().filter((r) => r.action === "add" && r.params.link === link);

  it("places a draft once: reserve, send, placed, with the price taken from the wallet", async () => {
    const { userId, draft } = await draftFor({ balance: "10", price: "1.23457" });
    const result = await placeOrder(h.deps, draft.id, userId);
    expect(result.outcome).toBe("placed");
    const order = await h.deps.orders.get(draft.id);
    expect(order).toMatchObject({ placement: "placed", status: "pending" });
    expect(order!.panelOrderId).toBe(result.outcome === "placed" ? result.panelOrderId : "");
    expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("8.76543");
    expect(addsFor(draft.link)).toHaveLength(1);
  });

  it("keeps the panel rate and cost Confirm found when the price came out the same (a fixed price)", async () => {
    const { userId, draft, svc } = await draftFor({ balance: "10", price: "2" });
    const oldRate = svc.rate;
    // The panel's rate moves, the cost staying under the fixed price: the same price, a new cost.
    const rate = new D(oldRate).eq(50) ? "40" : "50";
    h.sim.setServiceRate(svc.service, rate);
    try {
      await h.deps.catalog.refresh();
      const result = await placeOrder(h.deps, draft.id, userId);
      expect(result.outcome).toBe("placed");
      const order = (await h.deps.orders.get(draft.id))!;
      const cost = new D(rate).mul(draft.quantity).div(1000);
      expect({ price: order.price, rate: order.rate, panelCost: order.panelCost }).toEqual({ price: "2", rate, panelCost: cost.toFixed() });
      const [costUnits] = await h.redis.redis.hmget(keys(h.config.redis.prefix).order(draft.id), "cu");
      expect(costUnits).toBe(String(cost.mul(100_000).toDecimalPlaces(0).toNumber()));
    } finally {
      h.sim.setServiceRate(svc.service, oldRate);
      await h.deps.catalog.refresh();
    }
  });

  it("five concurrent confirms of one draft send one add and charge once", async () => {
    const { userId, draft } = await draftFor({ balance: "10", price: "2" });
    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrder(h.deps, draft.id, userId)));
    expect(results.filter((r) => r.outcome === "placed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "done")).toHaveLength(4);
    expect(addsFor(draft.link)).toHaveLength(1);
    expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("8");
  });

  it("another user's draft id is not found and charges nobody", async () => {
    const { draft } = await draftFor({ balance: "10" });
    const intruder = 9_999_001;
    await h.deps.wallet.credit(intruder, new D("10"), { reason: "admin" });
    expect(await placeOrder(h.deps, draft.id, intruder)).toEqual({ outcome: "not_found" });
    expect(await placeOrder(h.deps, "999999999", intruder)).toEqual({ outcome: "not_found" });
    expect(await placeOrder(h.deps, "1;DEL x", intruder)).toEqual({ outcome: "not_found" });
    expect((await h.deps.wallet.balance(intruder)).toFixed()).toBe("10");
    expect(addsFor(draft.link)).toHaveLength(0);
  });

  it("not enough money: the shortfall, no add, and the draft still confirmable after a top-up", async () => {
    const { userId, draft } = await draftFor({ balance: "1", price: "1.50001" });
    const result = await placeOrder(h.deps, draft.id, userId);
    expect(result.outcome).toBe("funds");
    if (result.outcome !== "funds") return;
    expect(result.shortfall.toFixed()).toBe("0.50001");
    expect(addsFor(draft.link)).toHaveLength(0);
    expect((await h.deps.orders.get(draft.id))!.placement).toBe("draft");
    await h.deps.wallet.credit(userId, new D("0.50001"), { reason: "payment" });
    expect((await placeOrder(h.deps, draft.id, userId)).outcome).toBe("placed");
    expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("0");
  });

  it("a panel refusal refunds, carries the kind, and alerts admins when the panel account is the problem", async () => {
    const { userId, draft } = await draftFor({ balance: "5", price: "2" });
    h.sim.injectFault({ kind: "error", action: "add", message: "Not enough funds on balance" });
    const result = await placeOrder(h.deps, draft.id, userId);
    expect(result).toMatchObject({ outcome: "refused", kind: "not_enough_funds", panelMessage: "Not enough funds on balance" });
    expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("5");
    expect(await h.deps.orders.get(draft.id)).toMatchObject({ placement: "failed", refunded: "2" });
    expect(h.outboxed.some((m) => m.chatId === ADMIN && m.text.includes("out of money"))).toBe(true);
  });

  it("a transport failure that may have reached the panel keeps the money reserved and alerts, without retrying add", async () => {
    const { userId, draft } = await draftFor({ balance: "5", price: "2" });
    h.sim.injectFault({ kind: "http500", action: "add" });
    const result = await placeOrder(h.deps, draft.id, userId);
    expect(result.outcome).toBe("unknown");
    expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("3");
    expect((await h.deps.orders.get(draft.id))!.placement).toBe("unknown");
    expect(await h.deps.orders.unknownIds()).toContain(draft.id);
    expect(addsFor(draft.link)).toHaveLength(1);
    expect(h.outboxed.some((m) => m.chatId === ADMIN && m.text.includes(`#${draft.id}`) && m.text.includes("unknown outcome"))).toBe(true);
  });

  it("marks an order unknown in one step: a process dying after its first Redis command leaves no half-marked order", async () => {
    const { userId, draft } = await draftFor({ balance: "5", price: "2" });
    await h.deps.orders.reserve(draft.id, userId);
    await h.deps.orders.markSending(draft.id);
    // A process of its own whose connection goes dead once one command has gone out.
    const dying = new Redis(h.redis.url, { maxRetriesPerRequest: 3 });
    try {
      await dying.ping();
      const send = dying.sendCommand.bind(dying);
      let sent = 0;
      dying.sendCommand = (command: Parameters<Redis["sendCommand"]>[0], ...rest: unknown[]) => {
        if (sent++ === 0) return (send as (...a: unknown[]) => unknown)(command, ...rest);
        command.reject(new Error("the process died"));
        return command.promise;
      };
      await new OrderStore(dying, h.config.redis.prefix).markUnknown(draft.id, "timeout").catch(() => false);
    } finally {
      dying.disconnect();
    }
    const k = keys(h.config.redis.prefix);
    const state = {
      placement: (await h.deps.orders.get(draft.id))!.placement,
      placing: (await h.redis.redis.zscore(k.placing, draft.id)) !== null,
      unknown: (await h.redis.redis.sismember(k.unknown, draft.id)) === 1,
    };
    // Either nothing happened (recovery still sees it sending) or all of it (/settle lists it).
    expect([
      { placement: "sending", placing: true, unknown: false },
      { placement: "unknown", placing: false, unknown: true },
    ]).toContainEqual(state);
  });

  it("builds the add request per service type: quantity, nothing (package) or comments", () => {
    const base = { serviceId: "5", link: "https://x.io/a", quantity: 100 };
    expect(addRequest({ ...base, serviceType: "Default" })).toEqual({ service: "5", link: "https://x.io/a", quantity: 100 });
    expect(addRequest({ ...base, serviceType: "Package", quantity: 1 })).toEqual({ service: "5", link: "https://x.io/a" });
    expect(addRequest({ ...base, serviceType: "Custom Comments", comments: "a\nb" })).toEqual({ service: "5", link: "https://x.io/a", comments: "a\nb" });
    expect(addRequest({ ...base, serviceType: "Custom Comments" })).toBeNull();
    expect(addRequest({ ...base, serviceType: "Subscriptions" })).toBeNull();
  });

  describe("recoverStalePlacements", () => {
    it("refunds an order reserved but never sent, once it is older than 2 minutes, and tells the user", async () => {
      const { userId, draft } = await draftFor({ balance: "5", price: "2" });
      const reservedAt = Date.now();
      expect((await h.deps.orders.reserve(draft.id, userId, reservedAt)).ok).toBe(true);
      expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("3");

      expect((await recoverStalePlacements(h.deps, reservedAt + RESERVED_STALE_MS - 1000)).refunded).not.toContain(draft.id);
      expect((await h.deps.orders.get(draft.id))!.placement).toBe("reserved");

      const later = reservedAt + RESERVED_STALE_MS + 1000;
      expect((await recoverStalePlacements(h.deps, later)).refunded).toContain(draft.id);
      expect(await h.deps.orders.get(draft.id)).toMatchObject({ placement: "failed", failReason: "interrupted before sending" });
      expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("5");
      expect(h.outboxed.some((m) => m.chatId === userId && m.text.includes(`#${draft.id}`) && m.text.includes("money is back"))).toBe(true);
      // A second run finds nothing to do: the refund is not repeated.
      expect((await recoverStalePlacements(h.deps, later + 60_000)).refunded).not.toContain(draft.id);
      expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("5");
      expect(addsFor(draft.link)).toHaveLength(0);
    });

    it("tells the customer and the admins within 4096 characters, whatever the length of the panel's service name", async () => {
      const { userId, draft } = await draftFor({ balance: "5", price: "2" });
      await h.deps.orders.update(draft.id, { serviceName: `Followers ${"<very long name> ".repeat(400)}` });
      const reservedAt = Date.now();
      expect((await h.deps.orders.reserve(draft.id, userId, reservedAt)).ok).toBe(true);
      expect(await h.deps.orders.markSending(draft.id, reservedAt)).toBe(true);
      const { unknown } = await recoverStalePlacements(h.deps, reservedAt + h.config.panel.timeoutMs + SENDING_GRACE_MS + 1000);
      expect(unknown).toContain(draft.id);
      const told = h.outboxed.filter((m) => m.text.includes(`#${draft.id}`));
      expect(told.map((m) => m.chatId).sort()).toEqual([ADMIN, userId].sort());
      for (const m of told) {
        expect(m.text.length).toBeLessThanOrEqual(4096);
        expect(m.text).toContain("Followers &lt;very long name&gt;");
      }
    });

    it("refunds nothing when the order moved on to sending after recovery read it as reserved", async () => {
      const { userId, draft } = await draftFor({ balance: "5", price: "2" });
      const reservedAt = Date.now();
      expect((await h.deps.orders.reserve(draft.id, userId, reservedAt)).ok).toBe(true);
      // Recovery's read: reserved and stale. Then the slow placer goes on and its add is out.
      const stale = (await h.deps.orders.get(draft.id))!;
      expect(await h.deps.orders.markSending(draft.id)).toBe(true);
      const orders = Object.assign(Object.create(h.deps.orders) as typeof h.deps.orders, { stalePlacing: async () => [stale] });
      const res = await recoverStalePlacements({ ...h.deps, orders }, reservedAt + RESERVED_STALE_MS + 1000);
      expect(res.refunded).not.toContain(draft.id);
      expect((await h.deps.orders.get(draft.id))!.placement).toBe("sending");
      expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("3");
    });

    it("marks an order stuck in sending as unknown after the panel timeout plus a minute, keeping the money and alerting", async () => {
      const { userId, draft } = await draftFor({ balance: "5", price: "2" });
      const reservedAt = Date.now();
      await h.deps.orders.reserve(draft.id, userId, reservedAt);
      await h.deps.orders.markSending(draft.id, reservedAt);
      const limit = h.config.panel.timeoutMs + SENDING_GRACE_MS;

      expect((await recoverStalePlacements(h.deps, reservedAt + limit - 1000)).unknown).not.toContain(draft.id);
      expect((await h.deps.orders.get(draft.id))!.placement).toBe("sending");

      expect((await recoverStalePlacements(h.deps, reservedAt + Math.max(limit, RESERVED_STALE_MS) + 1000)).unknown).toContain(draft.id);
      expect((await h.deps.orders.get(draft.id))!.placement).toBe("unknown");
      expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("3");
      expect(h.outboxed.some((m) => m.chatId === ADMIN && m.text.includes(`#${draft.id}`))).toBe(true);
      expect(h.outboxed.some((m) => m.chatId === userId && m.text.includes("being checked"))).toBe(true);
    });

    it("repairs an order an older version left unknown inside the placing set, alerting like a fresh unknown", async () => {
      const { userId, draft } = await draftFor({ balance: "5", price: "2" });
      await h.deps.orders.reserve(draft.id, userId);
      await h.deps.orders.markSending(draft.id);
      // What the two-step markUnknown of older versions left after a crash between its steps.
      const k = keys(h.config.redis.prefix);
      await h.redis.redis.hset(k.order(draft.id), encodeUpdate({ placement: "unknown", failReason: "timeout", updatedAt: String(Date.now()) }).set);
      expect(await h.deps.orders.unknownIds()).not.toContain(draft.id);

      expect((await recoverStalePlacements(h.deps)).unknown).toContain(draft.id);
      expect(await h.deps.orders.unknownIds()).toContain(draft.id);
      expect(await h.redis.redis.zscore(k.placing, draft.id)).toBeNull();
      expect((await h.deps.wallet.balance(userId)).toFixed()).toBe("3");
      expect(h.outboxed.some((m) => m.chatId === ADMIN && m.text.includes(`#${draft.id}`) && m.text.includes("unknown outcome"))).toBe(true);
      expect(h.outboxed.some((m) => m.chatId === userId && m.text.includes(`#${draft.id}`) && m.text.includes("being checked"))).toBe(true);
      // Repaired once: the next run has nothing to do.
      expect((await recoverStalePlacements(h.deps)).unknown).not.toContain(draft.id);
    });

    it("leaves placed, failed and draft orders alone", async () => {
      const { userId, draft } = await draftFor({ balance: "5", price: "1" });
      await placeOrder(h.deps, draft.id, userId);
      const { draft: untouched } = await draftFor({ balance: "5", price: "1" });
      const far = Date.now() + 24 * 3600_000;
      const { refunded, unknown } = await recoverStalePlacements(h.deps, far);
      expect([...refunded, ...unknown]).not.toContain(draft.id);
      expect([...refunded, ...unknown]).not.toContain(untouched.id);
      expect((await h.deps.orders.get(draft.id))!.placement).toBe("placed");
    });
  });
});
