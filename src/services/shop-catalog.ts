/**
 * The owner's shop as every front end sees it: the Telegram admin screens and the customer walk
 * here, the web back office later. It builds the curated, priced `ShopCatalog` once per change (the
 * panel's list, or a rule in any process: the settings' version counter is one GET per look),
 * validates every admin change like a customer's input (a clear error, nothing changed), writes
 * each one to the audit list, and after each catalog fetch hides new services (NEW_SERVICES=hidden)
 * and sends the admins one digest of what changed.
 */
import { createHash } from "node:crypto";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { D, parseUserAmount, type Money } from "../money.js";
import type { PanelService } from "../panel/schemas.js";
import { diffCatalogs, isEmptyDiff } from "../catalog/diff.js";
import { type Pricer, type PricingRules, type Quote } from "../catalog/pricing.js";
import { buildShopCatalog, isOrderable, type ShopCatalog, type ShopService } from "../catalog/shop.js";
import type { AuditEntry, AuditLog } from "../store/audit.js";
import { buildCatalog, CatalogUnavailableError, categoryKey, type Catalog, type CatalogStore } from "../store/catalog.js";
import { settingField, type ExchangeRateRecord, type SettingChange, type ShopSettingsStore, type StoredShopSettings } from "../store/shop.js";
import type { WalletStore } from "../store/wallet.js";
import { matchesTerms, normalizeForSearch, searchTerms } from "../text/search.js";
import type { Notifier } from "./notifier.js";
import { catalogDigest } from "./catalog-digest.js";
import { LOCALES, type Locale } from "../text/locales.js";

/** Who makes a change, and from where (the audit's who and via). */
export interface Actor {
  id: number;
  via: AuditEntry["via"];
}

/** Why an admin's input was refused; nothing was changed. */
export type InputError = "not_number" | "too_big" | "not_positive" | "too_long" | "empty" | "unknown_category" | "unknown_service" | "unknown_locale" | "same_currency";

export type ChangeResult = { ok: true } | { ok: false; error: InputError };

/** The shop currency differs from the panel's and no exchange rate was set yet: nothing can be priced. */
export class ExchangeRateMissingError extends CatalogUnavailableError {}

/** The largest markup an admin can type, in percent: beyond it is a typo. */
export const MARKUP_MAX = new D(10_000);
/** Longest owner name and description, in characters (a card stays far below 4096). */
export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;

export type PriceMode = { kind: "category" } | { kind: "markup"; text: string } | { kind: "fixed"; text: string };

export interface ShopCatalogDeps {
  config: Pick<Config, "currency" | "panelCurrency" | "markupPercent" | "minMarginPercent" | "newServices">;
  catalog: Pick<CatalogStore, "get" | "onRefreshed">;
  settings: ShopSettingsStore;
  audit: AuditLog;
  notifier?: Pick<Notifier, "toAdmins">;
  wallet?: Pick<WalletStore, "hasAny">;
  logger?: Logger;
}

const ok: ChangeResult = { ok: true };
/** Decimals an exchange rate may have. */
const RATE_DECIMALS = 10;
const refuse = (error: InputError): ChangeResult => ({ ok: false, error });

/** A typed number as a customer's: "12,5", "1 000"; null means "not a number". */
function typedAmount(text: string): Money | null {
  return parseUserAmount(text);
}

/**
 * How long a read of the settings' version is trusted: a change made in another process shows here
 * within this long (a change made here, at once; placing an order always looks again). It saves
 * a Redis read on most updates of the order walk.
 */
export const VERSION_FRESH_MS = 1_000;

export class ShopCatalogService {
  private built: {
    catalog: ShopCatalog;
    panel: Catalog;
    version: string;
  } | null = null;
  private versionSeen: { version: string; at: number } | null = null;
  private building: { version: string; panel: Catalog; catalog: Promise<ShopCatalog> } | null = null;

  constructor(private readonly deps: ShopCatalogDeps) {}

  get shopCurrency(): string {
    return this.deps.config.currency;
  }

  get panelCurrency(): string {
    return this.deps.config.panelCurrency;
  }

  /** Whether prices are converted (then an exchange rate is needed). */
  get converts(): boolean {
    return this.deps.config.currency.toUpperCase() !== this.deps.config.panelCurrency.toUpperCase();
  }

