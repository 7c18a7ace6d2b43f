import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { OrderRecord } from "../../store/orders.js";
import { myOrdersData } from "../callback-data/my-orders.js";
import { pageNavigation, type Page } from "./pagination.js";
import { truncate } from "../../text/html.js";

/** Orders per page of "My orders": each is a text line and a button, so the page stays short on a phone. */
export const ORDERS_PAGE_SIZE = 8;

/** Button labels are plain text; a long service name is cut so the row stays readable. */
const BUTTON_NAME_MAX = 32;

/** One button per order on the page, then «/» where there is another page. */
export function ordersListKeyboard(page: Page<OrderRecord>, statusLabel: (order: OrderRecord) => string): InlineKeyboard {
  const rows: InlineKeyboardButton[][] = page.items.map((order) => [
    InlineKeyboard.text(`#${order.id} · ${statusLabel(order)} · ${truncate(order.serviceName, BUTTON_NAME_MAX)}`, myOrdersData.details.pack({ orderId: order.id, page: page.page })),
  ]);
  const navigation = pageNavigation(page, (p) => myOrdersData.list.pack({ page: p }));
  if (navigation.length > 0) rows.push(navigation);
  return new InlineKeyboard(rows);
}

export interface DetailsButtons {
  refill: boolean;
  cancel: boolean;
  /** a live status check makes sense only for an order the panel knows */
  refresh: boolean;
}

export function orderDetailsKeyboard(orderId: string, page: number, show: DetailsButtons, labels: { refill: string; cancel: string; refresh: string; again: string; back: string }): InlineKeyboard {
  const actions: InlineKeyboardButton[] = [];
  if (show.refill) actions.push(InlineKeyboard.text(labels.refill, myOrdersData.refill.pack({ orderId, page })));
  if (show.cancel) actions.push(InlineKeyboard.text(labels.cancel, myOrdersData.cancel.pack({ orderId, page })));
  const navigation: InlineKeyboardButton[] = [];
  if (show.refresh) navigation.push(InlineKeyboard.text(labels.refresh, myOrdersData.refresh.pack({ orderId, page })));
  navigation.push(InlineKeyboard.text(labels.back, myOrdersData.list.pack({ page })));
  const again = [InlineKeyboard.text(labels.again, myOrdersData.again.pack({ orderId }))];
  return new InlineKeyboard(actions.length > 0 ? [actions, again, navigation] : [again, navigation]);
}

export function cancelConfirmKeyboard(orderId: string, page: number, labels: { confirm: string; keep: string }): InlineKeyboard {
  return new InlineKeyboard().text(labels.confirm, myOrdersData.cancelConfirm.pack({ orderId, page })).row().text(labels.keep, myOrdersData.details.pack({ orderId, page }));
}
