import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { generateCatalog, parseCatalog } from "../../../src/panel/simulator/catalog.js";
import { startPanelSimulator } from "../../../src/panel/simulator/server.js";
import type { PanelSimulator, SimOptions, SimService } from "../../../src/panel/simulator/server.js";

const running: PanelSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function sim(opts: SimOptions = {}): Promise<PanelSimulator> {
  const s = await startPanelSimulator(opts);
  running.push(s);
  return s;
}

type Json = any; // answers are checked field by field below

async function raw(s: PanelSimulator, params: Record<string, string | number>, init: RequestInit = {}) {
  const body = new URLSearchParams(Object.entries({ key: s.apiKey, ...params }).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await fetch(s.url, { method: "POST", body, ...init });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

async function call(s: PanelSimulator, params: Record<string, string | number>): Promise<Json> {
  const r = await raw(s, params);
  expect(r.status).toBe(200);
  return JSON.parse(r.text);
}

const svc = (over: Partial<SimService> & { service: string }): SimService => ({
  name: `Service ${over.service}`,
  type: "Default",
  category: "Test <Category> & Co",
  rate: "0.90",
  min: "50",
  max: "10000",
  refill: true,
  cancel: true,
  dripfeed: false,
  ...over,
});

const CATALOG: SimService[] = [
  svc({ service: "1", rate: "1.2345", min: "10", dripfeed: true }),
  svc({ service: "2", refill: false, cancel: false }),
  svc({ service: "3", type: "Custom Comments", rate: "8", min: "2", max: "100" }),
  svc({ service: "4", type: "Package", rate: "12", min: "1", max: "1" }),
  svc({ service: "5", type: "Mentions with Hashtags", min: "10", max: "1000" }),
  svc({ service: "6", type: "Subscriptions" }),
];

const until = async <T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> => {
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("catalog", () => {
  it("is deterministic per seed and covers the awkward cases a bot must handle", () => {
    const a = generateCatalog({ seed: 7 });
    expect(generateCatalog({ seed: 7 })).toEqual(a);
    expect(generateCatalog({ seed: 8 })).not.toEqual(a);
    expect(generateCatalog({ services: 100, categories: 10, seed: 3 })).toHaveLength(100);
    expect(new Set(generateCatalog({ services: 100, categories: 10 }).map((s) => s.category)).size).toBe(10);

    const types = new Set(a.map((s) => s.type));
    for (const t of ["Default", "Package", "Custom Comments", "Mentions with Hashtags", "Subscriptions"]) expect(types).toContain(t);
    expect(a.filter((s) => s.type === "Default").length).toBeGreaterThan(a.length / 2);
    const text = a.map((s) => s.name + s.category).join("\n");
    for (const ch of ["<", "&", "_", "*", "["]) expect(text).toContain(ch);
    for (const s of a) {
      expect(s.rate).toMatch(/^\d+(\.\d{1,4})?$/);
      expect(Number(s.min)).toBeLessThanOrEqual(Number(s.max));
    }
    expect(a.some((s) => /\.\d{4}$/.test(s.rate))).toBe(true);
    expect(a.some((s) => /^\d+$/.test(s.rate))).toBe(true);
    expect(a[0]).toMatchObject({ type: "Default", refill: true, cancel: true, dripfeed: true });
    expect(a[1]).toMatchObject({ type: "Default", refill: false, cancel: false, dripfeed: false });
  });

  it("parses a services answer in any of its real shapes", async () => {
    const list = parseCatalog(JSON.parse(await readFile("test/fixtures/catalog-sample.json", "utf8")));
    expect(list[1]).toEqual({
      service: "2",
      name: "Comments",
      type: "Custom Comments",
      category: "Second Category",
      rate: "8",
      min: "10",
      max: "1500",
      refill: false,
      cancel: true,
      dripfeed: false,
    });
    expect(list[2]?.desc).toBe("One package of 1000 members");
    expect(parseCatalog({ services: list })).toEqual(list);
    expect(() => parseCatalog([{ name: "no id" }])).toThrow();
  });
});

describe("requests", () => {
  it("answers services in the doc's shape", async () => {
    const s = await sim();
    const list = await call(s, { action: "services" });
    expect(list.length).toBe(40);
    for (const x of list) {
      expect(typeof x.service).toBe("number");
      for (const f of ["rate", "min", "max", "name", "type", "category"]) expect(typeof x[f]).toBe("string");
      for (const f of ["refill", "cancel", "dripfeed"]) expect(typeof x[f]).toBe("boolean");
    }
    expect(list.some((x: Json) => typeof x.desc === "string")).toBe(true);
  });

  it("rejects a bad or missing key and an unknown or missing action", async () => {
    const s = await sim({ apiKey: "secret" });
    expect(await call(s, { key: "wrong", action: "balance" })).toEqual({ error: "Invalid API key" });
    const noKey = await fetch(s.url, { method: "POST", body: new URLSearchParams({ action: "balance" }) });
    expect(await noKey.json()).toEqual({ error: "Invalid API key" });
    expect(await call(s, { action: "fly" })).toEqual({ error: "Incorrect request" });
    expect(await call(s, {})).toEqual({ error: "Incorrect request" });
    expect((await fetch(s.url.replace("/api/v2", "/other"))).status).toBe(404);
  });

  it("takes JSON bodies and GET queries too", async () => {
    const s = await sim({ balance: "5" });
    const json = await fetch(s.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: "sim-key", action: "balance" }),
    });
    expect(await json.json()).toEqual({ balance: "5", currency: "USD" });
    const get = await fetch(`${s.url}?key=sim-key&action=balance`);
    expect(await get.json()).toEqual({ balance: "5", currency: "USD" });
  });
});

