import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.js";
import { signInUrl } from "../../src/web/urls.js";

const base = { BOT_TOKEN: "123:abc", PANEL_API_KEY: "k" };

describe("PUBLIC_URL", () => {
  it("is optional: links then point at this machine's PORT (for an SSH tunnel)", () => {
    const config = parseConfig({ ...base, PORT: "9090" });
    expect(config.publicUrl).toBeUndefined();
    expect(signInUrl(config, "T")).toBe("http://127.0.0.1:9090/admin/signin/T");
  });

  it("takes an http(s) origin, with or without the trailing slash", () => {
    expect(parseConfig({ ...base, PUBLIC_URL: "https://Shop.Example.com/" }).publicUrl).toBe("https://shop.example.com");
    expect(signInUrl(parseConfig({ ...base, PUBLIC_URL: "http://10.0.0.5:8080" }), "T")).toBe("http://10.0.0.5:8080/admin/signin/T");
  });

  it("refuses a path, a query or another scheme, naming the variable", () => {
    for (const bad of ["https://shop.example.com/bot", "https://shop.example.com/?x=1", "ftp://shop.example.com", "shop.example.com"]) {
      expect(() => parseConfig({ ...base, PUBLIC_URL: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ ...base, PUBLIC_URL: bad })).toThrow(/PUBLIC_URL/);
    }
  });
});
