import { RedisStore } from "./redis-store.js";
import { randomBytes } from "node:crypto";
import { moneyString, type Money } from "../money.js";

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
  /** what the customer wrote under the receipt (a payment reference, the card's last digits), cut to RECEIPT_NOTE_MAX */
  note?: string;
}

/** How much of the customer's caption a receipt keeps. */
export const RECEIPT_NOTE_MAX = 300;

/** How long an album's other files are known as part of a receipt. */
const ALBUM_KEEP_SECONDS = 120;
/** Receipts stay long enough for disputes about them. */
const RECEIPT_KEEP_SECONDS = 180 * 24 * 60 * 60;
/** Admins type receipt ids: no 0/O or 1/I to confuse. 32 letters, so a random byte maps evenly. */
const ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const RECEIPT_ID_RE = /^[A-HJ-NP-Z2-9]{8}$/;

function newReceiptId(): string {
  return [...randomBytes(8)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

/** Manual top-up receipts; the first decision wins (one Lua step moves a receipt out of "pending"). */
export class ReceiptStore extends RedisStore {
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
      if (receipt.note) fields.note = [...receipt.note].slice(0, RECEIPT_NOTE_MAX).join("");
      await this.redis.multi().hset(key, fields).expire(key, RECEIPT_KEEP_SECONDS).zadd(this.k.receiptsPending, now, id).exec();
      return receipt;
    }
  }

  /** The receipt came from an album (Telegram sends its files as separate messages, a second apart at most). */
  async markAlbum(userId: number, mediaGroupId: string, receiptId: string): Promise<void> {
    await this.redis.set(this.k.receiptAlbum(userId, mediaGroupId), receiptId, "EX", ALBUM_KEEP_SECONDS);
  }

  /** The receipt an album's first file became, if this is such an album. */
  async albumReceipt(userId: number, mediaGroupId: string): Promise<string | null> {
    return this.redis.get(this.k.receiptAlbum(userId, mediaGroupId));
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
      note: h.note,
    };
  }

  /** Receipts waiting for a decision, oldest first, and how many there are. */
  async listPending(offset: number, count: number): Promise<{ receipts: Receipt[]; total: number }> {
    const [ids, total] = await Promise.all([this.redis.zrange(this.k.receiptsPending, offset, offset + count - 1), this.redis.zcard(this.k.receiptsPending)]);
    const receipts = await Promise.all(ids.map((id) => this.get(id)));
    // A receipt past its keep time is gone from Redis but not from the index: drop it here.
    const gone = ids.filter((_, i) => receipts[i] === null);
    if (gone.length > 0) await this.redis.zrem(this.k.receiptsPending, ...gone);
    return { receipts: receipts.filter((r): r is Receipt => r !== null && r.state === "pending"), total: total - gone.length };
  }

  /** The atomic first-decision-wins step. `won` is false when someone decided before. */
  async decide(id: string, decision: ReceiptDecision, admin: { id: number; name: string }, amount?: Money): Promise<{ won: boolean; receipt: Receipt } | null> {
    if (!RECEIPT_ID_RE.test(id)) return null;
    const result = await this.scripts.receiptDecide(
      { receipt: this.k.receipt(id), pending: this.k.receiptsPending },
      { decision, adminId: admin.id, adminName: admin.name.slice(0, 64), now: Date.now(), amount: decision === "approved" && amount ? moneyString(amount) : "", id },
    );
    if (result === 0) return null;
    const receipt = await this.get(id);
    return receipt ? { won: result === 2, receipt } : null;
  }

  async markNotified(id: string): Promise<void> {
    await this.redis.hset(this.k.receipt(id), "notified", "1");
  }
}