describe("add", () => {
  it("charges rate per 1000 rounded to 5 decimals and takes it from the balance", async () => {
    const s = await sim({ catalog: CATALOG, balance: "10", currency: "EUR", auto: false });
    const a = await call(s, { action: "add", service: 1, link: "https://instagram.com/x", quantity: 37, foo: "ignored" });
    const b = await call(s, { action: "add", service: 1, link: "https://instagram.com/x", quantity: 1000 });
    expect(typeof a.order).toBe("number");
    expect(b.order).toBe(a.order + 1);
    // 1.2345 * 37 / 1000 = 0.0456765
    expect(await call(s, { action: "status", order: a.order })).toEqual({
      charge: "0.04568",
      start_count: "0",
      status: "Pending",
      remains: "37",
      currency: "EUR",
    });
    expect(await call(s, { action: "balance" })).toEqual({ balance: "8.71982", currency: "EUR" });
    expect(s.balance()).toBe("8.71982");
    expect(s.getOrder(String(a.order))).toMatchObject({ service: "1", link: "https://instagram.com/x", quantity: 37, status: "Pending" });
  });

  it("gives the exact real-panel errors and creates nothing on them", async () => {
    const s = await sim({ catalog: CATALOG, balance: "0.05" });
    expect(await call(s, { action: "add", service: 99, link: "x", quantity: 100 })).toEqual({ error: "Incorrect service ID" });
    expect(await call(s, { action: "add", service: 1, quantity: 100 })).toEqual({ error: "Bad link" });
    expect(await call(s, { action: "add", service: 2, link: "x", quantity: 49 })).toEqual({ error: "Quantity less than minimal 50" });
    expect(await call(s, { action: "add", service: 2, link: "x", quantity: 10001 })).toEqual({ error: "Quantity more than maximum 10000" });
    expect(await call(s, { action: "add", service: 2, link: "x" })).toEqual({ error: "Quantity less than minimal 50" });
    expect(await call(s, { action: "add", service: 1, link: "x", quantity: "1e3" })).toEqual({ error: "Incorrect quantity" });
    expect(await call(s, { action: "add", service: 1, link: "x", quantity: 100 })).toEqual({ error: "Not enough funds on balance" });
    expect(await call(s, { action: "add", service: 5, link: "x", quantity: 10, usernames: "a" })).toEqual({ error: "Bad hashtags" });
    expect((await call(s, { action: "add", service: 6, link: "x", quantity: 100 })).error).toBeTypeOf("string");
    expect(s.orders()).toEqual([]);
    expect(s.balance()).toBe("0.05");
  });

  it("prices drip-feed, custom comments and packages like a panel", async () => {
    const s = await sim({ catalog: CATALOG, balance: "100", auto: false });
    const drip = await call(s, { action: "add", service: 1, link: "x", quantity: 100, runs: 3, interval: 10 });
    expect(s.getOrder(String(drip.order))).toMatchObject({ runs: 3, interval: 10, charge: "0.37035", remains: "300" });
    expect(await call(s, { action: "add", service: 1, link: "x", quantity: 4000, runs: 3, interval: 10 })).toEqual({
      error: "Quantity more than maximum 10000",
    });
    // no drip-feed on service 2: runs is ignored like any unknown field
    const plain = await call(s, { action: "add", service: 2, link: "x", quantity: 100, runs: 3, interval: 10 });
    expect(s.getOrder(String(plain.order))).toMatchObject({ charge: "0.09", remains: "100" });
    expect(s.getOrder(String(plain.order))?.runs).toBeUndefined();

    const comments = await call(s, { action: "add", service: 3, link: "x", comments: "nice\r\ngreat <3\n\nwow & more\n" });
    expect(s.getOrder(String(comments.order))).toMatchObject({ quantity: 3, charge: "0.024", comments: ["nice", "great <3", "wow & more"] });
    expect(await call(s, { action: "add", service: 3, link: "x", comments: "one" })).toEqual({ error: "Quantity less than minimal 2" });

    const pkg = await call(s, { action: "add", service: 4, link: "x", quantity: 5000 });
    expect(s.getOrder(String(pkg.order))).toMatchObject({ quantity: 1, charge: "12" });

    const mention = await call(s, { action: "add", service: 5, link: "x", quantity: 10, usernames: "a\nb", hashtags: "#x" });
    expect(s.getOrder(String(mention.order))?.extra).toEqual({ usernames: "a\nb", hashtags: "#x" });
    expect(s.balance()).toBe("87.50665");
  });

  it("starts order ids at a seed-dependent number", async () => {
    const first = async (seed: number) => (await call(await sim({ seed, catalog: CATALOG }), { action: "add", service: 1, link: "x", quantity: 50 })).order;
    expect(await first(1)).toBe(await first(1));
    expect(await first(1)).not.toBe(await first(2));
  });
});

