import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInLink, startWebHarness, type WebHarness } from "./support.js";

const ADMIN = 930_000_001;

/** Sign-in checks that need no browser: plain HTTP against the process's server. */
describe("back-office sign-in over HTTP", () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWebHarness({ env: { DEFAULT_LOCALE: "en", ADMIN_IDS: String(ADMIN), PUBLIC_URL: "https://shop.example.com" }, web: { signInLimit: { max: 4, windowMs: 60_000 } } });
  });
  afterAll(async () => h?.stop());

  it("points the link at PUBLIC_URL and sets a Secure cookie when it is https", async () => {
    const admin = h.tg.user({ id: ADMIN, firstName: "Ann", languageCode: "en" });
    const link = await signInLink(admin);
    expect(link).toMatch(/^https:\/\/shop\.example\.com\/admin\/signin\/[\w-]{43}$/);
    const token = link.split("/").at(-1)!;
    // Behind the reverse proxy the browser's Origin is PUBLIC_URL, whatever Host the proxy passes on.
    const res = await fetch(`${h.origin}/admin/signin`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: "https://shop.example.com", "content-type": "application/x-www-form-urlencoded" },
      body: `token=${token}`,
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^pb_admin=[\w-]{43}; Path=\/admin; HttpOnly; Secure; SameSite=Strict$/);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
    // The session works, and other methods than GET and POST are not answered.
    const session = cookie.split(";")[0]!;
    expect((await fetch(`${h.origin}/admin/`, { headers: { cookie: session } })).status).toBe(200);
    expect((await fetch(`${h.origin}/admin/`, { method: "DELETE", headers: { cookie: session } })).status).toBe(405);
  });

  it("limits sign-in attempts per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${h.origin}/admin/signin/${"C".repeat(43)}`)).status);
    const blocked = await fetch(`${h.origin}/admin/signin/${"C".repeat(43)}`);
    // The first test used one attempt already (its POST).
    expect(statuses).toEqual([403, 403, 403, 429]);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Too many sign-in attempts");
  });

  it("counts each browser behind a trusted proxy by X-Forwarded-For, and ignores the header otherwise", async () => {
    const proxied = await startWebHarness({ env: { DEFAULT_LOCALE: "en", ADMIN_IDS: String(ADMIN), TRUST_PROXY: "1" }, web: { signInLimit: { max: 2, windowMs: 60_000 } } });
    try {
      const attempt = (harness: WebHarness, forwardedFor: string) => fetch(`${harness.origin}/admin/signin/${"D".repeat(43)}`, { headers: { "x-forwarded-for": forwardedFor } }).then((r) => r.status);
      const first = [await attempt(proxied, "198.51.100.1"), await attempt(proxied, "198.51.100.1"), await attempt(proxied, "198.51.100.1")];
      expect(first).toEqual([403, 403, 429]);
      // Another browser behind the same proxy is not locked out by the first.
      expect(await attempt(proxied, "198.51.100.2")).toBe(403);
      // A client writing the header itself changes nothing in front of the proxy's own entry.
      expect(await attempt(proxied, "9.9.9.9, 198.51.100.1")).toBe(429);
    } finally {
      await proxied.stop();
    }
    // Without TRUST_PROXY a forged header does not buy new attempts: this harness's limit is spent already.
    expect(await fetch(`${h.origin}/admin/signin/${"D".repeat(43)}`, { headers: { "x-forwarded-for": "203.0.113.77" } }).then((r) => r.status)).toBe(429);
  });
});
