import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInLink, startWebHarness, type WebHarness } from "./support.js";

const ADMIN = 931_000_001;

/** What an admin (or anyone) can send that the back office must refuse cleanly: plain HTTP, no browser. */
describe("back office: bad input over HTTP", () => {
  let h: WebHarness;
  let cookie: string;
  let customerId: number;

  /** A page's hidden input, as the browser would send it back. */
  const hidden = async (path: string, name: string): Promise<string> => {
    const res = await fetch(`${h.origin}${path}`, { headers: { cookie } });
    const html = await res.text();
    const value = new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
    if (value === undefined) throw new Error(`no ${name} on ${path} (${res.status}): ${html.slice(0, 300)}`);
    return value;
  };
  const post = (path: string, form: Record<string, string>) =>
    fetch(`${h.origin}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: h.origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });

  beforeAll(async () => {
    // A shop in another currency than the panel's, so that an exchange rate can be set.
    h = await startWebHarness({ env: { DEFAULT_LOCALE: "en", ADMIN_IDS: String(ADMIN), CURRENCY: "USD", SHOP_CURRENCY: "UZS" } });
    const admin = h.tg.user({ id: ADMIN, firstName: "Ann", languageCode: "en" });
    const token = (await signInLink(admin)).split("/").at(-1)!;
    const res = await fetch(`${h.origin}/admin/signin`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: h.origin, "content-type": "application/x-www-form-urlencoded" },
      body: `token=${token}`,
    });
    cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const customer = h.tg.user({ firstName: "Cleo", languageCode: "en" });
    customer.send("/start");
    await customer.waitForMessage();
    customerId = customer.id;
  });
  afterAll(async () => h?.stop());

  it("refuses an amount a comma makes ambiguous or one too large, and the form's one-time key still works after", async () => {
    const path = `/admin/users/${customerId}`;
    const form = { direction: "credit", _csrf: await hidden(path, "_csrf"), _once: await hidden(path, "_once") };
    for (const amount of ["1,000", "1.000,50", "999999999999", "90071992547.5"]) {
      const res = await post(`${path}/wallet`, { ...form, amount });
      expect([amount, res.status, res.headers.get("location")]).toEqual([amount, 303, `${path}?notice=invalid`]);
    }
    expect((await h.deps.wallet.balance(customerId)).toFixed()).toBe("0");
    const res = await post(`${path}/wallet`, { ...form, amount: "12,5" });
    expect(res.headers.get("location")).toBe(`${path}?notice=credited`);
    expect((await h.deps.wallet.balance(customerId)).toFixed()).toBe("12.5");
  });

  it("refuses a receipt approval whose amount is too large, and the receipt stays pending", async () => {
    const receipt = await h.deps.receipts.create({ userId: customerId, chatId: customerId, messageId: 1, firstName: "Cleo", amount: "25" });
    const res = await post(`/admin/receipts/${receipt.id}/approve`, { _csrf: await hidden("/admin/receipts", "_csrf"), amount: "999999999999" });
    expect(res.status).toBeLessThan(500);
    expect((await h.deps.receipts.get(receipt.id))?.state).toBe("pending");
    expect((await h.deps.wallet.balance(customerId)).toFixed()).toBe("12.5");
  });

  it("opens the catalog page of a shop with no exchange rate yet, and refuses a rate written with a thousands comma instead of storing a thousandth of it", async () => {
    // A new shop in another currency has no rate yet: the catalog page still opens, to set one.
    const page = await fetch(`${h.origin}/admin/catalog`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("The catalog cannot be shown until the exchange rate is set");
    const csrf = await hidden("/admin/catalog", "_csrf");
    const res = await post("/admin/catalog/rate", { _csrf: csrf, rate: "12,650" });
    expect(res.status).toBe(303);
    expect((await h.deps.shop.settings()).exchangeRate).toBeNull();
    // Grouped with a space, as Uzbek and Russian write it, it is taken.
    await post("/admin/catalog/rate", { _csrf: csrf, rate: "12 650" });
    expect((await h.deps.shop.settings()).exchangeRate?.rate).toBe("12650");
  });

  it("answers a sign-in body of more than 16 KB with 413 without reading it all, and an order id with a line break with 404", async () => {
    const big = await fetch(`${h.origin}/admin/signin`, { method: "POST", headers: { origin: h.origin, "content-type": "application/x-www-form-urlencoded" }, body: `token=${"A".repeat(200_000)}` });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("This request is too large");
    const crlf = await post("/admin/orders/%0d%0aX-Injected:%201/settle", { _csrf: await hidden("/admin/orders", "_csrf"), decision: "bogus" });
    expect(crlf.status).toBe(404);
    expect(crlf.headers.get("x-injected")).toBeNull();
  });
  it("refuses a day that does not exist in the orders filter instead of rolling it over", async () => {
    const page = await fetch(`${h.origin}/admin/orders?from=2024-02-31&to=2024-03-01`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("“2024-02-31” is not a date.");
    expect(html).not.toContain("“2024-03-01” is not a date.");
  });
});
