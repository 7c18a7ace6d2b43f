import { type Money } from "../money.js";
import type { RefillStatus } from "../panel/status.js";
import type { OrderRecord } from "../store/orders.js";
import type { StatusNews } from "./decide.js";
import { escapeHtml, truncate } from "../text/html.js";
import type { Translator } from "../text/i18n.js";
import { formatInt, formatMoney } from "../text/format.js";

type OrderRef = Pick<OrderRecord, "id" | "panelOrderId" | "serviceName">;

const SERVICE_MAX = 200;

function header(t: Translator, locale: string, order: OrderRef): string[] {
  return [
    t.t(locale, "tracking-order-title", { id: order.id, panelId: escapeHtml(order.panelOrderId ?? "?") }),
    t.t(locale, "tracking-order-service", { service: escapeHtml(truncate(order.serviceName, SERVICE_MAX)) }),
  ];
}

/** The customer's message about a status change; `refunded` is what the wallet actually got. */
export function statusNewsText(t: Translator, locale: string, currency: string, order: OrderRef, news: StatusNews, refunded: Money | null): string {
  const lines = header(t, locale, order);
  const status = t.t(locale, "tracking-status", { status: news.status, raw: escapeHtml(truncate(news.statusRaw, 40)) });
  lines.push(t.t(locale, "tracking-order-status", { status }));
  if (news.delivered !== undefined) {
    lines.push(t.t(locale, "tracking-order-delivered", { delivered: formatInt(news.delivered, locale), quantity: formatInt(news.quantity, locale) }));
  }
  if (refunded && refunded.gt(0)) lines.push(t.t(locale, "tracking-order-refunded", { amount: formatMoney(refunded, locale, currency) }));
  if (news.refundUnknown) lines.push(t.t(locale, "tracking-order-refund-checking"));
  return lines.join("\n");
}

/** The customer's message when a refill ended. */
export function refillNewsText(t: Translator, locale: string, order: OrderRef, status: RefillStatus): string {
  const vars = { id: order.id, panelId: escapeHtml(order.panelOrderId ?? "?"), service: escapeHtml(truncate(order.serviceName, SERVICE_MAX)) };
  if (status === "completed") return t.t(locale, "tracking-refill-completed", vars);
  return t.t(locale, "tracking-refill-ended", { ...vars, status: t.t(locale, "tracking-refill-status", { status }) });
}
