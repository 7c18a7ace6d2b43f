/**
 * The owner's shop settings: curation (hidden, names, descriptions, pins, sort) and pricing rules
 * (markups, fixed prices, rounding step, minimum margin and order price), the exchange rate with who
 * set it and when, and a version counter every change bumps, so that each process rebuilds its shop
 * catalog when another one changed a rule (one GET per look). One hash field per setting: two admins
 * changing two settings at once never overwrite each other.
 *
 * Fields: `global`, `step`, `minOrder`, `minMargin`, `sort`, `rate`, `rateBy`, `rateAt`,
 * `cat:<key>:<what>` and `svc:<id>:<what>` (what: hidden, markup, fixed, pin, name:<locale>,
 * desc:<locale>).
 */
import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";
import type { Curation, CategoryCuration, ServiceCuration } from "../catalog/shop.js";
import type { ServiceRule } from "../catalog/pricing.js";

export interface ExchangeRateRecord {
  /** shop currency units per 1 panel currency unit, decimal string */
  rate: string;
  /** the admin's Telegram id */
  by: number;
  at: number;
}

/** The settings as stored; absent values fall back to the environment (PRICE_MARKUP_PERCENT, …). */
export interface StoredShopSettings {
  curation: Curation;
  globalMarkupPercent?: string;
  roundingStep?: string;
  minOrderPrice?: string;
  minMarginPercent?: string;
  categoryMarkupPercent: Record<string, string>;
  service: Record<string, ServiceRule>;
  exchangeRate: ExchangeRateRecord | null;
}

/** A field of the settings hash; `null` removes it (back to the default). */
export type SettingChange = Record<string, string | null>;

export const RATE_HISTORY_MAX = 200;

export const settingField = {
  global: "global",
  step: "step",
  minOrder: "minOrder",
  minMargin: "minMargin",
  sort: "sort",
  category: (key: string, what: "hidden" | "markup" | "pin") => `cat:${key}:${what}`,
  categoryName: (key: string, locale: string) => `cat:${key}:name:${locale}`,
  service: (id: string, what: "hidden" | "markup" | "fixed") => `svc:${id}:${what}`,
  serviceName: (id: string, locale: string) => `svc:${id}:name:${locale}`,
  serviceDescription: (id: string, locale: string) => `svc:${id}:desc:${locale}`,
};

const ENTITY_FIELD = /^(cat|svc):(.+?):(hidden|markup|fixed|pin|name:[\w-]+|desc:[\w-]+)$/;

export function decodeSettings(h: Record<string, string>): StoredShopSettings {
  const categories: Record<string, { -readonly [K in keyof CategoryCuration]: CategoryCuration[K] }> = {};
  const services: Record<string, { -readonly [K in keyof ServiceCuration]: ServiceCuration[K] }> = {};
  const out: StoredShopSettings = {
    curation: {
      categories,
      services,
      categorySort: h.sort === "name" ? "name" : "panel",
    },
    globalMarkupPercent: h.global,
    roundingStep: h.step,
    minOrderPrice: h.minOrder,
    minMarginPercent: h.minMargin,
    categoryMarkupPercent: {},
    service: {},
    exchangeRate: h.rate ? { rate: h.rate, by: Number(h.rateBy ?? 0), at: Number(h.rateAt ?? 0) } : null,
  };
  for (const [field, value] of Object.entries(h)) {
    const m = ENTITY_FIELD.exec(field);
    if (!m) continue;
    const [, kind, id, what] = m as unknown as [string, "cat" | "svc", string, string];
    if (kind === "cat") {
      const c = (categories[id] ??= {});
      if (what === "hidden") c.hidden = value === "1";
      else if (what === "pin") c.pin = Number(value);
      else if (what === "markup") out.categoryMarkupPercent[id] = value;
      else if (what.startsWith("name:")) c.names = { ...c.names, [what.slice(5)]: value };
    } else {
      const s = (services[id] ??= {});
      if (what === "hidden") s.hidden = value === "1";
      else if (what === "markup") out.service[id] = { ...out.service[id], markupPercent: value };
      else if (what === "fixed") out.service[id] = { ...out.service[id], fixedPrice: value };
      else if (what.startsWith("name:")) s.names = { ...s.names, [what.slice(5)]: value };
      else if (what.startsWith("desc:")) s.descriptions = { ...s.descriptions, [what.slice(5)]: value };
    }
  }
  return out;
}

export class ShopSettingsStore {
  private readonly k: Keys["shop"];
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix).shop;
  }

  /** The version counter: a process whose copy was built at another value rebuilds. */
  async version(): Promise<string> {
    return (await this.redis.get(this.k.version)) ?? "0";
  }

  /** The settings and the version they are at, read together. */
  async load(): Promise<{ settings: StoredShopSettings; version: string }> {
    // The version first: a change landing in between is newer than the version kept, so it is read again.
    const [v, h] = await Promise.all([this.redis.get(this.k.version), this.redis.hgetall(this.k.settings)]);
    return { settings: decodeSettings(h), version: v ?? "0" };
  }

  /** The current values of some fields (null: not set), for the audit's "old". */
  async values(fields: string[]): Promise<Array<string | null>> {
    return fields.length === 0 ? [] : this.redis.hmget(this.k.settings, ...fields);
  }

  /** Sets and removes fields and bumps the version, in one step. */
  async change(change: SettingChange): Promise<void> {
    const tx = this.redis.multi();
    const set: Record<string, string> = {};
    const removed: string[] = [];
    for (const [f, v] of Object.entries(change)) {
      if (v === null) removed.push(f);
      else set[f] = v;
    }
    if (Object.keys(set).length) tx.hset(this.k.settings, set);
    if (removed.length) tx.hdel(this.k.settings, ...removed);
    tx.incr(this.k.version);
    await tx.exec();
  }

  /** Hides these services unless an admin already decided about them (NEW_SERVICES=hidden). */
  async hideUndecided(serviceIds: string[]): Promise<number> {
    if (serviceIds.length === 0) return 0;
    const tx = this.redis.multi();
    for (const id of serviceIds) tx.hsetnx(this.k.settings, settingField.service(id, "hidden"), "1");
    const res = (await tx.exec()) ?? [];
    const hidden = res.filter(([, v]) => v === 1).length;
    if (hidden > 0) await this.redis.incr(this.k.version);
    return hidden;
  }

  async setExchangeRate(record: ExchangeRateRecord): Promise<void> {
    await this.redis
      .multi()
      .hset(this.k.settings, {
        rate: record.rate,
        rateBy: String(record.by),
        rateAt: String(record.at),
      })
      .lpush(this.k.rateHistory, JSON.stringify(record))
      .ltrim(this.k.rateHistory, 0, RATE_HISTORY_MAX - 1)
      .incr(this.k.version)
      .exec();
  }

  /** Exchange rates set, newest first. */
  async rateHistory(count: number): Promise<ExchangeRateRecord[]> {
    const rows = await this.redis.lrange(this.k.rateHistory, 0, count - 1);
    return rows.map((r) => JSON.parse(r) as ExchangeRateRecord);
  }

  /** The currency the wallets were opened in, if recorded. */
  async walletCurrency(): Promise<string | null> {
    return this.redis.get(this.k.walletCurrency);
  }

  /** Records it once; returns the currency recorded (an earlier one wins). */
  async recordWalletCurrency(currency: string): Promise<string> {
    await this.redis.set(this.k.walletCurrency, currency, "NX");
    return (await this.redis.get(this.k.walletCurrency)) ?? currency;
  }
}
