import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { PanelService } from "../../panel/schemas.js";
import type { Catalog, Category } from "../../store/catalog.js";
import { PAGE_SIZE, pageNavigation, pageOf, paginate, type Page } from "./pagination.js";
import { truncate } from "../../text/html.js";

/**
 * Callback data of the order walk: short ids only (category key, service id, page, draft id),
 * never names, so every button stays within Telegram's 64 bytes. Handlers match the `match`
 * patterns and must still check everything against Redis and the catalog: data can be forged.
 */
export const orderCallback = {
  categories: (page: number) => `cp:${page}`,
  services: (categoryKey: string, page: number) => `cs:${categoryKey}:${page}`,
  service: (serviceId: string) => `s:${serviceId}`,
  order: (serviceId: string) => `o:${serviceId}`,
  confirm: (draftId: string) => `oc:${draftId}`,
  discard: (draftId: string) => `ox:${draftId}`,
  /** leaves the order dialog */
  leave: "dx",
};

export const orderCallbackMatch = {
  categories: /^cp:(\d{1,6})$/,
  services: /^cs:([\w-]{1,16}):(\d{1,6})$/,
  service: /^s:([\w.-]{1,40})$/,
  order: /^o:([\w.-]{1,40})$/,
  confirm: /^oc:(\d{1,15})$/,
  discard: /^ox:(\d{1,15})$/,
  leave: /^dx$/,
  /** any data of ours that matched none of the above: stale or forged */
  ours: /^(?:cp|cs|s|o|oc|ox|dx)(?::|$)/,
};

/** Panel service ids are opaque; one that cannot travel in callback data is not offered. */
const callbackSafeId = (id: string): boolean => /^[\w.-]{1,40}$/.test(id);

/** Button labels are plain text; long panel names are cut so a row stays readable on a phone. */
const BUTTON_NAME_MAX = 48;

export function categoriesKeyboard(catalog: Catalog, page: number): { keyboard: InlineKeyboard; page: Page<Category> } {
  const shown = paginate(catalog.categories, page, PAGE_SIZE);
  const rows = shown.items.map((category) => [
    InlineKeyboard.text(`${truncate(category.name, BUTTON_NAME_MAX)} (${category.serviceIds.length})`, orderCallback.services(category.key, 0)),
  ]);
  return { keyboard: keyboardOf([...rows, pageNavigation(shown, orderCallback.categories)]), page: shown };
}

export function servicesKeyboard(
  catalog: Catalog,
  category: Category,
  page: number,
  labels: { price: (service: PanelService) => string; back: string },
): { keyboard: InlineKeyboard; page: Page<PanelService> } {
  const services = category.serviceIds.map((id) => catalog.service.get(id)).filter((s): s is PanelService => s !== undefined && callbackSafeId(s.id));
  const shown = paginate(services, page, PAGE_SIZE);
  const rows = shown.items.map((service) => [InlineKeyboard.text(`${truncate(service.name, BUTTON_NAME_MAX)} — ${labels.price(service)}`, orderCallback.service(service.id))]);
  const keyboard = keyboardOf([
    ...rows,
    pageNavigation(shown, (p) => orderCallback.services(category.key, p)),
    [InlineKeyboard.text(labels.back, orderCallback.categories(categoryPage(catalog, category)))],
  ]);
  return { keyboard, page: shown };
}

export function serviceCardKeyboard(catalog: Catalog, service: PanelService, labels: { order: string; back: string }): InlineKeyboard {
  const category = catalog.categories.find((c) => c.serviceIds.includes(service.id));
  const back = category ? orderCallback.services(category.key, servicePage(catalog, category, service.id)) : orderCallback.categories(0);
  return new InlineKeyboard().text(labels.order, orderCallback.order(service.id)).row().text(labels.back, back);
}

export function confirmKeyboard(draftId: string, labels: { confirm: string; cancel: string }): InlineKeyboard {
  return new InlineKeyboard().text(labels.confirm, orderCallback.confirm(draftId)).text(labels.cancel, orderCallback.discard(draftId));
}

export function leaveDialogKeyboard(label: string): InlineKeyboard {
  return new InlineKeyboard().text(label, orderCallback.leave);
}

/** Telegram shows an empty row as a gap: leave out the navigation row of a single page. */
const keyboardOf = (rows: InlineKeyboardButton[][]): InlineKeyboard => new InlineKeyboard(rows.filter((row) => row.length > 0));

/** The categories page that holds this category, so "Back" returns where the user came from. */
function categoryPage(catalog: Catalog, category: Category): number {
  return pageOf(catalog.categories.indexOf(category));
}

/** The services page that holds this service (counting only the services that are offered). */
function servicePage(catalog: Catalog, category: Category, serviceId: string): number {
  const offered = category.serviceIds.filter((id) => catalog.service.has(id) && callbackSafeId(id));
  return pageOf(offered.indexOf(serviceId));
}
