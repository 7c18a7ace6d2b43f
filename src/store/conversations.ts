/**
 * The conversations plugin's state, one JSON value per chat (what @grammyjs/storage-redis kept, at
 * the same keys). The arrival script reads it with the user (userArrive.lua), so the plugin's read
 * on every update costs no round trip of its own (bot/conversations/storage.ts).
 */
import { RedisStore } from "./redis-store.js";

export class ConversationStates extends RedisStore {
  /** The stored state as it was read raw (null: none). */
  static parse(raw: string | null): unknown {
    return raw === null || raw === "" ? undefined : (JSON.parse(raw) as unknown);
  }

  async read(chatId: number): Promise<unknown> {
    return ConversationStates.parse(await this.redis.get(this.k.conversation(chatId)));
  }

  async write(chatId: number, state: unknown): Promise<void> {
    await this.redis.set(this.k.conversation(chatId), JSON.stringify(state));
  }

  async delete(chatId: number): Promise<void> {
    await this.redis.del(this.k.conversation(chatId));
  }
}
