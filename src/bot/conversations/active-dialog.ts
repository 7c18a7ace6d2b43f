/**
 * One dialog per user at a time, of either kind: the order dialog (conversations/order.ts, kept
 * by the conversations plugin) or the top-up dialog (conversations/topup.ts, kept in Redis). Both
 * are entered only through this module, and entering one ends the other, so a text is only ever
 * read as an answer by the dialog the user entered last: never a quantity taken as a top-up
 * amount, never an amount taken as a link.
 */
import type { BotContext } from "../context.js";
import { ORDER_CONVERSATION, type OrderDialogStart } from "./order.js";
import { TopupDialog, type TopupStep } from "./topup.js";

export const topupDialog = (ctx: BotContext): TopupDialog => new TopupDialog(ctx.deps.topupDialogs);

/** Ends whichever dialog is under way. */
export async function leaveDialogs(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  if (ctx.from) await topupDialog(ctx).clear(ctx.from.id);
}

/** Asks the first question of the order dialog for this service; any other dialog ends. */
export async function enterOrderDialog(ctx: BotContext, serviceId: string, start: OrderDialogStart = {}): Promise<void> {
  await leaveDialogs(ctx);
  await ctx.conversation.enter(ORDER_CONVERSATION, serviceId, start);
}

/** Starts the top-up dialog at `step`; an order dialog under way ends. */
export async function enterTopupDialog(ctx: BotContext, step: TopupStep): Promise<void> {
  await ctx.conversation.exitAll();
  await topupDialog(ctx).set(ctx.from!.id, step);
}
