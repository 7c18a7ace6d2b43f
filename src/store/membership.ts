import { RedisStore } from "./redis-store.js";
import type { Redis } from "./redis.js";

/**
 * Whether a user had joined a required channel at the last getChatMember check, kept briefly so
 * the order walk does not ask Telegram on every button. A "joined" answer is kept longer than a
 * "not joined" one: leaving again right after joining is rare, and "✅ I have joined" asks afresh.
 */
export class MembershipCache extends RedisStore {
  constructor(
    redis: Redis,
    prefix: string,
    private readonly ttl: { joinedS: number; notJoinedS: number } = { joinedS: 300, notJoinedS: 60 },
  ) {
    super(redis, prefix);
  }

  /** For each chat: true/false as last checked, undefined when not known (or expired). */
  async get(chats: readonly string[], userId: number): Promise<Array<boolean | undefined>> {
    if (chats.length === 0) return [];
    const values = await this.redis.mget(...chats.map((c) => this.k.channelMember(c, userId)));
    return values.map((v) => (v === null ? undefined : v === "1"));
  }

  async set(chat: string, userId: number, joined: boolean): Promise<void> {
    await this.redis.set(this.k.channelMember(chat, userId), joined ? "1" : "0", "EX", joined ? this.ttl.joinedS : this.ttl.notJoinedS);
  }
}
