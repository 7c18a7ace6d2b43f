/**
 * Wallet top-ups from the balance screen: the menu of ways, then the top-up dialog
 * (conversations/topup.ts) that asks the amount and, for a transfer, the receipt. Telegram
 * Payments through a provider and Telegram Stars end in an invoice (features/payments.ts takes the
 * payment); a transfer ends in a receipt that admins decide on (features/receipts.ts).
 * Callback data (callback-data/topup.ts) carries method letters and amounts only; everything is
 * checked again.
 */
import { GrammyError, InlineKeyboard } from "grammy";
import { D, moneyString, parseUserAmount, type Money } from "../../money.js";
import {
  amountPresets,
  checkAmount,
  enabledMethods,
  parseStars,
  paymentCredit,
  providerTotal,
  STARS_CURRENCY,
  starsPresets,
  starsRange,
  type AmountError,
  type InvoiceKind,
  type StarsRange,
  type TopupMethod,
} from "../../services/payments.js";
import { submitReceipt } from "../../services/receipts.js";
import { anyTopupData, topupData } from "../callback-data/topup.js";
import type { BotContext, Feature } from "../context.js";
import { enterTopupDialog, leaveTopupDialog, topupStep } from "../conversations/topup.js";
import { money } from "../helpers/money.js";
import { allMenuLabels, mainMenu } from "../keyboards/main-menu.js";
import { ignoreStaleEdit } from "../reply.js";
import type { BalanceExtension } from "../helpers/balance-extension.js";
import { formatInt, formatMoney } from "../../text/format.js";
import { escapeHtml } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

const AMOUNT_ERRORS: Record<AmountError, string> = {
  not_number: "topup-amount-not-number",
  below_min: "topup-amount-below-min",
  above_max: "topup-amount-above-max",
};

/** The "➕ Top up" button on the balance screen, or a line saying whom to ask when no way is configured. */
export const topupBalanceExtension: BalanceExtension = {
  async lines(ctx) {
    return enabledMethods(ctx.deps.config).length === 0 ? [ctx.t("topup-unavailable")] : [];
  },
  buttons(ctx, keyboard) {
    if (enabledMethods(ctx.deps.config).length > 0) keyboard.text(ctx.t("topup-button"), topupData.menu.pack());
  },
};

const limits = (ctx: BotContext) => {
  const { min, max } = ctx.deps.config.payments;
  return { min: new D(min), max: new D(max) };
};
const limitVars = (ctx: BotContext) => {
  const { min, max } = limits(ctx);
  return { min: money(ctx, min), max: money(ctx, max) };
};
const starsLimits = (ctx: BotContext, range: StarsRange) => ({ min: formatInt(range.min, ctx.locale), max: formatInt(range.max, ctx.locale) });

