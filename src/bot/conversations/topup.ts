/**
 * The top-up dialog as a small state machine in Redis rather than a conversation: it has at most
 * two questions (the amount, then for a transfer the receipt), survives restarts as it is, and
 * every other handler stays free to run in between.
 */
import type { TopupMethod } from "../../services/payments.js";
import type { BotContext } from "../context.js";
import { dialogUnderWay, enterDialog, takeDialog } from "./active-dialog.js";

export type TopupStep =
  /** waiting for an amount (stars for the Stars method) */
  | { step: "amount"; method: TopupMethod }
  /** waiting for the receipt of a transfer of `amount` */
  | { step: "receipt"; amount: string };

/** An abandoned dialog ends by itself: a number typed an hour later is not taken as an amount. */
const DIALOG_TTL_SECONDS = 30 * 60;

const METHODS: readonly string[] = ["provider", "stars", "manual"] satisfies TopupMethod[];
const isMethod = (m: unknown): m is TopupMethod => typeof m === "string" && METHODS.includes(m);

function parseStep(raw: string | null): TopupStep | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (v.step === "amount" && isMethod(v.method)) return { step: "amount", method: v.method };
    if (v.step === "receipt" && typeof v.amount === "string") return { step: "receipt", amount: v.amount };
  } catch {
    // A value in an older shape is treated as no dialog.
  }
  return null;
}

/** The top-up step under way in this update, else null. */
export const topupStep = (ctx: BotContext): TopupStep | null => parseStep(dialogUnderWay(ctx, "topup"));

/** Starts the top-up dialog at `step`, or moves it on; any other dialog ends. */
export const enterTopupDialog = (ctx: BotContext, step: TopupStep): Promise<void> => enterDialog(ctx, { kind: "topup", payload: JSON.stringify(step) }, DIALOG_TTL_SECONDS);

/** Ends the top-up dialog; true when it was under way (and this update took it). */
export const leaveTopupDialog = async (ctx: BotContext): Promise<boolean> => (await takeDialog(ctx, "topup")) !== null;
