import { RedisStore } from "./redis-store.js";
import { parseDialog, type ActiveDialog } from "./dialogs.js";
import { isLocale, type Locale } from "../text/locales.js";

export interface UserRecord {
  id: number;
  chatId: number;
  locale?: Locale;
  firstName?: string;
  username?: string;
  /** the user blocked the bot: nothing is sent to them until they write again */
  blocked: boolean;
  createdAt: number;
  lastSeenAt: number;
}

/** The user as an update shows them. */
export interface UserSeen {
  id: number;
  chatId: number;
  firstName?: string;
  username?: string;
}

export interface Arrival {
  firstContact: boolean;
  /** the referrer this first contact was bound to just now */
  referrerId?: number;
  /** the language the user chose, if they did */
  locale?: Locale;
  /** updates of the user in the current flood-guard window, this one included (0: not counted) */
  updatesInWindow: number;
  /** the user's dialog under way outside the conversations plugin */
  dialog: ActiveDialog | null;
  /** the chat's conversations state as stored (ConversationStates.parse reads it), null: none */
  conversation: string | null;
}

/** Users who ever talked to the bot: locale, chat and whether they blocked it. */
export class UserStore extends RedisStore {
  /**
   * The user's update arriving, in one script call (userArrive.lua), since it runs on every update:
   * with `record` (a private update) the user is recorded, and writing to the bot again also
   * means it is no longer blocked; the first contact is the update that writes `createdAt`, and
   * with `referralCode` (a /start ref_… link) it also binds the user to the code's owner in the
   * same step. With `rateWindowMs` the update is counted in the flood guard's current window.
   * Returns the stored locale too.
   */
  async arrive(u: UserSeen, opts: { now?: number; record: boolean; referralCode?: string; rateWindowMs?: number }): Promise<Arrival> {
    const now = opts.now ?? Date.now();
    const fields: Record<string, string> = { id: String(u.id), chatId: String(u.chatId), lastSeenAt: String(now), blocked: "0" };
    if (u.firstName) fields.firstName = u.firstName.slice(0, 64);
    if (u.username) fields.username = u.username.slice(0, 64);
    const windowMs = opts.rateWindowMs ?? 0;
    const r = this.k.referral;
    const arrived = await this.scripts.userArrive(
      {
        user: this.k.user(u.id),
        users: this.k.users,
        window: this.k.rateLimit(u.id, windowMs > 0 ? Math.floor(now / windowMs) : 0),
        codes: r.codes,
        totals: r.totals,
        username: this.k.username(fields.username ?? ""),
        dialog: this.k.dialog(u.id),
        conversation: this.k.conversation(u.chatId),
      },
      {
        userId: u.id,
        now,
        record: opts.record,
        // Two windows long: a window's counter outlives it, never the one it counts.
        windowTtlMs: windowMs * 2,
        code: opts.referralCode ?? "",
        refPrefix: r.userPrefix,
        invitedPrefix: r.invitedPrefix,
        username: fields.username ?? "",
        fields,
      },
    );
    return {
      firstContact: arrived.firstContact,
      referrerId: arrived.referrerId,
      locale: isLocale(arrived.locale) ? arrived.locale : undefined,
      updatesInWindow: arrived.counted,
      dialog: parseDialog(arrived.dialog),
      conversation: arrived.conversation,
    };
  }

  /** Records the user as a private update does (tests, tools). */
  touch(u: UserSeen, now = Date.now(), referralCode?: string): Promise<Arrival> {
    return this.arrive(u, { now, record: true, referralCode });
  }

  async get(id: number): Promise<UserRecord | null> {
    const h = await this.redis.hgetall(this.k.user(id));
    if (!h.id) return null;
    return {
      id: Number(h.id),
      chatId: Number(h.chatId ?? h.id),
      locale: isLocale(h.locale) ? h.locale : undefined,
      firstName: h.firstName,
      username: h.username,
      blocked: h.blocked === "1",
      createdAt: Number(h.createdAt ?? 0),
      lastSeenAt: Number(h.lastSeenAt ?? 0),
    };
  }

  /**
   * The user who has this @username now. A name that moved to someone else still points at its old
   * owner until the new one writes to the bot, so the record's current name is checked.
   */
  async byUsername(username: string): Promise<UserRecord | null> {
    const name = username.trim().replace(/^@/, "");
    if (!/^\w{1,64}$/.test(name)) return null;
    const id = await this.redis.get(this.k.username(name));
    const user = id === null ? null : await this.get(Number(id));
    return user && user.username?.toLowerCase() === name.toLowerCase() ? user : null;
  }

  async getLocale(id: number): Promise<Locale | undefined> {
    const v = await this.redis.hget(this.k.user(id), "locale");
    return isLocale(v) ? v : undefined;
  }

  async setLocale(id: number, locale: Locale): Promise<void> {
    await this.redis.hset(this.k.user(id), "locale", locale);
  }

  async setBlocked(id: number, blocked: boolean): Promise<void> {
    await this.redis.hset(this.k.user(id), "blocked", blocked ? "1" : "0");
  }

  async isBlocked(id: number): Promise<boolean> {
    return (await this.redis.hget(this.k.user(id), "blocked")) === "1";
  }

  async count(): Promise<number> {
    return this.redis.scard(this.k.users);
  }

  /** One SSCAN step over the user ids: the next cursor ("0" at the end) and a batch. Resumable from a stored cursor. */
  async idsPage(cursor: string, count: number): Promise<{ next: string; ids: number[] }> {
    const [next, batch] = await this.redis.sscan(this.k.users, cursor, "COUNT", count);
    return { next, ids: batch.map(Number) };
  }

  /** For each user: whether they blocked the bot and their chat, in one pipeline. */
  async reachability(ids: number[]): Promise<Array<{ blocked: boolean; chatId: number }>> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hmget(this.k.user(id), "blocked", "chatId");
    const rows = (await pipe.exec()) ?? [];
    return ids.map((id, i) => {
      const [blocked, chatId] = (rows[i]?.[1] ?? []) as Array<string | null>;
      return { blocked: blocked === "1", chatId: chatId ? Number(chatId) : id };
    });
  }

  /** All user ids, in pages, without loading the whole set at once. */
  async *ids(): AsyncGenerator<number> {
    let cursor = "0";
    do {
      const [next, batch] = await this.redis.sscan(this.k.users, cursor, "COUNT", 500);
      cursor = next;
      for (const id of batch) yield Number(id);
    } while (cursor !== "0");
  }
}