export const topupFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const menuTexts = allMenuLabels(deps.i18n);

  // Before the order walk's and help's /cancel, which it hands on to when no top-up is under way.
  privateChat.command("cancel", async (ctx, next) => {
    if (!(await leaveTopupDialog(ctx))) return next();
    await ctx.reply(ctx.t("topup-cancelled"), { reply_markup: mainMenu((k) => ctx.t(k)) });
  });

  privateChat.callbackQuery(topupData.menu.filter(), async (ctx) => {
    const methods = enabledMethods(ctx.deps.config);
    if (methods.length === 0) return ctx.answerCallbackQuery({ text: ctx.t("topup-unavailable"), show_alert: true });
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard();
    methods.forEach((method, i) => {
      if (i > 0) keyboard.row();
      keyboard.text(methodLabel(ctx, method), topupData.method.pack({ method }));
    });
    await ctx.reply(ctx.t("topup-choose-method"), { parse_mode: "HTML", reply_markup: keyboard });
  });

  privateChat.callbackQuery(topupData.method.filter(), async (ctx) => {
    const { method } = topupData.method.unpack(ctx.callbackQuery.data);
    if (!enabledMethods(ctx.deps.config).includes(method)) return ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await enterTopupDialog(ctx, { step: "amount", method });
    await askAmount(ctx, method);
  });

  privateChat.callbackQuery(topupData.providerAmount.filter(), async (ctx) => {
    const { amount } = topupData.providerAmount.unpack(ctx.callbackQuery.data);
    const { min, max } = limits(ctx);
    const check = checkAmount(amount, min, max);
    if (!enabledMethods(ctx.deps.config).includes("provider") || !check.ok) {
      return ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await leaveTopupDialog(ctx);
    await sendInvoice(ctx, "provider", check.amount);
  });

  privateChat.callbackQuery(topupData.stars.filter(), async (ctx) => {
    const range = starsRange(ctx.deps.config.payments);
    const stars = range && parseStars(String(topupData.stars.unpack(ctx.callbackQuery.data).stars), range);
    if (!stars) return ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await leaveTopupDialog(ctx);
    await sendInvoice(ctx, "stars", new D(stars));
  });

  privateChat.callbackQuery(topupData.cancel.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await leaveTopupDialog(ctx);
    await ctx.editMessageText(ctx.t("topup-cancelled")).catch(ignoreStaleEdit);
  });

  privateChat.callbackQuery(anyTopupData, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true }));

  // The dialog's answers. Anything else (a command, a menu button) leaves the dialog and goes on.
  privateChat.on("message:text", async (ctx, next) => {
    const step = topupStep(ctx);
    if (!step) return next();
    const text = ctx.message.text;
    if (text.startsWith("/") || menuTexts.has(text)) {
      await leaveTopupDialog(ctx);
      return next();
    }
    if (step.step === "receipt") return ctx.reply(ctx.t("topup-receipt-hint"));
    if (!enabledMethods(ctx.deps.config).includes(step.method)) {
      await leaveTopupDialog(ctx);
      return ctx.reply(ctx.t("topup-unavailable"));
    }
    if (step.method === "stars") {
      const range = starsRange(ctx.deps.config.payments)!;
      const stars = parseStars(text, range);
      if (!stars) return ctx.reply(ctx.t("topup-stars-invalid", starsLimits(ctx, range)));
      await leaveTopupDialog(ctx);
      return sendInvoice(ctx, "stars", new D(stars));
    }
    const { min, max } = limits(ctx);
    const check = checkAmount(parseUserAmount(text), min, max);
    if (!check.ok) return ctx.reply(ctx.t(AMOUNT_ERRORS[check.error], limitVars(ctx)));
    if (step.method === "provider") {
      await leaveTopupDialog(ctx);
      return sendInvoice(ctx, "provider", check.amount);
    }
    await enterTopupDialog(ctx, { step: "receipt", amount: moneyString(check.amount) });
    await ctx.reply(ctx.t("topup-manual-ask-receipt", { amount: money(ctx, check.amount) }), { parse_mode: "HTML", reply_markup: cancelKeyboard(ctx) });
  });

  privateChat.on(["message:photo", "message:document"], async (ctx, next) => {
    const step = topupStep(ctx);
    const album = ctx.message.media_group_id;
    // Taking is the claim: of two files sent at once, only the first becomes a receipt.
    if (step?.step !== "receipt" || !(await leaveTopupDialog(ctx))) {
      // The other files of an album whose first one became the receipt: told about with it, not answered as stray photos.
      if (album !== undefined && (await ctx.deps.receipts.albumReceipt(ctx.from.id, album)) !== null) return;
      return next();
    }
    const receipt = await submitReceipt(ctx.deps, {
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      messageId: ctx.message.message_id,
      firstName: ctx.from.first_name,
      username: ctx.from.username,
      amount: step.amount,
      fileId: ctx.message.photo?.at(-1)?.file_id ?? ctx.message.document?.file_id,
      note: ctx.message.caption?.trim() || undefined,
    });
    ctx.deps.logger.info({ receipt: receipt.id, userId: receipt.userId, amount: receipt.amount }, "receipt submitted");
    if (album !== undefined) await ctx.deps.receipts.markAlbum(ctx.from.id, album, receipt.id);
    const sent = ctx.t("topup-receipt-sent", { id: receipt.id });
    await ctx.reply(album === undefined ? sent : `${sent}\n${ctx.t("topup-receipt-album")}`, { parse_mode: "HTML" });
  });

  return composer;
};

