/**
 * One dialog per user at a time, of any kind: the order dialog (conversations/order.ts, kept
 * by the conversations plugin), the top-up dialog (conversations/topup.ts), the promo-code
 * question (features/promo.ts) or an admin's typed input in the shop screens
 * (features/admin-shop.ts), the last three under one key (store/dialogs.ts). All are entered only
 * through this module, and entering one ends the others, so a text is only ever read as an answer
 * by the dialog the user entered last: never a quantity taken as a top-up amount, never an amount
 * taken as a link or a promo code.
 *
 * `ctx.dialog` is the dialog as read when the update arrived, kept current here: a handler asks it
 * first, and a text that answers no dialog costs no Redis command.
 */
import type { ActiveDialog, DialogKind } from "../../store/dialogs.js";
import type { BotContext } from "../context.js";
import { ORDER_CONVERSATION, type OrderDialogStart } from "./order.js";

/** The payload of the dialog of this kind under way, else null. */
export const dialogUnderWay = (ctx: BotContext, kind: DialogKind): string | null => (ctx.dialog?.kind === kind ? ctx.dialog.payload : null);

/** Ends whichever dialog is under way. */
export async function leaveDialogs(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  if (!ctx.from) return;
  await ctx.deps.dialogs.clear(ctx.from.id);
  ctx.dialog = null;
}

/**
 * Ends the dialog of this kind and returns its payload; null when none is under way, also when
 * another update took it first (taking is the claim: of two answers at once, one is taken).
 */
export async function takeDialog(ctx: BotContext, kind: DialogKind): Promise<string | null> {
  if (!ctx.from || ctx.dialog?.kind !== kind) return null;
  ctx.dialog = null;
  return ctx.deps.dialogs.take(ctx.from.id, kind);
}

/** Starts (or moves on) a dialog kept in Redis; an order dialog or another kind under way ends. */
export async function enterDialog(ctx: BotContext, dialog: ActiveDialog, ttlS: number): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.deps.dialogs.set(ctx.from!.id, dialog, ttlS);
  ctx.dialog = dialog;
}

/** Asks the first question of the order dialog for this service; any other dialog ends. */
export async function enterOrderDialog(ctx: BotContext, serviceId: string, start: OrderDialogStart = {}): Promise<void> {
  await leaveDialogs(ctx);
  await ctx.conversation.enter(ORDER_CONVERSATION, serviceId, start);
}

/** An unanswered "send your promo code" question ends by itself. */
const PROMO_ASK_TTL_S = 10 * 60;

/** Asks for a promo code: the user's next text is read as one; any other dialog ends. */
export function enterPromoDialog(ctx: BotContext): Promise<void> {
  return enterDialog(ctx, { kind: "promo", payload: "" }, PROMO_ASK_TTL_S);
}

/** How long an admin's typed input waits for its text. */
export const ADMIN_INPUT_TTL_S = 30 * 60;

/** Waits for an admin's typed value (JSON `pending`, read back by the admin shop feature); other dialogs end. */
export function enterAdminInput(ctx: BotContext, pending: string): Promise<void> {
  return enterDialog(ctx, { kind: "admin", payload: pending }, ADMIN_INPUT_TTL_S);
}
