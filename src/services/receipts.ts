/**
 * Manual top-ups: the customer transfers money outside Telegram (card, bank) and sends a photo or
 * file of the receipt; every admin gets a copy with Approve / Reject.
 *
 * The first decision wins: one Lua step moves the receipt out of "pending", so two admins pressing
 * at once cannot both decide. An approval credits the wallet with onceKey `receipt:<id>`.
 * `settleReceipt` may run any number of times (again after a restart between the decision and the
 * credit, or when another admin presses later): it credits at most once and tells the user once.
 */
import { randomBytes } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { AppDeps } from "../app.js";
import { D, moneyString, type Money } from "../money.js";
import { keys as keysFor, type Keys, type Redis } from "../store/redis.js";
import { escapeHtml, truncate } from "../text/html.js";
import { formatMoney } from "../text/format.js";

export type ReceiptState = "pending" | "approved" | "rejected";
export type ReceiptDecision = Exclude<ReceiptState, "pending">;

export interface Receipt {
  id: string;
  userId: number;
  /** the customer's chat and their receipt message, which admins get a copy of */
  chatId: number;
  messageId: number;
  firstName: string;
  username?: string;
  /** what the customer says they transferred, in the panel currency */
  amount: string;
  createdAt: number;
  state: ReceiptState;
  decidedBy?: number;
  /** the deciding admin as shown to the other admins */
  decidedByName?: string;
  /** what an approval credits: the customer's amount unless the admin gave another */
  approvedAmount?: string;
  /** the customer has been told the decision */
  notified: boolean;
  /** Telegram file id of the photo or document, for the back office to show it */
  fileId?: string;
}

/** Receipts stay long enough for disputes about them. */
const RECEIPT_KEEP_SECONDS = 180 * 24 * 60 * 60;
/** Admins type receipt ids: no 0/O or 1/I to confuse. 32 letters, so a random byte maps evenly. */
const ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const RECEIPT_ID_RE = /^[A-HJ-NP-Z2-9]{8}$/;

export const receiptCallback = {
  approve: (id: string) => `rc:a:${id}`,
  reject: (id: string) => `rc:r:${id}`,
};
export const receiptCallbackMatch = {
  decide: /^rc:([ar]):([A-HJ-NP-Z2-9]{8})$/,
  /** data of ours in no valid shape: stale or forged */
  ours: /^rc:/,
};

/** Receipts waiting for a decision, score = created ms (the lead moves the key into the registry). */
const pendingKey = (prefix: string) => `${prefix}topup:receipts:pending`;

// Moves a pending receipt to its decision; returns 0 missing, 1 decided before, 2 decided now.
const DECIDE = `
local k = KEYS[1]
if redis.call('EXISTS', k) == 0 then return 0 end
if redis.call('HGET', k, 'state') ~= 'pending' then return 1 end
redis.call('ZREM', KEYS[2], ARGV[6])
redis.call('HSET', k, 'state', ARGV[1], 'decidedBy', ARGV[2], 'decidedByName', ARGV[3], 'decidedAt', ARGV[4])
if ARGV[5] ~= '' then redis.call('HSET', k, 'approvedAmount', ARGV[5]) end
return 2
`;

