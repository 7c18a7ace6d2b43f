import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PanelClient } from "../../src/panel/client.js";
import type { PanelService } from "../../src/panel/schemas.js";
import { checkLiveStatus, classifyActionRefusal, requestCancel, requestRefill, type OrderActionDeps } from "../../src/services/order-actions.js";
import type { OrderRecord } from "../../src/store/orders.js";
import { startHarness, type Harness } from "../support/harness.js";
import { placeTestOrder } from "../support/orders.js";
import { keys } from "../../src/store/keys.js";

describe("order actions: refill, cancel, live status", () => {
  let h: Harness;
  let deps: OrderActionDeps;
  let withRefillAndCancel: PanelService;
  let withNeither: PanelService;
  let nextUser = 7_000_001;

  beforeAll(async () => {
    h = await startHarness({ startBot: false });
    deps = h.deps;
    const { services } = await h.deps.panel.services();
    // The simulator's first two services are fixed: refill and cancel, then neither.
    withRefillAndCancel = services[0]!;
    withNeither = services[1]!;
  });
  afterAll(async () => h.stop());

  /** A placed order, charged from a funded wallet, with a real order behind it in the simulator. */
  const placed = (userId: number, service: PanelService, local: Partial<Pick<OrderRecord, "canRefill" | "canCancel">> = {}) => placeTestOrder(h.deps, userId, service, { price: "1", ...local });

  async function completed(userId: number, service: PanelService, local: Partial<Pick<OrderRecord, "canRefill" | "canCancel">> = {}) {
    const order = await placed(userId, service, local);
    h.sim.setOrder(order.panelOrderId, { status: "Completed" });
    await h.deps.orders.update(order.id, { status: "completed", statusRaw: "Completed", remains: 0 });
    return order;
  }

  const panelCalls = (action: string) => h.sim.requests().filter((r) => r.action === action).length;
  const score = (key: string, id: string) => h.redis.redis.zscore(key, id).then((s) => (s === null ? null : Number(s)));

  it("refills a completed order once: stores the refill id and hands it to the poller", async () => {
    const user = nextUser++;
    const order = await completed(user, withRefillAndCancel);
    const before = panelCalls("refill");
    const startedAt = Date.now();

    const result = await requestRefill(deps, user, order.id);

    expect(result.outcome).toBe("requested");
    expect(panelCalls("refill")).toBe(before + 1);
    const stored = await h.deps.orders.get(order.id);
    expect(stored?.refillId).toMatch(/^\d+$/);
    expect(stored?.refillStatus).toBe("pending");
    const due = await score(keys(h.config.redis.prefix).refillDue, order.id);
    expect(due).toBeGreaterThanOrEqual(startedAt + h.config.poll.intervalMs);
    expect(due).toBeLessThanOrEqual(Date.now() + h.config.poll.intervalMs);

    // Pressed again: the refill in progress is known locally; the panel is not asked twice.
    const again = await requestRefill(deps, user, order.id);
    expect(again).toMatchObject({ outcome: "not_allowed", reason: "refill_pending" });
    expect(panelCalls("refill")).toBe(before + 1);
  });

  it("refuses another user's order, unknown and malformed ids without asking the panel", async () => {
    const owner = nextUser++;
    const order = await completed(owner, withRefillAndCancel);
    const refills = panelCalls("refill");
    const cancels = panelCalls("cancel");
    for (const id of [order.id, "999999999", "abc", "", "1".repeat(40), "-1"]) {
      expect((await requestRefill(deps, owner + 1, id)).outcome).toBe("not_found");
      expect((await requestCancel(deps, owner + 1, id)).outcome).toBe("not_found");
    }
    expect(panelCalls("refill")).toBe(refills);
    expect(panelCalls("cancel")).toBe(cancels);
  });

  it("checks the order's state locally before asking the panel", async () => {
    const user = nextUser++;
    const pending = await placed(user, withRefillAndCancel);
    const noRefill = await completed(user, withRefillAndCancel, { canRefill: false });
    const noCancel = await placed(user, withRefillAndCancel, { canCancel: false });
    const finished = await completed(user, withRefillAndCancel);
    const refills = panelCalls("refill");
    const cancels = panelCalls("cancel");

    expect(await requestRefill(deps, user, pending.id)).toMatchObject({ outcome: "not_allowed", reason: "not_completed" });
    expect(await requestRefill(deps, user, noRefill.id)).toMatchObject({ outcome: "not_allowed", reason: "not_supported" });
    expect(await requestCancel(deps, user, noCancel.id)).toMatchObject({ outcome: "not_allowed", reason: "not_supported" });
    expect(await requestCancel(deps, user, finished.id)).toMatchObject({ outcome: "not_allowed", reason: "final" });

    await h.deps.orders.update(finished.id, { refillId: "55", refillStatus: "In progress" });
    expect(await requestRefill(deps, user, finished.id)).toMatchObject({ outcome: "not_allowed", reason: "refill_pending" });
    // A finished refill does not stand in the way of the next one.
    await h.deps.orders.update(finished.id, { refillStatus: "Completed" });
    expect((await requestRefill(deps, user, finished.id)).outcome).toBe("requested");

    expect(panelCalls("refill")).toBe(refills + 1);
    expect(panelCalls("cancel")).toBe(cancels);
  });

  it("passes the panel's refusal on, and lets the user try again after it", async () => {
    const user = nextUser++;
    // The shop thinks the service refills; the panel says it does not.
    const order = await completed(user, withNeither, { canRefill: true });
    const before = panelCalls("refill");

    const result = await requestRefill(deps, user, order.id);
    expect(result).toMatchObject({ outcome: "refused", reason: "refill_disabled", panelMessage: "Refill is disabled for this service" });
    expect((await h.deps.orders.get(order.id))?.refillId).toBeUndefined();
    expect(await score(keys(h.config.redis.prefix).refillDue, order.id)).toBeNull();

    // A refusal changed nothing at the panel, so the lock is not held against a second press.
    expect((await requestRefill(deps, user, order.id)).outcome).toBe("refused");
    expect(panelCalls("refill")).toBe(before + 2);
  });

  it("cancels a pending order once and moves it to the front of the poll queue, without refunding", async () => {
    const user = nextUser++;
    const order = await placed(user, withRefillAndCancel);
    const balance = await h.deps.wallet.balance(user);
    const before = panelCalls("cancel");

    const result = await requestCancel(deps, user, order.id);

    expect(result.outcome).toBe("requested");
    expect(panelCalls("cancel")).toBe(before + 1);
    expect(h.sim.getOrder(order.panelOrderId)?.status).toBe("Canceled");
    expect(await score(keys(h.config.redis.prefix).pollDue, order.id)).toBeLessThanOrEqual(Date.now());
    expect((await h.deps.wallet.balance(user)).toFixed()).toBe(balance.toFixed());
  });

  it("sends one cancel when two presses arrive together", async () => {
    const user = nextUser++;
    const order = await placed(user, withRefillAndCancel);
    const before = panelCalls("cancel");

    const results = await Promise.all([requestCancel(deps, user, order.id), requestCancel(deps, user, order.id)]);

    expect(results.map((r) => r.outcome).sort()).toEqual(["busy", "requested"]);
    expect(panelCalls("cancel")).toBe(before + 1);
    // Later presses are told it was done already.
    expect((await requestCancel(deps, user, order.id)).outcome).toBe("already_requested");
    expect(panelCalls("cancel")).toBe(before + 1);
  });

  it("passes the panel's per-order cancel error on", async () => {
    const user = nextUser++;
    const order = await placed(user, withNeither, { canCancel: true });
    const result = await requestCancel(deps, user, order.id);
    expect(result).toMatchObject({ outcome: "refused", reason: "cancel_disabled", panelMessage: "Cancel is disabled for this service" });
  });

  it("says it could not confirm when the answer is lost, and does not send again at once", async () => {
    const user = nextUser++;
    const order = await placed(user, withRefillAndCancel);
    const before = panelCalls("cancel");
    h.sim.injectFault({ kind: "reset", action: "cancel" });

    expect((await requestCancel(deps, user, order.id)).outcome).toBe("unconfirmed");
    // The poller will look at the order now and find out.
    expect(await score(keys(h.config.redis.prefix).pollDue, order.id)).toBeLessThanOrEqual(Date.now());
    expect((await requestCancel(deps, user, order.id)).outcome).toBe("busy");
    expect(panelCalls("cancel")).toBe(before + 1);
  });

  it("says the panel is unreachable when the request never left, and allows a retry", async () => {
    const user = nextUser++;
    const order = await completed(user, withRefillAndCancel);
    const offline = new PanelClient({ url: "http://127.0.0.1:1/api/v2", key: "k", retries: 0, timeoutMs: 2000 });
    try {
      const down = { ...deps, panel: offline };
      expect((await requestRefill(down, user, order.id)).outcome).toBe("unreachable");
      expect((await requestRefill(down, user, order.id)).outcome).toBe("unreachable");
    } finally {
      await offline.close();
    }
    expect((await requestRefill(deps, user, order.id)).outcome).toBe("requested");
  });

  it("reads the live status, and queues the order for the poller only when it changed", async () => {
    const user = nextUser++;
    const order = await placed(user, withRefillAndCancel);
    const queuedAt = await score(keys(h.config.redis.prefix).pollDue, order.id);

    const same = await checkLiveStatus(deps, user, order.id);
    expect(same).toMatchObject({ outcome: "checked", changed: false });
    expect(await score(keys(h.config.redis.prefix).pollDue, order.id)).toBe(queuedAt);

    h.sim.setOrder(order.panelOrderId, { status: "In progress", start_count: 120 });
    const moved = await checkLiveStatus(deps, user, order.id);
    expect(moved).toMatchObject({ outcome: "checked", changed: true, live: { status: "in_progress", startCount: 120 } });
    expect(await score(keys(h.config.redis.prefix).pollDue, order.id)).toBeLessThanOrEqual(Date.now());
    // Notifications and refunds stay the poller's: the record is not touched.
    expect((await h.deps.orders.get(order.id))?.status).toBe("pending");

    expect((await checkLiveStatus(deps, user + 1, order.id)).outcome).toBe("not_found");
  });
});

describe("classifyActionRefusal", () => {
  it.each([
    ["refill", "Refill is disabled for this service", "refill_disabled"],
    ["refill", "The order is not completed", "not_completed"],
    ["refill", "Incorrect order ID", "incorrect_order"],
    ["cancel", "Incorrect order ID", "incorrect_order"],
    ["cancel", "Cancel is disabled for this service", "cancel_disabled"],
    ["cancel", "Cancellation is not available", "cancel_disabled"],
    ["cancel", "The order cannot be canceled", "not_cancelable"],
    ["cancel", "Order can't be cancelled", "not_cancelable"],
    ["refill", "Invalid API key", "unavailable"],
    ["cancel", "Your account has been suspended", "unavailable"],
    ["refill", "Something odd happened", "other"],
    ["status", "The order is not completed", "other"],
  ] as const)("%s: %s → %s", (action, message, expected) => {
    expect(classifyActionRefusal(action, message)).toBe(expected);
  });
});
