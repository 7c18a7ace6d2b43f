import { Decimal } from "decimal.js";
import type { SimService } from "./catalog.js";
import { hash32 } from "./random.js";

export interface SimOrder {
  id: string;
  service: string;
  type: string;
  link: string;
  /** quantity as sent (per run for drip-feed; 1 for packages; line count for custom comments) */
  quantity: number;
  runs?: number;
  interval?: number;
  comments?: string[];
  /** type-specific fields the order carried (usernames, hashtags, …) */
  extra: Record<string, string>;
  /** what the account paid at order time */
  price: string;
  /** what the order costs now: lower than price after Partial/Canceled, the difference went back to the balance */
  charge: string;
  start_count: string;
  remains: string;
  status: string;
  createdAt: number;
  /** still progressing by itself; false once final, canceled, or taken over by setOrder */
  auto: boolean;
}

export interface SimRefill {
  id: string;
  order: string;
  status: string;
  createdAt: number;
  auto: boolean;
}

/**
 * Which panel script the simulator speaks (see panel-api-facts, "Dialects"):
 * - perfect: Perfect Panel, as the seed document shows (default).
 * - smartpanel: SmartPanel's texts; it has only add, status, services and balance.
 * - clone: a Laravel/PHP clone: untranslated error keys, 422/401 refusals, 201 on add, an extra
 *   "status":"success", the catalog wrapped in `data`, non-numeric ids, cancel ids, a 24 h refill
 *   cool-down and a refusal of a second active order for the same link.
 */
export type SimDialect = "perfect" | "smartpanel" | "clone";

export interface PanelStateOptions {
  catalog: SimService[];
  dialect?: SimDialect;
  balance: string;
  currency: string;
  auto: boolean;
  pendingMs: number;
  inProgressMs: number;
  seed: number;
}

type Params = Record<string, string>;
type Answer = unknown;

/** Ids lists are capped at 100 by real panels; the simulator enforces it so clients must chunk. */
const MAX_IDS = 100;
const FINAL_REFUND_STATUSES = new Set(["partial", "canceled", "cancelled", "refunded", "fail", "error"]);
const FINAL_STATUSES = new Set([...FINAL_REFUND_STATUSES, "completed"]);
const REFILLABLE = new Set(["completed", "partial"]);

// Types shaped like Default (link + quantity) that also need their own list fields.
const EXTRA_FIELDS: Record<string, string[]> = {
  Mentions: ["usernames"],
  "Mentions with Hashtags": ["usernames", "hashtags"],
  "Mentions Hashtag": ["hashtag"],
  "Mentions User Followers": ["username"],
  "Mentions Media Likers": ["media"],
  "Comment Likes": ["username"],
  Poll: ["answer_number"],
  "Invites from Groups": ["groups"],
  SEO: ["keywords"],
};

const norm = (status: string) => status.toLowerCase().replace(/\s+/g, "");
const money = (d: Decimal) => d.toDecimalPlaces(5, Decimal.ROUND_HALF_UP).toFixed();
/** Ids go out as numbers when numeric, as the doc shows; they stay strings inside. */
const idOut = (id: string): number | string => (/^\d{1,15}$/.test(id) ? Number(id) : id);
const lines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const idList = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const total = (o: SimOrder) => o.quantity * (o.runs ?? 1);

/** A clone's refill cool-down. */
export const CLONE_REFILL_COOLDOWN_MS = 24 * 60 * 60 * 1000;

type ErrorCode = "service" | "link" | "min" | "max" | "funds" | "order" | "duplicate" | "cannot_cancel" | "refill_cooldown";
/** The texts of a clone's language table that nobody translated. */
const CLONE_TEXTS: Record<ErrorCode, string> = {
  service: "neworder.error.service_not_found",
  link: "neworder.error.invalid_link",
  min: "neworder.error.min_quantity",
  max: "neworder.error.max_quantity",
  funds: "neworder.error.not_enough_funds",
  order: "order.error.not_found",
  duplicate: "neworder.error.link_duplicate",
  cannot_cancel: "Cannot cancel",
  refill_cooldown: "Refill can be requested after 24 hours",
};
export const SMARTPANEL_BAD_KEY = "API is Disable for this user or User Not Found! Contact the Support";
export const SMARTPANEL_NO_ACTION = "This action is Invalid";

/** The panel's books: catalog, account, orders and refills, and the API v2 actions over them. */
export class PanelState {
  private readonly services = new Map<string, SimService>();
  private readonly servicesAnswer: unknown[];
  private readonly ordersById = new Map<string, SimOrder>();
  private readonly refills = new Map<string, SimRefill>();
  private account: Decimal;
  private nextOrderId: number;
  private nextRefillId: number;
  private nextCancelId = 50;
  private readonly dialect: SimDialect;

