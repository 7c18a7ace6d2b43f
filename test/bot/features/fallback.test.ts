import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PanelService } from "../../../src/panel/schemas.js";
import type { FakeUser } from "../../support/fake-bot-api.js";
import { startHarness, type Harness } from "../../support/harness.js";

describe("updates nobody else handles", () => {
  let h: Harness;
  let service: PanelService;

  beforeAll(async () => {
    h = await startHarness();
    service = (await h.deps.panel.services()).services[0]!;
  });
  afterAll(async () => h.stop());

  const sentTo = (chatId: number) => h.tg.calls("sendMessage").filter((c) => Number(c.payload.chat_id) === chatId);
  const hasMainMenu = (markup: Record<string, any> | undefined) => JSON.stringify(markup?.keyboard ?? []).includes("My orders");

  async function replyTo(u: FakeUser, act: () => void) {
    const since = h.tg.calls().length;
    act();
    return u.waitForMessage(undefined, { since });
  }

  it("answers stickers, photos and files with a pointer to the menu", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const sticker = await replyTo(u, () => u.sendSticker());
    expect(sticker.text).toContain("cannot use stickers");
    expect(hasMainMenu(sticker.reply_markup)).toBe(true);
    const photo = await replyTo(u, () => u.sendPhoto({ caption: "look" }));
    expect(photo.text).toContain("cannot use stickers, photos");
    const file = await replyTo(u, () => u.sendDocument());
    expect(file.text).toContain("files");
  });

  it("answers unknown text and unknown commands", async () => {
    const u = h.tg.user({ languageCode: "en" });
    const text = await replyTo(u, () => u.send("hello, anyone there?"));
    expect(text.text).toContain("did not understand");
    expect(hasMainMenu(text.reply_markup)).toBe(true);
    const command = await replyTo(u, () => u.send("/frobnicate"));
    expect(command.text).toContain("do not know that command");
  });

  it("stops the spinner of a stale or unknown button with a notice", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await replyTo(u, () => u.send("hi"));
    u.press("old-feature:42", 1);
    await vi.waitFor(() => expect(u.callbackAnswers()).toHaveLength(1));
    expect(u.callbackAnswers()[0]).toEqual({ text: expect.stringContaining("no longer active"), show_alert: true });
  });

  it("ignores edited messages silently", async () => {
    const u = h.tg.user({ languageCode: "en" });
    h.tg.pushUpdate({
      edited_message: {
        message_id: 1,
        from: { id: u.id, is_bot: false, first_name: "Edit" },
        chat: { id: u.chatId, type: "private", first_name: "Edit" },
        date: Math.floor(Date.now() / 1000) - 10,
        edit_date: Math.floor(Date.now() / 1000),
        text: "typo fixed",
      },
    });
    await replyTo(u, () => u.sendSticker());
    expect(sentTo(u.chatId)).toHaveLength(1);
  });

  it("speaks Uzbek to an Uzbek user", async () => {
    const u = h.tg.user({ languageCode: "uz" });
    expect((await replyTo(u, () => u.send("salom"))).text).toContain("tushunmadim");
    expect((await replyTo(u, () => u.sendSticker())).text).toContain("stiker");
  });

  it("does not take a dialog's answers, and leaves the dialog waiting", async () => {
    const u = h.tg.user({ languageCode: "en" });
    await replyTo(u, () => u.send("/start"));
    // The service card's Order button enters the order dialog.
    const askLink = await replyTo(u, () => u.press(`o:${service.id}`, 1));
    const fallbackMedia = h.deps.i18n.t("en", "fallback-media");
    const hint = await replyTo(u, () => u.sendSticker());
    expect(hint.text).not.toBe(fallbackMedia);
    // A command the dialog hands on reaches the fallback; the dialog still waits for the link.
    expect((await replyTo(u, () => u.send("/frobnicate"))).text).toContain("do not know that command");
    const next = await replyTo(u, () => u.send("https://t.me/example"));
    expect(next.text).not.toBe(askLink.text);
    expect(next.text).not.toContain("did not understand");
  });

  describe("in a group", () => {
    const groupId = -100_555_000_111;
    const member = { id: 424_242, is_bot: false, first_name: "Member", language_code: "en" };
    const chat = { id: groupId, type: "supergroup", title: "Friends" };
    let nextMessageId = 1;
    const groupMessage = (text: string) => {
      const command = /^\/\S+/.exec(text);
      const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
      h.tg.pushUpdate({ message: { message_id: nextMessageId++, from: member, chat, date: Math.floor(Date.now() / 1000), text, ...(entities ? { entities } : {}) } });
    };

    it("says it works in private chats when added or called, and stays quiet otherwise", async () => {
      const username = h.tg.botInfo.username;
      const bot = { id: h.tg.botInfo.id, is_bot: true, first_name: "Test Bot", username };
      h.tg.pushUpdate({
        my_chat_member: {
          chat,
          from: member,
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { user: bot, status: "left" },
          new_chat_member: { user: bot, status: "member" },
        },
      });
      const joined = await h.tg.waitForCall((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === groupId);
      expect(joined.payload.text).toContain(`@${username}`);

      groupMessage("hello everyone");
      groupMessage("/start@some_other_bot");
      groupMessage(`/orders@${username}`);
      await vi.waitFor(() => expect(sentTo(groupId)).toHaveLength(2));
      expect(sentTo(groupId)[1]!.payload.text).toContain("only in a private chat");
      expect(sentTo(groupId)[1]!.payload.reply_markup).toBeUndefined();
    });

    it("survives a group where it may not write", async () => {
      h.tg.respond("sendMessage", (p) => (Number(p.chat_id) === groupId ? { ok: false, error_code: 403, description: "Forbidden: bot was kicked from the supergroup chat" } : undefined));
      try {
        const since = h.tg.calls().length;
        groupMessage("/start");
        await h.tg.waitForCall((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === groupId, { since });
        const u = h.tg.user({ languageCode: "en" });
        expect((await replyTo(u, () => u.send("still alive?"))).text).toContain("did not understand");
        // Updates are handled in order, so the group's is done: its sender is not taken for one who blocked the bot.
        expect(await h.deps.users.isBlocked(member.id)).toBe(false);
      } finally {
        h.tg.clearResponders();
      }
    });
  });
});
