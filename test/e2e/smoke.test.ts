import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";

describe("bot skeleton end to end", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.stop());

  it("asks a first-time user for a language, then greets in it and shows the wallet", async () => {
    const u = h.tg.user({ languageCode: "en" });
    u.send("/start");
    const ask = await u.waitForMessage();
    expect(ask.text).toContain("Choose your language");
    u.pressButton("English");
    const hello = await u.waitForMessage((m) => m.text?.includes("Hello") ?? false);
    expect(hello.text).toContain("New order");
    u.send("💰 Balance");
    const balance = await u.waitForMessage((m) => m.text?.includes("balance") ?? false);
    expect(balance.text).toContain("0.00 USD");
  });

  it("remembers the language: /start of a returning Uzbek user greets in Uzbek", async () => {
    const u = h.tg.user({ languageCode: "ru" });
    u.send("/start");
    await u.waitForMessage();
    u.pressButton("zbekcha");
    await u.waitForMessage((m) => m.text?.includes("Assalomu") ?? false);
    u.send("/start");
    const again = await u.waitForMessage((m) => m.text?.includes("Assalomu") ?? false);
    expect(again.text).toContain("Yangi buyurtma");
  });
});
