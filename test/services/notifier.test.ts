import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import type { OutboundMessage } from "../../src/outbound/types.js";
import { ALERT_QUIET_MS, Notifier } from "../../src/services/notifier.js";
import { UserStore } from "../../src/store/users.js";
import { createI18n } from "../../src/text/i18n.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("notifier", () => {
  let redis: TestRedis;
  let users: UserStore;
  const sent: OutboundMessage[] = [];
  const seen = new Set<string>();
  let notifier: Notifier;
  const ADMINS = [901, 902];

  beforeAll(async () => {
    redis = await testRedis("notifier");
    users = new UserStore(redis.redis, redis.prefix);
    // Dedupes by key like the real outbox.
    const outbox = {
      enqueue: async (m: OutboundMessage) => {
        if (m.key && seen.has(m.key)) return false;
        if (m.key) seen.add(m.key);
        sent.push(m);
        return true;
      },
    };
    notifier = new Notifier({ outbox, users, i18n: createI18n("uz"), adminIds: ADMINS, defaultLocale: "uz", logger: createLogger({ level: "silent", pretty: false, secrets: [] }) });
    await users.setLocale(902, "en");
  });
  afterAll(async () => redis.cleanup());

  it("writes in the stored choice, else the order's locale, else the default", async () => {
    await users.setLocale(101, "en");
    const locales: string[] = [];
    const say = (t: (k: string) => string, locale: string) => {
      locales.push(locale);
      return t("topup-cancelled");
    };
    await notifier.toUser({ userId: 101, locale: "uz" }, say, { key: "n1:101" });
    await notifier.toUser({ userId: 102, locale: "en" }, say, { key: "n1:102" });
    await notifier.toUser({ userId: 103, locale: "xx" }, say, { key: "n1:103" });
    await notifier.toUser({ userId: 104 }, say, { key: "n1:104" });
    expect(locales).toEqual(["en", "en", "uz", "uz"]);
    expect(sent.find((m) => m.chatId === 101)).toMatchObject({ parseMode: "HTML", key: "n1:101" });
  });

  it("keeps the caller's key, so redone work queues nothing", async () => {
    expect(await notifier.toUser({ userId: 105, chatId: -5 }, () => "hi", { key: "n2" })).toBe(true);
    expect(await notifier.toUser({ userId: 105, chatId: -5 }, () => "hi", { key: "n2" })).toBe(false);
    expect(sent.filter((m) => m.key === "n2")).toEqual([expect.objectContaining({ chatId: -5, text: "hi" })]);
  });

  it("gives every admin a copy in their locale, keyed <key>:<adminId>, with buttons and a copied message", async () => {
    const markup = { inline_keyboard: [[{ text: "ok", callback_data: "x" }]] };
    const n = await notifier.toAdmins((_t, locale) => ({ text: `for ${locale}`, replyMarkup: markup }), { key: "n3", copyFrom: { chatId: 1, messageId: 2 } });
    expect(n).toBe(2);
    expect(sent.filter((m) => m.key?.startsWith("n3:"))).toEqual([
      expect.objectContaining({ chatId: 901, text: "for uz", key: "n3:901", replyMarkup: markup, copyFrom: { chatId: 1, messageId: 2 } }),
      expect.objectContaining({ chatId: 902, text: "for en", key: "n3:902" }),
    ]);
    expect(await notifier.toAdmins(() => "again", { key: "n3" })).toBe(0);
  });

  it("sends an alert once per quiet window, marked ⚠️, and again in the next window", async () => {
    const start = Math.ceil(Date.now() / ALERT_QUIET_MS) * ALERT_QUIET_MS;
    const alerts = () => sent.filter((m) => m.key?.startsWith("alert:panel_down:poll:"));
    await notifier.alert("panel_down", "poll", () => "down", start);
    await notifier.alert("panel_down", "poll", () => "down", start + ALERT_QUIET_MS - 1);
    expect(alerts().map((m) => [m.chatId, m.text])).toEqual([
      [901, "⚠️ down"],
      [902, "⚠️ down"],
    ]);
    await notifier.alert("panel_down", "poll", () => "down", start + ALERT_QUIET_MS);
    expect(alerts()).toHaveLength(4);
  });

  it("an alert that cannot be queued is logged, not thrown", async () => {
    const broken = new Notifier({
      outbox: { enqueue: async () => Promise.reject(new Error("redis gone")) },
      users,
      i18n: createI18n("uz"),
      adminIds: ADMINS,
      defaultLocale: "uz",
      logger: createLogger({ level: "silent", pretty: false, secrets: [] }),
    });
    await expect(broken.alert("panel_key", "poll", () => "x")).resolves.toBeUndefined();
  });
});
