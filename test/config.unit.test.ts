import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

const base = { BOT_TOKEN: "123456:ABC-def_ghi", PANEL_API_KEY: "k" };

describe("config", () => {
  it("applies the documented defaults", () => {
    const c = parseConfig(base);
    expect(c.telegramApiRoot).toBe("https://api.telegram.org");
    expect(c.panel.url).toBe("https://reseen.uz/api/v2");
    expect(c.redis.url).toBe("redis://127.0.0.1:6379");
    expect(c.defaultLocale).toBe("uz");
    expect(c.poll.intervalMs).toBe(60_000);
    expect(c.markupPercent).toBe("0");
    expect(c.mode).toBe("polling");
    expect(c.adminIds).toEqual([]);
    expect(c.requiredChannels).toEqual([]);
  });

  it("reads REQUIRED_CHANNELS as @usernames and chat ids", () => {
    expect(parseConfig({ ...base, REQUIRED_CHANNELS: " @my_shop , -1001234567890,," }).requiredChannels).toEqual(["@my_shop", "-1001234567890"]);
  });

  it("names every missing variable in one line", () => {
    expect(() => parseConfig({})).toThrow(/BOT_TOKEN is required; PANEL_API_KEY is required/);
  });

  it("rejects malformed values, naming the variable", () => {
    const bad = (env: Record<string, string>, pattern: RegExp) => {
      try {
        parseConfig({ ...base, ...env });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as Error).message).toMatch(pattern);
        expect((e as Error).message).not.toContain("\n");
      }
    };
    bad({ ADMIN_IDS: "12,abc" }, /^Invalid configuration: ADMIN_IDS/);
    bad({ DEFAULT_LOCALE: "de" }, /DEFAULT_LOCALE/);
    bad({ POLL_INTERVAL_MS: "soon" }, /POLL_INTERVAL_MS/);
    bad({ PRICE_MARKUP_PERCENT: "-5" }, /PRICE_MARKUP_PERCENT/);
    bad({ PANEL_API_URL: "not a url" }, /PANEL_API_URL/);
    // A host without a scheme parses as a URL whose scheme is the host: refused, like any non-http scheme.
    bad({ PANEL_API_URL: "localhost:8090/api/v2" }, /PANEL_API_URL must be an http\(s\) URL/);
    bad({ PANEL_API_URL: "ftp://panel.example.com/api/v2" }, /PANEL_API_URL must be an http\(s\) URL/);
    bad({ TELEGRAM_API_ROOT: "localhost:8081" }, /TELEGRAM_API_ROOT must be an http\(s\) URL/);
    bad({ BOT_MODE: "webhook", WEBHOOK_URL: "http://bot.example.com/tg", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" }, /WEBHOOK_URL must be an https URL/);
    bad({ BOT_MODE: "webhook" }, /WEBHOOK_URL is required.*WEBHOOK_SECRET is required/);
    bad({ BOT_TOKEN: "nope" }, /BOT_TOKEN/);
    bad({ REQUIRED_CHANNELS: "@myshop,https://t.me/x" }, /^Invalid configuration: REQUIRED_CHANNELS must be @usernames or numeric chat ids/);
    bad({ REQUIRED_CHANNELS: "myshop" }, /REQUIRED_CHANNELS/);
  });

  it("parses admin ids and webhook settings", () => {
    const c = parseConfig({ ...base, ADMIN_IDS: " 1, 22 ,333", BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.com/tg", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" });
    expect(c.adminIds).toEqual([1, 22, 333]);
    expect(c.webhook).toEqual({ url: "https://bot.example.com/tg", secret: "s3cret-s3cret-s3cret" });
  });

  it("gives a payment way only when it is configured, and webhook settings only in webhook mode", () => {
    const none = parseConfig(base);
    expect(none.payments).toMatchObject({ currency: "UZS", min: "1", max: "1000", provider: undefined, stars: undefined, manualDetails: undefined });
    expect(none.webhook).toBeUndefined();
    const all = parseConfig({ ...base, PAYMENT_PROVIDER_TOKEN: "tok", PAYMENT_RATE: "12650", STARS_RATE: "0.013", MANUAL_TOPUP_DETAILS: "card 8600" });
    expect(all.payments).toMatchObject({ provider: { token: "tok", rate: "12650" }, stars: { rate: "0.013" }, manualDetails: "card 8600" });
    expect(() => parseConfig({ ...base, PAYMENT_PROVIDER_TOKEN: "tok" })).toThrow(/PAYMENT_RATE is required when PAYMENT_PROVIDER_TOKEN is set/);
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ ...base, ADMIN_IDS: "", WEBHOOK_URL: "" }).adminIds).toEqual([]);
  });
});

describe("documentation of settings", () => {
  it("lists every variable in .env.example and in the README's table", async () => {
    const { readFileSync } = await import("node:fs");
    const { CONFIG_VARIABLES } = await import("../src/config.js");
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const name of CONFIG_VARIABLES) {
      expect(example, name).toMatch(new RegExp(`^${name}=`, "m"));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
