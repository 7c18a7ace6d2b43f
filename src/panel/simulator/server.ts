import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateCatalog } from "./catalog.js";
import type { SimService } from "./catalog.js";
import { PanelState } from "./state.js";
import type { SimDialect, SimOrder } from "./state.js";

export type { SimService } from "./catalog.js";
export type { SimDialect, SimOrder, SimRefill } from "./state.js";

export interface SimOptions {
  /** 0 = random free port (default) */
  port?: number;
  host?: string;
  apiKey?: string;
  catalog?: SimService[];
  balance?: string;
  currency?: string;
  /** orders progress by themselves over time (default true); false: they stay Pending until setOrder */
  auto?: boolean;
  timing?: { pendingMs?: number; inProgressMs?: number };
  seed?: number;
  /** which panel script's words and shapes to answer in (default "perfect") */
  dialect?: SimDialect;
}

const FAULT_KINDS = ["http500", "html", "empty", "garbage", "slow", "reset", "error"] as const;
export type SimFaultKind = (typeof FAULT_KINDS)[number];

export interface SimFault {
  kind: SimFaultKind;
  /** only requests with this action (undefined = any) */
  action?: string;
  /** how many matching requests fail (default 1) */
  times?: number;
  /** slow: how long to wait before answering (default 5000) */
  delayMs?: number;
  /** error: the error text; garbage: the exact raw body to send instead of the built-in ones */
  message?: string;
}

export interface PanelSimulator {
  url: string;
  apiKey: string;
  close(): Promise<void>;
  setOrder(id: string, patch: { status?: string; remains?: string | number; start_count?: string | number; charge?: string }): void;
  getOrder(id: string): SimOrder | undefined;
  orders(): SimOrder[];
  setRefill(id: string, status: string): void;
  setBalance(amount: string): void;
  /** a service's rate from now on */
  setServiceRate(serviceId: string, rate: string): void;
  balance(): string;
  /** Next `times` requests (default 1) whose action matches (undefined = any) fail this way. */
  injectFault(f: SimFault): void;
  clearFaults(): void;
  /** every request received, in order: action and params (key omitted) */
  requests(): { action: string; params: Record<string, string> }[];
  /** the same with when each came (ms), for benchmarks that measure lateness */
  timedRequests(): { action: string; params: Record<string, string>; at: number }[];
  resetRequests(): void;
  counts(): Record<string, number>;
  /** Answers an API action in-process, without HTTP and without the request log (bulk seeding in benchmarks). */
  handle(action: string, params: Record<string, string>): unknown;
}

const MAX_BODY = 1 << 20;

const HTML_500 =
  "<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
const HTML_CLOUDFLARE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>' +
  '<body><div class="main-wrapper" role="main"><div class="main-content"><h1>Checking if the site connection is secure</h1>' +
  "<p>Enable JavaScript and cookies to continue</p></div></div><noscript>Ray ID: 8c1f2a3b4d5e6f70</noscript></body></html>";
// Both shapes defeat a "strip everything before the first {" recovery: the JSON itself is cut short.
const GARBAGE = ['<br />\n<b>Warning</b>:  mysqli::query(): MySQL server has gone away in <b>/var/www/html/api/v2.php</b> on line <b>88</b><br />\n{"order": ', '{"charge":"0.2781'];

type Params = Record<string, string>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Real panels read form bodies, JSON bodies and query strings alike; the body wins over the query. */
function parseParams(req: IncomingMessage, query: URLSearchParams, body: string): Params {
  const out: Params = Object.fromEntries(query);
  if ((req.headers["content-type"] ?? "").includes("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return out;
    }
    if (json && typeof json === "object" && !Array.isArray(json)) {
      for (const [k, v] of Object.entries(json)) {
        if (v === null || v === undefined) continue;
        out[k] = Array.isArray(v) ? v.join(",") : String(v);
      }
    }
    return out;
  }
  for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}