  constructor(private readonly o: PanelStateOptions) {
    for (const s of o.catalog) this.services.set(s.service, { ...s });
    this.servicesAnswer = o.catalog.map((s) => ({ ...s, service: idOut(s.service) }));
    this.account = new Decimal(o.balance);
    this.nextOrderId = 10_000 + (hash32(o.seed, "orders") % 90_000);
    this.nextRefillId = 1_000 + (hash32(o.seed, "refills") % 9_000);
    this.dialect = o.dialect ?? "perfect";
  }

  /** An error answer in the dialect's words; `english` is Perfect Panel's text. */
  private fail(code: ErrorCode, english: string): { error: string } {
    return { error: this.dialect === "clone" ? CLONE_TEXTS[code] : english };
  }

  /** The answer to a wrong key, in the dialect's words. */
  badKey(): { error: string } {
    return { error: this.dialect === "smartpanel" ? SMARTPANEL_BAD_KEY : this.dialect === "clone" ? "api.error.invalid_key" : "Invalid API key" };
  }

  /** A clone adds "status":"success" to its answers and wraps lists in `data`. */
  private ok(body: Record<string, unknown>): Answer {
    return this.dialect === "clone" ? { status: "success", ...body } : body;
  }

  balance(): string {
    return this.account.toFixed();
  }

  /** The panel changes a service's rate (what a panel does now and then): later services and add answers use it. */
  setServiceRate(serviceId: string, rate: string): void {
    const service = this.services.get(serviceId);
    if (!service) throw new Error(`no service ${serviceId}`);
    service.rate = rate;
    const answer = this.servicesAnswer.find((s) => String((s as { service: unknown }).service) === idOut(serviceId).toString()) as { rate: string } | undefined;
    if (answer) answer.rate = rate;
  }

  setBalance(amount: string): void {
    this.account = new Decimal(amount);
  }

  getOrder(id: string): SimOrder | undefined {
    const o = this.ordersById.get(id);
    if (!o) return undefined;
    this.advance(o, Date.now());
    return { ...o };
  }

  orders(): SimOrder[] {
    const now = Date.now();
    return [...this.ordersById.values()].map((o) => {
      this.advance(o, now);
      return { ...o };
    });
  }

  /**
   * Test override; the order stops progressing by itself. Missing fields follow the status the way a
   * panel would: Completed -> remains 0, Canceled -> remains all, and for refunding statuses the charge
   * drops in proportion to remains with the difference returned to the balance. Explicit fields win.
   */
  setOrder(id: string, patch: { status?: string; remains?: string | number; start_count?: string | number; charge?: string }): void {
    const o = this.ordersById.get(id);
    if (!o) throw new Error(`simulator: no order ${id}`);
    this.advance(o, Date.now());
    o.auto = false;
    const all = total(o);
    if (patch.status !== undefined) {
      o.status = patch.status;
      const s = norm(patch.status);
      if (s === "completed") o.remains = "0";
      else if (s === "canceled" || s === "cancelled" || s === "refunded") o.remains = String(all);
      else if (s === "partial" && !(Number(o.remains) > 0 && Number(o.remains) < all)) o.remains = String(Math.ceil(all / 2));
      if ((s === "inprogress" || s === "processing") && o.start_count === "0") o.start_count = this.startCount(o);
    }
    if (patch.remains !== undefined) o.remains = String(patch.remains);
    if (patch.start_count !== undefined) o.start_count = String(patch.start_count);
    if (patch.charge !== undefined) this.setCharge(o, new Decimal(patch.charge));
    else if (FINAL_REFUND_STATUSES.has(norm(o.status))) this.setCharge(o, this.delivered(o));
  }

  setRefill(id: string, status: string): void {
    const r = this.refills.get(id);
    if (!r) throw new Error(`simulator: no refill ${id}`);
    r.status = status;
    r.auto = false;
  }

  handle(action: string, p: Params): Answer {
    if (this.dialect === "smartpanel" && (action === "refill" || action === "refill_status" || action === "cancel")) return { error: SMARTPANEL_NO_ACTION };
    switch (action) {
      case "services":
        if (this.dialect === "clone") return { status: "success", data: this.servicesAnswer.length ? this.servicesAnswer : "Empty Data" };
        return this.servicesAnswer;
      case "add":
        return this.add(p);
      case "status":
        return this.status(p);
      case "refill":
        return this.refill(p);
      case "refill_status":
        return this.refillStatus(p);
      case "cancel":
        return this.cancel(p);
      case "balance":
        return this.ok({ balance: this.balance(), currency: this.o.currency });
      default:
        return { error: "Incorrect request" };
    }
  }

