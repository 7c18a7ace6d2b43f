/**
 * Every message that is not a reply to the reader's own update: to one user (a status change, a
 * refund, a settled receipt) or to every admin (a receipt to decide, an alert). One locale rule for
 * all of them (`pickLocale`: the reader's stored choice, else the locale the order was placed in,
 * else DEFAULT_LOCALE), and every message goes into the outbound queue under an idempotency key, so
 * a producer that crashed and redoes its work (the poller's at-least-once rounds) never sends twice.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "../logger.js";
import type { OutboundMessage, Outbox } from "../outbound/types.js";
import type { UserStore } from "../store/users.js";
import type { Translator } from "../text/i18n.js";
import { pickLocale, type Locale } from "../text/locales.js";

export type Vars = Record<string, string | number>;

/** A Fluent message in the reader's locale. Variables are already escaped for HTML. */
export type Translate = (key: string, vars?: Vars) => string;

/** What to say, written once for every locale: the text, or the text with buttons. Sent as HTML. */
export type Compose = (t: Translate, locale: Locale) => string | { text: string; replyMarkup?: InlineKeyboardMarkup };

export interface Delivery {
  /** the idempotency key: a message whose key was queued before is not queued again */
  key: string;
  /** send a copy of this message, with the composed text as its caption */
  copyFrom?: OutboundMessage["copyFrom"];
}

export interface Recipient {
  userId: number;
  /** the private chat; the user's id when not given */
  chatId?: number;
  /** the locale the order was placed in, the fallback when the user has no stored choice */
  locale?: string | null;
}

export type AlertKind = "unknown_order" | "panel_funds" | "panel_key" | "panel_down" | "stuck_order";

/** The same alert (kind + subject) reaches the admins at most once per window of this length. */
export const ALERT_QUIET_MS = 15 * 60 * 1000;

export interface NotifierDeps {
  outbox: Outbox;
  users: Pick<UserStore, "getLocale">;
  i18n: Translator;
  adminIds: readonly number[];
  defaultLocale: Locale;
  logger: Logger;
}

export class Notifier {
  constructor(
    private readonly deps: NotifierDeps,
    private readonly quietMs = ALERT_QUIET_MS,
  ) {}

  /** The locale a message to this user is written in. */
  async localeOf(userId: number, orderLocale?: string | null): Promise<Locale> {
    return pickLocale(this.deps.defaultLocale, await this.deps.users.getLocale(userId), orderLocale);
  }

  /** Queues a message to one user; false when its key was queued before. */
  async toUser(to: Recipient, compose: Compose, delivery: Delivery): Promise<boolean> {
    const locale = await this.localeOf(to.userId, to.locale);
    return this.deps.outbox.enqueue(this.message(to.chatId ?? to.userId, locale, compose, delivery.key, delivery.copyFrom));
  }

  /**
   * Queues a message to every admin, each in their own locale; each copy's key is `<key>:<adminId>`.
   * Returns how many copies were queued now (0: all of them were queued before).
   */
  async toAdmins(compose: Compose, delivery: Delivery): Promise<number> {
    let queued = 0;
    for (const adminId of this.deps.adminIds) {
      const locale = await this.localeOf(adminId);
      if (await this.deps.outbox.enqueue(this.message(adminId, locale, compose, `${delivery.key}:${adminId}`, delivery.copyFrom))) queued++;
    }
    return queued;
  }

  /**
   * An event that needs a human, to every admin. The same kind + subject goes out once per quiet
   * window across all processes (the window is part of the key), so an outage that every poll round
   * sees does not flood the admins. Never throws: a failed alert is logged, the caller goes on.
   */
  async alert(kind: AlertKind, subject: string, compose: Compose, now = Date.now()): Promise<void> {
    const window = Math.floor(now / this.quietMs);
    const warned: Compose = (t, locale) => `⚠️ ${textOf(compose(t, locale))}`;
    try {
      const queued = await this.toAdmins(warned, { key: `alert:${kind}:${subject}:${window}` });
      this.deps.logger.warn({ kind, subject, repeated: queued === 0 }, "admin alert");
    } catch (err) {
      this.deps.logger.error({ err, kind, subject }, "admin alert failed");
    }
  }

  private message(chatId: number, locale: Locale, compose: Compose, key: string, copyFrom?: Delivery["copyFrom"]): OutboundMessage {
    const t: Translate = (id, vars) => this.deps.i18n.t(locale, id, vars);
    const composed = compose(t, locale);
    const msg: OutboundMessage = { chatId, text: textOf(composed), parseMode: "HTML", key };
    if (typeof composed !== "string" && composed.replyMarkup) msg.replyMarkup = composed.replyMarkup;
    if (copyFrom) msg.copyFrom = copyFrom;
    return msg;
  }
}

const textOf = (composed: ReturnType<Compose>): string => (typeof composed === "string" ? composed : composed.text);
