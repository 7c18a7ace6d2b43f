import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { classifySendError } from "../../src/outbound/sender.js";
import type { PanelOrderStatus, PanelRefillStatus, PerId } from "../../src/panel/schemas.js";
import { normalizeOrderStatus, normalizeRefillStatus } from "../../src/panel/status.js";
import { decideOrder, decideRefill, nextPollInterval, type TrackedOrder } from "../../src/poller/decide.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const timing = { intervalMs: MIN, maxIntervalMs: 6 * HOUR };
const limits = { maxIdErrors: 3, maxErrorMs: DAY };
const NOW = 1_700_000_000_000;

const live = (status: string, more: { remains?: number | null; startCount?: number | null; charge?: string } = {}): PerId<PanelOrderStatus> => ({
  ok: true,
  value: {
    status: normalizeOrderStatus(status),
    statusRaw: status,
    charge: more.charge ? new D(more.charge) : null,
    startCount: more.startCount ?? null,
    remains: more.remains ?? null,
    currency: "USD",
  },
});
const refillLive = (status: string): PerId<PanelRefillStatus> => ({ ok: true, value: { status: normalizeRefillStatus(status), statusRaw: status } });

const order = (over: Partial<TrackedOrder> = {}): TrackedOrder => ({
  status: "pending",
  price: "1.23457",
  quantity: 1000,
  changedAt: NOW - 10 * MIN,
  idErrors: 0,
  ...over,
});

describe("nextPollInterval", () => {
  it("starts at the base interval right after a change", () => {
    expect(nextPollInterval(timing, 0)).toBe(MIN);
  });

  it("grows with the time an order has not changed: young orders often, old ones rarely", () => {
    const hour = nextPollInterval(timing, HOUR);
    const day = nextPollInterval(timing, DAY);
    expect(hour).toBe(MIN + HOUR / 10);
    expect(day).toBeGreaterThan(hour);
    expect(day).toBe(MIN + DAY / 10);
  });

  it("never exceeds the maximum, and never goes below the base", () => {
    expect(nextPollInterval(timing, 7 * DAY)).toBe(6 * HOUR);
    expect(nextPollInterval(timing, -5_000)).toBe(MIN);
  });
});

