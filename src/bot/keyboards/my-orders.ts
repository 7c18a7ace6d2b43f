import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { OrderRecord } from "../../store/orders.js";
import { pageNavigation, type Page } from "./pagination.js";
import { truncate } from "../../text/html.js";

/** Orders per page of "My orders": each is a text line and a button, so the page stays short on a phone. */
export const ORDERS_PAGE_SIZE = 8;

/**
 * Callback data of "My orders": the local order id and the list page to return to, nothing else,
 * so every button stays far within Telegram's 64 bytes. Handlers must still load the order with
 * its owner checked: data can be forged.
 */
export const ordersCallback = {
  list: (page: number) => `mo:l:${page}`,
  details: (orderId: string, page: number) => `mo:d:${orderId}:${page}`,
  refresh: (orderId: string, page: number) => `mo:u:${orderId}:${page}`,
  refill: (orderId: string, page: number) => `mo:f:${orderId}:${page}`,
  /** asks to confirm the cancel */
  cancel: (orderId: string, page: number) => `mo:c:${orderId}:${page}`,
  cancelConfirm: (orderId: string, page: number) => `mo:y:${orderId}:${page}`,
};

export const ordersCallbackMatch = {
  list: /^mo:l:(\d{1,6})$/,
  details: /^mo:d:(\d{1,15}):(\d{1,6})$/,
  refresh: /^mo:u:(\d{1,15}):(\d{1,6})$/,
  refill: /^mo:f:(\d{1,15}):(\d{1,6})$/,
  cancel: /^mo:c:(\d{1,15}):(\d{1,6})$/,
  cancelConfirm: /^mo:y:(\d{1,15}):(\d{1,6})$/,
};

/** Button labels are plain text; a long service name is cut so the row stays readable. */
const BUTTON_NAME_MAX = 32;

/** One button per order on the page, then «/» where there is another page. */
export function ordersListKeyboard(page: Page<OrderRecord>, statusLabel: (order: OrderRecord) => string): InlineKeyboard {
  const rows: InlineKeyboardButton[][] = page.items.map((order) => [
    InlineKeyboard.text(`#${order.id} · ${statusLabel(order)} · ${truncate(order.serviceName, BUTTON_NAME_MAX)}`, ordersCallback.details(order.id, page.page)),
  ]);
  const navigation = pageNavigation(page, ordersCallback.list);
  if (navigation.length > 0) rows.push(navigation);
  return new InlineKeyboard(rows);
}

export interface DetailsButtons {
  refill: boolean;
  cancel: boolean;
  /** a live status check makes sense only for an order the panel knows */
  refresh: boolean;
}

export function orderDetailsKeyboard(
  orderId: string,
  page: number,
  show: DetailsButtons,
  labels: { refill: string; cancel: string; refresh: string; back: string },
): InlineKeyboard {
  const actions: InlineKeyboardButton[] = [];
  if (show.refill) actions.push(InlineKeyboard.text(labels.refill, ordersCallback.refill(orderId, page)));
  if (show.cancel) actions.push(InlineKeyboard.text(labels.cancel, ordersCallback.cancel(orderId, page)));
  const navigation: InlineKeyboardButton[] = [];
  if (show.refresh) navigation.push(InlineKeyboard.text(labels.refresh, ordersCallback.refresh(orderId, page)));
  navigation.push(InlineKeyboard.text(labels.back, ordersCallback.list(page)));
  return new InlineKeyboard(actions.length > 0 ? [actions, navigation] : [navigation]);
}

export function cancelConfirmKeyboard(orderId: string, page: number, labels: { confirm: string; keep: string }): InlineKeyboard {
  return new InlineKeyboard().text(labels.confirm, ordersCallback.cancelConfirm(orderId, page)).row().text(labels.keep, ordersCallback.details(orderId, page));
}
