import type { Logger } from "../logger.js";
import type { Outbox } from "../outbound/types.js";
import type { AlertGates } from "../store/alert-gates.js";
import type { UserStore } from "../store/users.js";
import type { Translator } from "../text/i18n.js";

export type AlertKind = "unknown_order" | "panel_funds" | "panel_key" | "panel_down" | "stuck_order";

/**
 * Messages to every admin for events that need a human. The same alert (kind + subject) goes out
 * at most once per `quietMs` across all processes, so a panel outage does not flood the admins.
 */
export class AdminAlerts {
  constructor(
    private readonly deps: { gates: AlertGates; outbox: Outbox; users: UserStore; i18n: Translator; adminIds: number[]; defaultLocale: string; logger: Logger },
    private readonly quietMs = 15 * 60 * 1000,
  ) {}

  /** `key` is the Fluent message id; `vars` its variables (already escaped for HTML). */
  async alert(kind: AlertKind, subject: string, key: string, vars: Record<string, string | number> = {}): Promise<void> {
    const fresh = await this.deps.gates.pass(kind, subject, this.quietMs);
    this.deps.logger.warn({ kind, subject, repeated: !fresh }, "admin alert");
    if (!fresh) return;
    for (const adminId of this.deps.adminIds) {
      const locale = (await this.deps.users.getLocale(adminId)) ?? this.deps.defaultLocale;
      const text = `⚠️ ${this.deps.i18n.t(locale, key, vars)}`;
      await this.deps.outbox.enqueue({ chatId: adminId, text, parseMode: "HTML", key: `alert:${kind}:${subject}:${Date.now()}:${adminId}` });
    }
  }
}