function newReceiptId(): string {
  return [...randomBytes(8)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

export class ReceiptStore {
  private readonly k: Keys;
  private readonly pending: string;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
    this.pending = pendingKey(prefix);
  }

  async create(input: Omit<Receipt, "id" | "createdAt" | "state" | "notified">, now = Date.now()): Promise<Receipt> {
    for (;;) {
      const id = newReceiptId();
      const key = this.k.receipt(id);
      // Claim the id first: 40 random bits rarely collide, but a collision must not merge two receipts.
      if ((await this.redis.hsetnx(key, "id", id)) === 0) continue;
      const receipt: Receipt = { ...input, id, createdAt: now, state: "pending", notified: false };
      const fields: Record<string, string> = {
        userId: String(receipt.userId),
        chatId: String(receipt.chatId),
        messageId: String(receipt.messageId),
        firstName: receipt.firstName.slice(0, 64),
        amount: receipt.amount,
        createdAt: String(now),
        state: "pending",
      };
      if (receipt.username) fields.username = receipt.username.slice(0, 64);
      if (receipt.fileId) fields.fileId = receipt.fileId.slice(0, 256);
      await this.redis.multi().hset(key, fields).expire(key, RECEIPT_KEEP_SECONDS).zadd(this.pending, now, id).exec();
      return receipt;
    }
  }

  async get(id: string): Promise<Receipt | null> {
    if (!RECEIPT_ID_RE.test(id)) return null;
    const h = await this.redis.hgetall(this.k.receipt(id));
    if (!h.id || !h.state) return null;
    return {
      id: h.id,
      userId: Number(h.userId),
      chatId: Number(h.chatId),
      messageId: Number(h.messageId),
      firstName: h.firstName ?? "",
      username: h.username,
      amount: h.amount ?? "0",
      createdAt: Number(h.createdAt),
      state: h.state === "approved" || h.state === "rejected" ? h.state : "pending",
      decidedBy: h.decidedBy ? Number(h.decidedBy) : undefined,
      decidedByName: h.decidedByName,
      approvedAmount: h.approvedAmount,
      notified: h.notified === "1",
      fileId: h.fileId,
    };
  }

  /** Receipts waiting for a decision, oldest first, and how many there are. */
  async listPending(offset: number, count: number): Promise<{ receipts: Receipt[]; total: number }> {
    const [ids, total] = await Promise.all([this.redis.zrange(this.pending, offset, offset + count - 1), this.redis.zcard(this.pending)]);
    const receipts = await Promise.all(ids.map((id) => this.get(id)));
    // A receipt past its keep time is gone from Redis but not from the index: drop it here.
    const gone = ids.filter((_, i) => receipts[i] === null);
    if (gone.length > 0) await this.redis.zrem(this.pending, ...gone);
    return { receipts: receipts.filter((r): r is Receipt => r !== null && r.state === "pending"), total: total - gone.length };
  }

  /** The atomic first-decision-wins step. `won` is false when someone decided before. */
  async decide(
    id: string,
    decision: ReceiptDecision,
    admin: { id: number; name: string },
    amount?: Money,
  ): Promise<{ won: boolean; receipt: Receipt } | null> {
    if (!RECEIPT_ID_RE.test(id)) return null;
    const result = (await this.redis.eval(
      DECIDE,
      2,
      this.k.receipt(id),
      this.pending,
      decision,
      String(admin.id),
      admin.name.slice(0, 64),
      String(Date.now()),
      decision === "approved" && amount ? moneyString(amount) : "",
      id,
    )) as number;
    if (result === 0) return null;
    const receipt = await this.get(id);
    return receipt ? { won: result === 2, receipt } : null;
  }

  async markNotified(id: string): Promise<void> {
    await this.redis.hset(this.k.receipt(id), "notified", "1");
  }
}

/** A Telegram user for admins: a link to their profile, the @username and the id. */
export function userMention(user: { id: number; firstName: string; username?: string }): string {
  const name = escapeHtml(truncate(user.firstName || String(user.id), 64));
  const handle = user.username ? ` @${escapeHtml(user.username)}` : "";
  return `<a href="tg://user?id=${user.id}">${name}</a>${handle} (${user.id})`;
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The admin's caption of a receipt, with its decision once there is one. */
export function receiptCaption(t: Translate, receipt: Receipt, locale: string, currency: string): string {
  const lines = [
    t("topup-receipt-admin", {
      id: receipt.id,
      user: userMention({ id: receipt.userId, firstName: receipt.firstName, username: receipt.username }),
      amount: formatMoney(new D(receipt.amount), locale, currency),
    }),
  ];
  const decision = decisionLine(t, receipt, locale, currency);
  if (decision) lines.push("", decision);
  return lines.join("\n");
}

/** "✅ Approved by Ann: 10.00 USD" / "❌ Rejected by Ann"; null while pending. */
export function decisionLine(t: Translate, receipt: Receipt, locale: string, currency: string): string | null {
  const admin = escapeHtml(receipt.decidedByName ?? String(receipt.decidedBy ?? ""));
  if (receipt.state === "approved") {
    return t("topup-receipt-approved-by", { admin, amount: formatMoney(new D(receipt.approvedAmount ?? receipt.amount), locale, currency) });
  }
  if (receipt.state === "rejected") return t("topup-receipt-rejected-by", { admin });
  return null;
}

export function receiptKeyboard(t: Translate, id: string): InlineKeyboard {
  return new InlineKeyboard().text(t("topup-receipt-approve"), receiptCallback.approve(id)).text(t("topup-receipt-reject"), receiptCallback.reject(id));
}

type ReceiptDeps = Pick<AppDeps, "redis" | "config" | "wallet" | "outbox" | "users" | "i18n">;

async function localeOf(deps: ReceiptDeps, userId: number): Promise<string> {
  return (await deps.users.getLocale(userId)) ?? deps.config.defaultLocale;
}

/** Records a receipt and sends every admin a copy of the customer's message with the decision buttons. */
export async function submitReceipt(deps: ReceiptDeps, input: Omit<Receipt, "id" | "createdAt" | "state" | "notified">): Promise<Receipt> {
  const receipt = await new ReceiptStore(deps.redis, deps.config.redis.prefix).create(input);
  for (const adminId of deps.config.adminIds) {
    const locale = await localeOf(deps, adminId);
    const t: Translate = (key, vars) => deps.i18n.t(locale, key, vars);
    await deps.outbox.enqueue({
      chatId: adminId,
      copyFrom: { chatId: receipt.chatId, messageId: receipt.messageId },
      text: receiptCaption(t, receipt, locale, deps.config.currency),
      parseMode: "HTML",
      replyMarkup: receiptKeyboard(t, receipt.id),
      key: `receipt:${receipt.id}:admin:${adminId}`,
    });
  }
  return receipt;
}

/**
 * Decides a receipt (first decision wins) and settles it. An approval without `amount` credits what
 * the customer gave. Null when there is no such receipt.
 */
export async function decideReceipt(
  deps: ReceiptDeps,
  id: string,
  decision: ReceiptDecision,
  admin: { id: number; name: string },
  amount?: Money,
): Promise<{ won: boolean; receipt: Receipt } | null> {
  const store = new ReceiptStore(deps.redis, deps.config.redis.prefix);
  const result = await store.decide(id, decision, admin, amount);
  if (result) await settleReceipt(deps, result.receipt);
  return result;
}

/**
 * Carries out a decision that has been made: credits an approval (once, by onceKey) and tells the
 * customer (once). Safe to run again after a crash at any point.
 */
export async function settleReceipt(deps: ReceiptDeps, receipt: Receipt): Promise<void> {
  if (receipt.state === "pending") return;
  let balance: Money | undefined;
  const amount = new D(receipt.approvedAmount ?? receipt.amount);
  if (receipt.state === "approved") {
    ({ balance } = await deps.wallet.credit(
      receipt.userId,
      amount,
      { reason: "payment", ref: `receipt:${receipt.id}`, adminId: receipt.decidedBy },
      `receipt:${receipt.id}`,
    ));
  }
  if (receipt.notified) return;
  const locale = await localeOf(deps, receipt.userId);
  const { currency } = deps.config;
  const text =
    balance === undefined
      ? deps.i18n.t(locale, "topup-receipt-user-rejected", { id: receipt.id })
      : deps.i18n.t(locale, "topup-receipt-user-approved", {
          id: receipt.id,
          amount: formatMoney(amount, locale, currency),
          balance: formatMoney(balance, locale, currency),
        });
  // The key makes a repeat after a crash between enqueue and markNotified harmless.
  await deps.outbox.enqueue({ chatId: receipt.chatId, text, parseMode: "HTML", key: `receipt:${receipt.id}:outcome` });
  await new ReceiptStore(deps.redis, deps.config.redis.prefix).markNotified(receipt.id);
}