function send(res: ServerResponse, status: number, body: string, type = "application/json; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export async function startPanelSimulator(opts: SimOptions = {}): Promise<PanelSimulator> {
  const apiKey = opts.apiKey ?? "sim-key";
  const host = opts.host ?? "127.0.0.1";
  const seed = opts.seed ?? 1;
  const state = new PanelState({
    catalog: opts.catalog ?? generateCatalog({ seed }),
    balance: opts.balance ?? "1000",
    currency: opts.currency ?? "USD",
    auto: opts.auto ?? true,
    pendingMs: opts.timing?.pendingMs ?? 2000,
    inProgressMs: opts.timing?.inProgressMs ?? 5000,
    seed,
    dialect: opts.dialect ?? "perfect",
  });
  const dialect = opts.dialect ?? "perfect";
  let faults: (SimFault & { times: number })[] = [];
  let log: { action: string; params: Params; at: number }[] = [];
  let perAction: Record<string, number> = {};
  let garbageTurn = 0;
  const timers = new Set<NodeJS.Timeout>();

  const takeFault = (action: string): SimFault | undefined => {
    const i = faults.findIndex((f) => f.action === undefined || f.action === action);
    const f = faults[i];
    if (!f) return undefined;
    if (--f.times <= 0) faults.splice(i, 1);
    return f;
  };

  const api = (res: ServerResponse, params: Params): void => {
    const { key, action = "", ...rest } = params;
    log.push({ action, params: rest, at: Date.now() });
    perAction[action] = (perAction[action] ?? 0) + 1;
    const answer = () => JSON.stringify(key === apiKey ? state.handle(action, rest) : state.badKey());
    const fault = takeFault(action);
    switch (fault?.kind) {
      case undefined: {
        if (dialect !== "clone") return send(res, 200, answer());
        // A clone sends refusals with 401/422 and a new order with 201.
        const body = answer();
        const refused = body.startsWith('{"error"');
        return send(res, key !== apiKey ? 401 : refused ? 422 : action === "add" ? 201 : 200, body);
      }
      case "http500":
        return send(res, 500, HTML_500, "text/html");
      case "html":
        return send(res, 200, HTML_CLOUDFLARE, "text/html; charset=UTF-8");
      case "empty":
        return send(res, 200, "");
      case "garbage":
        return send(res, 200, fault.message ?? (GARBAGE[garbageTurn++ % GARBAGE.length] as string), "text/html; charset=UTF-8");
      case "error":
        return send(res, 200, JSON.stringify({ error: fault.message ?? "Service temporarily unavailable" }));
      case "reset":
        res.socket?.destroy();
        return;
      case "slow": {
        // The action takes effect now and only the answer is late: a client that times out on `add`
        // has still bought the order, which is the case a bot must survive without charging twice.
        const body = answer();
        const t = setTimeout(() => {
          timers.delete(t);
          if (!res.destroyed) send(res, 200, body);
        }, fault.delayMs ?? 5000);
        timers.add(t);
        return;
      }
    }
  };

  const control = (res: ServerResponse, path: string, method: string, body: Params): void => {
    try {
      if (method === "GET" && path === "orders") return send(res, 200, JSON.stringify(state.orders()));
      if (method === "GET" && path === "requests") return send(res, 200, JSON.stringify(log));
      if (method === "POST" && path === "order") {
        const { id, ...patch } = body;
        state.setOrder(id ?? "", patch);
      } else if (method === "POST" && path === "refill") state.setRefill(body.id ?? "", body.status ?? "");
      else if (method === "POST" && path === "balance") state.setBalance(body.amount ?? "");
      else if (method === "POST" && path === "fault") sim.injectFault(body as unknown as SimFault);
      else return send(res, 404, JSON.stringify({ error: "unknown control" }));
      send(res, 200, JSON.stringify({ ok: true }));
    } catch (e) {
      send(res, 400, JSON.stringify({ error: (e as Error).message }));
    }
  };

  const server = createServer({ keepAlive: true }, (req, res) => {
    const url = new URL(req.url ?? "/", "http://sim");
    readBody(req)
      .then((body) => {
        const params = parseParams(req, url.searchParams, body);
        if (url.pathname === "/api/v2" || url.pathname === "/api/v2/") return api(res, params);
        if (url.pathname.startsWith("/__sim/")) return control(res, url.pathname.slice(7), req.method ?? "GET", params);
        send(res, 404, "<html><body><h1>404 Not Found</h1></body></html>", "text/html");
      })
      .catch((e: unknown) => {
        // A simulator bug (e.g. a catalog rate that is not a number) must surface, not hang the client.
        if (res.headersSent || res.destroyed) res.destroy();
        else send(res, 500, JSON.stringify({ error: `simulator: ${(e as Error).message}` }));
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(":") ? `[${host}]` : host;

  const sim: PanelSimulator = {
    url: `http://${hostInUrl}:${port}/api/v2`,
    apiKey,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    setOrder: (id, patch) => state.setOrder(id, patch),
    getOrder: (id) => state.getOrder(id),
    orders: () => state.orders(),
    setRefill: (id, status) => state.setRefill(id, status),
    setBalance: (amount) => state.setBalance(amount),
    setServiceRate: (id, rate) => state.setServiceRate(id, rate),
    balance: () => state.balance(),
    injectFault: (f) => {
      // Also reached from /__sim/fault with untyped JSON: an unknown kind would leave requests unanswered.
      if (!FAULT_KINDS.includes(f.kind)) throw new Error(`simulator: unknown fault kind ${String(f.kind)}`);
      faults.push({ ...f, times: Math.max(1, Number(f.times ?? 1)), ...(f.delayMs !== undefined && { delayMs: Number(f.delayMs) }) });
    },
    clearFaults: () => {
      faults = [];
    },
    requests: () => log.map((r) => ({ action: r.action, params: { ...r.params } })),
    timedRequests: () => log.map((r) => ({ action: r.action, params: { ...r.params }, at: r.at })),
    resetRequests: () => {
      log = [];
      perAction = {};
    },
    counts: () => ({ ...perAction }),
    handle: (action, params) => state.handle(action, params),
  };
  return sim;
}
