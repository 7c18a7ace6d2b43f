import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../../src/money.js";
import { adminTopup } from "../../../src/services/admin.js";
import { creditPayment } from "../../../src/services/payments.js";
import { decideReceipt, settleReceipt } from "../../../src/services/receipts.js";
import { dayNumber, statsSeries } from "../../../src/services/stats.js";
import { formatInt } from "../../../src/text/format.js";
import { createI18n } from "../../../src/text/i18n.js";
import type { FakeUser } from "../../support/fake-bot-api.js";
import { eventually } from "../../support/eventually.js";
import { startHarness, type Harness } from "../../support/harness.js";

const ADMIN = 910_000_001;

/** Top-ups counted as they happen: each credit once, in the Lua step that credits, shown by /stats. */
describe("top-ups by method in the shop's counters", () => {
  let h: Harness;
  let admin: FakeUser;
  beforeAll(async () => {
    h = await startHarness({
      env: { DEFAULT_LOCALE: "en", ADMIN_IDS: String(ADMIN), PAYMENT_PROVIDER_TOKEN: "398062629:TEST:topup-stats", PAYMENT_CURRENCY: "UZS", PAYMENT_RATE: "12650", STARS_RATE: "0.013" },
    });
    admin = h.tg.user({ id: ADMIN, languageCode: "en" });
  });
  afterAll(async () => h.stop());

  const counters = async () => (await statsSeries(h.deps, { days: 1 })).money;
  const today = async () => h.deps.stats.days(dayNumber(Date.now()), dayNumber(Date.now())).then((d) => d[0]!);

  async function ask(u: FakeUser, text: string): Promise<string> {
    const since = h.tg.calls().length;
    u.send(text);
    return String((await u.waitForMessage(() => true, { since })).message.text ?? "");
  }

  it("a card payment counts once although successful_payment arrives twice", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await h.deps.users.touch({ id: u.id, chatId: u.chatId });
    const invoice = await h.deps.invoices.create({ userId: u.id, kind: "provider", currency: "UZS", total: 126_500_000, rate: "12650", amount: "100" });
    const payment = { invoicePayload: invoice.id, currency: "UZS", totalAmount: 126_500_000, telegramPaymentChargeId: "stats-card-1" };
    u.successfulPayment(payment);
    await eventually("the payment's message", () => h.outboxed.some((m) => m.chatId === u.chatId && m.text.includes("Payment received")));
    u.successfulPayment(payment);
    u.send("/balance");
    await u.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    // And once more through the service, as the Stars check would.
    expect((await creditPayment(h.deps, payment)).outcome).toBe("repeated");

    const money = await counters();
    expect(money.period.topups.card).toEqual({ count: 1, amount: new D(100) });
    expect(money.total.topups.card).toEqual({ count: 1, amount: new D(100) });
    expect(await today()).toMatchObject({ "topup:card": 1, "topup:card:units": 10_000_000 });
  });

  it("Stars count the shop-currency credit and the stars; a refund counts apart, with what the wallet gave back", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const invoice = await h.deps.invoices.create({ userId: u.id, kind: "stars", currency: "XTR", total: 77, rate: "0.013", amount: "1.001" });
    const payment = { invoicePayload: invoice.id, currency: "XTR", totalAmount: 77, telegramPaymentChargeId: "stats-stars-1" };
    await creditPayment(h.deps, payment);
    await creditPayment(h.deps, payment);
    let money = await counters();
    // 77 × 0.013 = 1.001: exact, in units
    expect(money.total.topups.stars).toEqual({ count: 1, amount: new D("1.001") });
    expect(money.total.starsPaid).toBe(77);

    await h.deps.wallet.debit(u.id, new D("0.5"), { reason: "order" });
    admin.send(`/refundstars ${u.id} stats-stars-1 force`);
    expect((await admin.waitForMessage()).text).toContain("⭐ 77 refunded");
    admin.send(`/refundstars ${u.id} stats-stars-1 force`);
    expect((await admin.waitForMessage()).text).toContain("already been refunded");
    money = await counters();
    expect(money.total.starsRefunds).toEqual({ count: 1, amount: new D("0.501"), stars: 77 });
    // What came in stays what came in.
    expect(money.total.topups.stars).toEqual({ count: 1, amount: new D("1.001") });
  });

  it("a receipt approved twice counts once; admin credits count, a redelivered /topup does not, a debit is no top-up", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await h.deps.users.touch({ id: u.id, chatId: u.chatId });
    const receipt = await h.deps.receipts.create({ userId: u.id, chatId: u.chatId, messageId: 1, firstName: "Cust", amount: "25.5" });
    await decideReceipt(h.deps, receipt.id, "approved", { id: ADMIN, name: "Ann" });
    await decideReceipt(h.deps, receipt.id, "approved", { id: ADMIN, name: "Ann" });
    await settleReceipt(h.deps, (await h.deps.receipts.get(receipt.id))!);

    const req = { adminId: ADMIN, userId: u.id, amount: new D("7.25"), requestKey: "stats-1" };
    expect((await adminTopup(h.deps, req)).outcome).toBe("credited");
    expect((await adminTopup(h.deps, req)).outcome).toBe("repeated");
    expect((await adminTopup(h.deps, { ...req, amount: new D("-1"), requestKey: "stats-2" })).outcome).toBe("debited");

    const money = await counters();
    expect(money.total.topups.receipt).toEqual({ count: 1, amount: new D("25.5") });
    expect(money.total.topups.admin).toEqual({ count: 1, amount: new D("7.25") });
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("31.75");
  });

  it("promo credits and referral rewards are bonuses, not top-ups; /stats shows top-ups by method, Stars given back and bonuses", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await h.deps.promos.create({ code: "STATS5", kind: "credit", amount: new D(5), uses: 10, expiresAt: Date.now() + 60_000, createdBy: ADMIN });
    expect((await h.deps.promos.redeem("STATS5", u.id, { code: "STATS5", percent: "0" })).outcome).toBe("credited");
    expect((await h.deps.promos.redeem("STATS5", u.id, { code: "STATS5", percent: "0" })).outcome).toBe("already");
    // A referral reward, credited once per order however often the poll round is redone.
    expect((await h.deps.referrals.reward(u.id, "stats-order-1", new D("0.25"), 42)).credited).toBe(true);
    expect((await h.deps.referrals.reward(u.id, "stats-order-1", new D("0.25"), 42)).credited).toBe(false);
    const money = await counters();
    expect(money.total.bonuses.promo).toEqual({ count: 1, amount: new D(5) });
    expect(money.period.bonuses.referral).toEqual({ count: 1, amount: new D("0.25") });
    // 100 + 1.001 + 25.5 + 7.25
    expect(money.total.topupsTotal).toEqual({ count: 4, amount: new D("133.751") });

    const stats = await ask(admin, "/stats");
    expect(stats).toContain("Top-ups (money coming in)");
    const line = "133.751 USD from 4 top-ups: Card 100.00 USD (1) · Stars 1.001 USD (1; 77 ⭐) · Receipts 25.50 USD (1) · Admin credits 7.25 USD (1)";
    expect(stats).toContain(`Today: ${line}`);
    expect(stats).toContain(`All time: ${line}`);
    expect(stats).toContain("Stars given back: today 0.501 USD (1; 77 ⭐) · all time 0.501 USD (1; 77 ⭐)");
    expect(stats).toContain("Bonuses credited, not top-ups: today Promo codes 5.00 USD (1) · Referral rewards 0.25 USD (1) · all time Promo codes 5.00 USD (1) · Referral rewards 0.25 USD (1)");
  });

  it("counts top-ups in each language's plural forms", () => {
    const i18n = createI18n("en");
    const sum = (locale: "en" | "ru" | "uz", n: number) => i18n.t(locale, "admin-topups-sum", { amount: "9 USD", count: formatInt(n, locale), methods: "…" });
    expect([1, 2].map((n) => sum("en", n))).toEqual(["9 USD from 1 top-up: …", "9 USD from 2 top-ups: …"]);
    expect([1, 3, 5, 1000].map((n) => sum("ru", n))).toEqual(["9 USD, 1 пополнение: …", "9 USD, 3 пополнения: …", "9 USD, 5 пополнений: …", "9 USD, 1\u00a0000 пополнений: …"]);
    expect(sum("uz", 4)).toBe("9 USD, 4 ta toʻldirish: …");
  });

  it("/stats says so when nothing came in yet, in every language", async () => {
    const fresh = await startHarness({ startBot: true, env: { ADMIN_IDS: String(ADMIN + 1) } });
    try {
      for (const [lang, none] of [
        ["en", "Today: none"],
        ["ru", "Сегодня: нет"],
        ["uz", "Bugun: yoʻq"],
      ] as const) {
        const a = fresh.tg.user({ id: ADMIN + 1, languageCode: lang });
        await fresh.deps.users.touch({ id: a.id, chatId: a.chatId });
        await fresh.deps.users.setLocale(a.id, lang);
        const since = fresh.tg.calls().length;
        a.send("/stats");
        const text = String((await a.waitForMessage(() => true, { since })).message.text ?? "");
        expect(text).toContain(none);
        expect(text).not.toContain("Stars given back");
      }
    } finally {
      await fresh.stop();
    }
  });
});