function methodLabel(ctx: BotContext, method: TopupMethod): string {
  switch (method) {
    case "provider":
      return ctx.t("topup-method-provider", { currency: ctx.deps.config.payments.currency });
    case "stars":
      return ctx.t("topup-method-stars");
    case "manual":
      return ctx.t("topup-method-manual");
  }
}

const cancelKeyboard = (ctx: BotContext) => new InlineKeyboard().text(ctx.t("topup-button-cancel"), topupData.cancel.pack());

/** The question of the chosen method, with preset amounts where it has them. */
async function askAmount(ctx: BotContext, method: TopupMethod): Promise<void> {
  const { payments, currency } = ctx.deps.config;
  const keyboard = new InlineKeyboard();
  let text: string;
  if (method === "provider") {
    if (!payments.provider) return void (await ctx.reply(ctx.t("topup-unavailable")));
    const { min, max } = limits(ctx);
    const presets = amountPresets(min, max).filter((amount) => topupData.providerAmount.canPack({ amount }));
    presets.forEach((amount, i) => {
      if (i > 0 && i % 3 === 0) keyboard.row();
      keyboard.text(money(ctx, amount), topupData.providerAmount.pack({ amount }));
    });
    const rate = formatMoney(new D(payments.provider.rate), ctx.locale, payments.currency);
    text = ctx.t("topup-provider-ask", { currency, rate, ...limitVars(ctx) });
  } else if (method === "stars") {
    const range = starsRange(payments)!;
    starsPresets(range).forEach((stars, i) => {
      if (i > 0 && i % 3 === 0) keyboard.row();
      keyboard.text(`⭐ ${formatInt(stars, ctx.locale)}`, topupData.stars.pack({ stars }));
    });
    text = ctx.t("topup-stars-ask", { rate: money(ctx, range.rate), ...starsLimits(ctx, range) });
  } else {
    text = ctx.t("topup-manual-ask", { details: escapeHtml(payments.manualDetails ?? ""), currency, ...limitVars(ctx) });
  }
  if (keyboard.inline_keyboard.some((row) => row.length > 0)) keyboard.row();
  keyboard.text(ctx.t("topup-button-cancel"), topupData.cancel.pack());
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/**
 * Issues an invoice: stored first (its id is the payload), then sent. `quantity` is the amount in
 * the panel currency for a provider invoice and the number of stars for a Stars invoice.
 */
async function sendInvoice(ctx: BotContext, kind: InvoiceKind, quantity: Money): Promise<void> {
  const { payments } = ctx.deps.config;
  const currency = kind === "stars" ? STARS_CURRENCY : payments.currency;
  const rate = kind === "stars" ? payments.stars?.rate : payments.provider?.rate;
  if (rate === undefined) return void (await ctx.reply(ctx.t("topup-unavailable")));
  const total = kind === "stars" ? quantity.toNumber() : providerTotal(quantity, new D(rate), currency);
  const amount = kind === "stars" ? paymentCredit("stars", total, new D(rate), currency) : quantity;
  const invoice = await ctx.deps.invoices.create({
    userId: ctx.from!.id,
    kind,
    currency,
    total,
    rate,
    amount: moneyString(amount),
  });
  const shown = money(ctx, amount);
  try {
    await ctx.replyWithInvoice(
      ctx.t("topup-invoice-title"),
      ctx.t("topup-invoice-description", { amount: shown }),
      invoice.id,
      currency,
      [{ label: ctx.t("topup-invoice-label", { amount: shown }), amount: total }],
      kind === "provider" ? { provider_token: payments.provider?.token } : {},
    );
  } catch (e) {
    // A provider refusing the currency or the total: the user can pick another amount or way.
    if (!(e instanceof GrammyError)) throw e;
    ctx.deps.logger.warn({ err: e, invoice: invoice.id }, "sendInvoice failed");
    await ctx.reply(ctx.t("topup-invoice-failed"));
  }
}
