/**
 * The second net under Stars payments: Telegram's own list of the bot's Stars transactions
 * (getStarTransactions) is compared with the wallets, and an incoming invoice payment that no
 * wallet has (its successful_payment update was lost) is credited, once, through the same
 * `creditPayment` as the update: keyed by `payment:<telegram_payment_charge_id>`, which is the
 * transaction's id. A payment whose payload names no Stars invoice of ours, or one issued to
 * another user, is never guessed: it is logged and reported to the admins.
 */
import { randomUUID } from "node:crypto";
import type { Api } from "grammy";
import type { StarTransaction } from "grammy/types";
import type { AppDeps } from "../app.js";
import { moneyString } from "../money.js";
import { formatInt } from "../text/format.js";
import { escapeHtml } from "../text/html.js";
import { creditPayment, STARS_CURRENCY, tellPaymentCredited } from "./payments.js";
import { userMention } from "./receipts.js";

/** A payment this young is left to its update, which may still be on its way. */
export const STARS_RECONCILE_GRACE_MS = 5 * 60 * 1000;
const PAGE = 100;
const LOCK_MS = 10 * 60 * 1000;

export type StarsReconcileDeps = Pick<AppDeps, "starsReconcile" | "invoices" | "config" | "wallet" | "notifier" | "logger">;

export interface StarsReconcileResult {
  /** transactions looked at */
  scanned: number;
  /** payments credited now (their update had been lost) */
  credited: number;
  /** payments matching no invoice of ours, reported to the admins */
  unmatched: number;
}

type Payment = { tx: StarTransaction; userId: number; firstName: string; username?: string; payload: string };

/** An incoming Stars payment of a user for an invoice, or null for any other transaction. */
function incomingPayment(tx: StarTransaction): Payment | null {
  const source = tx.source;
  if (source?.type !== "user") return null;
  // Older Bot API answers carry no transaction_type: an invoice payload then says what it was.
  if (source.transaction_type !== undefined && source.transaction_type !== "invoice_payment") return null;
  if (source.invoice_payload === undefined) return null;
  return { tx, userId: source.user.id, firstName: source.user.first_name, username: source.user.username, payload: source.invoice_payload };
}

/**
 * One run: reads the transactions from the stored cursor on (Telegram lists them oldest first),
 * credits what is missing, and moves the cursor past the transactions that are settled for good
 * (older than the grace period). One run at a time across processes.
 */
export async function reconcileStars(deps: StarsReconcileDeps, api: Pick<Api, "getStarTransactions">, now = Date.now()): Promise<StarsReconcileResult> {
  const state = deps.starsReconcile;
  const owner = randomUUID();
  const result: StarsReconcileResult = { scanned: 0, credited: 0, unmatched: 0 };
  if (!(await state.lock(owner, LOCK_MS))) return result;
  try {
    const start = await state.cursor();
    const transactions: StarTransaction[] = [];
    for (let offset = start; ; offset += PAGE) {
      const page = (await api.getStarTransactions({ offset, limit: PAGE })).transactions;
      transactions.push(...page);
      if (page.length < PAGE) break;
    }
    result.scanned = transactions.length;
    // A refund is a transaction of its own with the payment's id: a refunded payment is settled.
    const refunded = new Set(transactions.filter((t) => t.receiver?.type === "user").map((t) => t.id));
    let settled = 0;
    let ordered = true;
    for (const [i, tx] of transactions.entries()) {
      if (i > 0 && tx.date < transactions[i - 1]!.date) ordered = false;
      const young = now - tx.date * 1000 < STARS_RECONCILE_GRACE_MS;
      if (young) continue;
      if (settled === i) settled = i + 1;
      const payment = incomingPayment(tx);
      if (!payment || refunded.has(tx.id)) continue;
      const outcome = await settle(deps, payment);
      if (outcome === "credited") result.credited++;
      if (outcome === "unmatched") result.unmatched++;
    }
    // Only a list that really is oldest first may be skipped next time; otherwise start over.
    if (ordered) await state.setCursor(start + settled);
    else deps.logger.warn("Stars transactions are not oldest first; the next check reads them all again");
    if (result.credited > 0 || result.unmatched > 0) deps.logger.warn({ ...result }, "Stars check found payments the bot had not recorded");
    return result;
  } finally {
    await state.unlock(owner);
  }
}

async function settle(deps: StarsReconcileDeps, p: Payment): Promise<"known" | "credited" | "unmatched"> {
  const chargeId = p.tx.id;
  if (await deps.wallet.wasCredited(`payment:${chargeId}`)) return "known";
  const invoice = await deps.invoices.get(p.payload);
  // The payer must be the one the invoice was issued to; pre_checkout checks the same.
  if (!invoice || invoice.kind !== "stars" || invoice.userId !== p.userId) {
    await reportUnmatched(deps, p);
    return "unmatched";
  }
  const outcome = await creditPayment(deps, { invoicePayload: p.payload, currency: STARS_CURRENCY, totalAmount: p.tx.amount, telegramPaymentChargeId: chargeId });
  if (outcome.outcome !== "credited") return outcome.outcome === "unmatched" ? "unmatched" : "known";
  deps.logger.warn({ invoice: invoice.id, userId: invoice.userId, amount: moneyString(outcome.amount), charge: chargeId }, "Stars payment credited by the Stars check: its update had been lost");
  await tellPaymentCredited(deps, { userId: invoice.userId }, chargeId, outcome);
  return "credited";
}

/** Same message and keys as the successful_payment handler's: each admin hears of a payment once. */
async function reportUnmatched(deps: StarsReconcileDeps, p: Payment): Promise<void> {
  const chargeId = p.tx.id;
  deps.logger.error({ charge: chargeId, userId: p.userId, stars: p.tx.amount, payload: p.payload }, "Stars payment matches no invoice; not credited");
  const user = userMention({ id: p.userId, firstName: p.firstName, username: p.username });
  await deps.notifier.toAdmins((t, locale) => t("topup-admin-payment-unmatched", { user, total: `⭐ ${formatInt(p.tx.amount, locale)}`, charge: escapeHtml(chargeId) }), {
    key: `payment-unmatched:${chargeId}`,
  });
}
