import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PanelClient } from "../../src/panel/client.js";
import { PanelError, PanelTransportError } from "../../src/panel/errors.js";
import { startPanelSimulator, type PanelSimulator } from "../../src/panel/simulator/server.js";

/** A panel that answers every request with one fixed body, for shapes the simulator does not make. */
async function cannedPanel(body: unknown, status = 200) {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("panel client against the simulator (real HTTP)", () => {
  let sim: PanelSimulator;
  let panel: PanelClient;
  beforeAll(async () => {
    sim = await startPanelSimulator({ auto: false });
    panel = new PanelClient({ url: sim.url, key: sim.apiKey, timeoutMs: 2000, retries: 2, retryDelayMs: 5 });
  });
  afterAll(async () => {
    await panel.close();
    await sim.close();
  });
  afterEach(() => {
    sim.clearFaults();
    sim.resetRequests();
  });

  it("lists services, places an order and reads its status", async () => {
    const { services } = await panel.services();
    expect(services.length).toBeGreaterThan(5);
    const svc = services.find((s) => s.type === "Default")!;
    const id = await panel.add({ service: svc.id, link: "https://instagram.com/x", quantity: svc.min });
    expect(typeof id).toBe("string");
    const st = await panel.status(id);
    expect(st.status).toBe("pending");
    sim.setOrder(id, { status: "Partial", remains: 3 });
    expect((await panel.status(id)).status).toBe("partial");
    const bal = await panel.balance();
    expect(bal.balance.lt("1000")).toBe(true);
  });

  it("asks for many statuses in chunks of at most 100 ids, errors kept per id", async () => {
    const svc = (await panel.services()).services.find((s) => s.type === "Default")!;
    const ids: string[] = [];
    for (let i = 0; i < 205; i++) ids.push(await panel.add({ service: svc.id, link: `https://t.me/c${i}`, quantity: svc.min }));
    sim.resetRequests();
    const result = await panel.statuses([...ids, "999999999"]);
    const calls = sim.requests().filter((r) => r.action === "status");
    expect(calls.length).toBe(3);
    for (const c of calls) expect(c.params.orders!.split(",").length).toBeLessThanOrEqual(100);
    expect(result.get(ids[0]!)).toMatchObject({ ok: true });
    expect(result.get("999999999")).toEqual({ ok: false, error: "Incorrect order ID" });
  });

  it("gives a panel refusal as PanelError with the panel's text", async () => {
    const svc = (await panel.services()).services.find((s) => s.type === "Default")!;
    const err = await panel.add({ service: svc.id, link: "https://x.y/z", quantity: svc.min - 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(PanelError);
    expect(err.kind).toBe("quantity_min");
    expect(err.panelMessage).toBe(`Quantity less than minimal ${svc.min}`);
    const bad = new PanelClient({ url: sim.url, key: "wrong-key" });
    const e2 = await bad.balance().catch((e) => e);
    expect(e2).toBeInstanceOf(PanelError);
    expect(e2.kind).toBe("invalid_key");
    expect(String(e2.message)).not.toContain("wrong-key");
    await bad.close();
  });

  it("retries read-only actions on transport faults", async () => {
    sim.injectFault({ kind: "http500", action: "balance", times: 2 });
    await expect(panel.balance()).resolves.toBeDefined();
    expect(sim.counts().balance).toBe(3);
  });

  it("never retries add: a 500 is one request, reported as possibly received", async () => {
    const svc = (await panel.services()).services.find((s) => s.type === "Default")!;
    for (const kind of ["http500", "html", "empty", "garbage", "reset"] as const) {
      sim.resetRequests();
      sim.injectFault({ kind, action: "add" });
      const err = await panel.add({ service: svc.id, link: "https://x.y/z", quantity: svc.min }).catch((e) => e);
      expect(err, kind).toBeInstanceOf(PanelTransportError);
      expect(err.mayHaveReached, kind).toBe(true);
      expect(sim.counts().add, kind).toBe(1);
    }
  });

  it("reports a timeout of add as possibly received (the slow panel did create it)", async () => {
    const fast = new PanelClient({ url: sim.url, key: sim.apiKey, timeoutMs: 300 });
    const svc = (await fast.services()).services.find((s) => s.type === "Default")!;
    const before = sim.orders().length;
    sim.injectFault({ kind: "slow", action: "add", delayMs: 1500 });
    const err = await fast.add({ service: svc.id, link: "https://x.y/slow", quantity: svc.min }).catch((e) => e);
    expect(err).toBeInstanceOf(PanelTransportError);
    expect(err.failure).toBe("timeout");
    expect(err.mayHaveReached).toBe(true);
    await expect.poll(() => sim.orders().length, { timeout: 5000 }).toBe(before + 1);
    await fast.close();
  });

  it("says a refused connection never reached the panel", async () => {
    const dead = new PanelClient({ url: "http://127.0.0.1:9/api/v2", key: "k", retries: 0 });
    const err = await dead.add({ service: "1", link: "https://x.y", quantity: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(PanelTransportError);
    expect(err.failure).toBe("connect");
    expect(err.mayHaveReached).toBe(false);
    await dead.close();
  });

  it("runs refill, refill status and cancel for many orders", async () => {
    const svc = (await panel.services()).services.find((s) => s.type === "Default" && s.refill && s.cancel)!;
    const a = await panel.add({ service: svc.id, link: "https://x.y/a", quantity: svc.min });
    const b = await panel.add({ service: svc.id, link: "https://x.y/b", quantity: svc.min });
    sim.setOrder(a, { status: "Completed" });
    const refills = await panel.refills([a, b]);
    expect(refills.get(a)?.ok).toBe(true);
    expect(refills.get(b)).toMatchObject({ ok: false });
    const refillId = (refills.get(a) as { value: string }).value;
    const rs = await panel.refillStatuses([refillId, "424242"]);
    expect(rs.get(refillId)).toMatchObject({ ok: true });
    expect(rs.get("424242")).toMatchObject({ ok: false });
    const cancel = await panel.cancel([b, "31337"]);
    expect(cancel.get(b)).toEqual({ ok: true, value: true });
    expect(cancel.get("31337")).toMatchObject({ ok: false });
  });
});

describe("panel client with odd panels", () => {
  it("takes a multi-status answer with bare-string errors and missing ids", async () => {
    const p = await cannedPanel({ "1": { status: "Completed", charge: 0.5, remains: 0, start_count: "10" }, "2": "Incorrect order ID" });
    const client = new PanelClient({ url: p.url, key: "k" });
    const res = await client.statuses(["1", "2", "3"]);
    expect(res.get("1")).toMatchObject({ ok: true, value: { status: "completed", remains: 0 } });
    expect(res.get("2")).toEqual({ ok: false, error: "Incorrect order ID" });
    expect(res.get("3")).toMatchObject({ ok: false });
    await client.close();
    await p.close();
  });

  it("reads a 422 with an error body as the panel's refusal", async () => {
    const p = await cannedPanel({ error: "Not enough funds on balance", status: 422 }, 422);
    const client = new PanelClient({ url: p.url, key: "k" });
    const err = await client.add({ service: "1", link: "https://x", quantity: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(PanelError);
    expect(err.kind).toBe("not_enough_funds");
    await client.close();
    await p.close();
  });

  it("reports JSON of the wrong shape as a transport error, not a success", async () => {
    const p = await cannedPanel({ ok: true });
    const client = new PanelClient({ url: p.url, key: "k" });
    const err = await client.add({ service: "1", link: "https://x", quantity: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(PanelTransportError);
    expect(err.failure).toBe("bad_shape");
    expect(err.mayHaveReached).toBe(true);
    await client.close();
    await p.close();
  });

  it("skips a malformed service instead of losing the whole catalog", async () => {
    const p = await cannedPanel([
      { service: 1, name: "Good", rate: "1", min: "10", max: "100", category: "A" },
      { service: 2, name: "No rate", min: "10", max: "100" },
      { service: 3, name: "Min above max", rate: "1", min: "100", max: "10" },
    ]);
    const client = new PanelClient({ url: p.url, key: "k" });
    const { services, skipped } = await client.services();
    expect(services.map((s) => s.id)).toEqual(["1"]);
    expect(skipped).toBe(2);
    await client.close();
    await p.close();
  });
});

describe("panel client multi answers with string values", () => {
  it('takes refill ids and refill statuses given as strings, and cancel accepted as "1"', async () => {
    const p = await cannedPanel([
      { order: 1, refill: "77", cancel: "1", status: "Completed", refill_id: 1 },
      { order: 2, refill: { error: "Refill is disabled for this service" }, cancel: "Incorrect order ID" },
    ]);
    const client = new PanelClient({ url: p.url, key: "k" });
    expect((await client.refills(["1", "2"])).get("1")).toEqual({ ok: true, value: "77" });
    expect((await client.refills(["2"])).get("2")).toEqual({ ok: false, error: "Refill is disabled for this service" });
    const cancel = await client.cancel(["1", "2"]);
    expect(cancel.get("1")).toEqual({ ok: true, value: true });
    expect(cancel.get("2")).toEqual({ ok: false, error: "Incorrect order ID" });
    await client.close();
    await p.close();
  });
});

describe("panel client with other scripts' dialects (canned answers)", () => {
  async function withPanel<T>(body: unknown, status: number, run: (client: PanelClient) => Promise<T>): Promise<T> {
    const p = await cannedPanel(body, status);
    const client = new PanelClient({ url: p.url, key: "k", retries: 0 });
    try {
      return await run(client);
    } finally {
      await client.close();
      await p.close();
    }
  }

  it("reads refusals sent with 400/401/402/403/422 from the body, keeping the panel's text", async () => {
    const cases: Array<[number, unknown, string, string]> = [
      [400, { error: "neworder.error.min_quantity" }, "neworder.error.min_quantity", "quantity_min"],
      [401, { error: "API is Disable for this user or User Not Found! Contact the Support" }, "API is Disable for this user or User Not Found! Contact the Support", "invalid_key"],
      [402, { error: "neworder.error.not_enough_funds", status: 402 }, "neworder.error.not_enough_funds", "not_enough_funds"],
      [403, { error: "Forbidden" }, "Forbidden", "invalid_key"],
      [422, { error: "neworder.error.link_duplicate" }, "neworder.error.link_duplicate", "active_order"],
      [401, { message: "Unauthenticated." }, "Unauthenticated.", "invalid_key"],
      [422, { message: "The given data was invalid.", errors: { quantity: ["The quantity must be at least 100."] } }, "The quantity must be at least 100.", "other"],
    ];
    for (const [status, body, text, kind] of cases) {
      const err = await withPanel(body, status, (c) => c.add({ service: "1", link: "https://x", quantity: 1 }).catch((e) => e));
      expect(err, `${status} ${text}`).toBeInstanceOf(PanelError);
      expect(err.panelMessage).toBe(text);
      expect(err.kind, text).toBe(kind);
      expect(err.httpStatus).toBe(status);
    }
    // A 5xx, or a 4xx without a readable refusal, is not a refusal: the order may exist. Also when
    // the 5xx's body is shaped like one (the panel failed after creating it, or a gateway answered).
    for (const [body, status] of [
      [{ message: "Server Error" }, 500],
      [{ error: "Internal Server Error" }, 500],
      [{ error: "upstream timed out" }, 502],
      [{ status: false, message: "Service Unavailable" }, 503],
    ] as const) {
      const err = await withPanel(body, status, (c) => c.add({ service: "1", link: "https://x", quantity: 1 }).catch((e) => e));
      expect(err, JSON.stringify(body)).toBeInstanceOf(PanelTransportError);
      expect(err.mayHaveReached).toBe(true);
      expect(err.httpStatus).toBe(status);
    }
  });

  it("takes a new order answered with 201, with an extra status and a non-numeric id", async () => {
    const id = await withPanel({ status: "success", order: "ord_01HX9ZK2M3" }, 201, (c) => c.add({ service: "1", link: "https://x", quantity: 1 }));
    expect(id).toBe("ord_01HX9ZK2M3");
    const bal = await withPanel({ status: "success", balance: "12.5", currency: "UZS" }, 200, (c) => c.balance());
    expect(bal.balance.toFixed()).toBe("12.5");
    expect(bal.currency).toBe("UZS");
    const refill = await withPanel({ status: "success", refill: "ref_01HX" }, 200, (c) => c.refill("ord_01HX9ZK2M3"));
    expect(refill).toBe("ref_01HX");
    // The answer wrapped in `data` is the answer.
    const wrapped = await withPanel({ status: "success", data: { balance: "3", currency: "BRL" } }, 200, (c) => c.balance());
    expect(wrapped.balance.toFixed()).toBe("3");
  });

  it("reads an empty catalog said in words, and a catalog wrapped in data", async () => {
    expect(await withPanel({ status: "success", data: "Empty Data" }, 200, (c) => c.services())).toEqual({ services: [], skipped: 0 });
    const wrapped = await withPanel({ status: "success", data: [{ service: 1, name: "A", rate: "1", min: 10, max: 100 }] }, 200, (c) => c.services());
    expect(wrapped.services.map((s) => s.id)).toEqual(["1"]);
    const keyed = await withPanel({ status: "success", "1": { service: 1, name: "A", rate: "1", min: 10, max: 100 } }, 200, (c) => c.services());
    expect(keyed).toMatchObject({ skipped: 0, services: [{ id: "1" }] });
    // Other words are not a catalog: an error, so the cached catalog stays.
    const err = await withPanel({ status: "success", data: "Maintenance" }, 200, (c) => c.services().catch((e) => e));
    expect(err).toBeInstanceOf(PanelTransportError);
  });

  it("reads statuses with new words, odd remains, a drip-feed parent and non-numeric ids", async () => {
    const body = {
      ord_01A: { status: "Success", charge: "1", remains: "-2", start_count: "10" },
      ord_01B: { status: "Awaiting approval", charge: "1", remains: "Unknown" },
      ord_01C: { status: "In progress", runs: "3", orders: [101, 102, 103] },
      ord_01D: { status: "Rejected", charge: "0", remains: "100" },
      ord_01E: { status: "Processed", charge: "1", remains: "0" },
      ord_01F: { status: "Paused" },
      ord_01G: { status: "Expired" },
    };
    const res = await withPanel(body, 200, (c) => c.statuses(Object.keys(body)));
    expect(res.get("ord_01A")).toMatchObject({ ok: true, value: { status: "completed", remains: 0, startCount: 10 } });
    expect(res.get("ord_01B")).toMatchObject({ ok: true, value: { status: "pending", remains: null } });
    expect(res.get("ord_01C")).toMatchObject({ ok: true, value: { status: "in_progress", charge: null, remains: null } });
    expect(res.get("ord_01D")).toMatchObject({ ok: true, value: { status: "failed", statusRaw: "Rejected" } });
    expect(res.get("ord_01E")).toMatchObject({ ok: true, value: { status: "unknown", statusRaw: "Processed" } });
    expect(res.get("ord_01F")).toMatchObject({ ok: true, value: { status: "unknown", statusRaw: "Paused" } });
    expect(res.get("ord_01G")).toMatchObject({ ok: true, value: { status: "completed", statusRaw: "Expired" } });
    const single = await withPanel({ status: "In progress", runs: 3, orders: ["ord_01X", "ord_01Y"] }, 200, (c) => c.status("ord_01P"));
    expect(single).toMatchObject({ status: "in_progress", statusRaw: "In progress" });
  });

  it("takes a cancel accepted with a cancel id or a word, and refusals per id", async () => {
    const list = [
      { order: 1, cancel: 57 },
      { order: 2, cancel: "requested" },
      { order: 3, cancel: "Cannot cancel" },
      { order: 4, cancel: { error: "cancel.error.not_allowed" } },
      { order: "ord_01A", cancel: "can_01HX7" },
      { order: 6, cancel: 0 },
    ];
    const res = await withPanel(list, 200, (c) => c.cancel(["1", "2", "3", "4", "ord_01A", "6"]));
    expect(res.get("1")).toEqual({ ok: true, value: true });
    expect(res.get("2")).toEqual({ ok: true, value: true });
    expect(res.get("3")).toEqual({ ok: false, error: "Cannot cancel" });
    expect(res.get("4")).toEqual({ ok: false, error: "cancel.error.not_allowed" });
    expect(res.get("ord_01A")).toEqual({ ok: true, value: true });
    expect(res.get("6")).toEqual({ ok: false, error: "unexpected answer for this id" });
    // One order: its row alone, or just the value.
    expect((await withPanel({ order: 2, cancel: 57 }, 200, (c) => c.cancel(["2"]))).get("2")).toEqual({ ok: true, value: true });
    expect((await withPanel({ status: "success", cancel: "requested" }, 200, (c) => c.cancel(["2"]))).get("2")).toEqual({ ok: true, value: true });
    expect((await withPanel('"requested"', 200, (c) => c.cancel(["2"]))).get("2")).toEqual({ ok: true, value: true });
    expect((await withPanel('"Cannot cancel"', 200, (c) => c.cancel(["2"]))).get("2")).toEqual({ ok: false, error: "Cannot cancel" });
  });

  it("gives a refill cool-down and an unsupported action as their own kinds", async () => {
    const cool = await withPanel({ error: "Refill can be requested after 24 hours" }, 200, (c) => c.refill("1").catch((e) => e));
    expect(cool).toMatchObject({ kind: "refill_cooldown", panelMessage: "Refill can be requested after 24 hours" });
    const none = await withPanel({ error: "This action is Invalid" }, 200, (c) => c.refills(["1", "2"]).catch((e) => e));
    expect(none).toBeInstanceOf(PanelError);
    expect(none.kind).toBe("unsupported_action");
  });
});

describe("panel client against the simulator's dialects", () => {
  it("SmartPanel: a bad key and the actions it lacks", async () => {
    const sim = await startPanelSimulator({ auto: false, dialect: "smartpanel" });
    const panel = new PanelClient({ url: sim.url, key: sim.apiKey, retries: 0 });
    const bad = new PanelClient({ url: sim.url, key: "nope", retries: 0 });
    try {
      const keyErr = await bad.balance().catch((e) => e);
      expect(keyErr).toMatchObject({ kind: "invalid_key", panelMessage: "API is Disable for this user or User Not Found! Contact the Support" });
      const svc = (await panel.services()).services.find((s) => s.type === "Default" && s.refill && s.cancel)!;
      const id = await panel.add({ service: svc.id, link: "https://x.y/sp", quantity: svc.min });
      sim.setOrder(id, { status: "Completed" });
      expect((await panel.status(id)).status).toBe("completed");
      for (const call of [() => panel.refill(id), () => panel.refills([id]), () => panel.cancel([id]), () => panel.refillStatuses(["1"])]) {
        const err = await call().catch((e) => e);
        expect(err).toBeInstanceOf(PanelError);
        expect(err.kind).toBe("unsupported_action");
      }
    } finally {
      await bad.close();
      await panel.close();
      await sim.close();
    }
  });

  it("a Laravel clone: keys for texts, 422/401/201, wrapped answers, string ids, cancel ids, cool-down", async () => {
    const sim = await startPanelSimulator({ auto: false, dialect: "clone", balance: "5" });
    const panel = new PanelClient({ url: sim.url, key: sim.apiKey, retries: 0 });
    const bad = new PanelClient({ url: sim.url, key: "nope", retries: 0 });
    try {
      expect(await bad.balance().catch((e) => e)).toMatchObject({ kind: "invalid_key", httpStatus: 401 });
      expect((await panel.balance()).balance.toFixed()).toBe("5");
      const svc = (await panel.services()).services.find((s) => s.type === "Default" && s.refill && s.cancel)!;
      const add = (link: string, quantity = svc.min) => panel.add({ service: svc.id, link, quantity }).catch((e) => e);
      expect(await add("https://x.y/a", svc.min - 1)).toMatchObject({ kind: "quantity_min", panelMessage: "neworder.error.min_quantity", httpStatus: 422 });
      expect(await add("https://x.y/a", svc.max + 1)).toMatchObject({ kind: "quantity_max", panelMessage: "neworder.error.max_quantity" });
      const a = await add("https://x.y/a");
      expect(a).toMatch(/^ord_01\d+$/);
      expect(await add("https://x.y/a")).toMatchObject({ kind: "active_order", panelMessage: "neworder.error.link_duplicate" });
      sim.setBalance("0");
      expect(await add("https://x.y/b")).toMatchObject({ kind: "not_enough_funds", panelMessage: "neworder.error.not_enough_funds" });
      sim.setBalance("100");
      const b = await add("https://x.y/b");

      expect((await panel.cancel([b])).get(b)).toEqual({ ok: true, value: true });
      expect(sim.getOrder(b)?.status).toBe("Canceled");
      expect((await panel.cancel([b])).get(b)).toEqual({ ok: false, error: "Cannot cancel" });

      sim.setOrder(a, { status: "Completed", remains: "-2" });
      expect(await panel.status(a)).toMatchObject({ status: "completed", remains: 0 });
      const refillId = await panel.refill(a);
      expect(refillId).toMatch(/^ref_01\d+$/);
      expect((await panel.refillStatuses([refillId])).get(refillId)).toMatchObject({ ok: true, value: { status: "pending" } });
      expect(await panel.refill(a).catch((e) => e)).toMatchObject({ kind: "refill_cooldown", panelMessage: "Refill can be requested after 24 hours" });
    } finally {
      await bad.close();
      await panel.close();
      await sim.close();
    }
  });

  it("a clone with nothing to sell says so in words", async () => {
    const sim = await startPanelSimulator({ auto: false, dialect: "clone", catalog: [] });
    const panel = new PanelClient({ url: sim.url, key: sim.apiKey, retries: 0 });
    try {
      expect(await panel.services()).toEqual({ services: [], skipped: 0 });
    } finally {
      await panel.close();
      await sim.close();
    }
  });
});
