/**
 * Callback data of Approve / Reject on an admin's copy of a receipt (features/receipts.ts). The
 * buttons are built by services/receipts.ts (receiptKeyboard) in the same format, so copies sent
 * before a deploy keep working; test/callback-data.test.ts keeps the two in step.
 */
import type { ReceiptDecision } from "../../services/receipts.js";
import { anyDataOf, createCallbackData, field } from "./define.js";

export const receiptData = createCallbackData("rc", {
  decision: field.code<ReceiptDecision>({ approved: "a", rejected: "r" }),
  /** services/receipts.ts RECEIPT_ID_RE */
  receiptId: field.text("[A-HJ-NP-Z2-9]", 8, 8),
});

/** receipt data in no valid shape: stale or forged */
export const anyReceiptData = anyDataOf(receiptData);
