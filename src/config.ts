import { existsSync } from "node:fs";
import { z } from "zod";
import { LOCALES, type Locale } from "./text/locales.js";

/** Comma-separated Telegram user ids, e.g. "12345,67890". */
const idList = z
  .string()
  .trim()
  .transform((s) => (s === "" ? [] : s.split(",").map((p) => p.trim())))
  .pipe(z.array(z.string().regex(/^\d+$/, "must be numeric Telegram user ids, comma-separated")).transform((ids) => ids.map(Number)));

/**
 * REQUIRED_CHANNELS: channels (or groups) a customer must have joined to order, comma-separated
 * public @usernames or numeric chat ids (-100…).
 */
const channelList = z
  .string()
  .trim()
  .transform((s) =>
    s === ""
      ? []
      : s
          .split(",")
          .map((p) => p.trim())
          .filter((p) => p !== ""),
  )
  .pipe(z.array(z.string().regex(/^(?:@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$/, "must be @usernames or numeric chat ids, comma-separated (e.g. @myshop,-1001234567890)")));

const decimalString = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, `must be a non-negative decimal number (${what})`);

const optionalNonEmpty = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** "https://shop.example.com" (a trailing slash allowed), nothing after it. */
function isHttpOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "https:" || u.protocol === "http:") && u.pathname === "/" && u.search === "" && u.hash === "" && u.username === "" && u.password === "";
  } catch {
    return false;
  }
}

/** The environment as the program reads it: names, defaults and messages a reseller sees. */
const envSchema = z
  .object({
    BOT_TOKEN: z
      .string()
      .trim()
      .regex(/^\d+:[\w-]+$/, "must look like 123456:ABC-DEF… (from @BotFather)"),
    // http(s) only: "localhost:8081" parses as a URL with the scheme "localhost:" and then hangs.
    TELEGRAM_API_ROOT: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://api.telegram.org" })
      .default("https://api.telegram.org")
      .transform((u) => u.replace(/\/+$/, "")),
    PANEL_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://reseen.uz/api/v2" }).default("https://reseen.uz/api/v2"),
    PANEL_API_KEY: z.string().trim().min(1, "is required (the API key from your panel account page)"),
    PANEL_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(30_000),
    REDIS_URL: z
      .string()
      .trim()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .default("redis://127.0.0.1:6379"),
    REDIS_PREFIX: z.string().trim().default("pb:"),
    ADMIN_IDS: idList.default([]),
    DEFAULT_LOCALE: z.enum(LOCALES as [Locale, ...Locale[]]).default("uz"),
    CURRENCY: z.string().trim().min(1).default("USD"),
    SHOP_CURRENCY: optionalNonEmpty,
    NEW_SERVICES: z.enum(["visible", "hidden"]).default("visible"),
    MIN_MARGIN_PERCENT: decimalString("percent").default("0"),
    POLL_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
    POLL_MAX_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(6 * 60 * 60 * 1000),
    ORDER_HISTORY_DAYS: z.coerce.number().int().min(1).default(365),
    // At least 2: a draft (DRAFT_TTL_S, a day) is long gone before its creation time is packed past.
    ORDER_PACK_DAYS: z.coerce.number().int().min(2).default(7),
    PRICE_MARKUP_PERCENT: decimalString("percent").default("0"),
    CATALOG_REFRESH_MS: z.coerce
      .number()
      .int()
      .min(10_000)
      .default(10 * 60 * 1000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_PRETTY: z.stringbool().optional(),
    NODE_ENV: z.string().default("production"),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: optionalNonEmpty.pipe(z.url({ protocol: /^https$/, error: "must be an https URL (Telegram sends webhooks over HTTPS only)" }).optional()),
    WEBHOOK_SECRET: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
        .optional(),
    ),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    WORKER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    PUBLIC_URL: optionalNonEmpty.pipe(
      z
        .string()
        .refine(isHttpOrigin, "must be an http(s) origin without a path, e.g. https://shop.example.com")
        .transform((u) => new URL(u).origin)
        .optional(),
    ),
    TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
    TELEGRAM_GLOBAL_RATE: z.coerce.number().int().min(1).max(1000).default(25),
    PAYMENT_PROVIDER_TOKEN: optionalNonEmpty,
    PAYMENT_CURRENCY: z.string().trim().default("UZS"),
    PAYMENT_RATE: optionalNonEmpty.pipe(decimalString("units of PAYMENT_CURRENCY per 1 shop currency unit").optional()),
    PAYMENT_MIN: decimalString("shop currency").default("1"),
    PAYMENT_MAX: decimalString("shop currency").default("1000"),
    STARS_RATE: optionalNonEmpty.pipe(decimalString("shop currency per star").optional()),
    MANUAL_TOPUP_DETAILS: optionalNonEmpty,
    RECONCILE_DAILY_SUMMARY: z.stringbool().default(false),
    REFERRAL_PERCENT: decimalString("percent of what a referred user pays; 0 = off")
      .refine((v) => Number(v) < 100, "must be below 100")
      .default("0"),
    REQUIRED_CHANNELS: channelList.default([]),
  })
  .superRefine((c, ctx) => {
    if (c.BOT_MODE === "webhook") {
      if (!c.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
      if (!c.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
    }
    if (c.PAYMENT_PROVIDER_TOKEN && !c.PAYMENT_RATE) {
      ctx.addIssue({ code: "custom", path: ["PAYMENT_RATE"], message: "is required when PAYMENT_PROVIDER_TOKEN is set" });
    }
  });

type Env = z.output<typeof envSchema>;

/** A value the refinement above made sure of, where the types cannot see it. */
function refined<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ConfigError(`${name} is missing after validation`);
  return value;
}

/** Polling, or a webhook with its URL and secret: never a webhook without them. */
function botMode(e: Env): { mode: "polling"; webhook?: undefined } | { mode: "webhook"; webhook: { url: string; secret: string } } {
  if (e.BOT_MODE === "polling") return { mode: "polling" };
  return { mode: "webhook", webhook: { url: refined(e.WEBHOOK_URL, "WEBHOOK_URL"), secret: refined(e.WEBHOOK_SECRET, "WEBHOOK_SECRET") } };
}

/** The settings in the shape the program uses; a payment way is present only when it is configured. */
const configSchema = envSchema.transform((e) => ({
  botToken: e.BOT_TOKEN,
  telegramApiRoot: e.TELEGRAM_API_ROOT,
  panel: { url: e.PANEL_API_URL, key: e.PANEL_API_KEY, timeoutMs: e.PANEL_TIMEOUT_MS },
  redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
  adminIds: e.ADMIN_IDS,
  defaultLocale: e.DEFAULT_LOCALE,
  /** SHOP_CURRENCY: what customers see and wallets hold (defaults to the panel's currency) */
  currency: e.SHOP_CURRENCY ?? e.CURRENCY,
  /** CURRENCY: what the panel charges in */
  panelCurrency: e.CURRENCY,
  /** what a service that newly appears at the panel is in the shop until an admin decides */
  newServices: e.NEW_SERVICES,
  minMarginPercent: e.MIN_MARGIN_PERCENT,
  poll: { intervalMs: e.POLL_INTERVAL_MS, maxIntervalMs: Math.max(e.POLL_MAX_INTERVAL_MS, e.POLL_INTERVAL_MS) },
  /** ORDER_HISTORY_DAYS: closed orders older than this leave the hot structures for the archive (OrderStore.archiveStep) */
  orderHistoryDays: e.ORDER_HISTORY_DAYS,
  /** ORDER_PACK_DAYS: orders closed and unchanged this long keep their place in the lists, their record packed (OrderStore.packStep) */
  orderPackDays: e.ORDER_PACK_DAYS,
  markupPercent: e.PRICE_MARKUP_PERCENT,
  /** REFERRAL_PERCENT: the referrer's share of what a referred user pays for orders, after refunds; "0" = off */
  referralPercent: e.REFERRAL_PERCENT,
  catalogRefreshMs: e.CATALOG_REFRESH_MS,
  /** chats a customer must have joined to order (REQUIRED_CHANNELS); empty: no condition */
  requiredChannels: e.REQUIRED_CHANNELS,
  log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY ?? e.NODE_ENV === "development" },
  ...botMode(e),
  port: e.PORT,
  /** the HTTP port of a worker-only process: WORKER_PORT, else PORT + 1 (0 stays 0: any free port) */
  workerPort: e.WORKER_PORT ?? (e.PORT === 0 ? 0 : Math.min(e.PORT + 1, 65535)),
  /** PUBLIC_URL: where admins open the back office; unset, links point at http://127.0.0.1:PORT */
  publicUrl: e.PUBLIC_URL,
  /** TRUST_PROXY: reverse proxies in front of this process whose X-Forwarded-For is believed (0: none; the socket's address counts) */
  trustedProxies: e.TRUST_PROXY,
  telegramGlobalRate: e.TELEGRAM_GLOBAL_RATE,
  /** the daily reconciliation messages admins also when everything matches */
  reconcileDailySummary: e.RECONCILE_DAILY_SUMMARY,
  payments: {
    /** PAYMENT_CURRENCY: what provider invoices are priced in */
    currency: e.PAYMENT_CURRENCY,
    min: e.PAYMENT_MIN,
    max: e.PAYMENT_MAX,
    provider: e.PAYMENT_PROVIDER_TOKEN === undefined ? undefined : { token: e.PAYMENT_PROVIDER_TOKEN, rate: refined(e.PAYMENT_RATE, "PAYMENT_RATE") },
    stars: e.STARS_RATE === undefined ? undefined : { rate: e.STARS_RATE },
    manualDetails: e.MANUAL_TOPUP_DETAILS,
  },
}));