describe("status", () => {
  it("answers many ids as an object keyed by id, unknown ones as errors, at most 100", async () => {
    const s = await sim({ catalog: CATALOG, auto: false });
    const { order } = await call(s, { action: "add", service: 1, link: "x", quantity: 100 });
    const many = await call(s, { action: "status", orders: `${order}, 9` });
    expect(many).toEqual({
      [order]: { charge: "0.12345", start_count: "0", status: "Pending", remains: "100", currency: "USD" },
      "9": { error: "Incorrect order ID" },
    });
    expect(await call(s, { action: "status", order: 9 })).toEqual({ error: "Incorrect order ID" });
    expect(await call(s, { action: "status" })).toEqual({ error: "Incorrect order ID" });
    const ids = (n: number) => Array.from({ length: n }, (_, i) => order + i).join(",");
    expect(Object.keys(await call(s, { action: "status", orders: ids(100) }))).toHaveLength(100);
    expect(await call(s, { action: "status", orders: ids(101) })).toEqual({ error: "Too many orders" });
  });

  it("progresses orders by itself to a seed-determined outcome and refunds the unfilled part", async () => {
    const s = await sim({ catalog: CATALOG, balance: "1000", timing: { pendingMs: 20, inProgressMs: 20 } });
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) ids.push((await call(s, { action: "add", service: 2, link: "x", quantity: 1000 })).order);
    const final = await until(
      () => call(s, { action: "status", orders: ids.join(",") }),
      (m: Json) => Object.values(m).every((o: Json) => ["Completed", "Partial", "Canceled"].includes(o.status)),
    );
    const by = (st: string) => Object.values(final).filter((o: Json) => o.status === st) as Json[];
    expect(by("Completed").length).toBeGreaterThan(by("Partial").length + by("Canceled").length);
    expect(by("Partial").length).toBeGreaterThan(0);
    expect(by("Canceled").length).toBeGreaterThan(0);
    for (const o of by("Completed")) expect(o).toMatchObject({ remains: "0", charge: "0.9" });
    for (const o of by("Canceled")) expect(o).toMatchObject({ remains: "1000", charge: "0" });
    for (const o of by("Partial")) {
      expect(Number(o.remains)).toBeGreaterThan(0);
      expect(Number(o.remains)).toBeLessThan(1000);
      expect(Number(o.charge)).toBeCloseTo((0.9 * (1000 - Number(o.remains))) / 1000, 5);
    }
    for (const o of Object.values<Json>(final)) expect(Number(o.start_count)).toBeGreaterThanOrEqual(0);
    const spent = Object.values<Json>(final).reduce((sum, o) => sum + Number(o.charge), 0);
    expect(Number(s.balance())).toBeCloseTo(1000 - spent, 5);
    // reading again changes nothing: the refund happened once
    const again = await call(s, { action: "status", orders: ids.join(",") });
    expect(again).toEqual(final);
    expect(Number(s.balance())).toBeCloseTo(1000 - spent, 5);
  });

  it("keeps orders Pending without auto, and lets a test set them", async () => {
    const s = await sim({ catalog: CATALOG, balance: "10", auto: false });
    const { order } = await call(s, { action: "add", service: 2, link: "x", quantity: 1000 });
    const id = String(order);
    expect((await call(s, { action: "status", order })).status).toBe("Pending");
    s.setOrder(id, { status: "In progress", start_count: 120, remains: 700 });
    expect(await call(s, { action: "status", order })).toMatchObject({ status: "In progress", start_count: "120", remains: "700", charge: "0.9" });
    s.setOrder(id, { status: "Partial", remains: 250 });
    expect(await call(s, { action: "status", order })).toMatchObject({ status: "Partial", remains: "250", charge: "0.675" });
    expect(s.balance()).toBe("9.325");
    s.setOrder(id, { status: "Canceled" });
    expect(await call(s, { action: "status", order })).toMatchObject({ status: "Canceled", remains: "1000", charge: "0" });
    expect(s.balance()).toBe("10");
    s.setOrder(id, { status: "inprogress", charge: "0.5" });
    expect((await call(s, { action: "status", order })).status).toBe("inprogress");
    expect(s.balance()).toBe("9.5");
    expect(() => s.setOrder("404", { status: "Completed" })).toThrow();
  });

  it("stops auto progress for an order a test has set", async () => {
    const s = await sim({ catalog: CATALOG, timing: { pendingMs: 0, inProgressMs: 0 } });
    const { order } = await call(s, { action: "add", service: 2, link: "x", quantity: 100 });
    s.setOrder(String(order), { status: "Processing" });
    expect((await call(s, { action: "status", order })).status).toBe("Processing");
  });
});

