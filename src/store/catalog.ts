import { RedisStore } from "./redis-store.js";
import { createHash } from "node:crypto";
import type { Logger } from "../logger.js";
import { D } from "../money.js";
import type { PanelService } from "../panel/schemas.js";
import type { Redis } from "./redis.js";

/** How the order dialog collects an order for a service type; null: the bot cannot order it yet. */
export type OrderKind = "default" | "package" | "comments";

export function orderKind(type: string): OrderKind | null {
  switch (type.toLowerCase().replace(/[\s_-]+/g, "")) {
    case "default":
      return "default";
    case "package":
      return "package";
    case "customcomments":
      return "comments";
    default:
      return null;
  }
}

export interface Category {
  /** short stable key for callback data: never the name, which can be long or odd */
  key: string;
  name: string;
  serviceIds: string[];
}

export interface Catalog {
  fetchedAt: number;
  categories: Category[];
  category: Map<string, Category>;
  service: Map<string, PanelService>;
}

export const categoryKey = (name: string): string => createHash("sha1").update(name).digest("base64url").slice(0, 8);

/**
 * Groups services by category in the panel's order. Only services the bot can order are kept,
 * so a category made only of unsupported types does not appear at all.
 */
export function buildCatalog(services: PanelService[], fetchedAt: number): Catalog {
  const category = new Map<string, Category>();
  const service = new Map<string, PanelService>();
  for (const s of services) {
    if (orderKind(s.type) === null || service.has(s.id)) continue;
    service.set(s.id, s);
    const key = categoryKey(s.category);
    let c = category.get(key);
    if (!c) {
      c = { key, name: s.category, serviceIds: [] };
      category.set(key, c);
    }
    c.serviceIds.push(s.id);
  }
  return { fetchedAt, categories: [...category.values()], category, service };
}

interface StoredCatalog {
  fetchedAt: number;
  services: Array<Omit<PanelService, "rate"> & { rate: string }>;
}

export function serializeCatalog(services: PanelService[], fetchedAt: number): string {
  const stored: StoredCatalog = {
    fetchedAt,
    services: services.map((s) => ({ ...s, rate: s.rate.toFixed() })),
  };
  return JSON.stringify(stored);
}

export function deserializeCatalog(json: string): {
  services: PanelService[];
  fetchedAt: number;
} {
  const stored = JSON.parse(json) as StoredCatalog;
  return {
    fetchedAt: stored.fetchedAt,
    services: stored.services.map((s) => ({ ...s, rate: new D(s.rate) })),
  };
}

export class CatalogUnavailableError extends Error {
  override readonly name = "CatalogUnavailableError";
}

/** Told of every successful fetch, with the list fetched before it (null: the first one ever). */
export type CatalogListener = (previous: PanelService[] | null, next: PanelService[]) => Promise<void>;

export interface CatalogSource {
  services(): Promise<{ services: PanelService[]; skipped: number }>;
}

/**
 * The panel's services, cached in memory and in Redis (shared by every process). Refreshed in the
 * background; when the panel is down the last good copy keeps being served, however old.
 */
export class CatalogStore extends RedisStore {
  private current: Catalog | null = null;
  private refreshing: Promise<Catalog> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners: CatalogListener[] = [];

  constructor(
    redis: Redis,
    prefix: string,
    private readonly source: CatalogSource,
    private readonly opts: { refreshMs: number; logger?: Logger },
  ) {
    super(redis, prefix);
  }

  /** The catalog now: memory, else Redis, else the panel. Throws only when none has ever been had. */
  async get(): Promise<Catalog> {
    if (this.current) {
      if (Date.now() - this.current.fetchedAt > this.opts.refreshMs) void this.refresh().catch(() => undefined);
      return this.current;
    }
    const cached = await this.redis.get(this.k.catalog);
    if (cached) {
      const { services, fetchedAt } = deserializeCatalog(cached);
      this.current = buildCatalog(services, fetchedAt);
      return this.get();
    }
    return this.refresh();
  }

  /**
   * Called after each fetch, before the new list is served by this process (the shop hides new
   * services there when NEW_SERVICES=hidden). A listener's failure is logged, never fatal.
   */
  onRefreshed(listener: CatalogListener): void {
    this.listeners.push(listener);
  }

  /** Fetches from the panel; concurrent callers share one request. */
  refresh(): Promise<Catalog> {
    this.refreshing ??= this.fetch().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async fetch(): Promise<Catalog> {
    try {
      const { services } = await this.source.services();
      const now = Date.now();
      // The list before, from Redis: another process may have fetched since this one did.
      const before = await this.redis.set(this.k.catalog, serializeCatalog(services, now), "GET");
      const previous = before ? deserializeCatalog(before).services : null;
      for (const listener of this.listeners) {
        await listener(previous, services).catch((e: unknown) => this.opts.logger?.error({ err: e }, "catalog listener failed"));
      }
      this.current = buildCatalog(services, now);
      this.opts.logger?.info(
        {
          services: this.current.service.size,
          categories: this.current.categories.length,
        },
        "catalog refreshed",
      );
      return this.current;
    } catch (e) {
      this.opts.logger?.warn({ err: e }, "catalog refresh failed; serving the cached copy");
      if (this.current) return this.current;
      const cached = await this.redis.get(this.k.catalog);
      if (cached) {
        const { services, fetchedAt } = deserializeCatalog(cached);
        return (this.current = buildCatalog(services, fetchedAt));
      }
      throw new CatalogUnavailableError("the panel's service list is not available", { cause: e });
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.refresh().catch(() => undefined), this.opts.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