export type Config = z.output<typeof configSchema>;

/** Every variable the program reads (NODE_ENV aside), for the documentation check. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape).filter((k) => k !== "NODE_ENV");

export class ConfigError extends Error {}

/**
 * Validates the environment. A bad value throws one line per variable, naming it, so that a
 * reseller who mistyped `.env` sees exactly what to fix.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Treat empty strings as "not set" so that `KEY=` lines in .env fall back to defaults.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = String(i.path[0] ?? "config");
      const message = i.code === "invalid_type" && cleaned[name] === undefined ? "is required" : i.message;
      return `${name} ${message}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  return result.data;
}

/** Reads `.env` (if present) into process.env, then validates. */
export function loadConfig(envFile = ".env"): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/**
 * Every value a log line, an error message or a page must never show: the bot token, the panel
 * key, the webhook secret, the payment provider's token and the password in REDIS_URL (ioredis
 * puts a failed AUTH's arguments in its error).
 */
export function configSecrets(config: Config): string[] {
  const redisPassword = (() => {
    try {
      return new URL(config.redis.url).password;
    } catch {
      return "";
    }
  })();
  const decoded = (() => {
    try {
      return decodeURIComponent(redisPassword);
    } catch {
      return redisPassword;
    }
  })();
  return [config.botToken, config.panel.key, config.webhook?.secret, config.payments.provider?.token, redisPassword, decoded].filter((s): s is string => typeof s === "string" && s !== "");
}
