/** What the admin features share: the HTML reply, names, order totals and the panel lookup limit. */
import type { Context } from "grammy";
import type { OrderStatus } from "../../panel/status.js";
import { placedCount, type OrderTotals } from "../../services/admin.js";
import { formatInt } from "../../text/format.js";
import { escapeHtml } from "../../text/html.js";
import type { BotContext } from "../context.js";

/** Longest wait for the panel while an admin looks at /balance or /order. */
export const PANEL_LOOKUP_MS = 8_000;
/** Status names in the order a list shows them. */
const STATUS_ORDER: OrderStatus[] = ["pending", "in_progress", "processing", "active", "completed", "partial", "canceled", "refunded", "failed", "unknown"];

export const html = (ctx: Context, text: string) => ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });

/** Telegram's limit on a message's text; counted here with the tags, which only makes it safer. */
const MESSAGE_MAX_CHARS = 4096;

/** Lines (each well under the limit) as HTML replies, as many lines a message as fit in 4096 characters. */
export async function htmlLines(ctx: Context, lines: readonly string[]): Promise<void> {
  let message = "";
  for (const line of lines) {
    if (message !== "" && message.length + 1 + line.length > MESSAGE_MAX_CHARS) {
      await html(ctx, message);
      message = "";
    }
    message = message === "" ? line : `${message}\n${line}`;
  }
  if (message !== "") await html(ctx, message);
}

export function personName(firstName?: string, username?: string): string {
  return [firstName ? escapeHtml(firstName) : "", username ? `@${escapeHtml(username)}` : ""].filter(Boolean).join(" ");
}

/** "12 placed (completed: 8 · in progress: 4) · 1 not placed", or "none". */
export function totalsLine(ctx: BotContext, t: OrderTotals): string {
  const parts: string[] = [];
  const placed = placedCount(t);
  if (placed > 0) {
    const byStatus = STATUS_ORDER.filter((s) => t.byStatus[s]).map((s) => `${ctx.t("admin-status", { status: s })}: ${formatInt(t.byStatus[s]!, ctx.locale)}`);
    parts.push(`${ctx.t("admin-totals-placed", { count: placed })} (${byStatus.join(" · ")})`);
  }
  if (t.failed > 0) parts.push(ctx.t("admin-totals-failed", { count: t.failed }));
  if (t.unknown > 0) parts.push(ctx.t("admin-totals-unknown", { count: t.unknown }));
  if (t.placing > 0) parts.push(ctx.t("admin-totals-placing", { count: t.placing }));
  return parts.length > 0 ? parts.join(" · ") : ctx.t("admin-totals-none");
}

/** Rejects after `ms`; the work itself goes on (a panel read is harmless). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
