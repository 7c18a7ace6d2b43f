import { createHash } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { directOutbox } from "../support/direct-outbox.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { eventually } from "../support/eventually.js";
import { launchBrowser, signIn, signInLink, startWebHarness, type WebHarness } from "./support.js";

const ANN = 920_000_001;
const BOB = 920_000_002;
const SHOTS = new URL("../../docs/screenshots/", import.meta.url).pathname;

describe("web back office in a real browser", () => {
  let h: WebHarness;
  let browser: Browser;
  let context: BrowserContext;
  let ann: FakeUser;
  let bob: FakeUser;
  const { outbox, sent } = directOutbox(() => h.bot.api);

  beforeAll(async () => {
    h = await startWebHarness({
      env: { DEFAULT_LOCALE: "en", ADMIN_IDS: `${ANN},${BOB}`, MANUAL_TOPUP_DETAILS: "Card 8600 0000 0000 0000" },
      outbox: () => outbox,
      web: { signInLimit: { max: 1000, windowMs: 60_000 } },
    });
    ann = h.tg.user({ id: ANN, firstName: "Ann", languageCode: "en" });
    bob = h.tg.user({ id: BOB, firstName: "Bob", username: "bob_admin", languageCode: "en" });
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

  it("signs in through the link from /admin; the link works once; cookie flags and headers are right", async () => {
    const link = await signInLink(ann);
    expect(link.startsWith(`${h.origin}/admin/signin/`)).toBe(true);
    const token = link.split("/").at(-1)!;
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    // Only the hash is stored: the token itself appears in no key and no value.
    const stored = await h.redis.redis.keys(`${h.redis.prefix}web:signin:*`);
    expect(stored).toEqual([`${h.redis.prefix}web:signin:${createHash("sha256").update(token).digest("hex")}`]);
    expect(await h.redis.redis.ttl(stored[0]!)).toBeGreaterThan(590);

    const page = await context.newPage();
    const first = await page.goto(link);
    const headers = first!.headers();
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    // Opening the link alone signs nobody in (a link preview must not spend it).
    expect(await context.cookies()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}sign-in.png` });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin\/?$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Overview");

    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: "pb_admin", httpOnly: true, sameSite: "Strict", secure: false, path: "/admin" });
    expect(cookie!.expires).toBe(-1);

    // The same link again, in a fresh browser: refused.
    const other = await browser.newContext();
    const again = await (await other.newPage()).goto(link);
    expect(again!.status()).toBe(403);
    await expect(again!.text()).resolves.toContain("This sign-in link is not valid");
    await other.close();
  });

  it("refuses an expired link and a forged one with a plain page", async () => {
    const link = await signInLink(ann);
    const token = link.split("/").at(-1)!;
    await h.redis.redis.pexpire(`${h.redis.prefix}web:signin:${createHash("sha256").update(token).digest("hex")}`, 1);
    await new Promise((r) => setTimeout(r, 20));
    const page = await context.newPage();
    for (const url of [link, `${h.origin}/admin/signin/${"A".repeat(43)}`, `${h.origin}/admin/signin/not-a-token`]) {
      const res = await page.goto(url);
      expect(res!.status()).toBe(403);
      await expect(page.locator(".refusal").textContent()).resolves.toContain("This sign-in link is not valid");
      await expect(page.getByRole("button", { name: "Sign in" }).count()).resolves.toBe(0);
    }
    // Posting a forged token straight away does not work either.
    const post = await page.request.post(`${h.origin}/admin/signin`, { form: { token: "B".repeat(43) }, headers: { origin: h.origin } });
    expect(post.status()).toBe(403);
    expect(await context.cookies()).toEqual([]);
  });

  it("gives a non-admin the usual refusal and no link", async () => {
    const eve = h.tg.user({ firstName: "Eve", languageCode: "en" });
    const before = await h.redis.redis.keys(`${h.redis.prefix}web:signin:*`);
    eve.send("/admin");
    const reply = await eve.waitForMessage();
    expect(reply.text).toBe("🔒 Sorry, this is only for the shop's administrators.");
    expect(await h.redis.redis.keys(`${h.redis.prefix}web:signin:*`)).toEqual(before);
    // Without a session every page is refused.
    const res = await (await context.newPage()).goto(`${h.origin}/admin/users`);
    expect(res!.status()).toBe(401);
  });

  it("refuses a POST without the CSRF token, or from another origin, and changes nothing", async () => {
    const page = await signIn(context, ann);
    const customer = h.tg.user({ firstName: "Cleo", languageCode: "en" });
    customer.send("/start");
    await customer.waitForMessage();
    const url = `${h.origin}/admin/users/${customer.id}/wallet`;
    const form = { direction: "credit", amount: "50", _once: "x".repeat(22) };

    const noToken = await page.request.post(url, { form, headers: { origin: h.origin }, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    expect(await noToken.text()).toContain("This form has expired");

    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const wrongOrigin = await page.request.post(url, { form: { ...form, _csrf: csrf }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    expect(wrongOrigin.status()).toBe(403);
    expect(await wrongOrigin.text()).toContain("did not come from a page of the back office");
    const noOrigin = await page.request.post(url, { form: { ...form, _csrf: csrf }, maxRedirects: 0 });
    expect(noOrigin.status()).toBe(403);

    expect((await h.deps.wallet.balance(customer.id)).toFixed()).toBe("0");
    expect((await h.deps.audit.latest(0, 50)).entries.filter((e) => e.what.startsWith("wallet."))).toEqual([]);
  });

  it("credits and debits a wallet with a note, never below zero, through the /topup function; found by @username", async () => {
    const page = await signIn(context, ann);
    const customer = h.tg.user({ firstName: "Dilnoza", username: "dilnoza_uz", languageCode: "en" });
    customer.send("/start");
    await customer.waitForMessage();
    await page.locator("header nav").getByRole("link", { name: "Users" }).click();
    await page.getByRole("searchbox").fill("@Dilnoza_UZ");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(new RegExp(`/admin/users/${customer.id}`));

    await page.getByLabel("Amount, USD").fill("12.5");
    await page.getByLabel("Note (shown in the ledger)").fill("bonus for the review");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("The wallet was credited").waitFor();
    expect((await h.deps.wallet.balance(customer.id)).toFixed()).toBe("12.5");

    await page.getByLabel("Credit or debit").selectOption("debit");
    await page.getByLabel("Amount, USD").fill("100");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("The wallet was debited").waitFor();
    expect((await h.deps.wallet.balance(customer.id)).toFixed()).toBe("0");
    await expect(page.locator("table").first().textContent()).resolves.toContain("bonus for the review");

    const entries = (await h.deps.audit.latest(0, 10)).entries.filter((e) => e.what.endsWith(`user:${customer.id}`));
    expect(entries.map((e) => [e.who, e.what, e.old, e.new])).toEqual([
      [ANN, `wallet.debit user:${customer.id}`, "12.5", "0"],
      [ANN, `wallet.credit user:${customer.id}`, "0", "12.5 (bonus for the review)"],
    ]);
    const told = sent.filter((m) => m.chatId === customer.id).map((m) => m.text);
    expect(told).toEqual([expect.stringContaining("12.50 USD"), expect.stringContaining("12.50 USD")]);
    await page.setViewportSize({ width: 390, height: 760 });
    await page.screenshot({ path: `${SHOTS}user-phone.png` });
  });

  it("renders a hostile user name and service name as text", async () => {
    const hostile = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">';
    const customer = h.tg.user({ firstName: hostile, languageCode: "en" });
    customer.send("/start");
    await customer.waitForMessage();
    const service = (await h.deps.panel.services()).services[1]!;
    await h.deps.wallet.credit(customer.id, new D("5"), { reason: "admin" });
    const draft = await h.deps.orders.createDraft({
      userId: customer.id,
      chatId: customer.id,
      locale: "en",
      serviceId: service.id,
      serviceName: `Followers ${hostile}`,
      serviceType: "Default",
      category: "Instagram",
      link: `https://instagram.com/x?${hostile}`,
      quantity: 100,
      rate: "1",
      price: "1",
      canRefill: false,
      canCancel: false,
    });
    await h.deps.orders.reserve(draft.id, customer.id);
    const page = await signIn(context, ann);
    const dialogs: string[] = [];
    page.on("dialog", (d) => void dialogs.push(d.message()));
    // Nothing on our pages trips the CSP (htmx is configured not to inject styles or eval).
    const cspViolations: string[] = [];
    page.on("console", (m) => void (m.text().includes("Content Security Policy") && cspViolations.push(m.text())));
    for (const path of [`/admin/users/${customer.id}`, `/admin/orders/${draft.id}`]) {
      await page.goto(`${h.origin}${path}`);
      await expect(page.locator("main").textContent()).resolves.toContain('<script>document.title="pwned"</script>');
      expect(await page.title()).not.toBe("pwned");
      // The only scripts are our own htmx; no injected element exists.
      expect(await page.locator("script").count()).toBe(1);
      expect(await page.locator("main img").count()).toBe(0);
    }
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("settles an unknown order from the web; its customer is told and the money goes back once", async () => {
    const customer = h.tg.user({ firstName: "Farrux", languageCode: "en" });
    customer.send("/start");
    await customer.waitForMessage();
    const service = (await h.deps.panel.services()).services[1]!;
    await h.deps.wallet.credit(customer.id, new D("3"), { reason: "admin" });
    const draft = await h.deps.orders.createDraft({
      userId: customer.id,
      chatId: customer.id,
      locale: "en",
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      category: service.category,
      link: "https://t.me/farrux",
      quantity: service.min,
      rate: service.rate.toFixed(),
      price: "2",
      canRefill: false,
      canCancel: false,
    });
    await h.deps.orders.reserve(draft.id, customer.id);
    await h.deps.orders.markSending(draft.id);
    await h.deps.orders.markUnknown(draft.id, "timeout after sending add");

    const page = await signIn(context, ann);
    await page.locator("header nav").getByRole("link", { name: "Orders" }).click();
    await page.getByRole("link", { name: `#${draft.id}` }).click();
    await expect(page.locator(".timeline").textContent()).resolves.toContain("Outcome unknown: timeout after sending add");
    await page.screenshot({ path: `${SHOTS}order-unknown.png` });
    await page.getByRole("button", { name: "Refund the customer" }).click();
    await page.getByText("Refunded, and the customer was told").waitFor();

    expect((await h.deps.wallet.balance(customer.id)).toFixed()).toBe("3");
    expect((await h.deps.orders.get(draft.id))!.placement).toBe("failed");
    const told = sent.filter((m) => m.chatId === customer.id && m.key === `settle:${draft.id}`);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(`#${draft.id}`);
    // A second settle (another tab, a resend) changes nothing.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    await page.request.post(`${h.origin}/admin/orders/${draft.id}/settle`, { form: { _csrf: csrf, decision: "refund" }, headers: { origin: h.origin } });
    expect((await h.deps.wallet.balance(customer.id)).toFixed()).toBe("3");
    expect((await h.deps.audit.latest(0, 5)).entries.filter((e) => e.what === `order.settle order:${draft.id}`)).toHaveLength(1);
  });

  it("approves a receipt from the web while another admin presses Approve in Telegram: credited once", async () => {
    const customer = h.tg.user({ firstName: "Gulnora", username: "gulnora", languageCode: "en" });
    customer.send("/balance");
    await customer.waitForMessage((m) => m.text?.includes("Your balance") ?? false);
    customer.pressButton("Top up");
    await customer.waitForMessage((m) => m.text?.includes("Choose how you want to pay") ?? false);
    customer.pressButton("Transfer and send a receipt");
    await customer.waitForMessage((m) => m.text?.includes("Send the money to") ?? false);
    customer.send("25");
    await customer.waitForMessage((m) => m.text?.includes("Now send a photo or a file") ?? false);
    customer.sendPhoto();
    const done = await customer.waitForMessage((m) => m.text?.includes("has been sent for checking") ?? false);
    const id = /<code>([A-Z0-9]{8})<\/code>/.exec(done.text!)![1]!;
    const copy = await eventually("Bob's copy of the receipt", () => bob.messages().find((m) => m.text?.includes(`Receipt ${id}`) && m.reply_markup));
    h.tg.respond("getFile", (p) => ({ file_id: p.file_id, file_unique_id: "u1", file_size: 2048, file_path: "photos/file_7.png" }));

    const page = await signIn(context, ann);
    await page.locator("header nav").getByRole("link", { name: "Receipts" }).click();
    const card = page.locator(`#receipt-${id}`);
    // Loaded and decoded: a broken image has no natural width.
    await eventually("the receipt photo loaded", () => card.locator("img").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth === 180));
    await page.screenshot({ path: `${SHOTS}receipts.png` });
    // The photo came through the server: the page and the browser never saw the token.
    expect(h.files.downloads).toEqual([`/file/bot${h.config.botToken}/photos/file_7.png`]);
    expect(await page.content()).not.toContain(h.config.botToken.split(":")[1]!);

    // The Telegram press is sent while the browser clicks: both reach the service at about the same time.
    bob.press(`rc:a:${id}`, copy.message_id);
    await card.getByRole("button", { name: "Approve" }).click();
    await card.locator(".decision").waitFor();
    await eventually("the customer told", () => sent.some((m) => m.key === `receipt:${id}:outcome`));

    expect((await h.deps.wallet.balance(customer.id)).toFixed()).toBe("25");
    const credits = (await h.deps.wallet.entries(customer.id, 20)).filter((e) => e.ref === `receipt:${id}`);
    expect(credits).toHaveLength(1);
    expect(sent.filter((m) => m.key === `receipt:${id}:outcome`)).toHaveLength(1);
    const receipt = await h.deps.receipts.get(id);
    expect(receipt!.state).toBe("approved");
    // The page shows who won; the audit has the web approval only when the web won.
    const winnerWasWeb = receipt!.decidedBy === ANN;
    expect((await h.deps.audit.latest(0, 10)).entries.filter((e) => e.what === `receipt.approve receipt:${id}`)).toHaveLength(winnerWasWeb ? 1 : 0);
    await expect(card.locator(".decision").textContent()).resolves.toContain(winnerWasWeb ? "Ann" : "Bob @bob_admin");
    // And the pending list no longer has it.
    await page.reload();
    await expect(page.locator(`#receipt-${id}`).count()).resolves.toBe(0);
  });

  it("sends a broadcast composed on the web down the /broadcast path, with progress and history", async () => {
    const page = await signIn(context, ann);
    await page.locator("header nav").getByRole("link", { name: "Broadcasts" }).click();
    await page.getByLabel("Text (a caption when there is a photo)").fill("Sale today: <b>20 %</b> off");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator("#preview .message").textContent()).resolves.toBe("Sale today: <b>20 %</b> off");
    await page.getByRole("button", { name: "Send to everyone" }).click();
    await page.waitForURL(/\/admin\/broadcasts\/\d+$/);
    const id = page.url().split("/").at(-1)!;
    // The source went to Ann's own chat as plain text, then the job started like /broadcast's.
    const source = ann.messages().find((m) => m.text === "Sale today: <b>20 %</b> off");
    expect(source).toBeDefined();
    expect(ann.messages().some((m) => m.text?.includes(`Broadcast #${id} started`))).toBe(true);
    const job = await h.redis.redis.hgetall(`${h.redis.prefix}bc:${id}`);
    expect(job).toMatchObject({ adminId: String(ANN), fromChatId: String(ANN), messageId: String(source!.message_id) });
    await page.locator("header nav").getByRole("link", { name: "Broadcasts" }).click();
    await expect(page.locator("table").textContent()).resolves.toContain(`#${id}`);
    expect((await h.deps.audit.latest(0, 5)).entries[0]).toMatchObject({ who: ANN, what: `broadcast.start broadcast:${id}` });
  });

  it("shows settings without any secret, and the audit log", async () => {
    const page = await signIn(context, bob);
    await page.locator("header nav").getByRole("link", { name: "Settings" }).click();
    const html = await page.content();
    for (const secret of [h.config.botToken, h.config.botToken.split(":")[1]!, h.config.panel.key]) expect(html).not.toContain(secret);
    await expect(page.locator("main").textContent()).resolves.toContain("set (hidden)");
    await page.locator("header nav").getByRole("link", { name: "Audit log" }).click();
    await expect(page.locator("table").textContent()).resolves.toContain("session.start");
  });

  it("follows the admin's language chosen in the bot", async () => {
    await h.deps.users.setLocale(BOB, "uz");
    try {
      const page = await context.newPage();
      await page.goto(await signInLink(bob));
      await page.getByRole("button", { name: "Kirish" }).click();
      await page.waitForURL(/\/admin\/?$/);
      expect(await page.locator("html").getAttribute("lang")).toBe("uz");
      await expect(page.locator("header nav").textContent()).resolves.toContain("Buyurtmalar");
      await page.locator("header nav").getByRole("link", { name: "Sozlamalar" }).click();
      await expect(page.locator("main").textContent()).resolves.toContain("berilgan (yashirin)");
    } finally {
      await h.deps.users.setLocale(BOB, "en");
    }
  });

  it("ends the session on sign-out, and at once when the admin is removed from ADMIN_IDS", async () => {
    const page = await signIn(context, bob);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out").waitFor();
    expect((await page.goto(`${h.origin}/admin/`))!.status()).toBe(401);

    const again = await signIn(context, bob);
    const sessions = await h.redis.redis.keys(`${h.redis.prefix}web:session:*`);
    h.config.adminIds.splice(h.config.adminIds.indexOf(BOB), 1);
    try {
      const res = await again.reload();
      expect(res!.status()).toBe(403);
      await expect(again.locator(".refusal").textContent()).resolves.toContain("no longer an administrator");
      // The session is gone from Redis, so adding the admin back does not revive it.
      expect((await h.redis.redis.keys(`${h.redis.prefix}web:session:*`)).length).toBe(sessions.length - 1);
    } finally {
      h.config.adminIds.push(BOB);
    }
    expect((await again.goto(`${h.origin}/admin/`))!.status()).toBe(401);
  });
});