describe("refill", () => {
  it("refills completed orders of refill services, with the doc's shapes", async () => {
    const s = await sim({ catalog: CATALOG, auto: false });
    const add = async (service: number) => String((await call(s, { action: "add", service, link: "x", quantity: 100 })).order);
    const a = await add(1);
    const noRefill = await add(2);
    expect(await call(s, { action: "refill", order: a })).toEqual({ error: "The order is not completed" });
    expect(await call(s, { action: "refill", order: 9 })).toEqual({ error: "Incorrect order ID" });
    s.setOrder(a, { status: "Completed" });
    s.setOrder(noRefill, { status: "Completed" });
    expect(await call(s, { action: "refill", order: noRefill })).toEqual({ error: "Refill is disabled for this service" });

    const single = await call(s, { action: "refill", order: a });
    expect(typeof single.refill).toBe("string");
    expect(await call(s, { action: "refill_status", refill: single.refill })).toEqual({ status: "Pending" });
    s.setRefill(single.refill, "Rejected");
    expect(await call(s, { action: "refill_status", refill: single.refill })).toEqual({ status: "Rejected" });
    expect(await call(s, { action: "refill_status", refill: "nope" })).toEqual({ error: "Refill not found" });

    const multi = await call(s, { action: "refill", orders: `${a},9,${noRefill}` });
    expect(multi).toEqual([
      { order: Number(a), refill: expect.any(Number) },
      { order: 9, refill: { error: "Incorrect order ID" } },
      { order: Number(noRefill), refill: { error: "Refill is disabled for this service" } },
    ]);
    const states = await call(s, { action: "refill_status", refills: `${single.refill},${multi[0].refill},3` });
    expect(states).toEqual([
      { refill: Number(single.refill), status: "Rejected" },
      { refill: multi[0].refill, status: "Pending" },
      { refill: 3, status: { error: "Refill not found" } },
    ]);
    const many = Array.from({ length: 101 }, (_, i) => i + 1).join(",");
    expect(await call(s, { action: "refill", orders: many })).toEqual({ error: "Too many orders" });
    expect(await call(s, { action: "refill_status", refills: many })).toEqual({ error: "Too many refills" });
  });

  it("completes refills by itself in auto mode", async () => {
    const s = await sim({ catalog: CATALOG, timing: { pendingMs: 0, inProgressMs: 0 } });
    const { order } = await call(s, { action: "add", service: 1, link: "x", quantity: 100 });
    s.setOrder(String(order), { status: "Partial", remains: 10 });
    const { refill } = await call(s, { action: "refill", order });
    expect(
      await until(
        () => call(s, { action: "refill_status", refill }),
        (r: Json) => r.status === "Completed",
      ),
    ).toEqual({ status: "Completed" });
  });
});

