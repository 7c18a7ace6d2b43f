import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { ShopCatalog, ShopCategory, ShopService } from "../../catalog/shop.js";
import type { Locale } from "../../text/locales.js";
import { orderWalkData } from "../callback-data/order-walk.js";
import { searchData } from "../callback-data/search.js";
import { PAGE_SIZE, pageNavigation, pageOf, paginate, type Page } from "./pagination.js";
import { truncate } from "../../text/html.js";

/** Panel service ids are opaque; one that cannot travel in callback data is not offered. */
const callbackSafeId = (id: string): boolean => orderWalkData.service.canPack({ serviceId: id });

/** Button labels are plain text; long panel names are cut so a row stays readable on a phone. */
const BUTTON_NAME_MAX = 48;

/** The customers' categories: the visible ones in shop order, with the owner's names. */
export function categoriesKeyboard(catalog: ShopCatalog, page: number, locale: Locale): { keyboard: InlineKeyboard; page: Page<ShopCategory> } {
  const shown = paginate(catalog.categories, page, PAGE_SIZE);
  const rows = shown.items.map((category) => [
    InlineKeyboard.text(`${truncate(category.name(locale), BUTTON_NAME_MAX)} (${offered(category).length})`, orderWalkData.services.pack({ categoryKey: category.key, page: 0 })),
  ]);
  return {
    keyboard: keyboardOf([...rows, pageNavigation(shown, (p) => orderWalkData.categories.pack({ page: p }))]),
    page: shown,
  };
}

/** A category's visible services, with their shop prices. */
export function servicesKeyboard(
  catalog: ShopCatalog,
  category: ShopCategory,
  page: number,
  locale: Locale,
  labels: { price: (service: ShopService) => string; back: string },
): { keyboard: InlineKeyboard; page: Page<ShopService> } {
  const services = offered(category).map((id) => catalog.service.get(id)!);
  const shown = paginate(services, page, PAGE_SIZE);
  const rows = shown.items.map((service) => [
    InlineKeyboard.text(`${truncate(service.name(locale), BUTTON_NAME_MAX)} — ${labels.price(service)}`, orderWalkData.service.pack({ serviceId: service.id })),
  ]);
  const keyboard = keyboardOf([
    ...rows,
    pageNavigation(shown, (p) => orderWalkData.services.pack({ categoryKey: category.key, page: p })),
    [
      InlineKeyboard.text(
        labels.back,
        orderWalkData.categories.pack({
          page: categoryPage(catalog, category),
        }),
      ),
    ],
  ]);
  return { keyboard, page: shown };
}

/** A page of search results: the same service buttons as a category's, then «/». */
export function searchResultsKeyboard(
  services: readonly ShopService[],
  page: number,
  labels: { name: (service: ShopService) => string; price: (service: ShopService) => string },
): { keyboard: InlineKeyboard; page: Page<ShopService> } {
  const shown = paginate(
    services.filter((s) => callbackSafeId(s.id)),
    page,
    PAGE_SIZE,
  );
  const rows = shown.items.map((service) => [
    InlineKeyboard.text(`${truncate(labels.name(service), BUTTON_NAME_MAX)} — ${labels.price(service)}`, orderWalkData.service.pack({ serviceId: service.id })),
  ]);
  return { keyboard: keyboardOf([...rows, pageNavigation(shown, (p) => searchData.page.pack({ page: p }))]), page: shown };
}

export function serviceCardKeyboard(catalog: ShopCatalog, service: ShopService, labels: { order: string; back: string }): InlineKeyboard {
  const category = catalog.category.get(service.categoryKey);
  const back =
    category && catalog.categories.includes(category)
      ? orderWalkData.services.pack({
          categoryKey: category.key,
          page: servicePage(category, service.id),
        })
      : orderWalkData.categories.pack({ page: 0 });
  return new InlineKeyboard()
    .text(labels.order, orderWalkData.order.pack({ serviceId: service.id }))
    .row()
    .text(labels.back, back);
}

export function confirmKeyboard(draftId: string, labels: { confirm: string; cancel: string }): InlineKeyboard {
  return new InlineKeyboard().text(labels.confirm, orderWalkData.confirm.pack({ draftId })).text(labels.cancel, orderWalkData.discard.pack({ draftId }));
}

export function leaveDialogKeyboard(label: string): InlineKeyboard {
  return new InlineKeyboard().text(label, orderWalkData.leave.pack());
}

/** Order again: keep the previous link, or leave (a new link is simply sent as text). */
export function reuseLinkKeyboard(labels: { reuse: string; cancel: string }): InlineKeyboard {
  return new InlineKeyboard().text(labels.reuse, orderWalkData.reuseLink.pack()).row().text(labels.cancel, orderWalkData.leave.pack());
}

export function dripfeedKeyboard(labels: { yes: string; no: string; cancel: string }): InlineKeyboard {
  return new InlineKeyboard()
    .text(labels.yes, orderWalkData.dripfeed.pack({ choice: "yes" }))
    .text(labels.no, orderWalkData.dripfeed.pack({ choice: "no" }))
    .row()
    .text(labels.cancel, orderWalkData.leave.pack());
}

/** Telegram shows an empty row as a gap: leave out the navigation row of a single page. */
const keyboardOf = (rows: InlineKeyboardButton[][]): InlineKeyboard => new InlineKeyboard(rows.filter((row) => row.length > 0));

const offeredIds = new WeakMap<ShopCategory, string[]>();

/**
 * The services of a category a customer is offered: visible, and with an id that fits in callback
 * data. Worked out once per category of a built catalog (a rebuilt catalog has new categories):
 * a page of categories shows each one's count, which would pack every id of every category shown.
 */
function offered(category: ShopCategory): string[] {
  let ids = offeredIds.get(category);
  if (!ids) offeredIds.set(category, (ids = category.visibleServiceIds.filter(callbackSafeId)));
  return ids;
}

/** The categories page that holds this category, so "Back" returns where the user came from. */
function categoryPage(catalog: ShopCatalog, category: ShopCategory): number {
  return pageOf(Math.max(0, catalog.categories.indexOf(category)));
}

/** The services page that holds this service (counting only the services that are offered). */
function servicePage(category: ShopCategory, serviceId: string): number {
  return pageOf(Math.max(0, offered(category).indexOf(serviceId)));
}
