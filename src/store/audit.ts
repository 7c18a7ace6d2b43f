import { keys } from "./keys.js";
import type { Redis } from "./redis.js";

/**
 * The admins' audit list: who changed what, when, from which value to which. Every mutating
 * back-office action appends one entry (the Telegram admin commands are to share it). Newest first,
 * capped so it cannot grow Redis without bound.
 */
export interface AuditEntry {
  /** the admin's Telegram id */
  who: number;
  /** ms since the epoch */
  when: number;
  /** what was acted on and how, e.g. "wallet.credit user:42", "order.settle order:17" */
  what: string;
  /** the value before, "" when there was none */
  old: string;
  /** the value after */
  new: string;
  /** where it was done: "web" or "telegram" */
  via: "web" | "telegram";
}

/** Entries kept; older ones fall off the end. */
export const AUDIT_MAX = 100_000;

const auditKeys = (prefix: string) => ({ list: keys(prefix).audit });

export class AuditLog {
  private readonly k: ReturnType<typeof auditKeys>;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = auditKeys(prefix);
  }

  async append(entry: Omit<AuditEntry, "when"> & { when?: number }): Promise<void> {
    const row: AuditEntry = { ...entry, when: entry.when ?? Date.now(), what: entry.what.slice(0, 200), old: entry.old.slice(0, 500), new: entry.new.slice(0, 500) };
    await this.redis
      .multi()
      .lpush(this.k.list, JSON.stringify(row))
      .ltrim(this.k.list, 0, AUDIT_MAX - 1)
      .exec();
  }

  /** A page of entries, newest first, and the total kept. */
  async latest(offset: number, count: number): Promise<{ entries: AuditEntry[]; total: number }> {
    const [rows, total] = await Promise.all([this.redis.lrange(this.k.list, offset, offset + count - 1), this.redis.llen(this.k.list)]);
    return { entries: rows.map((r) => JSON.parse(r) as AuditEntry), total };
  }
}
