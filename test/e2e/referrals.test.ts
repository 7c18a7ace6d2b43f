import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeps, type AppDeps } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { D } from "../../src/money.js";
import type { PanelService } from "../../src/panel/schemas.js";
import { runPollRound } from "../../src/poller/tracker.js";
import { referralCodeFromStart, referralReward } from "../../src/services/referrals.js";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";

const ADMIN = 7_100_001;
const has = (part: string) => (m: BotMessage) => m.text?.includes(part) ?? false;

function after(h: Harness, u: FakeUser, act: () => unknown, pred: (m: BotMessage) => boolean = () => true): Promise<BotMessage> {
  const since = h.tg.calls().length;
  act();
  return u.waitForMessage(pred, { since });
}

/** A user who already chose a language (an existing user). */
async function existing(h: Harness, locale: "en" | "uz" | "ru" = "en"): Promise<FakeUser> {
  const u = h.tg.user({ languageCode: locale });
  await h.deps.users.touch({ id: u.id, chatId: u.id });
  await h.deps.users.setLocale(u.id, locale);
  return u;
}

/** The referral link shown on the user's "👥 Referrals" screen, and its code. */
async function linkOf(h: Harness, u: FakeUser): Promise<{ screen: BotMessage; code: string }> {
  const label = h.deps.i18n.t((await h.deps.users.getLocale(u.id)) ?? "en", "menu-referrals");
  const screen = await after(h, u, () => u.send(label), has("start=ref_"));
  const m = /start=ref_([a-z0-9]+)/.exec(screen.text!);
  return { screen, code: m![1]! };
}

