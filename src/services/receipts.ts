/**
 * Manual top-ups: the customer transfers money outside Telegram (card, bank) and sends a photo or
 * file of the receipt; every admin gets a copy with Approve / Reject.
 *
 * The first decision wins: one Lua step moves the receipt out of "pending", so two admins pressing
 * at once cannot both decide. An approval credits the wallet with onceKey `receipt:<id>`.
 * `settleReceipt` may run any number of times (again after a restart between the decision and the
 * credit, or when another admin presses later): it credits at most once and tells the user once.
 */
import { InlineKeyboard } from "grammy";
import type { AppDeps } from "../app.js";
import { D, type Money } from "../money.js";
import { RECEIPT_NOTE_MAX, type Receipt, type ReceiptDecision } from "../store/receipts.js";
import type { Translate } from "./notifier.js";
import { escapeHtml, truncate } from "../text/html.js";
import { formatMoney } from "../text/format.js";

export { RECEIPT_ID_RE, type Receipt, type ReceiptDecision, type ReceiptState } from "../store/receipts.js";

export const receiptCallback = {
  approve: (id: string) => `rc:a:${id}`,
  reject: (id: string) => `rc:r:${id}`,
};
export const receiptCallbackMatch = {
  decide: /^rc:([ar]):([A-HJ-NP-Z2-9]{8})$/,
  /** data of ours in no valid shape: stale or forged */
  ours: /^rc:/,
};

/** A Telegram user for admins: a link to their profile, the @username and the id. */
export function userMention(user: { id: number; firstName: string; username?: string }): string {
  const name = escapeHtml(truncate(user.firstName || String(user.id), 64));
  const handle = user.username ? ` @${escapeHtml(user.username)}` : "";
  return `<a href="tg://user?id=${user.id}">${name}</a>${handle} (${user.id})`;
}

/** The admin's caption of a receipt, with its decision once there is one. */
export function receiptCaption(t: Translate, receipt: Receipt, locale: string, currency: string): string {
  const lines = [
    t("topup-receipt-admin", {
      id: receipt.id,
      user: userMention({ id: receipt.userId, firstName: receipt.firstName, username: receipt.username }),
      amount: formatMoney(new D(receipt.amount), locale, currency),
    }),
  ];
  // The customer's own words (a payment reference): the admin's copy replaces the photo's caption.
  if (receipt.note) lines.push(t("topup-receipt-admin-note", { note: escapeHtml(truncate(receipt.note, RECEIPT_NOTE_MAX)) }));
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

type ReceiptDeps = Pick<AppDeps, "receipts" | "config" | "wallet" | "notifier">;

/** Records a receipt and sends every admin a copy of the customer's message with the decision buttons. */
export async function submitReceipt(deps: ReceiptDeps, input: Omit<Receipt, "id" | "createdAt" | "state" | "notified">): Promise<Receipt> {
  const receipt = await deps.receipts.create(input);
  await deps.notifier.toAdmins((t, locale) => ({ text: receiptCaption(t, receipt, locale, deps.config.currency), replyMarkup: receiptKeyboard(t, receipt.id) }), {
    key: `receipt:${receipt.id}:admin`,
    copyFrom: { chatId: receipt.chatId, messageId: receipt.messageId },
  });
  return receipt;
}

/**
 * Decides a receipt (first decision wins) and settles it. An approval without `amount` credits what
 * the customer gave. Null when there is no such receipt.
 */
export async function decideReceipt(deps: ReceiptDeps, id: string, decision: ReceiptDecision, admin: { id: number; name: string }, amount?: Money): Promise<{ won: boolean; receipt: Receipt } | null> {
  const result = await deps.receipts.decide(id, decision, admin, amount);
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
    ({ balance } = await deps.wallet.credit(receipt.userId, amount, { reason: "payment", ref: `receipt:${receipt.id}`, adminId: receipt.decidedBy }, `receipt:${receipt.id}`, {
      kind: "topup:receipt",
    }));
  }
  if (receipt.notified) return;
  const { currency } = deps.config;
  const tell = (t: Translate, locale: string) =>
    balance === undefined
      ? t("topup-receipt-user-rejected", { id: receipt.id })
      : t("topup-receipt-user-approved", { id: receipt.id, amount: formatMoney(amount, locale, currency), balance: formatMoney(balance, locale, currency) });
  // The key makes a repeat after a crash between enqueue and markNotified harmless.
  await deps.notifier.toUser({ userId: receipt.userId, chatId: receipt.chatId }, tell, { key: `receipt:${receipt.id}:outcome` });
  await deps.receipts.markNotified(receipt.id);
}
