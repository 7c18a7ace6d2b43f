import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { D, orderPrice } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { runPollRound } from "../../src/poller/tracker.js";
import { parsePromoCreate, redeemPromo } from "../../src/services/promo.js";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.js";
import { after, draftIdOf, has, pressData, toConfirmation } from "../support/chat.js";
import { startHarness, type Harness } from "../support/harness.js";
import { keys } from "../../src/store/keys.js";

const ADMIN = 7_200_001;
const catalog = generateCatalog({ seed: 1, dripfeed: false });
const service = catalog[0]!;
const DAY = 86_400_000;

async function customer(h: Harness, locale: "en" | "uz" | "ru" = "en", balance?: string): Promise<FakeUser> {
  const u = h.tg.user({ languageCode: locale });
  await h.deps.users.touch({ id: u.id, chatId: u.id });
  await h.deps.users.setLocale(u.id, locale);
  if (balance) await h.deps.wallet.credit(u.id, new D(balance), { reason: "admin" });
  return u;
}

describe("promo codes end to end", () => {
  let h: Harness;
  let admin: FakeUser;
  const create = (args: string) => after(h, admin, () => admin.send(`/promo create ${args}`));

  beforeAll(async () => {
    h = await startHarness({ sim: { catalog, balance: "1000000" }, env: { ADMIN_IDS: String(ADMIN) } });
    await h.deps.users.setLocale(ADMIN, "en");
    admin = h.tg.user({ id: ADMIN, languageCode: "en" });
  });
  afterAll(async () => h.stop());

  it("admins: every argument is checked with its own message; create, list, disable", async () => {
    expect((await after(h, admin, () => admin.send("/promo create"))).text).toContain("/promo create CODE credit AMOUNT");
    expect((await create("A! credit 5 uses=1 days=1")).text).toContain("A code is 3 to 32 Latin letters");
    expect((await create("list credit 5 uses=1 days=1")).text).toContain("“list” is a command word");
    expect((await create("GIFT5 money 5 uses=1 days=1")).text).toContain("“money”: the type is");
    expect((await create("GIFT5 credit -5 uses=1 days=1")).text).toContain("“-5” is not an amount");
    expect((await create("SALE discount 120% cap=1 uses=1 days=1")).text).toContain("“120%” is not a percent");
    expect((await create("SALE discount 10% uses=1 days=1")).text).toContain("A discount needs <code>cap=AMOUNT</code>");
    expect((await create("GIFT5 credit 5 days=1")).text).toContain("Give the number of uses");
    expect((await create("GIFT5 credit 5 uses=0 days=1")).text).toContain("Give the number of uses");
    expect((await create("GIFT5 credit 5 uses=3")).text).toContain("Give one expiry");
    expect((await create("GIFT5 credit 5 uses=3 days=1 expires=2099-01-01")).text).toContain("Give one expiry");
    expect((await create("GIFT5 credit 5 uses=3 expires=2001-01-01")).text).toContain("Give one expiry");
    expect((await create("GIFT5 credit 5 uses=3 expires=2030-02-30")).text).toContain("Give one expiry");
    expect((await create("GIFT5 credit 5 uses=3 days=1 min=2")).text).toContain("only discount codes have it");
    expect((await create("GIFT5 credit 5 uses=3 days=1 colour=red")).text).toContain("“colour=red” is not an option");

    const created = await create("gift5 credit 5 uses=3 days=30");
    expect(created.text).toContain("Promo code <code>GIFT5</code> created: 5.00 USD to the wallet. Uses: 3. Valid until");
    expect((await create("GIFT5 credit 1 uses=1 days=1")).text).toContain("already exists");
    await create("SALE10 discount 10% cap=2 uses=100 expires=2030-12-31 min=3");
    const list = await after(h, admin, () => admin.send("/promo list"));
    expect(list.text).toContain("✅ <code>SALE10</code> · 10% off the next order, at most 2.00 USD, for an order of at least 3.00 USD · used 0 of 100 · until 2031-01-01 00:00 UTC");
    expect(list.text).toContain("✅ <code>GIFT5</code> · 5.00 USD to the wallet · used 0 of 3");
    expect((await after(h, admin, () => admin.send("/promo disable NOPE"))).text).toContain("There is no promo code <code>NOPE</code>");
    expect((await after(h, admin, () => admin.send("/promo disable sale10"))).text).toContain("<code>SALE10</code> disabled");
    expect((await after(h, admin, () => admin.send("/promo list"))).text).toContain("🚫 <code>SALE10</code>");

    // A customer's /promo list is a code like any other, not the admin command.
    const u = await customer(h);
    expect((await after(h, u, () => u.send("/promo list"))).text).toContain("There is no promo code <code>LIST</code>");
    expect(parsePromoCreate(["X1X", "credit", "1", "uses=1", "days=1"], ADMIN).ok).toBe(true);
  });

  it("50 users redeeming a 10-use code at once: exactly 10 get it, each credited once with a ledger line", async () => {
    await create("RUSH credit 2 uses=10 days=1");
    const users = Array.from({ length: 50 }, (_, i) => 7_300_000 + i);
    const results = await Promise.all(users.map((id) => redeemPromo(h.deps, id, "rush")));
    const credited = users.filter((_, i) => results[i]!.outcome === "credited");
    expect(credited).toHaveLength(10);
    expect(results.filter((r) => r.outcome === "used_up")).toHaveLength(40);
    for (const id of users) {
      const promoLines = (await h.deps.wallet.entries(id)).filter((e) => e.reason === "promo");
      const expected = credited.includes(id) ? 1 : 0;
      expect(promoLines).toHaveLength(expected);
      expect((await h.deps.wallet.balance(id)).toFixed()).toBe(expected ? "2" : "0");
    }
    expect((await h.deps.promos.get("RUSH"))!.used).toBe(10);
  });

  it("customers: the button asks for the code; credited once; each refusal its own message, in every language", async () => {
    await create("WELCOME credit 1.5 uses=2 days=1");
    await h.deps.promos.create({ code: "OLD", kind: "credit", amount: new D(1), uses: 5, expiresAt: Date.now() - DAY, createdBy: ADMIN });
    await create("OFF credit 1 uses=5 days=1");
    await after(h, admin, () => admin.send("/promo disable OFF"));

    const u = await customer(h);
    await after(h, u, () => u.send("🎁 Promo code"), has("Send your promo code"));
    const ok = await after(h, u, () => u.send(" welcome "), has("applied"));
    expect(ok.text).toContain("Promo code <code>WELCOME</code> applied: <b>1.50 USD</b> added to your wallet. Balance: 1.50 USD");
    // The question is over: the next text is not a code.
    await after(h, u, () => u.send("/promo WELCOME"), has("already used"));
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("1.5");
    expect((await after(h, u, () => u.send("/promo NOSUCH"))).text).toContain("There is no promo code <code>NOSUCH</code>");
    expect((await after(h, u, () => u.send("/promo old"))).text).toContain("<code>OLD</code> has expired");
    expect((await after(h, u, () => u.send("/promo OFF"))).text).toContain("<code>OFF</code> is no longer active");
    const second = await customer(h);
    await after(h, second, () => second.send("/promo WELCOME"), has("applied"));
    const third = await customer(h, "uz");
    expect((await after(h, third, () => third.send("/promo WELCOME"))).text).toContain("<code>WELCOME</code> promokodi tugadi");
    expect((await after(h, third, () => third.send("/promo OLD"))).text).toContain("<code>OLD</code> promokodining muddati tugagan");
    expect((await after(h, third, () => third.send("/promo NOSUCH"))).text).toContain("<code>NOSUCH</code> degan promokod yoʻq");
    const ru = await customer(h, "ru");
    expect((await after(h, ru, () => ru.send("/promo WELCOME"))).text).toContain("Промокод <code>WELCOME</code> закончился");
    expect((await after(h, ru, () => ru.send("/promo OLD"))).text).toContain("Срок действия промокода <code>OLD</code> истёк");
    await after(h, ru, () => ru.send("🎁 Промокод"), has("Отправьте промокод"));
    expect((await after(h, ru, () => ru.send("/cancel"))).text).toContain("Ввод промокода отменён");
    expect(await h.deps.dialogs.get(ru.id)).toBeNull();
    expect((await h.deps.wallet.balance(third.id)).toFixed()).toBe("0");
  });

  it("a discount: shown on the confirmation, kept by a cancelled draft, charged once, refunded as paid", async () => {
    await create("SALE20 discount 20% cap=0.05 uses=5 days=7 min=0.01");
    const u = await customer(h, "en", "50");
    const held = await after(h, u, () => u.send("/promo sale20"), has("applied"));
    expect(held.text).toContain("20% off the next order, at most 0.05 USD, for an order of at least 0.01 USD");
    // A second discount code while one waits: refused, the first stays.
    await create("SALE30 discount 30% cap=1 uses=5 days=7");
    expect((await after(h, u, () => u.send("/promo SALE30"))).text).toContain("You already have a discount waiting for your next order (<code>SALE20</code>");

    const list = orderPrice({ rate: new D(service.rate), quantity: 1000, type: "Default" }, "0");
    const discount = D.min(list.mul("0.2"), new D("0.05")).toDecimalPlaces(5, D.ROUND_FLOOR);
    const paid = list.sub(discount);
    expect(discount.gt(0)).toBe(true);
    const fmt = (d: InstanceType<typeof D>) => `${d.toFixed(2)} USD`;

    const first = await toConfirmation(h, u, service, "https://t.me/promo_one", 1000);
    expect(first.text).toContain(`Price: <s>${fmt(list)}</s>`);
    expect(first.text).toContain(`🎁 Discount (<code>SALE20</code>): −${fmt(discount)}`);
    expect(first.text).toContain(`To pay: <b>${fmt(paid)}</b>`);
    await after(h, u, () => u.pressButton("Cancel"), has("cancelled"));
    expect(await h.deps.promos.heldRaw(u.id)).not.toBeNull();

    const confirm = await toConfirmation(h, u, service, "https://t.me/promo_two", 1000);
    expect(confirm.text).toContain(`To pay: <b>${fmt(paid)}</b>`);
    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    const order = (await h.deps.orders.get(draftIdOf(confirm)))!;
    expect(order).toMatchObject({ placement: "placed", price: paid.toFixed(), listPrice: list.toFixed(), discount: discount.toFixed() });
    expect(await h.deps.promos.heldRaw(u.id)).toBeNull();
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(50).sub(paid).toFixed());

    // Consumed: the next order is priced without it (the held discount is gone, checked above).
    // Canceled at the panel: what was paid comes back, never the list price.
    h.sim.setOrder(order.panelOrderId!, { status: "Canceled" });
    await h.deps.schedule.schedule("orders", order.id, Date.now() - 1);
    await runPollRound(h.deps);
    expect((await h.deps.orders.get(order.id))?.refunded).toBe(paid.toFixed());
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("50");
    const refunds = (await h.deps.wallet.entries(u.id)).filter((e) => e.reason === "refund");
    expect(refunds.map((e) => e.amount)).toEqual([paid.toFixed()]);
  });

  it("a discount below its minimum order waits; one taken by another order meanwhile charges nothing", async () => {
    await create("BIG discount 50% cap=1 uses=5 days=7 min=1000");
    const u = await customer(h, "uz", "50");
    await after(h, u, () => u.send("/promo BIG"), has("qabul qilindi"));
    const small = await toConfirmation(h, u, service, "https://t.me/promo_small", 1000);
    expect(small.text).toMatch(/<code>BIG<\/code> promokodi kamida 1.000,00 USDlik buyurtmalarga ishlaydi/);
    expect(small.text).not.toContain("Chegirma (");
    expect(await h.deps.promos.heldRaw(u.id)).not.toBeNull();

    await create("HALF discount 50% cap=1 uses=5 days=7");
    const v = await customer(h, "en", "50");
    await after(h, v, () => v.send("/promo HALF"), has("applied"));
    const a = await toConfirmation(h, v, service, "https://t.me/promo_a", 1000);
    const b = await toConfirmation(h, v, service, "https://t.me/promo_b", 1000);
    expect(a.text).toContain("HALF");
    expect(b.text).toContain("HALF");
    pressData(v, `oc:${draftIdOf(b)}`);
    await v.waitForMessage(has("Order placed"));
    const gone = await after(h, v, () => pressData(v, `oc:${draftIdOf(a)}`), has("already used on another order"));
    expect(gone.text).toContain("nothing was charged");
    expect((await h.deps.orders.get(draftIdOf(a)))?.placement).toBe("draft");
    expect(h.sim.requests().filter((r) => r.action === "add" && r.params.link === "https://t.me/promo_a")).toHaveLength(0);
  });

  it("a discount given back by a failed order is held until its code expires, and not once it has", async () => {
    const now = Date.now();
    expect(await h.deps.promos.create({ code: "GIVEBACK", kind: "discount", percent: "10", uses: 10, expiresAt: now + 3_600_000, createdBy: ADMIN }, now)).toBe(true);
    /** A customer who redeemed the code, and their order that took the discount and then failed at `failedAt`. */
    const failedOrder = async (failedAt: number) => {
      const u = await customer(h, "en", "100");
      expect((await redeemPromo(h.deps, u.id, "GIVEBACK", now)).outcome).toBe("held");
      const promo = (await h.deps.promos.heldRaw(u.id))!;
      const draft = await h.deps.orders.createDraft({
        userId: u.id,
        chatId: u.id,
        locale: "en",
        serviceId: service.service,
        serviceName: service.name,
        serviceType: service.type,
        category: service.category,
        link: `https://t.me/giveback_${u.id}`,
        quantity: 1000,
        rate: service.rate,
        price: "1",
        promo,
        canRefill: false,
        canCancel: false,
      });
      expect((await h.deps.orders.reserve(draft.id, u.id)).ok).toBe(true);
      expect(await h.deps.promos.heldRaw(u.id)).toBeNull();
      expect((await h.deps.orders.failAndRefund(draft.id, "panel said no", ["reserved"], failedAt)).ok).toBe(true);
      return u;
    };
    const heldFor = (userId: number) => h.redis.redis.pttl(keys(h.config.redis.prefix).promo.held(userId));
    const within = await failedOrder(now);
    expect(await h.deps.promos.heldRaw(within.id)).not.toBeNull();
    expect(await heldFor(within.id)).toBeGreaterThan(3_500_000);
    expect(await heldFor(within.id)).toBeLessThanOrEqual(3_600_000);
    // Failed after the code ended: the discount is not given back.
    const late = await failedOrder(now + 3_600_001);
    expect(await h.deps.promos.heldRaw(late.id)).toBeNull();
  });

  it("a held discount ends when its code expires: the order after that is priced in full", async () => {
    const u = await customer(h, "en", "100");
    const now = Date.now();
    // Created directly: an admin's /promo create takes whole days.
    expect(await h.deps.promos.create({ code: "LASTHOUR", kind: "discount", percent: "50", uses: 10, expiresAt: now + 1_500, createdBy: ADMIN }, now)).toBe(true);
    expect((await redeemPromo(h.deps, u.id, "LASTHOUR", now)).outcome).toBe("held");
    const price = (m: BotMessage) => m.text ?? "";
    const during = await toConfirmation(h, u, service, "https://t.me/lasthour", Number(service.min));
    expect(price(during)).toContain("LASTHOUR");
    await after(h, u, () => u.send("/cancel"));
    await new Promise((r) => setTimeout(r, 1_700));
    const afterwards = await toConfirmation(h, u, service, "https://t.me/lasthour", Number(service.min));
    expect(price(afterwards)).not.toContain("LASTHOUR");
    expect(await h.deps.promos.heldRaw(u.id)).toBeNull();
  });
  it("admins: a /promo list longer than one message comes in several, each within Telegram's 4096 characters", async () => {
    const now = Date.now();
    const codes = Array.from({ length: 30 }, (_, i) => `LONGCODE${String(i).padStart(2, "0")}${"X".repeat(22)}`);
    for (const code of codes)
      expect(await h.deps.promos.create({ code, kind: "discount", percent: "10", cap: new D("50000"), minOrder: new D("100000"), uses: 500, expiresAt: now + 30 * DAY, createdBy: ADMIN }, now)).toBe(
        true,
      );
    await h.deps.users.setLocale(ADMIN, "ru");
    try {
      const since = admin.messages().length;
      admin.send("/promo list");
      const listed = () => admin.messages().slice(since);
      await vi.waitFor(() => expect(codes.filter((c) => !listed().some((m) => m.text?.includes(c)))).toEqual([]), { timeout: 5_000 });
      expect(listed().length).toBeGreaterThan(1);
      for (const m of listed()) expect(m.text!.length).toBeLessThanOrEqual(4096);
    } finally {
      await h.deps.users.setLocale(ADMIN, "en");
    }
  });
});
