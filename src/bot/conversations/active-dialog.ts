/**
 * One dialog per user at a time, of any kind: the order dialog (conversations/order.ts, kept
 * by the conversations plugin), the top-up dialog (conversations/topup.ts, kept in Redis) or an
 * admin's typed input in the shop screens (features/admin-shop.ts, kept in Redis). All are entered
 * only through this module, and entering one ends the others, so a text is only ever
 * read as an answer by the dialog the user entered last: never a quantity taken as a top-up
 * amount, never an amount taken as a link.
 */
import type { BotContext } from "../context.js";
import { ORDER_CONVERSATION } from "./order.js";
import { TopupDialog, type TopupStep } from "./topup.js";

export const topupDialog = (ctx: BotContext): TopupDialog => new TopupDialog(ctx.deps.topupDialogs);

/** Ends whichever dialog is under way. */
export async function leaveDialogs(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  if (ctx.from) await Promise.all([topupDialog(ctx).clear(ctx.from.id), ctx.deps.adminInputs.clear(ctx.from.id)]);
}

/** Asks the first question of the order dialog for this service; any other dialog ends. */
export async function enterOrderDialog(ctx: BotContext, serviceId: string): Promise<void> {
  await leaveDialogs(ctx);
  await ctx.conversation.enter(ORDER_CONVERSATION, serviceId);
}

/** Starts the top-up dialog at `step`; an order dialog under way ends. */
export async function enterTopupDialog(ctx: BotContext, step: TopupStep): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.deps.adminInputs.clear(ctx.from!.id);
  await topupDialog(ctx).set(ctx.from!.id, step);
}

/** How long an admin's typed input waits for its text. */
export const ADMIN_INPUT_TTL_S = 30 * 60;

/** Waits for an admin's typed value (JSON `pending`, read back by the admin shop feature); other dialogs end. */
export async function enterAdminInput(ctx: BotContext, pending: string): Promise<void> {
  await leaveDialogs(ctx);
  await ctx.deps.adminInputs.set(ctx.from!.id, pending, ADMIN_INPUT_TTL_S);
}
