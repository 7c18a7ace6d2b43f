import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { PanelService } from "../../panel/schemas.js";
import type { Catalog, Category } from "../../store/catalog.js";
import { orderWalkData } from "../callback-data/order-walk.js";
import { searchData } from "../callback-data/search.js";
import { PAGE_SIZE, pageNavigation, pageOf, paginate, type Page } from "./pagination.js";
import { truncate } from "../../text/html.js";

/** Panel service ids are opaque; one that cannot travel in callback data is not offered. */
const callbackSafeId = (id: string): boolean => orderWalkData.service.canPack({ serviceId: id });

/** Button labels are plain text; long panel names are cut so a row stays readable on a phone. */
const BUTTON_NAME_MAX = 48;

export function categoriesKeyboard(catalog: Catalog, page: number): { keyboard: InlineKeyboard; page: Page<Category> } {
  const shown = paginate(catalog.categories, page, PAGE_SIZE);
  const rows = shown.items.map((category) => [
    InlineKeyboard.text(`${truncate(category.name, BUTTON_NAME_MAX)} (${category.serviceIds.length})`, orderWalkData.services.pack({ categoryKey: category.key, page: 0 })),
  ]);
  return { keyboard: keyboardOf([...rows, pageNavigation(shown, (p) => orderWalkData.categories.pack({ page: p }))]), page: shown };
}

export function servicesKeyboard(
  catalog: Catalog,
  category: Category,
  page: number,
  labels: { price: (service: PanelService) => string; back: string },
): { keyboard: InlineKeyboard; page: Page<PanelService> } {
  const services = category.serviceIds.map((id) => catalog.service.get(id)).filter((s): s is PanelService => s !== undefined && callbackSafeId(s.id));
  const shown = paginate(services, page, PAGE_SIZE);
  const rows = shown.items.map((service) => [InlineKeyboard.text(`${truncate(service.name, BUTTON_NAME_MAX)} — ${labels.price(service)}`, orderWalkData.service.pack({ serviceId: service.id }))]);
  const keyboard = keyboardOf([
    ...rows,
    pageNavigation(shown, (p) => orderWalkData.services.pack({ categoryKey: category.key, page: p })),
    [InlineKeyboard.text(labels.back, orderWalkData.categories.pack({ page: categoryPage(catalog, category) }))],
  ]);
  return { keyboard, page: shown };
}

/** A page of search results: the same service buttons as a category's, then «/». */
export function searchResultsKeyboard(services: readonly PanelService[], page: number, labels: { price: (service: PanelService) => string }): { keyboard: InlineKeyboard; page: Page<PanelService> } {
  const shown = paginate(
    services.filter((s) => callbackSafeId(s.id)),
    page,
    PAGE_SIZE,
  );
  const rows = shown.items.map((service) => [InlineKeyboard.text(`${truncate(service.name, BUTTON_NAME_MAX)} — ${labels.price(service)}`, orderWalkData.service.pack({ serviceId: service.id }))]);
  return { keyboard: keyboardOf([...rows, pageNavigation(shown, (p) => searchData.page.pack({ page: p }))]), page: shown };
}

export function serviceCardKeyboard(catalog: Catalog, service: PanelService, labels: { order: string; back: string }): InlineKeyboard {
  const category = catalog.categories.find((c) => c.serviceIds.includes(service.id));
  const back = category
    ? orderWalkData.services.pack({ categoryKey: category.key, page: servicePage(catalog, category, service.id) })
    : orderWalkData.categories.pack({ page: 0 });
  return new InlineKeyboard().text(labels.order, orderWalkData.order.pack({ serviceId: service.id })).row().text(labels.back, back);
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

/** The categories page that holds this category, so "Back" returns where the user came from. */
function categoryPage(catalog: Catalog, category: Category): number {
  return pageOf(catalog.categories.indexOf(category));
}

/** The services page that holds this service (counting only the services that are offered). */
function servicePage(catalog: Catalog, category: Category, serviceId: string): number {
  const offered = category.serviceIds.filter((id) => catalog.service.has(id) && callbackSafeId(id));
  return pageOf(offered.indexOf(serviceId));
}
