import pRetry from "p-retry";
import { Agent, request, errors as undiciErrors } from "undici";
import type { z } from "zod";
import type { Logger } from "../logger.js";
import { makeScrubber } from "../logger.js";
import type { Money } from "../money.js";
import { PanelError, PanelTransportError } from "./errors.js";
import {
  addAnswerSchema,
  balanceSchema,
  idLike,
  orderStatusSchema,
  perIdError,
  refillAnswerSchema,
  refillStatusSchema,
  serviceSchema,
  type PanelOrderStatus,
  type PanelRefillStatus,
  type PanelService,
  type PerId,
} from "./schemas.js";

/** Panels document at most 100 ids per multi request. */
export const MAX_IDS_PER_REQUEST = 100;

/** Fields of `add`. Which ones a service needs depends on its type (see panel-api-facts). */
export interface AddOrderRequest {
  service: string;
  link?: string;
  quantity?: number;
  runs?: number;
  interval?: number;
  /** Custom Comments: one comment per line */
  comments?: string;
  usernames?: string;
  hashtags?: string;
  hashtag?: string;
  username?: string;
  media?: string;
  answer_number?: string;
  groups?: string;
  keywords?: string;
}

export type CallOutcome = "ok" | "panel_error" | "transport_error";

export interface PanelClientOptions {
  url: string;
  key: string;
  /** whole-request limit; real-world clients use 30 s */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** retries for read-only actions only */
  retries?: number;
  /** first retry delay; grows ×2 with jitter */
  retryDelayMs?: number;
  userAgent?: string;
  logger?: Logger;
  /** called once per HTTP exchange, for metrics */
  onCall?: (action: string, outcome: CallOutcome, ms: number) => void;
}

const CONNECT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);
/** HTTP statuses panels send refusals with (the request was read and refused, not lost). */
const REFUSAL_HTTP = new Set([400, 401, 402, 403, 422]);

/**
 * Client for the Perfect Panel style "API v2". Every answer is validated; read-only actions are
 * retried on transport failures; `add`, `refill` and `cancel` are sent exactly once, because the
 * panel has no idempotency key and a second `add` is a second order.
 */
export class PanelClient {
  private readonly agent: Agent;
  private readonly scrub: (s: string) => string;
  private readonly timeoutMs: number;

