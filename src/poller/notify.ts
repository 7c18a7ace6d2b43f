import { type Money } from "../money.js";
import type { RefillStatus } from "../panel/status.js";
import type { OrderRecord } from "../store/orders.js";
import type { Translate } from "../services/notifier.js";
import type { StatusNews } from "./decide.js";
import { escapeHtml, nameForMessage, truncate } from "../text/html.js";
import { formatInt, formatMoney } from "../text/format.js";

type OrderRef = Pick<OrderRecord, "id" | "panelOrderId" | "serviceName">;

function header(t: Translate, order: OrderRef): string[] {
  return [t("tracking-order-title", { id: order.id, panelId: escapeHtml(order.panelOrderId ?? "?") }), t("tracking-order-service", { service: nameForMessage(order.serviceName) })];
}

/** The customer's message about a status change; `refunded` is what the wallet actually got. */
export function statusNewsText(t: Translate, locale: string, currency: string, order: OrderRef, news: StatusNews, refunded: Money | null): string {
  const lines = header(t, order);
  const status = t("tracking-status", { status: news.status, raw: escapeHtml(truncate(news.statusRaw, 40)) });
  lines.push(t("tracking-order-status", { status }));
  if (news.delivered !== undefined) {
    lines.push(t("tracking-order-delivered", { delivered: formatInt(news.delivered, locale), quantity: formatInt(news.quantity, locale) }));
  }
  if (refunded && refunded.gt(0)) lines.push(t("tracking-order-refunded", { amount: formatMoney(refunded, locale, currency) }));
  if (news.refundUnknown) lines.push(t("tracking-order-refund-checking"));
  return lines.join("\n");
}

/** The customer's message when a refill ended. */
export function refillNewsText(t: Translate, order: OrderRef, status: RefillStatus): string {
  const vars = { id: order.id, panelId: escapeHtml(order.panelOrderId ?? "?"), service: nameForMessage(order.serviceName) };
  if (status === "completed") return t("tracking-refill-completed", vars);
  return t("tracking-refill-ended", { ...vars, status: t("tracking-refill-status", { status }) });
}
