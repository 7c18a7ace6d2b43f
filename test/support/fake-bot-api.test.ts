import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { startFakeBotApi } from "./fake-bot-api.js";
import type { Update } from "grammy/types";
import type { FakeBotApi } from "./fake-bot-api.js";

// A real grammY bot, long polling against the fake, so its HTTP client and polling loop are exercised.
describe("fake Bot API with a long-polling grammY bot", () => {
  let api: FakeBotApi;
  let bot: Bot;
  let polling: Promise<void>;
  const handlerErrors: unknown[] = [];
  const kickedBy: number[] = [];

  beforeAll(async () => {
    api = await startFakeBotApi();
    bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    bot.command("start", (ctx) =>
      ctx.reply(`Welcome, <b>${ctx.from?.first_name ?? ""}</b>`, {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text("Buy item 1", "buy:1").text("Help", "help"),
      }),
    );
    bot.callbackQuery("buy:1", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Added to cart" });
      await ctx.editMessageText("Bought item 1", { reply_markup: new InlineKeyboard().text("Back", "back") });
    });
    bot.callbackQuery("help", (ctx) => ctx.answerCallbackQuery({ text: "Ask @support", show_alert: true }));
    bot.command("pay", (ctx) => ctx.replyWithInvoice("Top up", "Balance top-up", "topup:42", "XTR", [{ label: "Top up", amount: 150 }]));
    bot.on("pre_checkout_query", (ctx) => ctx.answerPreCheckoutQuery(true));
    bot.on("message:successful_payment", (ctx) => {
      const p = ctx.msg.successful_payment;
      return ctx.reply(`Paid ${p.total_amount} ${p.currency} for ${p.invoice_payload}`);
    });
    bot.on("message:photo", (ctx) => ctx.reply(`Photo received: ${ctx.msg.caption ?? ""}`));
    bot.on("my_chat_member", (ctx) => {
      if (ctx.myChatMember.new_chat_member.status === "kicked") kickedBy.push(ctx.from.id);
    });
    bot.catch((err) => handlerErrors.push(err.error));
    await new Promise<void>((resolve) => {
      polling = bot.start({ onStart: () => resolve() });
    });
  });

  afterAll(async () => {
    await bot.stop();
    await polling;
    await api.close();
    expect(handlerErrors).toEqual([]);
  });

  it("answers getMe with the bot's identity", () => {
    expect(bot.botInfo).toMatchObject({ id: 123456, is_bot: true, username: api.botInfo.username });
    expect(api.calls("deleteWebhook")).toHaveLength(1);
  });

  it("delivers a /start command and records the reply", async () => {
    const user = api.user({ firstName: "Ali" });
    user.send("/start");
    const reply = await user.waitForMessage();
    expect(reply).toMatchObject({ method: "sendMessage", text: "Welcome, <b>Ali</b>", parse_mode: "HTML" });
    // What the recipient sees has the markup parsed out.
    expect(reply.message.text).toBe("Welcome, Ali");
    expect(reply.message.reply_markup.inline_keyboard[0][0]).toEqual({ text: "Buy item 1", callback_data: "buy:1" });
    expect(api.calls("sendMessage").at(-1)?.payload).toMatchObject({ chat_id: user.chatId, parse_mode: "HTML" });
  });

  it("answers button presses and applies the edit to the stored message", async () => {
    const user = api.user();
    user.send("/start");
    const menu = await user.waitForMessage((m) => m.reply_markup !== undefined);

    user.pressButton("Buy");
    const edited = await user.waitForMessage((m) => m.method === "editMessageText");
    expect(edited).toMatchObject({ message_id: menu.message_id, text: "Bought item 1" });
    expect(user.callbackAnswers()).toEqual([{ text: "Added to cart" }]);
    expect(user.messages()).toHaveLength(1);
    expect(user.lastMessage()?.reply_markup).toEqual({ inline_keyboard: [[{ text: "Back", callback_data: "back" }]] });
    expect(() => user.pressButton("Help")).toThrow(/"Back"/);
  });

  it("answers an unchanged edit with Telegram's 'message is not modified'", async () => {
    const user = api.user();
    const sent = await bot.api.sendMessage(user.chatId, "Same");
    await expect(bot.api.editMessageText(user.chatId, sent.message_id, "Same")).rejects.toMatchObject({
      error_code: 400,
      description: expect.stringContaining("message is not modified"),
    });
  });

  it("lets a responder simulate flood control", async () => {
    const user = api.user();
    api.respond("sendMessage", (p) => (p.text === "flood" ? { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } } : undefined));
    try {
      const error = await bot.api.sendMessage(user.chatId, "flood").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GrammyError);
      expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
      // Other payloads fall through to the default answer.
      await expect(bot.api.sendMessage(user.chatId, "calm")).resolves.toMatchObject({ text: "calm" });
    } finally {
      api.clearResponders();
    }
  });

  it("answers 403 for a user who blocked the bot and tells the bot", async () => {
    const user = api.user();
    user.block();
    await vi.waitFor(() => expect(kickedBy).toContain(user.id));
    const error = await bot.api.sendMessage(user.chatId, "still there?").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(api.calls("sendMessage").at(-1)?.response).toMatchObject({ ok: false, error_code: 403 });
  });

  it("rejects texts Telegram rejects", async () => {
    const chatId = api.user().chatId;
    await expect(bot.api.sendMessage(chatId, "x".repeat(4097))).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: message is too long",
    });
    await expect(bot.api.sendMessage(chatId, "x".repeat(4096))).resolves.toBeDefined();
    // The limit applies to the text after HTML parsing.
    await expect(bot.api.sendMessage(chatId, `<b>${"x".repeat(4096)}</b>`, { parse_mode: "HTML" })).resolves.toBeDefined();
    await expect(bot.api.sendMessage(chatId, " ")).rejects.toMatchObject({
      description: "Bad Request: message text is empty",
    });
    for (const broken of ["1 < 2", "<b>bold", "<br>", "<b><i>x</b></i>"]) {
      await expect(bot.api.sendMessage(chatId, broken, { parse_mode: "HTML" })).rejects.toMatchObject({
        error_code: 400,
        description: expect.stringContaining("can't parse entities"),
      });
    }
    await expect(
      bot.api.sendMessage(chatId, '1 &lt; 2 <a href="https://t.me">link</a> <tg-spoiler>s</tg-spoiler>', {
        parse_mode: "HTML",
      }),
    ).resolves.toMatchObject({ text: "1 < 2 link s" });
  });

  it("rejects callback_data over 64 bytes of UTF-8", async () => {
    const chatId = api.user().chatId;
    const keyboard = (data: string) => ({ reply_markup: new InlineKeyboard().text("Go", data) });
    await expect(bot.api.sendMessage(chatId, "ok", keyboard("a".repeat(64)))).resolves.toBeDefined();
    // 32 two-byte characters are 64 bytes; 33 are 66.
    await expect(bot.api.sendMessage(chatId, "ok", keyboard("é".repeat(32)))).resolves.toBeDefined();
    await expect(bot.api.sendMessage(chatId, "bad", keyboard("é".repeat(33)))).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: BUTTON_DATA_INVALID",
    });
  });

  it("delivers payment updates", async () => {
    const user = api.user();
    user.send("/pay");
    const invoice = await user.waitForMessage((m) => m.method === "sendInvoice");
    expect(invoice.message.invoice).toMatchObject({ currency: "XTR", total_amount: 150 });

    user.preCheckout({ id: "pcq-1", invoicePayload: "topup:42", currency: "XTR", totalAmount: 150 });
    const answer = await api.waitForCall((c) => c.method === "answerPreCheckoutQuery");
    expect(answer.payload).toMatchObject({ pre_checkout_query_id: "pcq-1", ok: true });

    user.successfulPayment({
      invoicePayload: "topup:42",
      currency: "XTR",
      totalAmount: 150,
      telegramPaymentChargeId: "charge-1",
    });
    await expect(user.waitForMessage()).resolves.toMatchObject({ text: "Paid 150 XTR for topup:42" });
  });

  it("accepts multipart uploads and user photos", async () => {
    const user = api.user();
    const sent = await bot.api.sendPhoto(user.chatId, new InputFile(Buffer.from("jpeg"), "receipt.jpg"), {
      caption: "Your receipt",
    });
    expect(sent.photo?.length).toBeGreaterThan(0);
    expect(api.calls("sendPhoto").at(-1)?.payload).toMatchObject({ chat_id: String(user.chatId), caption: "Your receipt" });
    expect(user.lastMessage()).toMatchObject({ method: "sendPhoto", text: "Your receipt" });

    user.sendPhoto({ caption: "my receipt" });
    await expect(user.waitForMessage()).resolves.toMatchObject({ text: "Photo received: my receipt" });
  });

  it("refuses a wrong token", async () => {
    const res = await fetch(`${api.apiRoot}/bot1:WRONG/getMe`, { method: "POST" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
  });
});

describe("fake Bot API without polling", () => {
  it("hands queued updates out for bot.handleUpdate", async () => {
    const api = await startFakeBotApi({ token: "42:OTHER", botUsername: "other_bot" });
    try {
      const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
      bot.command("start", (ctx) => ctx.reply("hi"));
      await bot.init();
      const user = api.user({ id: 7, username: "seven" });
      user.send("/start@other_bot");
      for (const update of api.takeUpdates()) await bot.handleUpdate(update as Update);
      expect(user.messages().map((m) => m.text)).toEqual(["hi"]);
      expect(api.takeUpdates()).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
