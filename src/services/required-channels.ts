/**
 * Required channels (REQUIRED_CHANNELS): joining them is a condition for ordering. Membership is
 * read with getChatMember (the bot must be an admin of the channel to see its members) and kept
 * briefly in MembershipCache.
 *
 * A failed check (Telegram down, the bot removed from the channel, the channel deleted) counts the
 * channel as joined, with a logged warning: the condition is there to grow the channel, and a
 * broken check must not stop every customer from ordering until someone notices.
 */
import type { Logger } from "../logger.js";
import type { MembershipCache } from "../store/membership.js";

/** The part of grammY's Api the check uses (kept narrow so services/ does not depend on bot/). */
export interface ChatMemberApi {
  getChat(chatId: string): Promise<{ title?: string; username?: string; invite_link?: string }>;
  getChatMember(chatId: string, userId: number): Promise<{ status: string; is_member?: boolean }>;
}

export interface RequiredChannel {
  /** as configured: "@name" or a numeric id */
  chat: string;
  /** what the button says: the channel's title once known, else the configured name */
  title: string;
  /** where the button leads; undefined for a private channel whose invite link the bot cannot see */
  url?: string;
}

/** A member, an admin, the owner, or a restricted user who is still in the chat. */
export function isJoined(member: { status: string; is_member?: boolean }): boolean {
  switch (member.status) {
    case "member":
    case "administrator":
    case "creator":
      return true;
    case "restricted":
      return member.is_member === true;
    default:
      return false;
  }
}

/** A failing channel is logged at most once per this long, however many customers it lets through. */
const FAILURE_LOG_QUIET_MS = 60_000;

export class RequiredChannels {
  private readonly info = new Map<string, RequiredChannel>();
  /** chats whose title and link getChat gave (at start, or the first time a customer needed them) */
  private readonly described = new Set<string>();
  private readonly lastFailureLog = new Map<string, number>();

  constructor(
    readonly chats: readonly string[],
    private readonly cache: MembershipCache,
    private readonly logger: Logger,
  ) {
    for (const chat of chats) this.info.set(chat, { chat, title: chat, url: chat.startsWith("@") ? `https://t.me/${chat.slice(1)}` : undefined });
  }

  get enabled(): boolean {
    return this.chats.length > 0;
  }

  /**
   * The channels this user has not joined. `fresh` asks Telegram even where an answer is cached
   * ("✅ I have joined" pressed).
   */
  async missing(api: ChatMemberApi, userId: number, opts: { fresh?: boolean } = {}): Promise<RequiredChannel[]> {
    if (!this.enabled) return [];
    const cached = opts.fresh ? this.chats.map(() => undefined) : await this.cache.get(this.chats, userId);
    const joined = await Promise.all(this.chats.map(async (chat, i) => cached[i] ?? (await this.check(api, chat, userId))));
    const missing = this.chats.filter((_, i) => !joined[i]);
    // Titles, and the invite link of a private channel (the bot, an admin, sees it), come from getChat.
    await Promise.all(missing.filter((chat) => !this.described.has(chat)).map((chat) => this.describe(api, chat).catch(() => undefined)));
    return missing.map((chat) => this.info.get(chat)!);
  }

  private async check(api: ChatMemberApi, chat: string, userId: number): Promise<boolean> {
    let joined: boolean;
    try {
      joined = isJoined(await api.getChatMember(chat, userId));
    } catch (e) {
      const now = Date.now();
      if (now - (this.lastFailureLog.get(chat) ?? 0) >= FAILURE_LOG_QUIET_MS) {
        this.lastFailureLog.set(chat, now);
        this.logger.warn({ err: e, chat }, "required channel: membership check failed, customers are let through until it works (is the bot still an admin there?)");
      }
      return true;
    }
    await this.cache.set(chat, userId, joined);
    return joined;
  }

  private async describe(api: ChatMemberApi, chat: string): Promise<void> {
    const c = await api.getChat(chat);
    const url = c.username ? `https://t.me/${c.username}` : c.invite_link;
    this.info.set(chat, { chat, title: c.title || this.info.get(chat)!.title, url: url ?? this.info.get(chat)!.url });
    this.described.add(chat);
  }

  /**
   * At start: whether the bot can see each channel's members (it must be an admin there). One
   * warning per channel that it cannot; returns the chats that failed.
   */
  async verify(api: ChatMemberApi, botId: number): Promise<string[]> {
    const failed: string[] = [];
    for (const chat of this.chats) {
      try {
        await this.describe(api, chat);
        const me = await api.getChatMember(chat, botId);
        if (me.status !== "administrator" && me.status !== "creator") {
          failed.push(chat);
          this.logger.warn({ chat, status: me.status }, `required channel ${chat}: the bot is not an admin there, so it cannot see who joined; make it an admin (customers are let through meanwhile)`);
        }
      } catch (e) {
        failed.push(chat);
        this.logger.warn(
          { err: e, chat },
          `required channel ${chat}: the bot cannot see this chat (wrong name or id, or the bot is not a member); add the bot as an admin (customers are let through meanwhile)`,
        );
      }
    }
    if (this.chats.length > 0 && failed.length === 0) this.logger.info({ chats: this.chats }, "required channels checked: the bot sees each one's members");
    return failed;
  }
}
