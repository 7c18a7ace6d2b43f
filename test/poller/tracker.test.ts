import { Api } from "grammy";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDeps, type AppDeps } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { D } from "../../src/money.js";
import { RedisOutbox } from "../../src/outbound/outbox.js";
import type { PanelService } from "../../src/panel/schemas.js";
import { runPollRound } from "../../src/poller/tracker.js";
import { Notifier } from "../../src/services/notifier.js";
import { startWorker, type Worker, type WorkerOptions } from "../../src/worker.js";
import { startHarness, type Harness } from "../support/harness.js";
import { eventually } from "../support/eventually.js";
import { keys } from "../../src/store/keys.js";

const ADMIN = 555_000_001;
const PRICE = "1.23457";
const QUANTITY = 1000;

/** Tiny intervals and leases so that rounds, redos and backoffs happen within a test. */
const FAST: WorkerOptions = {
  tracker: { timing: { intervalMs: 40, maxIntervalMs: 200 }, leaseMs: 800, backoffMs: 40, maxBackoffMs: 150, idleMs: 20, panelDownAlertMs: 60_000, limits: { maxIdErrors: 3, maxErrorMs: 60_000 } },
  sender: { perChatMs: 20, idleMs: 20, leaseMs: 2_000, retryDelayMs: 50 },
  recoverEveryMs: 60_000,
  gaugesEveryMs: 60_000,
};
const withTracker = (over: NonNullable<WorkerOptions["tracker"]>): WorkerOptions => ({ ...FAST, tracker: { ...FAST.tracker, ...over } });

interface Told {
  chatId: number;
  orderId: string;
  text: string;
}

