import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { adminTopup } from "../../src/services/admin.js";
import { creditPayment } from "../../src/services/payments.js";
import type { OrderStatus } from "../../src/panel/status.js";
import type { Placement } from "../../src/store/orders.js";
import { directOutbox } from "../support/direct-outbox.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { launchBrowser, signIn, startWebHarness, type WebHarness } from "./support.js";

const ANN = 930_000_001;
const SHOTS = new URL("../../docs/screenshots/", import.meta.url).pathname;
const HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">';

describe("back office dashboard, catalog and order filters in a real browser", () => {
  let h: WebHarness;
  let browser: Browser;
  let context: BrowserContext;
  let ann: FakeUser;
  const { outbox } = directOutbox(() => h.bot.api);

  /** An order of the customer's through the store's own steps, so the counters move as in production. */
  async function order(userId: number, serviceIndex: number, end: { placement: Placement; status?: OrderStatus }, link = "https://t.me/shop") {
    const service = (await h.deps.panel.services()).services[serviceIndex]!;
    const draft = await h.deps.orders.createDraft({
      userId,
      chatId: userId,
      locale: "en",
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      category: service.category,
      link,
      quantity: 1000,
      rate: service.rate.toFixed(),
      price: "2.5",
      canRefill: false,
      canCancel: false,
    });
    expect((await h.deps.orders.reserve(draft.id, userId)).ok).toBe(true);
    if (end.placement === "reserved") return draft.id;
    await h.deps.orders.markSending(draft.id);
    if (end.placement === "unknown") await h.deps.orders.markUnknown(draft.id, "timeout");
    else if (end.placement === "placed") await h.deps.orders.markPlaced(draft.id, String(700_000 + Number(draft.id)), Date.now() + 60_000);
    if (end.status) await h.deps.orders.update(draft.id, { status: end.status });
    return draft.id;
  }

  beforeAll(async () => {
    h = await startWebHarness({
      env: { DEFAULT_LOCALE: "en", ADMIN_IDS: `${ANN}` },
      outbox: () => outbox,
      web: { signInLimit: { max: 1000, windowMs: 60_000 } },
    });
    ann = h.tg.user({ id: ANN, firstName: "Ann", languageCode: "en" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
  });

  it("draws the dashboard's charts from the counters the orders moved, under the CSP", async () => {
    const customer = h.tg.user({ firstName: "Ravshan", languageCode: "en" });
    await h.deps.wallet.credit(customer.id, new D("100"), { reason: "admin" });
    for (let i = 0; i < 3; i++) await order(customer.id, 1, { placement: "placed" });
    await order(customer.id, 2, { placement: "unknown" });

    const page = await signIn(context, ann);
    const cspViolations: string[] = [];
    page.on("console", (m) => void (m.text().includes("Content Security Policy") && cspViolations.push(m.text())));
    await page.goto(`${h.origin}/admin/?days=7`);
    for (const id of ["chart-orders", "chart-turnover", "chart-margin"]) {
      await page.locator(`#${id}[data-drawn="7"]`).waitFor();
      // The canvas exists and has pixels painted on it.
      const painted = await page.locator(`#${id} canvas`).evaluate((c) => {
        const canvas = c as unknown as { width: number; height: number; getContext(k: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
        const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
      expect(painted).toBeGreaterThan(100);
    }
    // The data is today's counters: three orders placed, 7.50 of turnover.
    const orders = JSON.parse((await page.locator("#chart-orders").getAttribute("data-chart"))!) as { values: number[] };
    expect(orders.values.at(-1)).toBe(3);
    const turnover = JSON.parse((await page.locator("#chart-turnover").getAttribute("data-chart"))!) as { values: string[] };
    expect(turnover.values.at(-1)).toBe("7.50");
    await expect(page.locator("main").textContent()).resolves.toContain("Open orders by status");
    await expect(page.locator(".cards").textContent()).resolves.toMatch(/1\s*orders waiting to be settled/);
    // The only scripts are our own files; the data rides in an attribute, never in a script.
    expect(await page.locator("script:not([src])").count()).toBe(0);
    expect(cspViolations).toEqual([]);
    await page.screenshot({ path: `${SHOTS}dashboard.png` });
  });

  it("shows top-ups by method for the period and all time, from the counters the credits moved, each once", async () => {
    const payer = h.tg.user({ firstName: "Payer", languageCode: "en" });
    await h.deps.users.touch({ id: payer.id, chatId: payer.chatId });
    const card = await h.deps.invoices.create({ userId: payer.id, kind: "provider", currency: "UZS", total: 12_650_000, rate: "12650", amount: "10" });
    const stars = await h.deps.invoices.create({ userId: payer.id, kind: "stars", currency: "XTR", total: 250, rate: "0.013", amount: "3.25" });
    for (let i = 0; i < 2; i++) {
      await creditPayment(h.deps, { invoicePayload: card.id, currency: "UZS", totalAmount: 12_650_000, telegramPaymentChargeId: "dash-card" });
      await creditPayment(h.deps, { invoicePayload: stars.id, currency: "XTR", totalAmount: 250, telegramPaymentChargeId: "dash-stars" });
    }
    await adminTopup(h.deps, { adminId: ANN, userId: payer.id, amount: new D("1.5"), requestKey: "dash-1" });

    const page = await signIn(context, ann);
    await page.goto(`${h.origin}/admin/?days=7`);
    const cells = async (kind: string) => (await page.locator(`#topups tr[data-kind="${kind}"] td`).allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    await expect(page.locator("#topups h2").textContent()).resolves.toBe("Top-ups by method");
    expect(await cells("card")).toEqual(["Card", "10.00 USD × 1", "10.00 USD × 1"]);
    expect(await cells("stars")).toEqual(["Stars", "3.25 USD × 1 · 250 ⭐", "3.25 USD × 1 · 250 ⭐"]);
    expect(await cells("receipt")).toEqual(["Receipts", "0.00 USD × 0", "0.00 USD × 0"]);
    expect(await cells("admin")).toEqual(["Admin credits", "1.50 USD × 1", "1.50 USD × 1"]);
    expect(await cells("all")).toEqual(["14.75 USD × 3", "14.75 USD × 3"]);
    expect(await cells("refund")).toEqual(["Stars given back", "0.00 USD × 0", "0.00 USD × 0"]);
    const perDay = JSON.parse((await page.locator("#chart-topups").getAttribute("data-chart"))!) as { days: string[]; values: string[] };
    expect(perDay.days).toHaveLength(7);
    expect(perDay.values.at(-1)).toBe("14.75");
    await page.locator('#chart-topups[data-drawn="7"]').waitFor();
  });

  it("filters and searches orders: status, placement, user, link", async () => {
    const zilola = h.tg.user({ firstName: "Zilola", languageCode: "en" });
    const other = h.tg.user({ firstName: "Other", languageCode: "en" });
    for (const u of [zilola, other]) await h.deps.wallet.credit(u.id, new D("100"), { reason: "admin" });
    const done = await order(zilola.id, 1, { placement: "placed", status: "completed" }, "https://instagram.com/zilola_shop");
    const waiting = await order(zilola.id, 1, { placement: "reserved" });
    await order(other.id, 1, { placement: "placed", status: "completed" });

    const page = await signIn(context, ann);
    await page.locator("header nav").getByRole("link", { name: "Orders" }).click();
    await page.locator('select[name="status"]').selectOption("completed");
    await page.locator('input[name="user"]').fill(String(zilola.id));
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/status=completed/);
    const rows = page.locator("main table tbody tr");
    await expect(rows.allTextContents()).resolves.toEqual([expect.stringContaining(`#${done}`)]);

    await page.goto(`${h.origin}/admin/orders?placement=reserved&user=${zilola.id}`);
    await expect(rows.allTextContents()).resolves.toEqual([expect.stringContaining(`#${waiting}`)]);

    // A link in another spelling finds its order.
    await page.goto(`${h.origin}/admin/orders`);
    await page.getByLabel("Order, panel id or link").fill("www.Instagram.com/zilola_shop/");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(rows.allTextContents()).resolves.toEqual([expect.stringContaining(`#${done}`)]);

    await page.goto(`${h.origin}/admin/orders?user=abc&from=yesterday`);
    await expect(page.locator(".notice").allTextContents()).resolves.toEqual(["A user is given by their Telegram id (digits only).", "“yesterday” is not a date."]);
    await page.goto(`${h.origin}/admin/orders?status=completed`);
    await page.screenshot({ path: `${SHOTS}orders.png` });
  });

  it("sets a markup on ticked services from the web; the customer's catalog in the bot shows the new price", async () => {
    const catalog = await h.deps.shop.get();
    const category = catalog.categories[0]!;
    const [first, second] = category.visibleServiceIds;
    const page = await signIn(context, ann);
    await page.locator("header nav").getByRole("link", { name: "Catalog" }).click();
    await page.goto(`${h.origin}/admin/catalog?category=${encodeURIComponent(category.key)}`);
    const before = await page.locator(`#service-${first} .price`).textContent();
    await page.getByLabel(`Pick service ${first}`).check();
    await page.getByLabel(`Pick service ${second}`).check();
    await page.locator('select[name="action"]').selectOption("markup");
    await page.getByLabel("Markup, %").fill("250");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Saved (2).").waitFor();
    await page.goto(`${h.origin}/admin/catalog?category=${encodeURIComponent(category.key)}`);
    const after = (await page.locator(`#service-${first} .price`).textContent())!;
    expect(after).not.toBe(before);
    await expect(page.locator(`#service-${first}`).textContent()).resolves.toContain("own markup 250 %");
    const audit = (await h.deps.audit.latest(0, 10)).entries.filter((e) => e.via === "web" && e.what.startsWith("service.price"));
    expect(audit.map((e) => [e.who, e.what])).toEqual([
      [ANN, `service.price ${second}`],
      [ANN, `service.price ${first}`],
    ]);

    // A bad markup changes nothing and says why.
    await page.getByLabel(`Pick service ${first}`).check();
    await page.getByLabel("Markup, %").fill("lots");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("That is not a number").waitFor();

    // The customer browses the same category in the bot: the new price is on the button.
    const customer = h.tg.user({ firstName: "Sardor", languageCode: "en" });
    customer.send("/order");
    await customer.waitForMessage((m) => m.text?.includes("Choose a category") ?? false);
    customer.pressButton(category.name("en"));
    const services = await customer.waitForMessage((m) => m.text?.includes("Choose a service") ?? false);
    const labels = JSON.stringify(services.reply_markup);
    expect(labels).toContain(after.trim());
    await page.screenshot({ path: `${SHOTS}catalog.png` });
  });

  it("hides a whole category from the web (audited), and a hostile owner name stays text", async () => {
    const catalog = await h.deps.shop.get();
    const category = catalog.categories.at(-1)!;
    const serviceId = category.visibleServiceIds[0]!;
    expect((await h.deps.shop.setServiceName({ id: ANN, via: "telegram" }, serviceId, "en", `Likes ${HOSTILE}`)).ok).toBe(true);
    const page = await signIn(context, ann);
    const dialogs: string[] = [];
    page.on("dialog", (d) => void dialogs.push(d.message()));
    await page.goto(`${h.origin}/admin/catalog?q=${serviceId}`);
    await expect(page.locator(`#service-${serviceId}`).textContent()).resolves.toContain('<script>document.title="pwned"</script>');
    expect(await page.title()).not.toBe("pwned");
    expect(await page.locator("main img").count()).toBe(0);
    expect(dialogs).toEqual([]);

    await page.locator(`[id="category-${category.key}"]`).getByRole("button", { name: "Hide the category" }).click();
    await page.getByText("Saved (1).").waitFor();
    expect((await h.deps.shop.get()).category.get(category.key)!.hidden).toBe(true);
    expect((await h.deps.audit.latest(0, 1)).entries[0]).toMatchObject({ who: ANN, via: "web" });
  });
});