  /** Starts listening to catalog fetches (new services, the digest). Once per process. */
  listen(): void {
    this.deps.catalog.onRefreshed((previous, next) => this.onPanelCatalog(previous, next));
  }

  /** The shop catalog now, rebuilt when the panel's list or a setting changed (in any process; `fresh`: the version read now, not up to VERSION_FRESH_MS ago). */
  async get(opts: { fresh?: boolean } = {}): Promise<ShopCatalog> {
    const [panel, version] = await Promise.all([this.deps.catalog.get(), this.settingsVersion(opts.fresh ?? false)]);
    if (this.built && this.built.panel === panel && this.built.version === version) return this.built.catalog;
    // Callers that find the copy out of date at the same version wait for one build; a caller who
    // read a newer version (a change landed meanwhile) starts its own.
    if (this.building?.version === version && this.building.panel === panel) return this.building.catalog;
    const building = { version, panel, catalog: this.rebuild(panel) };
    this.building = building;
    void building.catalog
      .finally(() => {
        if (this.building === building) this.building = null;
      })
      .catch(() => undefined);
    return building.catalog;
  }

  private async rebuild(panel: Catalog): Promise<ShopCatalog> {
    const { settings, version } = await this.deps.settings.load();
    const catalog = this.build(panel, settings);
    this.built = { catalog, panel, version };
    return catalog;
  }

  private async settingsVersion(fresh: boolean): Promise<string> {
    const now = Date.now();
    if (!fresh && this.versionSeen && now - this.versionSeen.at < VERSION_FRESH_MS) return this.versionSeen.version;
    const version = await this.deps.settings.version();
    this.versionSeen = { version, at: now };
    return version;
  }

  /** Pricing rules with the environment's defaults filled in. */
  rulesOf(s: StoredShopSettings): PricingRules {
    return {
      globalMarkupPercent: s.globalMarkupPercent ?? this.deps.config.markupPercent,
      roundingStep: s.roundingStep,
      minOrderPrice: s.minOrderPrice,
      minMarginPercent: s.minMarginPercent ?? this.deps.config.minMarginPercent,
      categoryMarkupPercent: s.categoryMarkupPercent,
      service: s.service,
    };
  }

  private exchangeRateOf(s: StoredShopSettings): Money {
    if (!this.converts) return new D(1);
    if (!s.exchangeRate) throw new ExchangeRateMissingError(`no exchange rate ${this.panelCurrency} → ${this.shopCurrency} set (/rate)`);
    return new D(s.exchangeRate.rate);
  }

  private build(panel: Catalog, settings: StoredShopSettings): ShopCatalog {
    return buildShopCatalog({
      fetchedAt: panel.fetchedAt,
      categories: panel.categories,
      services: panel.service,
      curation: settings.curation,
      rules: this.rulesOf(settings),
      exchangeRate: this.exchangeRateOf(settings),
    });
  }

  /** The service if a customer may order it now (visible, in a visible category), else null. */
  async orderable(serviceId: string): Promise<ShopService | null> {
    const catalog = await this.get();
    return isOrderable(catalog, serviceId) ? catalog.service.get(serviceId)! : null;
  }

  /** The price of an order of this service now; null when it cannot be ordered. */
  async quote(
    serviceId: string,
    quantity: number,
    runs?: number,
    opts: { fresh?: boolean } = {},
  ): Promise<{
    quote: Quote;
    service: ShopService;
    exchangeRate: Money;
    /** the pricer the quote came from, for a variant of it (a promo discount) under the same rules */
    pricer: Pricer;
  } | null> {
    const catalog = await this.get(opts);
    if (!isOrderable(catalog, serviceId)) return null;
    const service = catalog.service.get(serviceId)!;
    return {
      quote: catalog.pricer.quote(service.item, { quantity, runs }),
      service,
      exchangeRate: catalog.exchangeRate,
      pricer: catalog.pricer,
    };
  }

  async settings(): Promise<StoredShopSettings> {
    return (await this.deps.settings.load()).settings;
  }

