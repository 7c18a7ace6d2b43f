import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { D } from "../../src/money.js";
import { generateCatalog, type SimService } from "../../src/panel/simulator/catalog.js";
import type { Actor } from "../../src/services/shop-catalog.js";
import { categoryKey } from "../../src/store/catalog.js";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";

const ADMIN = 7171;
const admin: Actor = { id: ADMIN, via: "telegram" };
const catalog = generateCatalog({ seed: 5 });
const defaults = catalog.filter((s) => s.type === "Default");

type Button = { text: string; callback_data?: string };
const buttonsOf = (m: BotMessage): Button[] => ((m.message.reply_markup?.inline_keyboard ?? []) as Button[][]).flat();

function after(h: Harness, u: FakeUser, act: () => unknown, pred: (m: BotMessage) => boolean = () => true): Promise<BotMessage> {
  const since = h.tg.calls().length;
  act();
  return u.waitForMessage(pred, { since });
}

async function customer(h: Harness, locale: "en" | "ru" | "uz", balance = "100"): Promise<FakeUser> {
  const u = h.tg.user({ languageCode: locale });
  await h.deps.users.setLocale(u.id, locale);
  await h.deps.wallet.credit(u.id, new D(balance), { reason: "admin" });
  return u;
}

async function waitForAnswer(u: FakeUser, count: number): Promise<{ text?: string; show_alert?: boolean }> {
  for (let i = 0; i < 200; i++) {
    const answers = u.callbackAnswers();
    if (answers.length > count) return answers.at(-1)!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("no callback answer");
}

describe("the owner's shop end to end", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, env: { ADMIN_IDS: String(ADMIN) } });
    await h.deps.users.setLocale(ADMIN, "en");
  });
  afterAll(async () => h.stop());

  it("in Uzbek: a hidden category and a hidden service are not listed, and forged buttons for them are refused like stale ones", async () => {
    const hiddenService = defaults[0]!;
    const hiddenCategory = catalog.find((s) => s.category !== hiddenService.category)!;
    await h.deps.shop.setServiceHidden(admin, hiddenService.service, true);
    await h.deps.shop.setCategoryHidden(admin, categoryKey(hiddenCategory.category), true);
    await h.deps.shop.setCategoryName(admin, categoryKey(hiddenService.category), "uz", "Mening kategoriyam");
    const u = await customer(h, "uz");
    const categories = await after(
      h,
      u,
      () => u.send("/order"),
      (m) => buttonsOf(m).length > 0,
    );
    expect(buttonsOf(categories).some((b) => b.callback_data === `cs:${categoryKey(hiddenCategory.category)}:0`)).toBe(false);
    expect(buttonsOf(categories).some((b) => b.text.startsWith("Mening kategoriyam"))).toBe(true);

    const answered = u.callbackAnswers().length;
    u.press(`cs:${categoryKey(hiddenCategory.category)}:0`, categories.message_id);
    expect((await waitForAnswer(u, answered)).text).toBe(h.deps.i18n.t("uz", "order-button-expired"));
    u.press(`s:${hiddenService.service}`, categories.message_id);
    expect((await waitForAnswer(u, answered + 1)).text).toBe(h.deps.i18n.t("uz", "order-button-expired"));
    u.press(`o:${hiddenService.service}`, categories.message_id);
    const gone = await u.waitForMessage((m) => m.text?.includes(h.deps.i18n.t("uz", "order-service-gone")) ?? false);
    expect(gone).toBeDefined();

    await h.deps.shop.setServiceHidden(admin, hiddenService.service, false);
    await h.deps.shop.setCategoryHidden(admin, categoryKey(hiddenCategory.category), false);
  });

  it("in Russian: the price rises between the confirmation and Confirm: a new confirmation, nothing charged, and the new one places the order", async () => {
    const svc: SimService = defaults[1]!;
    const u = await customer(h, "ru");
    await after(
      h,
      u,
      () => u.send("/order"),
      (m) => buttonsOf(m).length > 0,
    );
    u.press(`o:${svc.service}`);
    await u.waitForMessage((m) => m.method === "sendMessage" && (m.text?.includes("ссылк") ?? false));
    await after(
      h,
      u,
      () => u.send("https://t.me/shop_ru"),
      (m) => m.method === "sendMessage",
    );
    const confirmation = await after(
      h,
      u,
      () => u.send(String(svc.min)),
      (m) => buttonsOf(m).some((b) => b.callback_data?.startsWith("oc:")),
    );
    const confirm = buttonsOf(confirmation).find((b) => b.callback_data?.startsWith("oc:"))!.callback_data!;

    await h.deps.shop.setGlobalMarkup(admin, "300");
    const again = await after(
      h,
      u,
      () => u.press(confirm, confirmation.message_id),
      (m) => m.method === "sendMessage" && buttonsOf(m).some((b) => b.callback_data?.startsWith("oc:")),
    );
    expect(again.text).toContain("цена изменилась");
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe("100");
    expect(h.sim.requests().filter((r) => r.action === "add" && r.params.link === "https://t.me/shop_ru")).toHaveLength(0);

    const next = buttonsOf(again).find((b) => b.callback_data?.startsWith("oc:"))!.callback_data!;
    const draft = (await h.deps.orders.get(next.slice(3)))!;
    await after(
      h,
      u,
      () => u.press(next, again.message_id),
      (m) => m.text?.includes(`#${draft.id}`) ?? false,
    );
    expect((await h.deps.wallet.balance(u.id)).toFixed()).toBe(new D(100).sub(draft.price).toFixed());
    await h.deps.shop.setGlobalMarkup(admin, "0");
  });

  it("in English: an admin hides a service from /catalog and sets a markup by typing it (a typo is refused, nothing changed)", async () => {
    const svc = defaults[2]!;
    const a = h.tg.user({ id: ADMIN, languageCode: "en" });
    const found = await after(
      h,
      a,
      () => a.send(`/catalog ${svc.service}`),
      (m) => buttonsOf(m).length > 0,
    );
    const open = buttonsOf(found).find((b) => b.callback_data === `aks:${svc.service}`)!;
    const screen = await after(
      h,
      a,
      () => a.press(open.callback_data!, found.message_id),
      (m) => m.text?.includes("Panel cost") ?? false,
    );
    const hide = buttonsOf(screen).find((b) => b.callback_data === `aksh:${svc.service}:1`)!;
    await after(
      h,
      a,
      () => a.press(hide.callback_data!, screen.message_id),
      (m) => m.text?.includes("Hidden from customers") ?? false,
    );
    expect(await h.deps.shop.orderable(svc.service)).toBeNull();

    const markup = buttonsOf(screen).find((b) => b.callback_data?.startsWith("aki:sm:"))!;
    await after(
      h,
      a,
      () => a.press(markup.callback_data!, screen.message_id),
      (m) => m.text?.includes("own markup") ?? false,
    );
    await after(
      h,
      a,
      () => a.send("twenty"),
      (m) => m.text?.includes("not a number") ?? false,
    );
    expect((await h.deps.shop.settings()).service[svc.service]).toBeUndefined();
    // A main-menu button ends the dialog and does what it says: its label is not the value.
    await after(
      h,
      a,
      () => a.send("📦 My orders"),
      (m) => !(m.text?.includes("not a number") ?? true),
    );
    expect((await h.deps.shop.settings()).service[svc.service]).toBeUndefined();
    await after(
      h,
      a,
      () => a.send("20"),
      (m) => m.text !== undefined,
    );
    expect((await h.deps.shop.settings()).service[svc.service]).toBeUndefined();
    await after(
      h,
      a,
      () => a.press(markup.callback_data!, screen.message_id),
      (m) => m.text?.includes("own markup") ?? false,
    );
    await after(
      h,
      a,
      () => a.send("20"),
      (m) => m.text?.includes("Saved") ?? false,
    );
    expect((await h.deps.shop.settings()).service[svc.service]).toEqual({ markupPercent: "20" });
    const audit = await after(
      h,
      a,
      () => a.send("/audit"),
      (m) => m.text?.includes("Latest changes") ?? false,
    );
    expect(audit.text).toContain(`service.price ${svc.service}`);
  });

  it("in English: an admin opens a category, hides it (saved, the screen shows it), and a button for a category that is gone says so", async () => {
    const svc = defaults[3]!;
    const key = categoryKey(svc.category);
    const a = h.tg.user({ id: ADMIN, languageCode: "en" });
    const list = await after(
      h,
      a,
      () => a.send("/catalog"),
      (m) => buttonsOf(m).length > 0,
    );
    const screen = await after(
      h,
      a,
      () => a.press(`akc:${key}:0`, list.message_id),
      (m) => buttonsOf(m).some((b) => b.callback_data === `akh:${key}:1`),
    );
    await after(
      h,
      a,
      () => a.press(`akh:${key}:1`, screen.message_id),
      (m) => buttonsOf(m).some((b) => b.callback_data === `akh:${key}:0`),
    );
    expect(a.callbackAnswers().at(-1)).toEqual({ text: "✅ Saved." });
    expect(await h.deps.shop.orderable(svc.service)).toBeNull();
    await h.deps.shop.setCategoryHidden(admin, key, false);
    a.press("akc:nosuchcategory:0", screen.message_id);
    await vi.waitFor(() => expect(a.callbackAnswers().at(-1)).toEqual({ text: h.deps.i18n.t("en", "order-button-expired"), show_alert: true }));
  });
  it('in English: /pricing takes a grouped amount whole ("12 650" is 12650, not 12)', async () => {
    const a = h.tg.user({ id: ADMIN, languageCode: "en" });
    await after(
      h,
      a,
      () => a.send("/pricing min 12 650"),
      (m) => m.text?.includes("12,650.00") ?? false,
    );
    expect(h.deps.shop.rulesOf(await h.deps.shop.settings()).minOrderPrice).toBe("12650");
    await after(
      h,
      a,
      () => a.send("/pricing min 0"),
      (m) => m.text !== undefined,
    );
    expect(h.deps.shop.rulesOf(await h.deps.shop.settings()).minOrderPrice).toBeUndefined();
  });
});