describe("decideOrder", () => {
  it("an unchanged order is looked at later the longer it has not changed", () => {
    const young = decideOrder(order({ changedAt: NOW - MIN }), live("Pending"), NOW, timing, limits);
    const old = decideOrder(order({ changedAt: NOW - 7 * DAY }), live("Pending"), NOW, timing, limits);
    expect(young.news).toBeUndefined();
    expect(young.changed).toBe(false);
    expect(young.nextDueAt! - NOW).toBeLessThan(old.nextDueAt! - NOW);
    expect(old.nextDueAt).toBe(NOW + 6 * HOUR);
  });

  it("a status change is news, resets the interval and records the change time", () => {
    const d = decideOrder(order({ changedAt: NOW - 7 * DAY }), live("In progress", { startCount: 1500, remains: 1000 }), NOW, timing, limits);
    expect(d.news).toMatchObject({ status: "in_progress", statusRaw: "In progress" });
    expect(d.news?.refund).toBeUndefined();
    expect(d.changed).toBe(true);
    expect(d.nextDueAt).toBe(NOW + MIN);
    expect(d.fields).toMatchObject({ status: "in_progress", startCount: "1500", remains: "1000", pollChangedAt: String(NOW) });
  });

  it("progress without a status change is stored and resets the interval but tells nobody", () => {
    const d = decideOrder(order({ status: "in_progress", remains: 1000, startCount: 5 }), live("In progress", { startCount: 5, remains: 400 }), NOW, timing, limits);
    expect(d.news).toBeUndefined();
    expect(d.changed).toBe(true);
    expect(d.fields.remains).toBe("400");
    expect(d.nextDueAt).toBe(NOW + MIN);
  });

  it("the first start count and remains seen are stored, but are not progress", () => {
    const d = decideOrder(order(), live("Pending", { startCount: 0, remains: 1000 }), NOW, timing, limits);
    expect(d.changed).toBe(false);
    expect(d.fields).toMatchObject({ startCount: "0", remains: "1000" });
  });

  it("Completed is final: told, no refund, no next look", () => {
    const d = decideOrder(order({ status: "in_progress" }), live("Completed", { remains: 0 }), NOW, timing, limits);
    expect(d.news).toMatchObject({ status: "completed" });
    expect(d.news?.refund).toBeUndefined();
    expect(d.nextDueAt).toBeUndefined();
    expect(d.attention).toBeUndefined();
  });

  it("Partial refunds the undelivered share of the price, rounded down, and says how much was delivered", () => {
    const d = decideOrder(order({ status: "in_progress" }), live("Partial", { remains: 333 }), NOW, timing, limits);
    // 1.23457 × 333 / 1000 = 0.41111181 → 0.41111
    expect(d.news?.refund?.toFixed()).toBe("0.41111");
    expect(d.news?.delivered).toBe(667);
    expect(d.news?.quantity).toBe(1000);
    expect(d.nextDueAt).toBeUndefined();
  });

  it("Partial of a drip-feed order counts runs in the quantity", () => {
    const d = decideOrder(order({ status: "in_progress", quantity: 100, runs: 5, price: "2.5" }), live("Partial", { remains: 250 }), NOW, timing, limits);
    expect(d.news?.refund?.toFixed()).toBe("1.25");
    expect(d.news?.delivered).toBe(250);
  });

  it("Partial without a usable remains refunds nothing and goes to the admins", () => {
    for (const remains of [null, 0, 5000]) {
      const d = decideOrder(order({ status: "in_progress" }), live("Partial", { remains }), NOW, timing, limits);
      expect(d.news?.refund).toBeUndefined();
      expect(d.news?.refundUnknown).toBe(true);
      expect(d.attention).toBeDefined();
    }
  });

  it.each(["Canceled", "Cancelled", "Refunded", "Fail", "Error"])("%s refunds the full price", (status) => {
    const d = decideOrder(order({ status: "in_progress" }), live(status, { remains: 1000 }), NOW, timing, limits);
    expect(d.news?.refund?.toFixed()).toBe("1.23457");
    expect(d.nextDueAt).toBeUndefined();
  });

  it("a per-id error is recorded and counted; after the limit the order goes to the admins", () => {
    const first = decideOrder(order(), { ok: false, error: "Incorrect order ID" }, NOW, timing, limits);
    expect(first.fields).toMatchObject({ panelError: "Incorrect order ID", pollErrors: "1", pollErrorSince: String(NOW) });
    expect(first.nextDueAt).toBeGreaterThan(NOW);
    expect(first.attention).toBeUndefined();
    expect(first.news).toBeUndefined();
    const third = decideOrder(order({ idErrors: 2, errorSince: NOW - MIN }), { ok: false, error: "Incorrect order ID" }, NOW, timing, limits);
    expect(third.attention).toContain("Incorrect order ID");
    expect(third.nextDueAt).toBeUndefined();
    expect(third.fields.pollErrorSince).toBe(String(NOW - MIN));
  });

  it("errors for more than a day also hand the order over, whatever their count", () => {
    const d = decideOrder(order({ idErrors: 1, errorSince: NOW - DAY - 1 }), { ok: false, error: "missing from the panel's answer" }, NOW, timing, limits);
    expect(d.attention).toBeDefined();
  });

  it("an unknown status is stored with its raw text, told to nobody, and counted like an error", () => {
    const d = decideOrder(order(), live("Stuck somewhere"), NOW, timing, limits);
    expect(d.fields).toMatchObject({ status: "unknown", statusRaw: "Stuck somewhere", pollErrors: "1" });
    expect(d.news).toBeUndefined();
    expect(d.nextDueAt).toBeDefined();
  });

  it("a good answer after errors clears them", () => {
    const d = decideOrder(order({ idErrors: 2, errorSince: NOW - HOUR }), live("Pending"), NOW, timing, limits);
    expect(d.fields).toMatchObject({ pollErrors: null, pollErrorSince: null, panelError: null });
  });
});

describe("decideRefill", () => {
  const refill = { refillId: "77", statusRaw: "pending", changedAt: NOW - MIN, idErrors: 0 };

  it("in progress: stored, looked at again, nobody told", () => {
    const d = decideRefill(refill, refillLive("In progress"), NOW, timing, limits);
    expect(d.news).toBeUndefined();
    expect(d.fields.refillStatus).toBe("In progress");
    expect(d.nextDueAt).toBe(NOW + MIN);
  });

  it.each([
    ["Completed", "completed"],
    ["Rejected", "rejected"],
    ["Error", "failed"],
  ])("%s ends the tracking and is told", (raw, status) => {
    const d = decideRefill(refill, refillLive(raw), NOW, timing, limits);
    expect(d.news).toEqual({ status, statusRaw: raw });
    expect(d.nextDueAt).toBeUndefined();
  });

  it("Refill not found is counted like an order's per-id error", () => {
    const d = decideRefill({ ...refill, idErrors: 2 }, { ok: false, error: "Refill not found" }, NOW, timing, limits);
    expect(d.attention).toContain("Refill not found");
    expect(d.fields.refillErrors).toBe("3");
  });
});

describe("classifySendError", () => {
  const grammy = (code: number, description: string, parameters = {}) => new GrammyError("call failed", { ok: false, error_code: code, description, parameters }, "sendMessage", {});

  it("429 waits as long as Telegram says", () => {
    expect(classifySendError(grammy(429, "Too Many Requests: retry after 7", { retry_after: 7 }))).toEqual({ kind: "retry_after", ms: 7000 });
  });
  it("403 means the chat is closed to the bot", () => {
    expect(classifySendError(grammy(403, "Forbidden: bot was blocked by the user")).kind).toBe("blocked");
  });
  it("400 drops the message; 5xx and network errors are retried", () => {
    expect(classifySendError(grammy(400, "Bad Request: chat not found")).kind).toBe("rejected");
    expect(classifySendError(grammy(502, "Bad Gateway")).kind).toBe("transient");
    expect(classifySendError(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"))).kind).toBe("transient");
  });
});
