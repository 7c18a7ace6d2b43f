import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { RequiredChannels } from "../../src/services/required-channels.js";
import { categoryKey } from "../../src/store/catalog.js";
import { keys } from "../../src/store/keys.js";
import { MembershipCache } from "../../src/store/membership.js";
import { after, buttonsOf, customer, has, pressData } from "../support/chat.js";
import { startHarness, type Harness } from "../support/harness.js";

const ADMIN = 7171;
const PUBLIC = { id: -1001000000001, username: "shopnews", title: "Shop News" };
const PRIVATE = { id: -1001000000002, title: "VIP <club>", inviteLink: "https://t.me/+AbCdEf123" };
const catalog = generateCatalog({ seed: 3, dripfeed: false });
const svc = catalog[0]!;

describe("required channels", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, env: { ADMIN_IDS: String(ADMIN), REQUIRED_CHANNELS: `@${PUBLIC.username},${PRIVATE.id}` } });
    h.tg.addChannel(PUBLIC);
    h.tg.addChannel(PRIVATE);
  });
  afterAll(async () => h.stop());

  it("a customer who has not joined sees the channels as buttons, and ordering waits until the re-check finds both", async () => {
    const u = await customer(h, { locale: "en" });
    const prompt = await after(h, u, () => u.send("/order"), has("join our channels"));
    expect(prompt.text).toContain("• Shop News");
    expect(prompt.text).toContain("• VIP &lt;club&gt;");
    expect(buttonsOf(prompt)).toEqual([
      { text: "📢 Shop News", url: "https://t.me/shopnews" },
      { text: "📢 VIP <club>", url: PRIVATE.inviteLink },
      { text: "✅ I have joined", callback_data: "jc" },
    ]);

    // Joined one: the re-check (past the cache) still finds the other missing.
    h.tg.setMember(`@${PUBLIC.username}`, u.id, "member");
    const still = await after(
      h,
      u,
      () => u.pressButton("I have joined"),
      (m) => m.method === "editMessageText",
    );
    expect(u.callbackAnswers().at(-1)).toMatchObject({ show_alert: true, text: expect.stringContaining("not joined every channel") });
    expect(buttonsOf(still).map((b) => b.text)).toEqual(["📢 VIP <club>", "✅ I have joined"]);

    // A restricted user who is still in the chat counts as joined.
    h.tg.setMember(PRIVATE.id, u.id, "restricted", { is_member: true });
    // The cache still says "not joined" for the private channel until the button asks again.
    await after(h, u, () => u.send("/order"), has("join our channels"));
    const thanks = await after(h, u, () => u.pressButton("I have joined"), has("Thank you for joining"));
    expect(buttonsOf(thanks)).toEqual([]);

    const before = h.tg.calls("getChatMember").length;
    const categories = await after(h, u, () => u.send("/order"), has("Choose a category"));
    expect(buttonsOf(categories).length).toBeGreaterThan(0);
    // "Joined" is cached: the walk does not ask Telegram again.
    expect(h.tg.calls("getChatMember").length).toBe(before);
  });

  it("in Uzbek and Russian the prompt and button speak the user's language", async () => {
    const uz = await customer(h, { locale: "uz" });
    const p1 = await after(h, uz, () => uz.send("/order"), has("kanallarimizga aʼzo boʻling"));
    expect(buttonsOf(p1).at(-1)!.text).toBe("✅ Aʼzo boʻldim");
    const ru = await customer(h, { locale: "ru" });
    const p2 = await after(h, ru, () => ru.send("/order"), has("подпишитесь на наши каналы"));
    expect(buttonsOf(p2).at(-1)!.text).toBe("✅ Я подписался");
  });

  it("a member who left is stopped at Confirm once the cached answer is gone; nothing is sent to the panel", async () => {
    const u = await customer(h, { locale: "en", balance: "50" });
    h.tg.setMember(`@${PUBLIC.username}`, u.id, "member");
    h.tg.setMember(PRIVATE.id, u.id, "administrator");
    await after(h, u, () => u.send("/order"), has("Choose a category"));
    await after(h, u, () => pressData(u, `cs:${categoryKey(svc.category)}:0`), has("Choose a service"));
    await after(
      h,
      u,
      () => pressData(u, `s:${svc.service}`),
      (m) => buttonsOf(m).some((b) => b.callback_data === `o:${svc.service}`),
    );
    await after(h, u, () => pressData(u, `o:${svc.service}`), has("Send the link"));
    await after(h, u, () => u.send("https://t.me/left_channel"), has("How many?"));
    await after(h, u, () => u.send(svc.min), has("Check your order"));

    h.tg.setMember(`@${PUBLIC.username}`, u.id, "left");
    const k = keys(h.config.redis.prefix);
    await h.redis.redis.del(k.channelMember(`@${PUBLIC.username}`, u.id));
    const prompt = await after(h, u, () => u.pressButton("Confirm"), has("join our channels"));
    expect(buttonsOf(prompt).map((b) => b.text)).toEqual(["📢 Shop News", "✅ I have joined"]);
    expect(h.sim.requests().filter((r) => r.action === "add" && r.params.link === "https://t.me/left_channel")).toEqual([]);

    // Kicked (banned) is not joined either.
    h.tg.setMember(`@${PUBLIC.username}`, u.id, "kicked");
    const since = h.tg.calls().length;
    u.pressButton("I have joined");
    await h.tg.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.show_alert === true, { since });

    // Back in: the same Confirm button places the order.
    h.tg.setMember(`@${PUBLIC.username}`, u.id, "member");
    await after(h, u, () => u.pressButton("I have joined"), has("Thank you for joining"));
    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    expect(h.sim.requests().filter((r) => r.action === "add" && r.params.link === "https://t.me/left_channel")).toHaveLength(1);
  });

  it("admins are exempt: no membership check at all", async () => {
    await h.deps.users.setLocale(ADMIN, "en");
    const admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    const before = h.tg.calls("getChatMember").length;
    await after(h, admin, () => admin.send("/order"), has("Choose a category"));
    expect(h.tg.calls("getChatMember").length).toBe(before);
  });

  it("when Telegram refuses the check, customers are let through (fail open) rather than locked out", async () => {
    const u = await customer(h, { locale: "en" });
    h.tg.respond("getChatMember", (p) => (Number(p.user_id) === u.id ? { ok: false, error_code: 400, description: "Bad Request: member list is inaccessible" } : undefined));
    try {
      await after(h, u, () => u.send("/order"), has("Choose a category"));
      // Not cached: the next check asks Telegram again, and a working answer applies at once.
      expect(await h.redis.redis.exists(keys(h.config.redis.prefix).channelMember(`@${PUBLIC.username}`, u.id))).toBe(0);
    } finally {
      h.tg.clearResponders();
    }
    await after(h, u, () => u.send("/order"), has("join our channels"));
  });

  it("at start, one clear warning per channel whose members the bot cannot see", async () => {
    h.tg.addChannel({ id: -1001000000003, username: "notadmin", title: "Not admin", botStatus: "member" });
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger({ level: "info", pretty: false, secrets: [], destination });
    const channels = new RequiredChannels(["@shopnews", "@notadmin", "@missing_one", String(PRIVATE.id)], new MembershipCache(h.redis.redis, h.config.redis.prefix), logger);
    const failed = await channels.verify(h.bot.api, h.tg.botInfo.id);
    expect(failed).toEqual(["@notadmin", "@missing_one"]);
    const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string; chat?: string }).filter((l) => l.level === 40);
    expect(warnings.map((w) => w.chat)).toEqual(["@notadmin", "@missing_one"]);
    expect(warnings[0]!.msg).toMatch(/not an admin/);
    expect(warnings[1]!.msg).toMatch(/cannot see this chat/);
  });
});
