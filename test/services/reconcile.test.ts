import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { serviceSchema } from "../../src/panel/schemas.js";
import { checkLedger, dailyReconcile, reconcile } from "../../src/services/reconcile.js";
import { ReconcileRuns } from "../../src/store/reconcile-runs.js";
import { keys } from "../../src/store/keys.js";
import { LEDGER_MAX, type LedgerEntry } from "../../src/store/wallet.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";
import { placeTestOrder } from "../support/orders.js";
import { unlinkByPrefix } from "../support/redis.js";

const ADMIN = 8101;
const catalog = generateCatalog({ seed: 1 });
const service = serviceSchema.parse(catalog[0]!);

describe("reconciliation", () => {
  let h: Harness;
  let admin: FakeUser;
  const k = () => keys(h.redis.prefix);

  /** A shop whose books are right: orders placed, one failed and refunded, one partially refunded. */
  async function cleanShop(): Promise<{ placed: string; failed: string; partial: string }> {
    await h.deps.users.touch({ id: ADMIN, chatId: ADMIN });
    await h.deps.users.setLocale(ADMIN, "en");
    for (const id of [9001, 9002]) await h.deps.users.touch({ id, chatId: id });
    const placed = await placeTestOrder(h.deps, 9001, service);
    const partial = await placeTestOrder(h.deps, 9001, service, { link: "https://t.me/partial" });
    await h.deps.wallet.credit(9001, new D("0.25"), { reason: "refund", orderId: partial.id }, `refund:${partial.id}`);
    await h.deps.wallet.credit(9002, new D("5"), { reason: "payment", ref: "stars:abc" }, "payment:abc");
    const draft = await h.deps.orders.createDraft({
      userId: 9002,
      chatId: 9002,
      locale: "en",
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      category: service.category,
      link: "https://t.me/f",
      quantity: 100,
      rate: "1",
      price: "1.5",
      canRefill: false,
      canCancel: false,
    });
    await h.deps.orders.reserve(draft.id, 9002);
    await h.deps.orders.failAndRefund(draft.id, "refused", ["reserved"]);
    return { placed: placed.id, failed: draft.id, partial: partial.id };
  }

  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, env: { ADMIN_IDS: String(ADMIN) } });
    admin = h.tg.user({ id: ADMIN, languageCode: "en" });
  });
  beforeEach(async () => {
    await unlinkByPrefix(h.redis.redis, h.redis.prefix);
    h.outboxed.length = 0;
  });
  afterAll(async () => h.stop());

  it("a clean shop: nothing found, and the daily job says nothing", async () => {
    await cleanShop();
    const report = await reconcile(h.deps);
    expect(report.findings).toEqual([]);
    expect(report.customers).toBe(3);
    // 9001: 10 + 10 − 1 − 1 + 0.25; 9002: 5 (the failed order's price came back)
    expect(report.walletsTotal.toFixed()).toBe("23.25");
    expect("balance" in report.panel).toBe(true);
    const runs = new ReconcileRuns(h.redis.redis, h.redis.prefix);
    expect(await dailyReconcile({ ...h.deps, runs })).not.toBeNull();
    expect(h.outboxed).toEqual([]);
    // Once a day: a second worker the same day does not run it again.
    expect(await dailyReconcile({ ...h.deps, runs })).toBeNull();
  });

  it("a refund credited in two parts and orders archived out of the user's list are still clean", async () => {
    const { placed, partial } = await cleanShop();
    // The rest of a larger refund a redo found (poller): its own once-key, its own ledger row.
    await h.deps.wallet.credit(9001, new D("0.5"), { reason: "refund", orderId: partial }, `refund:${partial}:rest1`);
    expect((await reconcile(h.deps)).findings).toEqual([]);
    // Closed and past ORDER_HISTORY_DAYS: out of the user's list, still in the ledger.
    for (const id of [placed, partial]) await h.deps.orders.update(id, { status: "completed", remains: 0 });
    await h.deps.stats.setBackfillCursor("done");
    for (;;) if ((await h.deps.orders.archiveStep(Date.now() + 60_000)).done) break;
    expect((await h.deps.orders.listForUser(9001, 0, 10)).orders.map((o) => o.id)).not.toContain(placed);
    expect((await reconcile(h.deps)).findings).toEqual([]);
    // A real gap is still found in an archived order's rows.
    await h.deps.wallet.credit(9001, new D("0.1"), { reason: "refund", orderId: placed });
    expect((await reconcile(h.deps)).findings.map((f) => f.kind)).toContain("refund_mismatch");
  });

  it("/reconcile reports a ledger entry removed by hand, with the user and order ids", async () => {
    const { placed } = await cleanShop();
    const ledger = k().ledger(9001);
    const rows = await h.redis.redis.lrange(ledger, 0, -1);
    const charge = rows.find((r) => (JSON.parse(r) as LedgerEntry).reason === "order" && (JSON.parse(r) as LedgerEntry).orderId === placed)!;
    expect(await h.redis.redis.lrem(ledger, 1, charge)).toBe(1);

    const since = h.tg.calls().length;
    admin.send("/reconcile");
    const msg = await admin.waitForMessage((m) => m.text?.includes("Reconciliation") ?? false, { since });
    expect(msg.text).toContain("Reconciliation found differences");
    expect(msg.text).toContain(`Order #${placed} (user 9001): its charge is not in the ledger`);
    expect(msg.text).toMatch(/User 9001: (the wallet holds|a ledger entry before)/);
    expect(msg.text).toContain("Panel balance:");

    // The daily job tells the admins, with the ids.
    const report = await dailyReconcile({ ...h.deps, runs: new ReconcileRuns(h.redis.redis, h.redis.prefix) });
    expect(report!.findings.map((f) => f.kind)).toContain("charge_missing");
    expect(h.outboxed).toHaveLength(1);
    expect(h.outboxed[0]).toMatchObject({ chatId: ADMIN });
    expect(h.outboxed[0]!.text).toContain(`Order #${placed}`);
  });

  it("a customer refused /reconcile learns nothing", async () => {
    const u = h.tg.user({ id: 9003, languageCode: "en" });
    await h.deps.users.touch({ id: 9003, chatId: 9003 });
    await h.deps.users.setLocale(9003, "en");
    const since = h.tg.calls().length;
    u.send("/reconcile");
    const msg = await u.waitForMessage(() => true, { since });
    expect(msg.text).not.toContain("Reconciliation");
  });

  it("finds a refund credited twice, an order charged for the wrong amount and an order stuck in sending", async () => {
    const { partial, placed } = await cleanShop();
    // A second refund row for the partial order, written around the once-marker.
    await h.deps.wallet.credit(9001, new D("0.25"), { reason: "refund", orderId: partial });
    await h.redis.redis.hset(k().order(placed), "price", "2");
    const stuck = await h.deps.orders.createDraft({
      userId: 9002,
      chatId: 9002,
      locale: "en",
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      category: service.category,
      link: "https://t.me/s",
      quantity: 100,
      rate: "1",
      price: "1",
      canRefill: false,
      canCancel: false,
    });
    await h.deps.orders.reserve(stuck.id, 9002, Date.now() - 60 * 60_000);
    await h.deps.orders.markSending(stuck.id, Date.now() - 60 * 60_000);
    const kinds = (await reconcile(h.deps)).findings.map((f) => `${f.kind}:${"orderId" in f ? f.orderId : ""}`);
    expect(kinds).toEqual(expect.arrayContaining([`refund_mismatch:${partial}`, `charge_amount:${placed}`, `stuck:${stuck.id}`]));
  });

  it("the daily summary option messages admins also when everything matches", async () => {
    await cleanShop();
    const deps = { ...h.deps, config: { ...h.deps.config, reconcileDailySummary: true } };
    await dailyReconcile({ ...deps, runs: new ReconcileRuns(h.redis.redis, h.redis.prefix) });
    expect(h.outboxed).toHaveLength(1);
    expect(h.outboxed[0]!.text).toContain("Reconciliation: everything matches");
  });
});

describe("the ledger chain", () => {
  const row = (amount: string, balance: string, at: number): LedgerEntry => ({ at, amount, balance, reason: "admin" });

  it("checks a capped ledger from its carried-forward balance, and still finds a gap inside it", () => {
    // Newest first; the oldest row starts from 100 carried forward (older rows were trimmed).
    const entries = Array.from({ length: LEDGER_MAX }, (_, i) => row("1", String(100 + LEDGER_MAX - i), LEDGER_MAX - i));
    expect(checkLedger(1, new D(100 + LEDGER_MAX), entries)).toEqual([]);
    entries.splice(10, 1, row("1", "0", 5));
    expect(checkLedger(1, new D(100 + LEDGER_MAX), entries).map((f) => f.kind)).toContain("ledger_gap");
  });

  it("an uncapped ledger must start from zero", () => {
    expect(checkLedger(1, new D(3), [row("1", "3", 2)]).map((f) => f.kind)).toEqual(["wallet", "ledger_gap"]);
    expect(checkLedger(1, new D(3), [row("1", "3", 2), row("2", "2", 1)])).toEqual([]);
  });
});