  private add(p: Params): Answer {
    const svc = this.services.get((p.service ?? "").trim());
    if (!svc) return this.fail("service", "Incorrect service ID");
    if (svc.type === "Subscriptions") return { error: "Subscriptions are not supported by the simulator" };
    const link = (p.link ?? "").trim();
    if (!link) return this.fail("link", "Bad link");

    const flat = svc.type.endsWith("Package");
    const byComments = svc.type.startsWith("Custom Comments");
    const comments = byComments ? lines(p.comments) : undefined;
    let quantity = 1;
    if (byComments && !flat) quantity = comments?.length ?? 0;
    else if (byComments && !comments?.length) return { error: "Bad comments" };
    else if (!flat) {
      const q = (p.quantity ?? "0").trim();
      if (!/^\d+$/.test(q)) return { error: "Incorrect quantity" };
      quantity = Number(q);
    }

    // Drip-feed only where the service offers it; elsewhere runs/interval are ignored like other unknown fields.
    let runs: number | undefined;
    let interval: number | undefined;
    if (svc.dripfeed && !flat && !byComments && p.runs !== undefined && p.runs !== "") {
      if (!/^\d+$/.test(p.runs) || Number(p.runs) < 1) return { error: "Incorrect runs" };
      if (!/^\d+$/.test(p.interval ?? "")) return { error: "Incorrect interval" };
      runs = Number(p.runs);
      interval = Number(p.interval);
    }

    const extra: Record<string, string> = {};
    for (const f of EXTRA_FIELDS[svc.type] ?? []) {
      const v = (p[f] ?? "").trim();
      if (!v) return { error: `Bad ${f}` };
      extra[f] = v;
    }

    if (!flat) {
      const amount = quantity * (runs ?? 1);
      if (amount < Number(svc.min)) return this.fail("min", `Quantity less than minimal ${svc.min}`);
      if (amount > Number(svc.max)) return this.fail("max", `Quantity more than maximum ${svc.max}`);
    }
    if (this.dialect === "clone" && this.orders().some((o) => o.link === link && !FINAL_STATUSES.has(norm(o.status))))
      return this.fail("duplicate", "You have active order with this link. Please wait until order being completed.");
    const rate = new Decimal(svc.rate);
    const charge = new Decimal(
      money(
        flat
          ? rate
          : rate
              .times(quantity)
              .times(runs ?? 1)
              .dividedBy(1000),
      ),
    );
    if (charge.gt(this.account)) return this.fail("funds", "Not enough funds on balance");
    this.account = this.account.minus(charge);

    const id = this.dialect === "clone" ? `ord_01${this.nextOrderId++}` : String(this.nextOrderId++);
    const order: SimOrder = {
      id,
      service: svc.service,
      type: svc.type,
      link,
      quantity,
      extra,
      price: charge.toFixed(),
      charge: charge.toFixed(),
      start_count: "0",
      remains: String(quantity * (runs ?? 1)),
      status: "Pending",
      createdAt: Date.now(),
      auto: this.o.auto,
    };
    if (runs !== undefined) order.runs = runs;
    if (interval !== undefined) order.interval = interval;
    if (comments) order.comments = comments;
    this.ordersById.set(id, order);
    return this.ok({ order: idOut(id) });
  }

  private status(p: Params): Answer {
    if (p.orders !== undefined) {
      const ids = idList(p.orders);
      if (ids.length > MAX_IDS) return { error: "Too many orders" };
      const now = Date.now();
      const out: Record<string, unknown> = {};
      for (const id of ids) out[id] = this.orderStatus(id, now);
      return out;
    }
    return this.orderStatus((p.order ?? "").trim(), Date.now());
  }

  private orderStatus(id: string, now: number): unknown {
    const o = this.ordersById.get(id);
    if (!o) return this.fail("order", "Incorrect order ID");
    this.advance(o, now);
    return { charge: o.charge, start_count: o.start_count, status: o.status, remains: o.remains, currency: this.o.currency };
  }

  private refill(p: Params): Answer {
    if (p.orders !== undefined) {
      const ids = idList(p.orders);
      if (ids.length > MAX_IDS) return { error: "Too many orders" };
      return ids.map((id) => {
        const r = this.createRefill(id);
        return { order: idOut(id), refill: typeof r === "string" ? idOut(r) : r };
      });
    }
    const r = this.createRefill((p.order ?? "").trim());
    return typeof r === "string" ? this.ok({ refill: r }) : r;
  }

