/**
 * The shop's catalog: the panel's services as the owner curates them (hidden or shown, renamed per
 * language, own descriptions, category order) with every unit price worked out. Built once when the
 * panel's list, a curation or a pricing rule changes, so a screen only reads it. Pure.
 */
import type { Money } from "../money.js";
import type { PanelService } from "../panel/schemas.js";
import type { Locale } from "../text/locales.js";
import { Pricer, type PricedItem, type PricingRules, type UnitPrice } from "./pricing.js";

/** Per-language texts the owner wrote; a missing language falls back to the panel's text. */
export type LocalizedText = Readonly<Record<Locale, string>>;

export interface CategoryCuration {
  hidden?: boolean;
  names?: LocalizedText;
  /** pinned categories come first, lowest number first */
  pin?: number;
}

export interface ServiceCuration {
  hidden?: boolean;
  names?: LocalizedText;
  descriptions?: LocalizedText;
}

export interface Curation {
  categories: Readonly<Record<string, CategoryCuration>>;
  services: Readonly<Record<string, ServiceCuration>>;
  /** unpinned categories: in the panel's order, or by their shown name */
  categorySort: "panel" | "name";
}

export const emptyCuration = (): Curation => ({ categories: {}, services: {}, categorySort: "panel" });

export interface ShopService {
  id: string;
  panel: PanelService;
  categoryKey: string;
  item: PricedItem;
  unit: UnitPrice;
  /** hidden by the owner, or by itself because its fixed price no longer covers the cost */
  hidden: boolean;
  /** hidden by itself: the fixed price is at a loss (or under the minimum margin) */
  atLoss: boolean;
  name(locale: Locale): string;
  description(locale: Locale): string | undefined;
}

export interface ShopCategory {
  key: string;
  panelName: string;
  hidden: boolean;
  pin: number | undefined;
  /** every service of the category, panel order */
  serviceIds: string[];
  /** what customers see: not hidden, and the category itself not hidden */
  visibleServiceIds: string[];
  name(locale: Locale): string;
}

export interface ShopCatalog {
  fetchedAt: number;
  /** every category, in shop order (admins see them all) */
  allCategories: ShopCategory[];
  /** what customers browse: visible categories with at least one visible service, shop order */
  categories: ShopCategory[];
  category: Map<string, ShopCategory>;
  service: Map<string, ShopService>;
  exchangeRate: Money;
  rules: PricingRules;
  /** prices orders under the same rules the catalog was built with */
  pricer: Pricer;
}

export interface PanelCategory {
  key: string;
  name: string;
  serviceIds: string[];
}

const localized = (texts: LocalizedText | undefined, fallback: string) => (locale: Locale) => texts?.[locale] || fallback;

/** Whether a customer may see and order the service. Forged callback data is checked against this. */
export const isOrderable = (catalog: ShopCatalog, serviceId: string): boolean => {
  const s = catalog.service.get(serviceId);
  return s !== undefined && !s.hidden && catalog.category.get(s.categoryKey)?.hidden === false;
};

export function buildShopCatalog(input: {
  fetchedAt: number;
  categories: readonly PanelCategory[];
  services: ReadonlyMap<string, PanelService>;
  curation: Curation;
  rules: PricingRules;
  exchangeRate: Money;
}): ShopCatalog {
  const { curation, rules, exchangeRate } = input;
  const pricer = new Pricer(rules, exchangeRate);
  const service = new Map<string, ShopService>();
  const category = new Map<string, ShopCategory>();
  for (const c of input.categories) {
    const cc = curation.categories[c.key];
    const visibleServiceIds: string[] = [];
    for (const id of c.serviceIds) {
      const panel = input.services.get(id);
      if (!panel) continue;
      const sc = curation.services[id];
      const item: PricedItem = { serviceId: id, categoryKey: c.key, rate: panel.rate, type: panel.type };
      const atLoss = pricer.sellsAtLoss(item);
      const hidden = sc?.hidden === true || atLoss;
      service.set(id, {
        id,
        panel,
        categoryKey: c.key,
        item,
        unit: pricer.unit(item),
        hidden,
        atLoss,
        name: localized(sc?.names, panel.name),
        description: (locale) => sc?.descriptions?.[locale] || panel.description,
      });
      if (!hidden) visibleServiceIds.push(id);
    }
    category.set(c.key, {
      key: c.key,
      panelName: c.name,
      hidden: cc?.hidden === true,
      pin: cc?.pin,
      serviceIds: [...c.serviceIds],
      visibleServiceIds,
      name: localized(cc?.names, c.name),
    });
  }
  const panelOrder = new Map(input.categories.map((c, i) => [c.key, i]));
  const allCategories = [...category.values()].sort((a, b) => {
    if (a.pin !== undefined || b.pin !== undefined) return (a.pin ?? Infinity) - (b.pin ?? Infinity) || panelOrder.get(a.key)! - panelOrder.get(b.key)!;
    if (curation.categorySort === "name") return a.panelName.localeCompare(b.panelName) || panelOrder.get(a.key)! - panelOrder.get(b.key)!;
    return panelOrder.get(a.key)! - panelOrder.get(b.key)!;
  });
  const categories = allCategories.filter((c) => !c.hidden && c.visibleServiceIds.length > 0);
  return { fetchedAt: input.fetchedAt, allCategories, categories, category, service, exchangeRate, rules, pricer };
}