describe("cancel", () => {
  it("cancels running orders of cancel services and refunds them", async () => {
    const s = await sim({ catalog: CATALOG, balance: "1", auto: false });
    const add = async (service: number) => String((await call(s, { action: "add", service, link: "x", quantity: 100 })).order);
    const a = await add(1);
    const done = await add(1);
    const noCancel = await add(2);
    s.setOrder(done, { status: "Completed" });
    s.setOrder(a, { status: "In progress", remains: 60 });
    const answer = await call(s, { action: "cancel", orders: `9,${a},${done},${noCancel}` });
    expect(answer).toEqual([
      { order: 9, cancel: { error: "Incorrect order ID" } },
      { order: Number(a), cancel: 1 },
      { order: Number(done), cancel: { error: "The order cannot be canceled" } },
      { order: Number(noCancel), cancel: { error: "Cancel is disabled for this service" } },
    ]);
    expect(await call(s, { action: "status", order: a })).toMatchObject({ status: "Canceled", remains: "100", charge: "0" });
    expect(s.balance()).toBe("0.78655"); // 1 - 0.12345 (completed) - 0.09 (no-cancel service)
    expect(await call(s, { action: "cancel", orders: Array.from({ length: 101 }, (_, i) => i).join(",") })).toEqual({ error: "Too many orders" });
  });
});

describe("faults", () => {
  const addParams = { action: "add", service: 2, link: "x", quantity: 100 };

  it("answers each fault kind the way broken panels do, and a faulted add buys nothing", async () => {
    const s = await sim({ catalog: CATALOG });
    s.injectFault({ kind: "http500", action: "add" });
    let r = await raw(s, addParams);
    expect(r.status).toBe(500);
    expect(r.text).toContain("<html>");

    s.injectFault({ kind: "html" });
    r = await raw(s, addParams);
    expect(r.status).toBe(200);
    expect(r.type).toContain("text/html");
    expect(r.text).toContain("Just a moment...");

    s.injectFault({ kind: "empty" });
    r = await raw(s, addParams);
    expect([r.status, r.text]).toEqual([200, ""]);

    s.injectFault({ kind: "garbage", times: 2 });
    for (let i = 0; i < 2; i++) {
      r = await raw(s, addParams);
      expect(r.status).toBe(200);
      expect(() => JSON.parse(r.text)).toThrow();
      expect(() => JSON.parse(r.text.slice(r.text.indexOf("{")))).toThrow();
    }
    s.injectFault({ kind: "garbage", message: 'Notice: x\n{"balance":"1"}' });
    expect((await raw(s, { action: "balance" })).text).toBe('Notice: x\n{"balance":"1"}');

    s.injectFault({ kind: "error", message: "Your account has been suspended." });
    expect(await call(s, addParams)).toEqual({ error: "Your account has been suspended." });

    s.injectFault({ kind: "reset", action: "add" });
    await expect(raw(s, addParams)).rejects.toThrow();

    expect(s.orders()).toEqual([]);
    expect(s.balance()).toBe("1000");
    expect((await call(s, addParams)).order).toBeTypeOf("number");
    expect(s.orders()).toHaveLength(1);
  });

  it("slow answers late but still places the order a timed-out client thinks failed", async () => {
    const s = await sim({ catalog: CATALOG });
    s.injectFault({ kind: "slow", action: "add", delayMs: 60_000 });
    const client = new AbortController();
    const pending = raw(s, addParams, { signal: client.signal });
    await until(
      async () => s.orders().length,
      (n) => n === 1,
    );
    client.abort();
    await expect(pending).rejects.toThrow();
    expect(s.balance()).toBe("999.91");

    s.injectFault({ kind: "slow", delayMs: 30 });
    expect(await call(s, { action: "balance" })).toEqual({ balance: "999.91", currency: "USD" });
  });

  it("matches faults by action, counts them down and clears them", async () => {
    const s = await sim({ catalog: CATALOG });
    s.injectFault({ kind: "error", action: "status", times: 2, message: "x" });
    expect(await call(s, { action: "balance" })).toMatchObject({ currency: "USD" });
    expect(await call(s, { action: "status", order: 1 })).toEqual({ error: "x" });
    expect(await call(s, { action: "status", order: 1 })).toEqual({ error: "x" });
    expect(await call(s, { action: "status", order: 1 })).toEqual({ error: "Incorrect order ID" });
    s.injectFault({ kind: "http500", times: 5 });
    s.clearFaults();
    expect(await call(s, { action: "balance" })).toMatchObject({ currency: "USD" });
  });
});

