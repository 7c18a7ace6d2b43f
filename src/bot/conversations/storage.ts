/**
 * Where the conversations plugin keeps its state: one value per chat in ConversationStates. The
 * plugin reads it on every update; the arrival script has read it already (app-context.ts hands
 * it over with `arrivedWith`), so that read costs no round trip of its own. The value is the
 * one read for this update before any handler ran: nothing between the arrival and the plugin
 * writes it, and updates of one chat are handled one at a time (sequentialize).
 */
import type { ConversationContextStorage, VersionedState } from "@grammyjs/conversations";
import type { Context } from "grammy";
import { ConversationStates } from "../../store/conversations.js";

const arrived = new WeakMap<Context, string | null>();

/** The chat's state as the arrival read it, for the plugin's read of this update. */
export function arrivedWith(ctx: Context, raw: string | null): void {
  arrived.set(ctx, raw);
}

export function conversationStorage<C extends Context, S>(states: ConversationStates, version: number): ConversationContextStorage<C, S> {
  return {
    type: "context",
    version,
    adapter: {
      read: async (ctx) => {
        const chatId = ctx.chatId;
        if (chatId === undefined) return undefined;
        const raw = arrived.get(ctx);
        if (raw === undefined) return (await states.read(chatId)) as VersionedState<S> | undefined;
        arrived.delete(ctx);
        return ConversationStates.parse(raw) as VersionedState<S> | undefined;
      },
      write: async (ctx, state) => {
        arrived.delete(ctx);
        if (ctx.chatId !== undefined) await states.write(ctx.chatId, state);
      },
      delete: async (ctx) => {
        arrived.delete(ctx);
        if (ctx.chatId !== undefined) await states.delete(ctx.chatId);
      },
    },
  };
}