  constructor(private readonly opts: PanelClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.agent = new Agent({
      connect: { timeout: opts.connectTimeoutMs ?? 15_000 },
      keepAliveTimeout: 10_000,
      connections: 16,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    this.scrub = makeScrubber([opts.key]);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  async services(): Promise<{ services: PanelService[]; skipped: number }> {
    const body = await this.read("services", {});
    // A panel with nothing to sell may say so in words: {"status":"success","data":"Empty Data"}.
    // Other words are not a catalog: the cached one is kept.
    if (typeof body === "string") {
      if (/^\s*$|empty|no (data|services?)/i.test(body)) return { services: [], skipped: 0 };
      throw this.shapeError("services", `expected a list of services, got "${body.slice(0, 50)}"`);
    }
    // Keyed by service id, perhaps beside an extra "status": "success": only the objects are services.
    const rows = Array.isArray(body) ? body : isRecord(body) ? Object.values(body).filter(isRecord) : null;
    if (!rows) throw this.shapeError("services", "expected a list of services");
    const services: PanelService[] = [];
    let skipped = 0;
    // One malformed service must not hide the whole catalog.
    for (const row of rows) {
      const parsed = serviceSchema.safeParse(row);
      if (parsed.success && parsed.data.min <= parsed.data.max && parsed.data.rate.gte(0)) services.push(parsed.data);
      else skipped++;
    }
    if (skipped > 0) this.opts.logger?.warn({ skipped }, "panel services: skipped malformed entries");
    return { services, skipped };
  }

  /** Places an order. Never retried: on a transport error with mayHaveReached the order may exist. */
  async add(req: AddOrderRequest): Promise<string> {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(req)) if (v !== undefined && v !== "") params[k] = String(v);
    const body = await this.send("add", params);
    return this.parse("add", addAnswerSchema, body).order;
  }

  async status(orderId: string): Promise<PanelOrderStatus> {
    return this.parse("status", orderStatusSchema, await this.read("status", { order: orderId }));
  }

  /** Status of many orders, ≤ 100 ids a request; each id gets its own value or its own error. */
  async statuses(orderIds: string[]): Promise<Map<string, PerId<PanelOrderStatus>>> {
    const out = new Map<string, PerId<PanelOrderStatus>>();
    for (const chunk of chunks(unique(orderIds), MAX_IDS_PER_REQUEST)) {
      const body = await this.read("status", { orders: chunk.join(",") });
      // Some panels answer a one-id multi request in the single-order shape.
      const keyed = chunk.length === 1 && isRecord(body) && "status" in body ? { [chunk[0]!]: body } : body;
      if (!isRecord(keyed)) throw this.shapeError("status", "expected an object keyed by order id");
      for (const id of chunk) out.set(id, perId(keyed[id], orderStatusSchema, { bareStringIsError: true }));
    }
    return out;
  }

  async refill(orderId: string): Promise<string> {
    return this.parse("refill", refillAnswerSchema, await this.send("refill", { order: orderId })).refill;
  }

  /** Refill of many orders. Sent once per chunk, never retried. */
  async refills(orderIds: string[]): Promise<Map<string, PerId<string>>> {
    const out = new Map<string, PerId<string>>();
    for (const chunk of chunks(unique(orderIds), MAX_IDS_PER_REQUEST)) {
      const rows = listRows(await this.send("refill", { orders: chunk.join(",") }), "order", "refill", chunk);
      for (const id of chunk) out.set(id, perId(rows.get(id), idLike, { bareStringIsError: false }));
    }
    return out;
  }

  async refillStatus(refillId: string): Promise<PanelRefillStatus> {
    const body = await this.read("refill_status", { refill: refillId });
    if (!isRecord(body)) throw this.shapeError("refill_status", "expected an object");
    return this.parse("refill_status", refillStatusSchema, body.status);
  }

  async refillStatuses(refillIds: string[]): Promise<Map<string, PerId<PanelRefillStatus>>> {
    const out = new Map<string, PerId<PanelRefillStatus>>();
    for (const chunk of chunks(unique(refillIds), MAX_IDS_PER_REQUEST)) {
      const rows = listRows(await this.read("refill_status", { refills: chunk.join(",") }), "refill", "status", chunk);
      for (const id of chunk) out.set(id, perId(rows.get(id), refillStatusSchema, { bareStringIsError: false }));
    }
    return out;
  }

  /** Cancel of many orders. Sent once per chunk, never retried. */
  async cancel(orderIds: string[]): Promise<Map<string, PerId<true>>> {
    const out = new Map<string, PerId<true>>();
    for (const chunk of chunks(unique(orderIds), MAX_IDS_PER_REQUEST)) {
      const rows = listRows(await this.send("cancel", { orders: chunk.join(",") }), "order", "cancel", chunk);
      for (const id of chunk) {
        const value = rows.get(id);
        const error = cancelAccepted(value) ? null : value === undefined ? "missing from the panel's answer" : (perIdError(value) ?? "unexpected answer for this id");
        out.set(id, error === null ? { ok: true, value: true } : { ok: false, error });
      }
    }
    return out;
  }

  async balance(): Promise<{ balance: Money; currency?: string }> {
    return this.parse("balance", balanceSchema, await this.read("balance", {}));
  }

  /** Read-only actions: safe to repeat, so transport failures are retried with backoff and jitter. */
  private read(action: string, params: Record<string, string>): Promise<unknown> {
    return pRetry(() => this.send(action, params), {
      retries: this.opts.retries ?? 3,
      minTimeout: this.opts.retryDelayMs ?? 300,
      maxTimeout: 5_000,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => error instanceof PanelTransportError,
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        if (retriesLeft > 0 && error instanceof PanelTransportError) this.opts.logger?.warn({ action, attemptNumber, failure: error.failure }, "panel read failed, retrying");
      },
    });
  }

  /** One HTTP exchange; returns the JSON body once it is known not to be an error answer. */
  private async send(action: string, params: Record<string, string>): Promise<unknown> {
    const started = performance.now();
    let outcome: CallOutcome = "transport_error";
    try {
      const body = await this.exchange(action, params);
      outcome = "ok";
      return body;
    } catch (e) {
      if (e instanceof PanelError) outcome = "panel_error";
      throw e;
    } finally {
      this.opts.onCall?.(action, outcome, performance.now() - started);
    }
  }

  private async exchange(action: string, params: Record<string, string>): Promise<unknown> {
    const form = new URLSearchParams({ key: this.opts.key, action, ...params }).toString();
    let statusCode: number;
    let text: string;
    try {
      const res = await request(this.opts.url, {
        method: "POST",
        dispatcher: this.agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
          // Cloudflare-fronted panels challenge SDK-looking agents; look like a plain client.
          "user-agent": this.opts.userAgent ?? "Mozilla/5.0 (compatible; panelbot/0.1)",
        },
        body: form,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      statusCode = res.statusCode;
      text = await res.body.text();
    } catch (e) {
      throw this.transportError(action, e);
    }
    const json = parseLenientJson(text);
    if (json === undefined) {
      const what = text.trim() === "" ? "empty body" : text.trimStart().startsWith("<") ? "an HTML page" : "a body that is not JSON";
      throw new PanelTransportError(action, statusCode >= 400 ? "http" : "not_json", true, `HTTP ${statusCode} with ${what}`, statusCode);
    }
    // A 5xx is never a refusal, whatever its body says ({"error": "Internal Server Error"} from the
    // panel or a gateway in front of it): the panel may have done the work before it failed, so an
    // `add` answered so may exist and must not be refunded. Its text goes with it, for the admins.
    if (statusCode >= 500) {
      const said = errorAnswer(json) ?? messageOf(json);
      throw new PanelTransportError(action, "http", true, `HTTP ${statusCode}${said ? `: ${this.scrub(said).slice(0, 200)}` : ""}`, statusCode);
    }
    // Some panels send their refusal with 4xx; the body says what happened, so trust it. A
    // refusal status with only a `message` (Laravel clones) is a refusal too.
    const refusal = errorAnswer(json) ?? (REFUSAL_HTTP.has(statusCode) ? (validationError(json) ?? messageOf(json)) : null);
    if (refusal !== null) throw new PanelError(action, this.scrub(refusal).slice(0, 300), statusCode >= 400 ? statusCode : undefined);
    if (statusCode >= 400) throw new PanelTransportError(action, "http", true, `HTTP ${statusCode}`, statusCode);
    // Any 2xx is an answer: some clones answer a new order with 201.
    return successData(json);
  }

  private transportError(action: string, e: unknown): PanelTransportError {
    const err = e as { code?: string; name?: string; message?: string; cause?: { code?: string } };
    const code = err.code ?? err.cause?.code ?? "";
    const detail = this.scrub(`${err.name ?? "Error"}: ${err.message ?? String(e)}`).slice(0, 300);
    if (CONNECT_CODES.has(code) || e instanceof undiciErrors.ConnectTimeoutError) return new PanelTransportError(action, "connect", false, detail);
    if (TIMEOUT_CODES.has(code) || err.name === "TimeoutError" || err.name === "AbortError") return new PanelTransportError(action, "timeout", true, detail);
    return new PanelTransportError(action, "reset", true, detail);
  }

  private parse<S extends z.ZodType>(action: string, schema: S, body: unknown): z.output<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw this.shapeError(action, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    return parsed.data;
  }

  private shapeError(action: string, detail: string): PanelTransportError {
    return new PanelTransportError(action, "bad_shape", true, `unexpected answer: ${this.scrub(detail).slice(0, 300)}`);
  }
}

/** JSON, also with junk before it (PHP warnings) or a BOM; undefined when there is none. */
export function parseLenientJson(text: string): unknown {
  const s = text.replace(/^\uFEFF/, "").trim();
  if (s === "") return undefined;
  try {
    return JSON.parse(s);
  } catch {
    const start = s.search(/[[{]/);
    if (start <= 0) return undefined;
    try {
      return JSON.parse(s.slice(start));
    } catch {
      return undefined;
    }
  }
}

/** The refusal text of an error answer, in any of the shapes panels use; null for a normal answer. */
export function errorAnswer(json: unknown): string | null {
  if (!isRecord(json)) return null;
  if ("error" in json && json.error !== null && json.error !== false && json.error !== "") {
    return typeof json.error === "string" ? json.error : (messageOf(json.error) ?? JSON.stringify(json.error));
  }
  const message = messageOf(json) ?? undefined;
  if (json.success === false || json.status === false) return message ?? "request failed";
  // {"status":"fail","message":...}; an order's own status "Fail" comes without a message.
  if (typeof json.status === "string" && ["fail", "error"].includes(json.status) && message && !("charge" in json) && !("remains" in json)) return message;
  return null;
}

/** The `message` or `msg` text of an object, if it has one. */
function messageOf(json: unknown): string | null {
  if (!isRecord(json)) return null;
  const m = typeof json.message === "string" ? json.message : typeof json.msg === "string" ? json.msg : "";
  return m.trim() === "" ? null : m;
}

/** Laravel's 422: `{"message": "The given data was invalid.", "errors": {"quantity": ["…"]}}`: the first field's text says more. */
function validationError(json: unknown): string | null {
  if (!isRecord(json) || !isRecord(json.errors)) return null;
  const first: unknown = Object.values(json.errors)[0];
  const text: unknown = Array.isArray(first) ? (first as unknown[])[0] : first;
  return typeof text === "string" && text.trim() !== "" ? text : null;
}

/**
 * The answer inside a success wrapper: `{"status":"success","data": X}` is X. Only a body made of
 * wrapper fields is unwrapped, so an order status or a balance with an extra "status":"success"
 * beside its own fields is kept whole.
 */
function successData(json: unknown): unknown {
  if (!isRecord(json) || !("data" in json) || !(json.status === "success" || json.success === true)) return json;
  return Object.keys(json).every((k) => SUCCESS_WRAPPER_FIELDS.has(k)) ? json.data : json;
}
const SUCCESS_WRAPPER_FIELDS = new Set(["status", "success", "data", "message", "msg", "code"]);

/**
 * A cancel is accepted when the panel answers 1/true, a cancel id (`{"order": 2, "cancel": 57}`,
 * "can_01…"), or a word saying it was taken ("requested", "pending", "success"); `{error}`, a
 * refusal text ("Cannot cancel") or 0/false is not.
 */
export function cancelAccepted(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === "number") return Number.isInteger(value) && value > 0;
  if (typeof value !== "string") return false;
  const v = value.trim();
  if (/^[1-9]\d{0,18}$/.test(v)) return true;
  // An opaque id: a short prefix, an underscore or dash, and letters with digits (no words).
  if (/^[a-z]{1,8}[_-](?=[a-z0-9]*\d)[a-z0-9]{4,}$/i.test(v) && !/^(err|fail)/i.test(v)) return true;
  return CANCEL_ACCEPTED_WORDS.test(
    v
      .toLowerCase()
      .replace(/[^a-z]+/g, " ")
      .trim(),
  );
}
const CANCEL_ACCEPTED_WORDS = /^(cancel(lation|ling)? )?(true|ok|yes|success|successful|requested|accepted|pending|queued|done|canceled|cancelled|cancel(l)?ing)$/;

/**
 * One id's value in a multi answer. Where the value is an object (status), a bare string is that
 * id's error; where it is an id or a status text (refill, refill_status), only `{error}` is.
 */
function perId<S extends z.ZodType>(value: unknown, schema: S, opts: { bareStringIsError: boolean }): PerId<z.output<S>> {
  if (value === undefined) return { ok: false, error: "missing from the panel's answer" };
  const error = typeof value === "string" && !opts.bareStringIsError ? null : perIdError(value);
  if (error !== null) return { ok: false, error };
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: "unexpected answer for this id" };
}

/**
 * Multi refill/cancel/refill_status answers are arrays of `{order|refill: id, <field>: value}`;
 * some panels key an object by id instead. Both become id → value.
 */
function listRows(body: unknown, idField: string, valueField: string, asked: string[]): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  // A one-id request may get one row instead of a list ({"order": 2, "cancel": 57}), or only the
  // value ({"cancel": "requested"}, "requested").
  if (isRecord(body) && body[idField] !== undefined && valueField in body) body = [body];
  else if (asked.length === 1 && (typeof body === "string" || typeof body === "number" || (isRecord(body) && valueField in body && !(asked[0]! in body)))) {
    rows.set(asked[0]!, isRecord(body) ? body[valueField] : body);
    return rows;
  }
  if (Array.isArray(body)) {
    // Ids are numbers or strings; any other value matches no asked id, so its answer counts as missing.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    for (const row of body) if (isRecord(row) && row[idField] !== undefined) rows.set(String(row[idField]), row[valueField]);
  } else if (isRecord(body)) {
    for (const [id, value] of Object.entries(body)) rows.set(id, isRecord(value) && valueField in value ? value[valueField] : value);
  }
  return rows;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const unique = (ids: string[]) => [...new Set(ids.map(String))];

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