describe("bookkeeping and scale", () => {
  it("logs every request without the key and counts per action", async () => {
    const s = await sim({ catalog: CATALOG, auto: false });
    await call(s, { action: "balance" });
    await call(s, { action: "add", service: 2, link: "x", quantity: 100 });
    await call(s, { action: "balance" });
    expect(s.requests()).toEqual([
      { action: "balance", params: {} },
      { action: "add", params: { service: "2", link: "x", quantity: "100" } },
      { action: "balance", params: {} },
    ]);
    expect(s.counts()).toEqual({ balance: 2, add: 1 });
    s.resetRequests();
    expect([s.requests(), s.counts()]).toEqual([[], {}]);
  });

  it("has an HTTP control surface for out-of-process tests", async () => {
    const s = await sim({ catalog: CATALOG, auto: false });
    const { order } = await call(s, { action: "add", service: 2, link: "x", quantity: 100 });
    const base = s.url.replace("/api/v2", "/__sim");
    const post = (path: string, body: object) => fetch(`${base}/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await post("order", { id: order, status: "Partial", remains: 40 })).status).toBe(200);
    expect(await call(s, { action: "status", order })).toMatchObject({ status: "Partial", remains: "40", charge: "0.054" });
    expect((await post("order", { id: 1, status: "Partial" })).status).toBe(400);
    await post("balance", { amount: "3.5" });
    expect(s.balance()).toBe("3.5");
    await post("fault", { kind: "error", message: "down" });
    expect(await call(s, { action: "balance" })).toEqual({ error: "down" });
    expect((await post("fault", { kind: "meteor" })).status).toBe(400);
    const orders = await (await fetch(`${base}/orders`)).json();
    expect(orders).toHaveLength(1);
  });

  it("serves 1,000 multi-status requests of 100 ids over 10,000 orders", async () => {
    const s = await sim({ catalog: [svc({ service: "1", rate: "0.001", min: "1", max: "1000" })], timing: { pendingMs: 0, inProgressMs: 0 } });
    const ids: number[] = [];
    for (let batch = 0; batch < 100; batch++) {
      const answers = await Promise.all(Array.from({ length: 100 }, () => call(s, { action: "add", service: 1, link: "x", quantity: 10 })));
      ids.push(...answers.map((a: Json) => a.order));
    }
    expect(s.orders()).toHaveLength(10_000);
    let seen = 0;
    for (let round = 0; round < 100; round++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const start = ((round * 10 + i) * 100) % ids.length;
          return call(s, { action: "status", orders: ids.slice(start, start + 100).join(",") });
        }),
      );
      for (const a of answers) {
        const values = Object.values<Json>(a);
        expect(values).toHaveLength(100);
        seen += values.filter((v) => ["Completed", "Partial", "Canceled"].includes(v.status)).length;
      }
    }
    expect(seen).toBe(100_000);
  });
});

describe("cli", () => {
  it("serves on the configured port and key, with a catalog file, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/panel/simulator/cli.ts"], {
      env: { ...process.env, PANEL_SIM_PORT: "0", PANEL_SIM_KEY: "k1", PANEL_SIM_BALANCE: "42", PANEL_SIM_CATALOG: "test/fixtures/catalog-sample.json" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const line: string = await new Promise((resolve) => createInterface({ input: child.stdout }).once("line", resolve));
    const m = /^Panel simulator: (http:\/\/127\.0\.0\.1:\d+\/api\/v2) \(key: k1\)$/.exec(line);
    expect(m).not.toBeNull();
    const post = async (action: string): Promise<Json> => (await fetch(m![1]!, { method: "POST", body: new URLSearchParams({ key: "k1", action }) })).json();
    expect(await post("balance")).toEqual({ balance: "42", currency: "USD" });
    expect((await post("services")).map((x: Json) => x.service)).toEqual([1, 2, 3]);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