describe("referrals end to end", () => {
  let h: Harness;
  let service: PanelService;
  beforeAll(async () => {
    h = await startHarness({ sim: { balance: "1000000" }, env: { ADMIN_IDS: String(ADMIN), REFERRAL_PERCENT: "10" } });
    await h.deps.users.setLocale(ADMIN, "en");
    service = (await h.deps.panel.services()).services[0]!;
  });
  afterAll(async () => h.stop());

  it("the link carries a short code, not the Telegram id, and stays the same", async () => {
    const a = await existing(h);
    const { screen, code } = await linkOf(h, a);
    expect(code).toMatch(/^[a-z0-9]{8}$/);
    expect(code).not.toContain(String(a.id));
    expect(screen.text).toContain(`https://t.me/${h.tg.botInfo.username}?start=ref_${code}`);
    expect(screen.text).toContain("<b>10%</b>");
    expect(screen.text).toContain("Joined through your link: <b>0</b>");
    expect((await linkOf(h, a)).code).toBe(code);
    expect(await h.deps.referrals.ownerOf(code)).toBe(a.id);
    expect(referralCodeFromStart(`/start ref_${code.toUpperCase()}`)).toBe(code);
    expect(referralCodeFromStart("/start ref_")).toBeNull();
    expect(referralCodeFromStart("/start hello")).toBeNull();
  });

  it("binds a new user once; never an existing user, never the owner, never twice", async () => {
    const a = await existing(h);
    const { code } = await linkOf(h, a);
    const other = await existing(h);
    const { code: otherCode } = await linkOf(h, other);

    // New, through the link: bound, and the owner hears of it once.
    const b = h.tg.user({ languageCode: "en", firstName: "Bobur" });
    await after(h, b, () => b.send(`/start ref_${code}`), has("Choose your language"));
    expect(await h.deps.referrals.referrerOf(b.id)).toBe(a.id);
    const joined = () => h.outboxed.filter((m) => m.chatId === a.id && m.key === `referral-joined:${b.id}`);
    expect(joined()).toHaveLength(1);
    expect(joined()[0]!.text).toContain("Bobur joined the shop through your link");

    // The same user again, with the same or another link: nothing changes.
    await after(h, b, () => b.send(`/start ref_${otherCode}`), has("Choose your language"));
    await after(h, b, () => b.send(`/start ref_${code}`), has("Choose your language"));
    expect(await h.deps.referrals.referrerOf(b.id)).toBe(a.id);
    expect(joined()).toHaveLength(1);

    // The owner through their own link: an existing user, not bound to themself.
    await after(h, a, () => a.send(`/start ref_${code}`), has("Hello"));
    expect(await h.deps.referrals.referrerOf(a.id)).toBeNull();

    // A user who existed before (wrote to the bot earlier) is not bound by a link later.
    const old = h.tg.user({ languageCode: "en" });
    await after(h, old, () => old.send("/start"), has("Choose your language"));
    await after(h, old, () => old.send(`/start ref_${code}`), has("Choose your language"));
    expect(await h.deps.referrals.referrerOf(old.id)).toBeNull();

    // An unknown code: no binding, the usual start.
    const stray = h.tg.user({ languageCode: "en" });
    await after(h, stray, () => stray.send("/start ref_zzzzzzzz"), has("Choose your language"));
    expect(await h.deps.referrals.referrerOf(stray.id)).toBeNull();

    // Pressing Start sends my_chat_member before /start: that does not make the user "existing".
    const d = h.tg.user({ languageCode: "en" });
    const bot = { id: Number(h.tg.token.split(":")[0]), is_bot: true, first_name: "Bot", username: h.tg.botInfo.username };
    h.tg.pushUpdate({
      my_chat_member: {
        chat: { id: d.chatId, type: "private", first_name: "D" },
        from: { id: d.id, is_bot: false, first_name: "D" },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: bot, status: "left" },
        new_chat_member: { user: bot, status: "member" },
      },
    });
    await after(h, d, () => d.send(`/start ref_${code}`), has("Choose your language"));
    expect(await h.deps.referrals.referrerOf(d.id)).toBe(a.id);

    const record = await h.deps.referrals.get(a.id);
    expect(record.invited).toBe(2);
    expect(await h.deps.referrals.invited(a.id, 0, 10)).toEqual([d.id, b.id]);
  });

  it("rewards once per order when it ends, after refunds, through a crash and two workers", async () => {
    const a = await existing(h, "uz");
    const { code } = await linkOf(h, a);
    const b = h.tg.user({ languageCode: "en" });
    await after(h, b, () => b.send(`/start ref_${code}`), has("Choose your language"));
    expect(await h.deps.referrals.referrerOf(b.id)).toBe(a.id);

    const place = async (price: string) => {
      const { orders, wallet, panel } = h.deps;
      await wallet.credit(b.id, new D(price), { reason: "admin" });
      const draft = await orders.createDraft({
        userId: b.id,
        chatId: b.id,
        locale: "en",
        serviceId: service.id,
        serviceName: service.name,
        serviceType: service.type,
        category: service.category,
        link: "https://t.me/ref_test",
        quantity: 1000,
        rate: service.rate.toFixed(),
        price,
        canRefill: false,
        canCancel: false,
      });
      expect((await orders.reserve(draft.id, b.id)).ok).toBe(true);
      expect(await orders.markSending(draft.id)).toBe(true);
      const panelOrderId = await panel.add({ service: service.id, link: draft.link, quantity: 1000 });
      expect(await orders.markPlaced(draft.id, panelOrderId, Date.now() - 1)).toBe(true);
      return { id: draft.id, panelOrderId };
    };
    const completed = await place("10");
    const canceled = await place("10");
    const partial = await place("10");
    h.sim.setOrder(completed.panelOrderId, { status: "Completed" });
    h.sim.setOrder(canceled.panelOrderId, { status: "Canceled" });
    h.sim.setOrder(partial.panelOrderId, { status: "Partial", remains: 333 });

    // A worker that dies right after the first reward went through (before the message and the write).
    let crashes = 1;
    const crashing: AppDeps = { ...h.deps, referrals: Object.create(h.deps.referrals) as AppDeps["referrals"] };
    crashing.referrals.reward = async (...args) => {
      const res = await h.deps.referrals.reward(...args);
      if (crashes-- > 0) throw new Error("crash after the reward");
      return res;
    };
    await expect(runPollRound(crashing, { leaseMs: 100, concurrency: 1 })).rejects.toThrow("crash after the reward");
    await new Promise((r) => setTimeout(r, 150));

    // Two workers on their own connections redo the round at once.
    const redis = new Redis(h.redis.url, { maxRetriesPerRequest: 3 });
    const second = createDeps(h.config, createLogger({ level: "silent", pretty: false, secrets: [h.config.botToken, h.config.panel.key] }), {
      redis,
      outbox: () => ({ enqueue: async () => true }),
      panelRetryDelayMs: 10,
    });
    try {
      await Promise.all([runPollRound(h.deps), runPollRound(second), runPollRound(h.deps)]);
    } finally {
      await second.panel.close();
      redis.disconnect();
    }
    for (const o of [completed, canceled, partial]) expect((await h.deps.orders.get(o.id))?.status).toMatch(/completed|canceled|partial/);

    // Completed: 10% of 10; Canceled: nothing; Partial: 10% of (10 - 3.33 refunded).
    expect(referralReward(new D(10), new D("3.33"), "10").toFixed()).toBe("0.667");
    const rewards = (await h.deps.wallet.entries(a.id, 50)).filter((e) => e.reason === "referral");
    expect(rewards.map((e) => [e.orderId, e.amount]).sort()).toEqual([
      [completed.id, "1"],
      [partial.id, "0.667"],
    ]);
    expect((await h.deps.wallet.balance(a.id)).toFixed()).toBe("1.667");
    const record = await h.deps.referrals.get(a.id);
    expect(record.earned.toFixed()).toBe("1.667");
    expect(record.rewarded).toBe(2);

    // The referrer's messages, in their language (Uzbek), keyed once per order.
    const told = h.outboxed.filter((m) => m.chatId === a.id && m.key?.startsWith("referral-reward:"));
    expect(new Set(told.map((m) => m.key))).toEqual(new Set([`referral-reward:${completed.id}`, `referral-reward:${partial.id}`]));
    expect(told.find((m) => m.key === `referral-reward:${completed.id}`)!.text).toContain(`#${completed.id} buyurtmasi uchun <b>1,00 USD</b>`);

    // Another round later changes nothing.
    await runPollRound(h.deps);
    expect((await h.deps.wallet.balance(a.id)).toFixed()).toBe("1.667");

    // The screen, in Uzbek, and the admin's views.
    const { screen } = await linkOf(h, a);
    expect(screen.text).toContain("Havolangiz orqali qoʻshilganlar: <b>1</b>");
    expect(screen.text).toContain("Ishlab topganingiz: <b>1,667 USD</b>");
    const admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    const stats = await after(h, admin, () => admin.send("/stats"), has("Shop statistics"));
    expect(stats.text).toMatch(/Referrals<\/b> \(10%\): joined through links: \d+ · paid to referrers: 1\.667 USD · rewarded orders: 2/);
    const page = await after(h, admin, () => admin.send(`/user ${b.id}`), has("Invited by"));
    expect(page.text).toContain(`Invited by: ${a.id} · invited: 0`);
    const owner = await after(h, admin, () => admin.send(`/user ${a.id}`), has("Invited by"));
    expect(owner.text).toContain("Invited by: — · invited: 1 · earned: 1.667 USD (orders: 2)");
  });

  it("in Russian: the screen and the join message", async () => {
    const a = await existing(h, "ru");
    const { screen, code } = await linkOf(h, a);
    expect(screen.text).toContain("Приглашайте друзей");
    expect(screen.text).toContain("Пришли по вашей ссылке: <b>0</b>");
    const b = h.tg.user({ languageCode: "ru", firstName: "Олег" });
    await after(h, b, () => b.send(`/start ref_${code}`), has("язык"));
    const joined = h.outboxed.find((m) => m.key === `referral-joined:${b.id}`);
    expect(joined?.text).toContain("По вашей ссылке в магазин пришёл новый покупатель: Олег");
  });
});
