import type { InlineKeyboardButton } from "grammy/types";

/**
 * Items per page of a list keyboard. Real panels have 100+ categories and 3,000+ services;
 * Telegram allows 100 buttons a keyboard and long keyboards are unusable on a phone.
 */
export const PAGE_SIZE = 10;

export interface Page<T> {
  items: T[];
  /** 0-based, clamped into range */
  page: number;
  pages: number;
}

/** One page of a list. A page out of range (stale or forged callback data) shows the nearest page. */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Number.isSafeInteger(page) ? Math.min(Math.max(page, 0), pages - 1) : 0;
  return { items: items.slice(clamped * size, (clamped + 1) * size), page: clamped, pages };
}

/** The page an item at `index` is on. */
export const pageOf = (index: number, size = PAGE_SIZE): number => (index < 0 ? 0 : Math.floor(index / size));

/** "«" and "»" where there is a page to go to; empty for a single page. */
export function pageNavigation(page: Page<unknown>, callbackData: (page: number) => string): InlineKeyboardButton.CallbackButton[] {
  const row: InlineKeyboardButton.CallbackButton[] = [];
  if (page.page > 0) row.push({ text: "«", callback_data: callbackData(page.page - 1) });
  if (page.page < page.pages - 1) row.push({ text: "»", callback_data: callbackData(page.page + 1) });
  return row;
}
