/**
 * The customers' service search: every name a service goes by (the owner's per language and the
 * panel's) and its category's names, normalized once per catalog build (text/search.ts), so a
 * query only normalizes itself and scans short strings. Hidden services are not in the index. Pure.
 */
import type { Catalog } from "../store/catalog.js";
import { matchesTerms, normalizeForSearch, searchTerms } from "../text/search.js";
import { LOCALES } from "../text/locales.js";
import { isOrderable, type ShopCatalog } from "./shop.js";

export interface SearchDocument {
  serviceId: string;
  /** names of the service and of its category, any script or spelling */
  texts: readonly string[];
}

export interface SearchIndex {
  /** normalized text per service, in the shop's order */
  readonly entries: ReadonlyArray<{ serviceId: string; text: string }>;
}

export function buildSearchIndex(documents: Iterable<SearchDocument>): SearchIndex {
  const entries: Array<{ serviceId: string; text: string }> = [];
  for (const d of documents) {
    // Each text normalized alone and de-duplicated: the same name in three languages is one string.
    const text = [...new Set(d.texts.map(normalizeForSearch).filter(Boolean))].join(" ");
    entries.push({ serviceId: d.serviceId, text });
  }
  return { entries };
}

/** The services whose names have every word of the query, in the index's order. */
export function search(index: SearchIndex, query: string): string[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  return index.entries.filter((e) => matchesTerms(e.text, terms)).map((e) => e.serviceId);
}

/** The panel's catalog as customers browse it (before the shop's curation). */
export function* panelSearchDocuments(catalog: Catalog): Iterable<SearchDocument> {
  for (const category of catalog.categories) {
    for (const id of category.serviceIds) {
      const s = catalog.service.get(id);
      if (s) yield { serviceId: id, texts: [s.name, category.name] };
    }
  }
}

/** The shop's catalog: visible services only, with the owner's names in every language and the panel's. */
export function* shopSearchDocuments(catalog: ShopCatalog): Iterable<SearchDocument> {
  for (const category of catalog.categories) {
    const categoryNames = [category.panelName, ...LOCALES.map((l) => category.name(l))];
    for (const id of category.visibleServiceIds) {
      const s = catalog.service.get(id);
      if (!s || !isOrderable(catalog, id)) continue;
      yield { serviceId: id, texts: [s.panel.name, ...LOCALES.map((l) => s.name(l)), ...categoryNames] };
    }
  }
}

const indexes = new WeakMap<object, SearchIndex>();

/** The index of this catalog build, made the first time it is searched (a new build is a new object). */
export function searchIndexOf<C extends object>(catalog: C, documents: (catalog: C) => Iterable<SearchDocument>): SearchIndex {
  let index = indexes.get(catalog);
  if (!index) indexes.set(catalog, (index = buildSearchIndex(documents(catalog))));
  return index;
}
