import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FLOOD_GUARD } from "../../../src/bot/middleware/rate-limit.js";
import type { FakeUser } from "../../support/fake-bot-api.js";
import { startHarness, type Harness } from "../../support/harness.js";

const ADMIN = 5_550_001;

describe("the flood guard", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ env: { ADMIN_IDS: String(ADMIN) } });
  });
  afterAll(async () => h.stop());

  const repliesTo = (u: FakeUser) => h.tg.calls("sendMessage").filter((c) => Number(c.payload.chat_id) === u.chatId);

  /**
   * Sends `n` texts at once, all in one window (the counter is per fixed window: a burst near its
   * end waits for the next one), and returns the texts of the bot's replies once they stop coming.
   */
  async function flood(u: FakeUser, n: number, expected: number): Promise<string[]> {
    const left = FLOOD_GUARD.windowMs - (Date.now() % FLOOD_GUARD.windowMs);
    if (left < 4_000) await new Promise((r) => setTimeout(r, left + 50));
    for (let i = 0; i < n; i++) u.send(`hello ${i}`);
    await vi.waitFor(() => expect(repliesTo(u).length).toBeGreaterThanOrEqual(expected), { timeout: 5_000 });
    // Dropped updates get no answer: nothing more may come.
    await new Promise((r) => setTimeout(r, 500));
    return repliesTo(u).map((c) => String(c.payload.text));
  }

  it("answers a user's first updates of a window, says 'too fast' once, and drops the rest", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const texts = await flood(u, FLOOD_GUARD.limit + 5, FLOOD_GUARD.limit + 1);
    const tooFast = texts.filter((t) => t.includes(h.deps.i18n.t("en", "error-too-fast")));
    expect(tooFast).toHaveLength(1);
    expect(texts).toHaveLength(FLOOD_GUARD.limit + 1);
    // The count is the user's own: someone else is answered meanwhile.
    const other = h.tg.user({ languageCode: "en" });
    expect(await flood(other, 1, 1)).toHaveLength(1);
  });

  it("never limits an admin", async () => {
    const admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    const texts = await flood(admin, FLOOD_GUARD.limit + 5, FLOOD_GUARD.limit + 5);
    expect(texts).toHaveLength(FLOOD_GUARD.limit + 5);
    expect(texts.some((t) => t.includes(h.deps.i18n.t("en", "error-too-fast")))).toBe(false);
  });
});