/** Status messages that reached the fake Telegram, one entry per delivered message. */
function toldStatuses(h: Harness): Told[] {
  return h.tg
    .calls("sendMessage")
    .filter((c) => c.response?.ok && /#(\d+)<\/b>/.test(String(c.payload.text)) && /(New status|Yangi holat|Refill|Qayta)/.test(String(c.payload.text)))
    .map((c) => ({ chatId: Number(c.payload.chat_id), orderId: /#(\d+)<\/b>/.exec(String(c.payload.text))![1]!, text: String(c.payload.text) }));
}
const countTold = (h: Harness, orderId: string, needle: string) => toldStatuses(h).filter((t) => t.orderId === orderId && t.text.includes(needle)).length;

/** Another worker process on the same Redis prefix: its own connection, panel client and sender. */
async function extraWorker(h: Harness, opts: WorkerOptions, patch: (deps: AppDeps) => AppDeps = (d) => d) {
  const redis = new Redis(h.redis.url, { maxRetriesPerRequest: 3 });
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent", pretty: false, secrets: [h.config.botToken, h.config.panel.key] });
  const deps = patch(createDeps(h.config, logger, { redis, outbox: (store) => new RedisOutbox(store), panelRetryDelayMs: 10 }));
  const worker = startWorker(deps, new Api(h.config.botToken, { apiRoot: h.config.telegramApiRoot }), opts);
  return {
    deps,
    worker,
    async stop() {
      await worker.stop();
      await deps.panel.close();
      redis.disconnect();
    },
    /** dies on the spot: its connection is gone, whatever it was doing fails half-way */
    async kill() {
      redis.disconnect();
      await worker.stop();
      await deps.panel.close();
    },
  };
}

let nextUser = 810_000_001;

type Placed = Awaited<ReturnType<typeof placeOrder>>;

/** A placed order, paid from the wallet, with the same order in the simulator. */
async function placeOrder(h: Harness, service: PanelService, userId: number, opts: { panelOrderId?: string; locale?: string } = {}) {
  const { orders, wallet, panel, users } = h.deps;
  await users.touch({ id: userId, chatId: userId });
  await users.setLocale(userId, opts.locale ?? "en");
  await wallet.credit(userId, new D(PRICE), { reason: "admin" });
  const quantity = Math.min(Math.max(QUANTITY, service.min), service.max);
  const draft = await orders.createDraft({
    userId,
    chatId: userId,
    locale: opts.locale ?? "en",
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
  });
  expect((await orders.reserve(draft.id, userId)).ok).toBe(true);
  expect(await orders.markSending(draft.id)).toBe(true);
  const panelOrderId = opts.panelOrderId ?? (await panel.add({ service: service.id, link: draft.link, quantity }));
  expect(await orders.markPlaced(draft.id, panelOrderId, Date.now())).toBe(true);
  return { id: draft.id, panelOrderId, userId, quantity };
}

async function defaultService(h: Harness): Promise<PanelService> {
  const { services } = await h.deps.panel.services();
  // The simulator's first service is fixed: Default type, with refill and cancel.
  return services[0]!;
}

const refundEntries = async (h: Harness, userId: number) => (await h.deps.wallet.entries(userId, 50)).filter((e) => e.reason === "refund");

describe("order tracking with several workers", () => {
  let h: Harness;
  let service: PanelService;
  const workers: Array<{ stop(): Promise<void> }> = [];

  beforeAll(async () => {
    h = await startHarness({ startBot: false, sim: { balance: "1000000" }, env: { ADMIN_IDS: String(ADMIN), TELEGRAM_GLOBAL_RATE: "500" } });
    service = await defaultService(h);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => h.stop());

  it("three workers at once tell each change exactly once and refund Partial and Canceled exactly", async () => {
    const users = [nextUser++, nextUser++, nextUser++, nextUser++];
    const placed: Placed[] = [];
    for (let i = 0; i < 24; i++) placed.push(await placeOrder(h, service, users[i % users.length]!, { locale: i % users.length === 3 ? "uz" : "en" }));
    for (let i = 0; i < 3; i++) workers.push(await extraWorker(h, FAST));

    for (const o of placed) h.sim.setOrder(o.panelOrderId, { status: "In progress" });
    await eventually("every order told In progress", () => placed.every((o) => countTold(h, o.id, "🔄") >= 1));

    placed.forEach((o, i) => {
      if (i % 3 === 0) h.sim.setOrder(o.panelOrderId, { status: "Completed" });
      else if (i % 3 === 1) h.sim.setOrder(o.panelOrderId, { status: "Partial", remains: 333 });
      else h.sim.setOrder(o.panelOrderId, { status: "Canceled" });
    });
    await eventually("every order told its final status", () => placed.every((o) => countTold(h, o.id, "✅") + countTold(h, o.id, "🌗") + countTold(h, o.id, "❌") >= 1));
    await eventually("nothing left to poll or send", async () => (await h.redis.redis.zcard(keys(h.config.redis.prefix).pollDue)) === 0 && (await h.deps.outboxStore.pendingCount()) === 0);
    // Some more rounds' time: a duplicate would show up now.
    await new Promise((r) => setTimeout(r, 300));

    for (const [i, o] of placed.entries()) {
      expect(countTold(h, o.id, "🔄"), `order ${o.id} in progress`).toBe(1);
      expect(countTold(h, o.id, i % 3 === 0 ? "✅" : i % 3 === 1 ? "🌗" : "❌"), `order ${o.id} final`).toBe(1);
      const stored = await h.deps.orders.get(o.id);
      expect(stored?.status).toBe(i % 3 === 0 ? "completed" : i % 3 === 1 ? "partial" : "canceled");
      expect(stored?.refunded).toBe(i % 3 === 0 ? undefined : i % 3 === 1 ? "0.41111" : PRICE);
    }
    // Per user: 6 orders, 2 Partial (0.41111 each) and 2 Canceled (1.23457 each), one ledger entry per refund.
    for (const userId of users) {
      expect((await h.deps.wallet.balance(userId)).toFixed()).toBe(new D("0.41111").mul(2).add(new D(PRICE).mul(2)).toFixed());
      expect(await refundEntries(h, userId)).toHaveLength(4);
    }
    const english = toldStatuses(h).find((t) => t.chatId === users[0] && t.text.includes("🌗"))!;
    expect(english.text).toContain("Delivered: 667 of 1,000");
    expect(english.text).toContain("<b>0.41111 USD</b> is back in your wallet");
    expect(english.text).toContain(`panel ID <code>`);
    const uzbek = toldStatuses(h).find((t) => t.chatId === users[3] && t.text.includes("🌗"))!;
    expect(uzbek.text).toContain("Qisman bajarildi");
    expect(uzbek.text).toContain("0,41111 USD");
  });

  it("a worker killed in the middle of a round loses nothing: another takes its batch when the lease ends", async () => {
    const user = nextUser++;
    const placed: Placed[] = [];
    for (let i = 0; i < 12; i++) placed.push(await placeOrder(h, service, user));
    placed.forEach((o, i) => h.sim.setOrder(o.panelOrderId, { status: i % 2 ? "Partial" : "Canceled", ...(i % 2 ? { remains: 333 } : {}) }));
    const statusRequests = () => h.sim.requests().filter((r) => r.action === "status").length;
    const before = statusRequests();
    // The first status request hangs: the worker dies while it waits for the answer.
    h.sim.injectFault({ kind: "slow", action: "status", delayMs: 1_500 });
    const doomed = await extraWorker(h, FAST);
    await eventually("the doomed worker asked the panel", () => statusRequests() > before);
    await doomed.kill();

    workers.push(await extraWorker(h, FAST));
    await eventually("every order told", () => placed.every((o) => countTold(h, o.id, "🌗") + countTold(h, o.id, "❌") >= 1));
    await eventually("nothing left to send", async () => (await h.deps.outboxStore.pendingCount()) === 0);
    await new Promise((r) => setTimeout(r, 300));
    for (const o of placed) expect(countTold(h, o.id, "🌗") + countTold(h, o.id, "❌")).toBe(1);
    expect((await h.deps.wallet.balance(user)).toFixed()).toBe(new D("0.41111").mul(6).add(new D(PRICE).mul(6)).toFixed());
    expect(await refundEntries(h, user)).toHaveLength(12);
  });

  it("a crash after the refund or after the message was queued is redone without a second refund or message", async () => {
    const user = nextUser++;
    const placed: Placed[] = [];
    for (let i = 0; i < 6; i++) placed.push(await placeOrder(h, service, user));
    for (const o of placed) h.sim.setOrder(o.panelOrderId, { status: "Partial", remains: 333 });
    let creditCrashes = 2;
    let enqueueCrashes = 2;
    // The worker "dies" right after a refund went through, and right after a message was queued.
    const crashing = (deps: AppDeps): AppDeps => {
      const wallet = Object.create(deps.wallet) as AppDeps["wallet"];
      wallet.credit = async (...args) => {
        const res = await deps.wallet.credit(...args);
        if (creditCrashes-- > 0) throw new Error("crash after the refund");
        return res;
      };
      const outbox = Object.create(deps.outbox) as AppDeps["outbox"];
      outbox.enqueue = async (msg) => {
        const res = await deps.outbox.enqueue(msg);
        if (msg.key?.startsWith("notify:") && enqueueCrashes-- > 0) throw new Error("crash after queueing the message");
        return res;
      };
      const { users, i18n, config, logger } = deps;
      const notifier = new Notifier({ outbox, users, i18n, adminIds: config.adminIds, defaultLocale: config.defaultLocale, logger });
      return { ...deps, wallet, outbox, notifier };
    };
    workers.push(await extraWorker(h, FAST, crashing));
    await eventually("every order final", async () => (await Promise.all(placed.map((o) => h.deps.orders.get(o.id)))).every((o) => o?.status === "partial"));
    await eventually("nothing left to send", async () => (await h.deps.outboxStore.pendingCount()) === 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(creditCrashes).toBeLessThan(0);
    expect(enqueueCrashes).toBeLessThan(0);
    for (const o of placed) {
      expect(countTold(h, o.id, "🌗")).toBe(1);
      expect((await h.deps.orders.get(o.id))?.refunded).toBe("0.41111");
    }
    expect((await h.deps.wallet.balance(user)).toFixed()).toBe("2.46666");
    expect(await refundEntries(h, user)).toHaveLength(6);
  });
});

describe("order tracking when the panel misbehaves", () => {
  let h: Harness;
  let service: PanelService;
  let worker: Worker | undefined;

  beforeAll(async () => {
    h = await startHarness({ startBot: false, sim: { balance: "1000000" }, env: { ADMIN_IDS: String(ADMIN), TELEGRAM_GLOBAL_RATE: "500" } });
    service = await defaultService(h);
    await h.deps.users.touch({ id: ADMIN, chatId: ADMIN });
    await h.deps.users.setLocale(ADMIN, "en");
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    h.sim.clearFaults();
  });
  afterAll(async () => h.stop());

  const start = async (opts: WorkerOptions) => {
    worker = (await extraWorker(h, opts)).worker;
  };
  const adminTexts = () =>
    h.tg
      .calls("sendMessage")
      .filter((c) => c.response?.ok && Number(c.payload.chat_id) === ADMIN)
      .map((c) => String(c.payload.text));

  it("panel down: backs off, marks nothing, tells the admins after a while, and catches up when it is back", async () => {
    const user = nextUser++;
    const placed = [await placeOrder(h, service, user), await placeOrder(h, service, user)];
    for (const o of placed) h.sim.setOrder(o.panelOrderId, { status: "Completed" });
    h.sim.injectFault({ kind: "http500", action: "status", times: 24 });
    const failing = h.sim.requests().length;
    await start(withTracker({ panelDownAlertMs: 150 }));
    await eventually("several failed batches", () => h.sim.requests().filter((r, i) => i >= failing && r.action === "status").length >= 12);
    for (const o of placed) {
      const stored = await h.deps.orders.get(o.id);
      expect(stored?.status).toBe("pending");
      expect(stored?.panelError).toBeUndefined();
      expect(await h.redis.redis.zscore(keys(h.config.redis.prefix).pollDue, o.id)).not.toBeNull();
      expect(await h.redis.redis.sismember(keys(h.config.redis.prefix).attention, o.id)).toBe(0);
    }
    await eventually("both orders told Completed once the panel answers", () => placed.every((o) => countTold(h, o.id, "✅") === 1));
    expect(adminTexts().some((t) => t.includes("has not answered status checks"))).toBe(true);
    for (const o of placed) expect((await h.deps.orders.get(o.id))?.status).toBe("completed");
  });

  it("an invalid key alerts the admins and marks nothing", async () => {
    const o = await placeOrder(h, service, nextUser++);
    h.sim.setOrder(o.panelOrderId, { status: "Canceled" });
    h.sim.injectFault({ kind: "error", action: "status", message: "Invalid API key", times: 3 });
    await start(FAST);
    await eventually("the admin alert", () => adminTexts().some((t) => t.includes("refused the API key")));
    await eventually("the order told once the key works", () => countTold(h, o.id, "❌") === 1);
    expect(await refundEntries(h, o.userId)).toHaveLength(1);
  });

  it("a per-id error is recorded; after a few the order stops being polled and goes to the admins", async () => {
    const good = await placeOrder(h, service, nextUser++);
    const bad = await placeOrder(h, service, nextUser++, { panelOrderId: "99999999" });
    await start(FAST);
    await eventually("the bad order handed to admins", async () => (await h.redis.redis.sismember(keys(h.config.redis.prefix).attention, bad.id)) === 1);
    const stored = await h.deps.orders.get(bad.id);
    expect(stored?.panelError).toBe("Incorrect order ID");
    expect(stored?.status).toBe("pending");
    expect(await h.redis.redis.zscore(keys(h.config.redis.prefix).pollDue, bad.id)).toBeNull();
    await eventually("the stuck-order alert", () => adminTexts().some((t) => t.includes(`Order #${bad.id}`) && t.includes("no longer tracked")));
    expect(countTold(h, bad.id, "")).toBe(0);
    // The good order in the same batches is tracked as usual.
    h.sim.setOrder(good.panelOrderId, { status: "Completed" });
    await eventually("the good order told", () => countTold(h, good.id, "✅") === 1);
  });

  it("an unknown status is stored as it is and told to nobody", async () => {
    const o = await placeOrder(h, service, nextUser++);
    h.sim.setOrder(o.panelOrderId, { status: "Paused by admin" });
    await start(FAST);
    await eventually("the raw status stored", async () => (await h.deps.orders.get(o.id))?.statusRaw === "Paused by admin");
    expect((await h.deps.orders.get(o.id))?.status).toBe("unknown");
    h.sim.setOrder(o.panelOrderId, { status: "Completed" });
    await eventually("Completed told", () => countTold(h, o.id, "✅") === 1);
    expect(toldStatuses(h).filter((t) => t.orderId === o.id)).toHaveLength(1);
  });

  it("a panel's text with quotes, backslashes, emoji or a lone surrogate is stored and read back as it came (the batch goes to Redis as JSON)", async () => {
    await h.redis.redis.del(keys(h.config.redis.prefix).pollDue);
    // 25 orders: at least 20 are read through orderFieldsRead.lua, whose answer is JSON too.
    const placed = [];
    for (let i = 0; i < 25; i++) placed.push(await placeOrder(h, service, nextUser++));
    const raw = (i: number) => `Paused "by" \\ admin ${i} — oʻzbek, проверка 🚀 / \u0001 \ud800 end`;
    placed.forEach((o, i) => h.sim.setOrder(o.panelOrderId, { status: raw(i) }));
    expect(await runPollRound(h.deps, FAST.tracker)).toMatchObject({ checked: 25, requests: 1, panelFailed: false });
    // The lone surrogate was never valid text: it is stored as U+FFFD, as Redis's UTF-8 made it before.
    const expected = placed.map((_o, i) => raw(i).replace("\ud800", "\ufffd"));
    const stored = await Promise.all(placed.map((o) => h.deps.orders.get(o.id)));
    expect(stored.map((o) => o?.statusRaw)).toEqual(expected);
    expect(stored.every((o) => o?.status === "unknown")).toBe(true);
    // Read back for a batch (orderFieldsRead.lua, as the next look reads it): the same text.
    const read = await h.deps.orders.getFields(
      placed.map((o) => o.id),
      ["statusRaw", "runs"],
    );
    expect(read).toEqual(expected.map((statusRaw) => ({ statusRaw })));
  });

  it("an order that goes back to a status it had is told again (In progress → Pending → In progress)", async () => {
    const o = await placeOrder(h, service, nextUser++);
    const told = () => toldStatuses(h).filter((t) => t.orderId === o.id);
    await start(FAST);
    h.sim.setOrder(o.panelOrderId, { status: "In progress" });
    await eventually("In progress told", () => told().length === 1);
    h.sim.setOrder(o.panelOrderId, { status: "Pending" });
    await eventually("Pending told", () => told().length === 2);
    h.sim.setOrder(o.panelOrderId, { status: "In progress" });
    await eventually("In progress told again", () => told().length === 3);
    expect((await h.deps.orders.get(o.id))?.status).toBe("in_progress");
  });

  it("a redo that finds Canceled where the crashed try credited a Partial's share refunds the rest, once", async () => {
    await h.redis.redis.del(keys(h.config.redis.prefix).pollDue);
    const o = await placeOrder(h, service, nextUser++);
    expect((await h.deps.wallet.balance(o.userId)).toFixed()).toBe("0");
    h.sim.setOrder(o.panelOrderId, { status: "Partial", remains: 333 });
    // The try refunds 0.41111 (price × 333 / 1000, rounded down), queues its message and dies before the write.
    const write = h.deps.schedule.write.bind(h.deps.schedule);
    h.deps.schedule.write = () => Promise.reject(new Error("killed before the write"));
    try {
      await expect(runPollRound(h.deps, FAST.tracker)).rejects.toThrow("killed before the write");
    } finally {
      h.deps.schedule.write = write;
    }
    expect((await h.deps.wallet.balance(o.userId)).toFixed()).toBe("0.41111");
    // Before the lease ends the panel cancels the rest: the redo owes the whole price.
    h.sim.setOrder(o.panelOrderId, { status: "Canceled", remains: 1000 });
    await new Promise((r) => setTimeout(r, FAST.tracker!.leaseMs! + 100));
    await runPollRound(h.deps, FAST.tracker);
    expect((await h.deps.wallet.balance(o.userId)).toFixed()).toBe(PRICE);
    expect(await h.deps.orders.get(o.id)).toMatchObject({ status: "canceled", refunded: PRICE });
    expect((await refundEntries(h, o.userId)).map((e) => e.amount)).toEqual(["0.82346", "0.41111"]);
    // Once more: nothing moves.
    await h.redis.redis.zadd(keys(h.config.redis.prefix).pollDue, Date.now(), o.id);
    await runPollRound(h.deps, FAST.tracker);
    expect((await h.deps.wallet.balance(o.userId)).toFixed()).toBe(PRICE);
  });

  it("a whole-request {error} about the only id asked is that id's error, not a panel failure", async () => {
    await h.redis.redis.del(keys(h.config.redis.prefix).pollDue);
    const o = await placeOrder(h, service, nextUser++);
    h.sim.injectFault({ kind: "error", action: "status", message: "Incorrect order ID" });
    const stats = await runPollRound(h.deps, FAST.tracker);
    expect(stats).toMatchObject({ requests: 1, checked: 1, panelFailed: false });
    const stored = await h.deps.orders.get(o.id);
    expect(stored?.panelError).toBe("Incorrect order ID");
    // The next good answer clears it.
    await h.redis.redis.zadd(keys(h.config.redis.prefix).pollDue, Date.now(), o.id);
    await runPollRound(h.deps, FAST.tracker);
    expect((await h.deps.orders.get(o.id))?.panelError).toBeUndefined();
  });

  it("tells the customer when a refill completes or is rejected, once", async () => {
    const done = await placeOrder(h, service, nextUser++);
    const rejected = await placeOrder(h, service, nextUser++);
    const refills: Record<string, string> = {};
    for (const o of [done, rejected]) {
      h.sim.setOrder(o.panelOrderId, { status: "Completed" });
      const refillId = await h.deps.panel.refill(o.panelOrderId);
      refills[o.id] = refillId;
      await h.deps.orders.update(o.id, { status: "completed", statusRaw: "Completed", remains: 0, refillId, refillStatus: "pending" });
      await h.redis.redis.zrem(keys(h.config.redis.prefix).pollDue, o.id);
      await h.redis.redis.zadd(keys(h.config.redis.prefix).refillDue, Date.now(), o.id);
    }
    await start(FAST);
    h.sim.setRefill(refills[done.id]!, "In progress");
    await eventually("in progress stored", async () => (await h.deps.orders.get(done.id))?.refillStatus === "In progress");
    h.sim.setRefill(refills[done.id]!, "Completed");
    h.sim.setRefill(refills[rejected.id]!, "Rejected");
    await eventually("both told", () => countTold(h, done.id, "Refill completed") === 1 && countTold(h, rejected.id, "Refill not done") === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(toldStatuses(h).filter((t) => t.orderId === done.id)).toHaveLength(1);
    expect(toldStatuses(h).filter((t) => t.orderId === rejected.id)).toHaveLength(1);
    expect(await h.redis.redis.zcard(keys(h.config.redis.prefix).refillDue)).toBe(0);
    expect((await h.deps.orders.get(rejected.id))?.refillStatus).toBe("Rejected");
  });
});

describe("poll rounds in batches", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ startBot: false, sim: { balance: "1000000" } });
  });
  afterAll(async () => h.stop());

  it("250 due orders take exactly 3 status requests of at most 100 ids, and a second round none", async () => {
    const service = await defaultService(h);
    const user = nextUser++;
    for (let i = 0; i < 250; i++) await placeOrder(h, service, user);
    h.sim.resetRequests();
    const stats = await runPollRound(h.deps);
    const requests = h.sim.requests().filter((r) => r.action === "status");
    expect(requests.map((r) => r.params.orders!.split(",").length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    expect(stats).toMatchObject({ checked: 250, requests: 3, changed: 0, told: 0, panelFailed: false });
    const again = await runPollRound(h.deps);
    expect(again.requests).toBe(0);
    expect(h.sim.requests().filter((r) => r.action === "status")).toHaveLength(3);
  });

  it("a panel failure leaves no batch leased: the one claimed ahead goes back with the failed ones", async () => {
    const service = await defaultService(h);
    const user = nextUser++;
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) ids.push((await placeOrder(h, service, user)).id);
    h.sim.resetRequests();
    // The panel fails every try (the client retries a status request); a lane has claimed its next batch by then.
    h.sim.injectFault({ kind: "http500", action: "status", times: 1_000 });
    const stats = await runPollRound(h.deps);
    h.sim.clearFaults();
    expect(stats.panelFailed).toBe(true);
    // Leased ids would be due after the lease (at least 30 s); given back, after the backoff (5 s).
    const k = keys(h.config.redis.prefix);
    const due = await Promise.all(ids.map((id) => h.redis.redis.zscore(k.pollDue, id)));
    expect(due.every((score) => score !== null && Number(score) <= Date.now() + 10_000)).toBe(true);
    for (const id of ids) await h.redis.redis.zadd(k.pollDue, 0, id);
    expect((await runPollRound(h.deps)).checked).toBe(250);
  });
});
