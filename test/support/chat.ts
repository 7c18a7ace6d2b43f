/** Small helpers for end-to-end chats with the bot through the fake Bot API. */
import { D } from "../../src/money.js";
import type { SimService } from "../../src/panel/simulator/catalog.js";
import { categoryKey } from "../../src/store/catalog.js";
import type { BotMessage, FakeUser } from "./fake-bot-api.js";
import type { Harness } from "./harness.js";

export type Button = { text: string; callback_data?: string; url?: string };
export const buttonsOf = (m: BotMessage): Button[] => ((m.message.reply_markup?.inline_keyboard ?? []) as Button[][]).flat();
export const has = (part: string) => (m: BotMessage) => m.text?.includes(part) ?? false;

/** Runs `act` and waits for the bot's next message (or edit) in this chat that matches. */
export function after(h: Harness, u: FakeUser, act: () => unknown, pred: (m: BotMessage) => boolean = () => true): Promise<BotMessage> {
  const since = h.tg.calls().length;
  act();
  return u.waitForMessage(pred, { since });
}

/** Presses the button with this callback data, failing when no message of the bot offers it. */
export function pressData(u: FakeUser, data: string): void {
  const message = [...u.messages()].reverse().find((m) => buttonsOf(m).some((b) => b.callback_data === data));
  if (!message) throw new Error(`no button with data ${data}; last keyboard: ${JSON.stringify(buttonsOf(u.messages().at(-1)!))}`);
  u.press(data, message.message_id);
}

/** A user who already chose a language, with money in the wallet. */
export async function customer(h: Harness, opts: { locale?: "en" | "ru" | "uz"; balance?: string; id?: number } = {}): Promise<FakeUser> {
  const u = h.tg.user({ id: opts.id, languageCode: opts.locale ?? "en" });
  await h.deps.users.setLocale(u.id, opts.locale ?? "en");
  if (opts.balance) await h.deps.wallet.credit(u.id, new D(opts.balance), { reason: "admin" });
  return u;
}

/** /order → category → service → Order: returns the link prompt. */
export async function openOrderDialog(h: Harness, u: FakeUser, svc: SimService): Promise<BotMessage> {
  await after(
    h,
    u,
    () => u.send("/order"),
    (m) => buttonsOf(m).length > 0,
  );
  await after(
    h,
    u,
    () => pressData(u, `cs:${categoryKey(svc.category)}:0`),
    (m) => buttonsOf(m).some((b) => b.callback_data === `s:${svc.service}`),
  );
  await after(
    h,
    u,
    () => pressData(u, `s:${svc.service}`),
    (m) => buttonsOf(m).some((b) => b.callback_data === `o:${svc.service}`),
  );
  return after(
    h,
    u,
    () => pressData(u, `o:${svc.service}`),
    (m) => m.method === "sendMessage",
  );
}

/** The order dialog from /order to its confirmation: the link, then the quantity. Returns the confirmation. */
export async function toConfirmation(h: Harness, u: FakeUser, svc: SimService, link: string, quantity: number): Promise<BotMessage> {
  await openOrderDialog(h, u, svc);
  await after(
    h,
    u,
    () => u.send(link),
    (m) => m.method === "sendMessage",
  );
  return after(
    h,
    u,
    () => u.send(String(quantity)),
    (m) => buttonsOf(m).some((b) => b.callback_data?.startsWith("oc:")),
  );
}

/** The draft id behind a confirmation's Confirm button. */
export const draftIdOf = (m: BotMessage): string =>
  buttonsOf(m)
    .find((b) => b.callback_data?.startsWith("oc:"))!
    .callback_data!.slice(3);
