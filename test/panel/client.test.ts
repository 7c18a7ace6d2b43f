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
  it("takes refill ids and refill statuses given as strings, and cancel accepted as \"1\"", async () => {
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
