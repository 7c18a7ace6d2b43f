import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../../src/money.js";
import { generateCatalog } from "../../../src/panel/simulator/catalog.js";
import { categoryKey } from "../../../src/store/catalog.js";
import type { BotMessage, FakeUser } from "../../support/fake-bot-api.js";
import { startHarness, type Harness } from "../../support/harness.js";

const ADMIN = 7001;
const catalog = generateCatalog({ seed: 1, dripfeed: false });
const service = catalog[0]!;

type Button = { text: string; callback_data?: string };
const buttonsOf = (m: BotMessage): Button[] => ((m.message.reply_markup?.inline_keyboard ?? []) as Button[][]).flat();
const has = (part: string) => (m: BotMessage) => m.text?.includes(part) ?? false;

const NOT_UNDERSTOOD = "I did not understand that";
const RECEIPT_ASKED = "Now send a photo or a file";

/**
 * One dialog per user: the order conversation and the top-up dialog never both wait for an answer,
 * so a text is read by the dialog the user entered last, or by none.
 */
describe("one active dialog per user", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog }, env: { DEFAULT_LOCALE: "en", ADMIN_IDS: String(ADMIN), MANUAL_TOPUP_DETAILS: "Card 8600 1234 5678 9012" } });
  });
  afterAll(async () => h.stop());

  /** Runs `act` and waits for the bot's next message (or edit) in this chat that matches. */
  function after(u: FakeUser, act: () => unknown, pred: (m: BotMessage) => boolean = () => true): Promise<BotMessage> {
    const since = h.tg.calls().length;
    act();
    return u.waitForMessage(pred, { since });
  }

  function pressData(u: FakeUser, data: string): void {
    const message = [...u.messages()].reverse().find((m) => buttonsOf(m).some((b) => b.callback_data === data));
    if (!message) throw new Error(`no button with data ${data}`);
    u.press(data, message.message_id);
  }

  async function customer(): Promise<FakeUser> {
    const u = h.tg.user({ languageCode: "en" });
    await h.deps.users.setLocale(u.id, "en");
    await h.deps.wallet.credit(u.id, new D("50"), { reason: "admin" });
    return u;
  }

  /** /order → category → the service's card, whose Order button enters the order dialog. */
  async function serviceCard(u: FakeUser): Promise<void> {
    await after(u, () => u.send("/order"), has("Choose a category"));
    await after(
      u,
      () => pressData(u, `cs:${categoryKey(service.category)}:0`),
      (m) => buttonsOf(m).some((b) => b.callback_data === `s:${service.service}`),
    );
    await after(
      u,
      () => pressData(u, `s:${service.service}`),
      (m) => buttonsOf(m).some((b) => b.callback_data === `o:${service.service}`),
    );
  }

  /** Balance → Top up → transfer: the top-up dialog waits for an amount. */
  async function openTransfer(u: FakeUser): Promise<void> {
    await after(u, () => u.send("/balance"), has("Your balance"));
    await after(u, () => u.pressButton("Top up"), has("Choose how you want to pay"));
    await after(u, () => u.pressButton("Transfer and send a receipt"), has("Send the money to"));
  }

  it("pressing Order ends a top-up dialog: a number after the order's confirmation is not a top-up amount", async () => {
    const u = await customer();
    await serviceCard(u);
    await openTransfer(u);
    await after(u, () => pressData(u, `o:${service.service}`), has("Send the link"));
    await after(u, () => u.send("https://t.me/one_dialog"), has("How many?"));
    await after(
      u,
      () => u.send("100"),
      (m) => buttonsOf(m).some((b) => b.callback_data?.startsWith("oc:")),
    );
    const stray = await after(u, () => u.send("20"));
    expect(stray.text).toContain(NOT_UNDERSTOOD);
    expect(u.messages().some(has(RECEIPT_ASKED))).toBe(false);
  });

  it("a new order walk (/order, the menu button) ends a top-up dialog", async () => {
    for (const start of ["/order", "🛒 New order"]) {
      const u = await customer();
      await openTransfer(u);
      await after(u, () => u.send(start), has("Choose a category"));
      expect((await after(u, () => u.send("20"))).text).toContain(NOT_UNDERSTOOD);
    }
  });

  it("any other command ends a top-up dialog, an admin command too", async () => {
    const admin = h.tg.user({ id: ADMIN, languageCode: "en" });
    await h.deps.users.setLocale(ADMIN, "en");
    await openTransfer(admin);
    await after(admin, () => admin.send("/stats"), has("Shop statistics"));
    expect((await after(admin, () => admin.send("20"))).text).toContain(NOT_UNDERSTOOD);
  });

  it("choosing a top-up way ends the order dialog: the link question is not answered by the amount", async () => {
    const u = await customer();
    await serviceCard(u);
    await after(u, () => pressData(u, `o:${service.service}`), has("Send the link"));
    await openTransfer(u);
    await after(u, () => u.send("20"), has(RECEIPT_ASKED));
    await after(u, () => u.send("/cancel"), has("Top-up cancelled"));
    expect((await after(u, () => u.send("https://t.me/after_cancel"))).text).toContain(NOT_UNDERSTOOD);
  });
});