  /** Services whose id is the query, or whose panel or owner name has every word of it. */
  async search(query: string, limit = 50): Promise<ShopService[]> {
    const catalog = await this.get();
    const q = query.trim().replace(/^#/, "");
    const byId = catalog.service.get(q);
    if (byId) return [byId];
    const terms = searchTerms(q);
    if (terms.length === 0) return [];
    const found: ShopService[] = [];
    for (const s of catalog.service.values()) {
      const names = [s.panel.name, ...LOCALES.map((l) => s.name(l))];
      if (names.some((n) => matchesTerms(normalizeForSearch(n), terms))) found.push(s);
      if (found.length >= limit) break;
    }
    return found;
  }

  // ---- changes: each validated, then written with one audit entry ---------------------------

  async setCategoryHidden(actor: Actor, key: string, hidden: boolean): Promise<ChangeResult> {
    if (!(await this.knownCategory(key))) return refuse("unknown_category");
    return this.apply(actor, `category.hidden ${key}`, {
      [settingField.category(key, "hidden")]: hidden ? "1" : null,
    });
  }

  async setCategoryMarkup(actor: Actor, key: string, text: string | null): Promise<ChangeResult> {
    if (!(await this.knownCategory(key))) return refuse("unknown_category");
    const markup = text === null ? null : this.markup(text);
    if (markup && !markup.ok) return markup;
    return this.apply(actor, `category.markup ${key}`, {
      [settingField.category(key, "markup")]: markup ? markup.value : null,
    });
  }

  /** Pins the category at this place (1 = first), or unpins it (null). */
  async setCategoryPin(actor: Actor, key: string, text: string | null): Promise<ChangeResult> {
    if (!(await this.knownCategory(key))) return refuse("unknown_category");
    let pin: string | null = null;
    if (text !== null) {
      if (!/^\d{1,4}$/.test(text.trim())) return refuse("not_number");
      pin = String(Number(text.trim()));
    }
    return this.apply(actor, `category.pin ${key}`, {
      [settingField.category(key, "pin")]: pin,
    });
  }

  async setCategorySort(actor: Actor, sort: "panel" | "name"): Promise<ChangeResult> {
    return this.apply(actor, "shop.category-sort", {
      [settingField.sort]: sort === "name" ? "name" : null,
    });
  }

  async setCategoryName(actor: Actor, key: string, locale: Locale, text: string | null): Promise<ChangeResult> {
    if (!(await this.knownCategory(key))) return refuse("unknown_category");
    const name = this.text(locale, text, NAME_MAX);
    if (!name.ok) return name;
    return this.apply(actor, `category.name.${locale} ${key}`, {
      [settingField.categoryName(key, locale)]: name.value,
    });
  }

  async setServiceHidden(actor: Actor, id: string, hidden: boolean): Promise<ChangeResult> {
    if (!(await this.knownService(id))) return refuse("unknown_service");
    // "0", not absent: with NEW_SERVICES=hidden an absent flag could be set again.
    return this.apply(actor, `service.hidden ${id}`, {
      [settingField.service(id, "hidden")]: hidden ? "1" : "0",
    });
  }

  async setServicePrice(actor: Actor, id: string, mode: PriceMode): Promise<ChangeResult> {
    if (!(await this.knownService(id))) return refuse("unknown_service");
    const markupField = settingField.service(id, "markup");
    const fixedField = settingField.service(id, "fixed");
    switch (mode.kind) {
      case "category":
        return this.apply(actor, `service.price ${id}`, {
          [markupField]: null,
          [fixedField]: null,
        });
      case "markup": {
        const m = this.markup(mode.text);
        if (!m.ok) return m;
        return this.apply(actor, `service.price ${id}`, {
          [markupField]: m.value,
          [fixedField]: null,
        });
      }
      case "fixed": {
        const p = this.positive(mode.text);
        if (!p.ok) return p;
        return this.apply(actor, `service.price ${id}`, {
          [markupField]: null,
          [fixedField]: p.value,
        });
      }
    }
  }

  async setServiceName(actor: Actor, id: string, locale: Locale, text: string | null): Promise<ChangeResult> {
    if (!(await this.knownService(id))) return refuse("unknown_service");
    const name = this.text(locale, text, NAME_MAX);
    if (!name.ok) return name;
    return this.apply(actor, `service.name.${locale} ${id}`, {
      [settingField.serviceName(id, locale)]: name.value,
    });
  }

  async setServiceDescription(actor: Actor, id: string, locale: Locale, text: string | null): Promise<ChangeResult> {
    if (!(await this.knownService(id))) return refuse("unknown_service");
    const d = this.text(locale, text, DESCRIPTION_MAX);
    if (!d.ok) return d;
    return this.apply(actor, `service.description.${locale} ${id}`, {
      [settingField.serviceDescription(id, locale)]: d.value,
    });
  }

  async setGlobalMarkup(actor: Actor, text: string): Promise<ChangeResult> {
    const m = this.markup(text);
    if (!m.ok) return m;
    return this.apply(actor, "pricing.markup", {
      [settingField.global]: m.value,
    });
  }

  /** "0" removes the rounding step (prices are then rounded up to 5 decimals only). */
  async setRoundingStep(actor: Actor, text: string): Promise<ChangeResult> {
    const a = typedAmount(text);
    if (!a) return refuse("not_number");
    if (a.gt(1_000_000)) return refuse("too_big");
    return this.apply(actor, "pricing.rounding-step", {
      [settingField.step]: a.isZero() ? null : a.toFixed(),
    });
  }

  async setMinMargin(actor: Actor, text: string): Promise<ChangeResult> {
    const a = typedAmount(text);
    if (!a) return refuse("not_number");
    if (a.gte(100)) return refuse("too_big");
    return this.apply(actor, "pricing.min-margin", {
      [settingField.minMargin]: a.toFixed(),
    });
  }

  /** "0" removes the minimum order price. */
  async setMinOrderPrice(actor: Actor, text: string): Promise<ChangeResult> {
    const a = typedAmount(text);
    if (!a) return refuse("not_number");
    if (a.gt(1_000_000_000)) return refuse("too_big");
    return this.apply(actor, "pricing.min-order", {
      [settingField.minOrder]: a.isZero() ? null : a.toFixed(),
    });
  }

  /** Shop currency units per 1 panel currency unit (`/rate 12650`). */
  async setExchangeRate(actor: Actor, text: string, now = Date.now()): Promise<ChangeResult> {
    if (!this.converts) return refuse("same_currency");
    // Up to 10 decimals: a shop in a strong currency over a panel in a weak one (USD over UZS,
    // about 0.0000791) would otherwise price 1 % high or 11 % low.
    const a = parseUserAmount(text, RATE_DECIMALS);
    if (!a) return refuse("not_number");
    if (a.isZero()) return refuse("not_positive");
    const old = (await this.settings()).exchangeRate;
    await this.deps.settings.setExchangeRate({
      rate: a.toFixed(),
      by: actor.id,
      at: now,
    });
    this.versionSeen = null;
    await this.deps.audit.append({
      who: actor.id,
      what: "shop.exchange-rate",
      old: old?.rate ?? "",
      new: a.toFixed(),
      via: actor.via,
      when: now,
    });
    return ok;
  }

  async exchangeRate(): Promise<ExchangeRateRecord | null> {
    return (await this.settings()).exchangeRate;
  }

  rateHistory(count = 10): Promise<ExchangeRateRecord[]> {
    return this.deps.settings.rateHistory(count);
  }

  auditPage(offset: number, count: number): Promise<{ entries: AuditEntry[]; total: number }> {
    return this.deps.audit.latest(offset, count);
  }

  /**
   * Refuses a SHOP_CURRENCY that differs from the currency the wallets were opened in (once there
   * are wallets): balances are never silently reinterpreted. Wallets from before the shop currency
   * existed were opened in the panel's currency (CURRENCY).
   */
  async checkWalletCurrency(): Promise<void> {
    let recorded = await this.deps.settings.walletCurrency();
    if (recorded === null) {
      const hasWallets = this.deps.wallet ? await this.deps.wallet.hasAny() : false;
      recorded = await this.deps.settings.recordWalletCurrency(hasWallets ? this.panelCurrency : this.shopCurrency);
    }
    if (recorded.toUpperCase() !== this.shopCurrency.toUpperCase()) {
      throw new ShopCurrencyChangedError(
        `SHOP_CURRENCY is ${this.shopCurrency}, but the wallets were opened in ${recorded}: set SHOP_CURRENCY=${recorded} (balances are never reinterpreted in another currency)`,
      );
    }
  }

  // ---- after each fetch of the panel's list --------------------------------------------------

  /** New services hidden when NEW_SERVICES=hidden, and one digest to the admins when anything changed. */
  async onPanelCatalog(previous: PanelService[] | null, next: PanelService[]): Promise<void> {
    if (previous === null) return;
    const diff = diffCatalogs(previous, next);
    if (this.deps.config.newServices === "hidden" && diff.added.length > 0) {
      await this.deps.settings.hideUndecided(diff.added.map((s) => s.id));
      this.versionSeen = null;
    }
    // Services that the new costs push below their fixed price's margin: hidden by themselves now.
    const { settings } = await this.deps.settings.load();
    let atLoss: ShopService[] = [];
    try {
      const before = this.build(buildCatalog(previous, 0), settings);
      const after = this.build(buildCatalog(next, 0), settings);
      atLoss = [...after.service.values()].filter((s) => s.atLoss && !before.service.get(s.id)?.atLoss);
    } catch (e) {
      if (!(e instanceof ExchangeRateMissingError)) throw e;
    }
    // Categories are known by their name: one the panel renamed (or emptied) takes the owner's
    // hiding, markup, pin and names with it, so it is named in the digest.
    const nextKeys = new Set(next.map((s) => categoryKey(s.category)));
    const lostCategories = [...new Set(previous.map((s) => s.category))].filter((name) => {
      const key = categoryKey(name);
      return !nextKeys.has(key) && (settings.curation.categories[key] !== undefined || settings.categoryMarkupPercent[key] !== undefined);
    });
    if (isEmptyDiff(diff) && atLoss.length === 0 && lostCategories.length === 0) return;
    if (!this.deps.notifier) return;
    const key = `catalog-digest:${createHash("sha1")
      .update(
        JSON.stringify([
          diff.added.map((s) => s.id),
          diff.removed.map((s) => s.id),
          diff.rateChanges.map((c) => [c.service.id, c.newRate.toFixed()]),
          diff.limitChanges.map((c) => [c.service.id, c.service.min, c.service.max]),
          atLoss.map((s) => s.id),
          lostCategories,
        ]),
      )
      .digest("base64url")
      .slice(0, 16)}`;
    await this.deps.notifier.toAdmins(
      (t, locale) =>
        catalogDigest(t, locale, {
          diff,
          atLoss,
          lostCategories,
          panelCurrency: this.panelCurrency,
        }),
      { key },
    );
    this.deps.logger?.info(
      {
        added: diff.added.length,
        removed: diff.removed.length,
        rates: diff.rateChanges.length,
        atLoss: atLoss.length,
        lostCategories: lostCategories.length,
      },
      "catalog digest sent",
    );
  }

  // ---- helpers -------------------------------------------------------------------------------

  private async apply(actor: Actor, what: string, change: SettingChange): Promise<ChangeResult> {
    const fields = Object.keys(change);
    const old = await this.deps.settings.values(fields);
    await this.deps.settings.change(change);
    this.versionSeen = null;
    const show = (values: Array<string | null>) => fields.map((f, i) => (fields.length > 1 ? `${f.split(":").pop()}=${values[i] ?? ""}` : (values[i] ?? ""))).join(" ");
    await this.deps.audit.append({
      who: actor.id,
      what,
      old: show(old),
      new: show(fields.map((f) => change[f] ?? null)),
      via: actor.via,
    });
    return ok;
  }

  private markup(text: string): { ok: true; value: string } | { ok: false; error: InputError } {
    const a = typedAmount(text.replace(/%\s*$/, ""));
    if (!a) return { ok: false, error: "not_number" };
    if (a.gt(MARKUP_MAX)) return { ok: false, error: "too_big" };
    return { ok: true, value: a.toFixed() };
  }

  private positive(text: string): { ok: true; value: string } | { ok: false; error: InputError } {
    const a = typedAmount(text);
    if (!a) return { ok: false, error: "not_number" };
    if (a.isZero()) return { ok: false, error: "not_positive" };
    return { ok: true, value: a.toFixed() };
  }

  /** An owner text: trimmed, not empty, not too long; null resets to the panel's. */
  private text(locale: Locale, text: string | null, max: number): { ok: true; value: string | null } | { ok: false; error: InputError } {
    if (!LOCALES.includes(locale)) return { ok: false, error: "unknown_locale" };
    if (text === null) return { ok: true, value: null };
    const t = text.trim();
    if (t === "") return { ok: false, error: "empty" };
    if ([...t].length > max) return { ok: false, error: "too_long" };
    return { ok: true, value: t };
  }

  private async knownCategory(key: string): Promise<boolean> {
    return (await this.deps.catalog.get()).category.has(key);
  }

  private async knownService(id: string): Promise<boolean> {
    return (await this.deps.catalog.get()).service.has(id);
  }
}

export class ShopCurrencyChangedError extends Error {
  override readonly name = "ShopCurrencyChangedError";
}