  private createRefill(orderId: string): string | { error: string } {
    const o = this.ordersById.get(orderId);
    if (!o) return this.fail("order", "Incorrect order ID");
    this.advance(o, Date.now());
    if (!this.services.get(o.service)?.refill) return { error: "Refill is disabled for this service" };
    if (!REFILLABLE.has(norm(o.status))) return { error: "The order is not completed" };
    if (this.dialect === "clone" && [...this.refills.values()].some((r) => r.order === orderId && Date.now() - r.createdAt < CLONE_REFILL_COOLDOWN_MS)) return { error: CLONE_TEXTS.refill_cooldown };
    const id = this.dialect === "clone" ? `ref_01${this.nextRefillId++}` : String(this.nextRefillId++);
    this.refills.set(id, { id, order: orderId, status: "Pending", createdAt: Date.now(), auto: this.o.auto });
    return id;
  }

  private refillStatus(p: Params): Answer {
    if (p.refills !== undefined) {
      const ids = idList(p.refills);
      if (ids.length > MAX_IDS) return { error: "Too many refills" };
      return ids.map((id) => ({ refill: idOut(id), status: this.refillState(id) }));
    }
    const s = this.refillState((p.refill ?? "").trim());
    return typeof s === "string" ? { status: s } : s;
  }

  private refillState(id: string): string | { error: string } {
    const r = this.refills.get(id);
    if (!r) return { error: "Refill not found" };
    if (r.auto) {
      const t = Date.now() - r.createdAt;
      if (t >= this.o.pendingMs + this.o.inProgressMs) {
        r.status = "Completed";
        r.auto = false;
      } else if (t >= this.o.pendingMs) r.status = "In progress";
    }
    return r.status;
  }

  private cancel(p: Params): Answer {
    const ids = idList(p.orders ?? p.order ?? "");
    if (ids.length > MAX_IDS) return { error: "Too many orders" };
    const now = Date.now();
    const rows = ids.map((id) => {
      const o = this.ordersById.get(id);
      // A clone answers an accepted cancel with its cancel id and a refusal with a bare text.
      let result: number | string | { error: string } = this.dialect === "clone" ? this.nextCancelId++ : 1;
      if (!o) result = this.fail("order", "Incorrect order ID");
      else {
        this.advance(o, now);
        if (!this.services.get(o.service)?.cancel) result = { error: "Cancel is disabled for this service" };
        else if (FINAL_STATUSES.has(norm(o.status))) result = this.dialect === "clone" ? CLONE_TEXTS.cannot_cancel : { error: "The order cannot be canceled" };
        else {
          o.auto = false;
          o.status = "Canceled";
          o.remains = String(total(o));
          this.setCharge(o, new Decimal(0));
        }
      }
      return { order: idOut(id), cancel: result };
    });
    // …and a one-order cancel with that order's row alone, not a list.
    return this.dialect === "clone" && rows.length === 1 ? rows[0] : rows;
  }

  /**
   * Auto progress is a pure function of the clock, applied when an order is read: no timers, so a
   * hundred thousand orders cost only their memory.
   */
  private advance(o: SimOrder, now: number): void {
    if (!o.auto) return;
    const t = now - o.createdAt;
    const { pendingMs, inProgressMs } = this.o;
    if (t < pendingMs) return;
    const all = total(o);
    o.start_count = this.startCount(o);
    if (t < pendingMs + inProgressMs) {
      o.status = "In progress";
      o.remains = String(all - Math.floor((all * (t - pendingMs)) / inProgressMs));
      return;
    }
    o.auto = false;
    const roll = hash32(this.o.seed, `outcome:${o.id}`) % 100;
    if (roll < 80 || all < 2) {
      o.status = "Completed";
      o.remains = "0";
    } else if (roll < 92) {
      o.status = "Partial";
      o.remains = String(1 + (hash32(this.o.seed, `partial:${o.id}`) % (all - 1)));
      this.setCharge(o, this.delivered(o));
    } else {
      o.status = "Canceled";
      o.remains = String(all);
      this.setCharge(o, new Decimal(0));
    }
  }

  private startCount(o: SimOrder): string {
    return String(hash32(this.o.seed, `start:${o.id}`) % 100_000);
  }

  /** The part of the price that paid for what was delivered. */
  private delivered(o: SimOrder): Decimal {
    const all = total(o);
    const done = Math.min(all, Math.max(0, all - Number(o.remains)));
    return new Decimal(money(new Decimal(o.price).times(done).dividedBy(all)));
  }

  /** The account always holds deposits minus current charges, so any charge change moves the balance. */
  private setCharge(o: SimOrder, next: Decimal): void {
    this.account = this.account.plus(o.charge).minus(next);
    o.charge = next.toFixed();
  }
}
