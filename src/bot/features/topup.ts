import { Composer, GrammyError, InlineKeyboard, type Middleware } from "grammy";
import type { AppDeps } from "../../app.js";
import { D, moneyString, parseUserAmount, type Money } from "../../money.js";
import { amountPresets, checkAmount, checkPreCheckout, creditPayment, currencyExponent, enabledMethods, InvoiceStore, parseStars, paymentCredit, providerTotal, refundStars, STARS_CURRENCY, starsPresets, starsRange, type AmountError, type InvoiceKind, type StarsRange, type TopupMethod } from "../../services/payments.js";
import { decideReceipt, decisionLine, RECEIPT_ID_RE, receiptCallbackMatch, receiptCaption, submitReceipt, userMention, type Receipt } from "../../services/receipts.js";
import type { BotContext } from "../context.js";
import { TopupDialog } from "../conversations/topup.js";
import { MENU_KEYS, mainMenu, menuLabels } from "../keyboards/main-menu.js";
import { appContext } from "../middleware/app-context.js";
import type { BalanceExtension } from "./balance.js";
import { formatInt, formatMoney } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import type { Translator } from "../../text/i18n.js";

/**
 * Wallet top-ups from the balance screen: Telegram Payments through a provider, Telegram Stars,
 * and transfers with a receipt that admins approve (services/payments.ts, services/receipts.ts).
 * Callback data carries method letters, amounts and receipt ids only; everything is checked again.
 */
const METHOD_LETTER: Record<TopupMethod, string> = { provider: "p", stars: "s", manual: "r" };
const LETTER_METHOD: Record<string, TopupMethod> = { p: "provider", s: "stars", r: "manual" };

export const topupCallback = {
  menu: "tu:m",
  method: (method: TopupMethod) => `tu:${METHOD_LETTER[method]}`,
  providerAmount: (amount: Money) => `tu:pa:${amount.toFixed()}`,
  stars: (stars: number) => `tu:sa:${stars}`,
  cancel: "tu:x",
};
const topupMatch = {
  menu: /^tu:m$/,
  method: /^tu:([psr])$/,
  providerAmount: /^tu:pa:(\d{1,12}(?:\.\d{1,5})?)$/,
  stars: /^tu:sa:(\d{1,6})$/,
  cancel: /^tu:x$/,
  ours: /^tu:/,
};

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
    if (enabledMethods(ctx.deps.config).length > 0) keyboard.text(ctx.t("topup-button"), topupCallback.menu);
  },
};

const dialogOf = (ctx: BotContext) => new TopupDialog(ctx.deps.redis, ctx.deps.config.redis.prefix);
const money = (ctx: BotContext, amount: Money) => formatMoney(amount, ctx.locale, ctx.deps.config.currency);
const limits = (ctx: BotContext) => {
  const { min, max } = ctx.deps.config.payments;
  return { min: new D(min), max: new D(max) };
};
const limitVars = (ctx: BotContext) => {
  const { min, max } = limits(ctx);
  return { min: money(ctx, min), max: money(ctx, max) };
};
const starsLimits = (ctx: BotContext, range: StarsRange) => ({ min: formatInt(range.min, ctx.locale), max: formatInt(range.max, ctx.locale) });
const adminOf = (ctx: BotContext) => {
  const from = ctx.from!;
  return { id: from.id, name: from.username ? `${from.first_name} @${from.username}` : from.first_name };
};

/** A paid total for people: ⭐ 100, or 126,500.00 UZS. */
function paidLabel(total: number, currency: string, locale: string): string {
  if (currency === STARS_CURRENCY) return `⭐ ${formatInt(total, locale)}`;
  return formatMoney(new D(total).div(new D(10).pow(currencyExponent(currency))), locale, currency);
}

/**
 * pre_checkout_query and successful_payment. Registered before sequentialize and the flood guard:
 * Telegram cancels a checkout not answered within 10 s (a slow panel call of the same user must
 * not hold it up), and a payment must never be dropped as "too many requests".
 */
export function paymentUpdates(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const plugins = [appContext(deps), deps.i18n] as unknown as Middleware<BotContext>[];

  composer.on("pre_checkout_query", ...plugins, async (ctx) => {
    const q = ctx.preCheckoutQuery;
    const invoice = await new InvoiceStore(deps.redis, deps.config.redis.prefix).get(q.invoice_payload);
    const refusal = checkPreCheckout(invoice, { fromId: q.from.id, currency: q.currency, totalAmount: q.total_amount }, Date.now());
    if (refusal === null) {
      await ctx.answerPreCheckoutQuery(true);
      return;
    }
    deps.logger.info({ refusal, invoice: q.invoice_payload, userId: q.from.id }, "pre-checkout refused");
    await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t(`topup-checkout-${refusal}`) });
  });

  composer.on("message:successful_payment", ...plugins, async (ctx) => {
    const p = ctx.message.successful_payment;
    const result = await creditPayment(deps, {
      invoicePayload: p.invoice_payload,
      currency: p.currency,
      totalAmount: p.total_amount,
      telegramPaymentChargeId: p.telegram_payment_charge_id,
    });
    const charge = escapeHtml(p.telegram_payment_charge_id);
    if (result.outcome === "unmatched") {
      // Telegram has taken the money: nothing may be lost silently.
      deps.logger.error({ payment: p, userId: ctx.from.id }, "successful payment matches no invoice");
      const user = userMention({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
      for (const adminId of deps.config.adminIds) {
        const locale = (await deps.users.getLocale(adminId)) ?? deps.config.defaultLocale;
        const text = deps.i18n.t(locale, "topup-admin-payment-unmatched", { user, total: paidLabel(p.total_amount, p.currency, locale), charge });
        await deps.outbox.enqueue({ chatId: adminId, text, parseMode: "HTML", key: `payment-unmatched:${p.telegram_payment_charge_id}:${adminId}` });
      }
      await ctx.reply(ctx.t("topup-payment-unmatched", { charge }), { parse_mode: "HTML" });
      return;
    }
    deps.logger.info({ invoice: result.invoice.id, userId: result.invoice.userId, amount: moneyString(result.amount), outcome: result.outcome }, "payment");
    // A repeated update credits nothing and says nothing.
    if (result.outcome === "credited") {
      await ctx.reply(ctx.t("topup-credited", { amount: money(ctx, result.amount), balance: money(ctx, result.balance) }), { parse_mode: "HTML" });
    }
  });

  return composer;
}

export function topupFeature(i18n: Translator): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  const menuTexts = new Set(MENU_KEYS.flatMap((key) => menuLabels(i18n, key)));

  privateChat.command("terms", (ctx) => ctx.reply(ctx.t("topup-terms", { currency: ctx.deps.config.currency }), { parse_mode: "HTML" }));

  privateChat.command("paysupport", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return ctx.reply(ctx.t("topup-paysupport"), { parse_mode: "HTML" });
    const { config, users, i18n: translator, outbox } = ctx.deps;
    if (config.adminIds.length === 0) return ctx.reply(ctx.t("topup-paysupport-unavailable"));
    const user = userMention({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    for (const adminId of config.adminIds) {
      const locale = (await users.getLocale(adminId)) ?? config.defaultLocale;
      const text = translator.t(locale, "topup-paysupport-admin", { user, text: escapeHtml(truncate(question, 3000)) });
      await outbox.enqueue({ chatId: adminId, text, parseMode: "HTML", key: `paysupport:${ctx.update.update_id}:${adminId}` });
    }
    await ctx.reply(ctx.t("topup-paysupport-sent"));
  });

  // Before help's /cancel ("nothing to cancel"), which it hands on to when no top-up is under way.
  privateChat.command("cancel", async (ctx, next) => {
    if (!(await dialogOf(ctx).clear(ctx.from.id))) return next();
    await ctx.reply(ctx.t("topup-cancelled"), { reply_markup: mainMenu((k) => ctx.t(k)) });
  });

  privateChat.callbackQuery(topupMatch.menu, async (ctx) => {
    const methods = enabledMethods(ctx.deps.config);
    if (methods.length === 0) return ctx.answerCallbackQuery({ text: ctx.t("topup-unavailable"), show_alert: true });
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard();
    methods.forEach((method, i) => {
      if (i > 0) keyboard.row();
      keyboard.text(methodLabel(ctx, method), topupCallback.method(method));
    });
    await ctx.reply(ctx.t("topup-choose-method"), { parse_mode: "HTML", reply_markup: keyboard });
  });

  privateChat.callbackQuery(topupMatch.method, async (ctx) => {
    const method = LETTER_METHOD[ctx.match[1]!]!;
    if (!enabledMethods(ctx.deps.config).includes(method)) return ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    // One dialog at a time: an unfinished order dialog would read the amount as its answer.
    await ctx.conversation.exitAll();
    await dialogOf(ctx).set(ctx.from.id, { step: "amount", method });
    await askAmount(ctx, method);
  });

  privateChat.callbackQuery(topupMatch.providerAmount, async (ctx) => {
    const { min, max } = limits(ctx);
    const check = checkAmount(new D(ctx.match[1]!), min, max);
    if (!enabledMethods(ctx.deps.config).includes("provider") || !check.ok) {
      return ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await dialogOf(ctx).clear(ctx.from.id);
    await sendInvoice(ctx, "provider", check.amount);
  });

  privateChat.callbackQuery(topupMatch.stars, async (ctx) => {
    const range = starsRange(ctx.deps.config.payments);
    const stars = range && parseStars(ctx.match[1]!, range);
    if (!stars) return ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await dialogOf(ctx).clear(ctx.from.id);
    await sendInvoice(ctx, "stars", new D(stars));
  });

  privateChat.callbackQuery(topupMatch.cancel, async (ctx) => {
    await ctx.answerCallbackQuery();
    await dialogOf(ctx).clear(ctx.from.id);
    await ctx.editMessageText(ctx.t("topup-cancelled")).catch(ignoreStaleEdit);
  });

  privateChat.callbackQuery(topupMatch.ours, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true }));

  // Admin side of receipts. Callback data can be forged: the admin check comes first.
  privateChat.callbackQuery(receiptCallbackMatch.decide, async (ctx) => {
    if (!ctx.isAdmin) return ctx.answerCallbackQuery({ text: ctx.t("topup-admin-only"), show_alert: true });
    const id = ctx.match[2]!;
    const decision = ctx.match[1] === "a" ? "approved" : "rejected";
    const result = await decideReceipt(ctx.deps, id, decision, adminOf(ctx));
    if (!result) return ctx.answerCallbackQuery({ text: ctx.t("topup-receipt-not-found", { id }), show_alert: true });
    const { won, receipt } = result;
    if (won) await ctx.answerCallbackQuery({ text: ctx.t(decision === "approved" ? "topup-receipt-done-approved" : "topup-receipt-done-rejected") });
    else await ctx.answerCallbackQuery({ text: ctx.t("topup-receipt-already", { admin: receipt.decidedByName ?? "" }), show_alert: true });
    await showDecision(ctx, receipt);
  });
  privateChat.callbackQuery(receiptCallbackMatch.ours, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true }));

  privateChat.command("approve", async (ctx) => {
    if (!ctx.isAdmin) return ctx.reply(ctx.t("topup-admin-only"));
    const [rawId = "", rawAmount, extra] = ctx.match.trim().split(/\s+/);
    const id = rawId.toUpperCase();
    const amount = rawAmount === undefined ? undefined : parseUserAmount(rawAmount);
    if (!RECEIPT_ID_RE.test(id) || amount === null || amount?.lte(0) || extra !== undefined) {
      return ctx.reply(ctx.t("topup-approve-usage"), { parse_mode: "HTML" });
    }
    const result = await decideReceipt(ctx.deps, id, "approved", adminOf(ctx), amount);
    if (!result) return ctx.reply(ctx.t("topup-receipt-not-found", { id }));
    const { won, receipt } = result;
    if (!won) {
      const decision = decisionLine((k, v) => ctx.t(k, v), receipt, ctx.locale, ctx.deps.config.currency) ?? "";
      return ctx.reply(ctx.t("topup-approve-already", { id, decision }), { parse_mode: "HTML" });
    }
    const user = userMention({ id: receipt.userId, firstName: receipt.firstName, username: receipt.username });
    await ctx.reply(ctx.t("topup-approve-done", { id, amount: money(ctx, new D(receipt.approvedAmount ?? receipt.amount)), user }), { parse_mode: "HTML" });
  });

  privateChat.command("refundstars", async (ctx) => {
    if (!ctx.isAdmin) return ctx.reply(ctx.t("topup-admin-only"));
    const [rawUser = "", chargeId, flag, extra] = ctx.match.trim().split(/\s+/);
    if (!/^\d{1,15}$/.test(rawUser) || !chargeId || (flag !== undefined && flag !== "force") || extra !== undefined) {
      return ctx.reply(ctx.t("topup-refund-usage"), { parse_mode: "HTML" });
    }
    const userId = Number(rawUser);
    const result = await refundStars(ctx.deps, ctx.api, { userId, chargeId, adminId: ctx.from.id, force: flag === "force" });
    const charge = escapeHtml(chargeId);
    const reply = (key: string, vars: Record<string, string | number> = {}) => ctx.reply(ctx.t(key, vars), { parse_mode: "HTML" });
    switch (result.outcome) {
      case "not_found":
        return reply("topup-refund-not-found", { user: String(userId), charge });
      case "already":
        return reply(result.state === "done" ? "topup-refund-already-done" : "topup-refund-already-started");
      case "short":
        return reply("topup-refund-short", { balance: money(ctx, result.balance), amount: money(ctx, new D(result.charge.credit)), user: String(userId), charge });
      case "failed":
        return reply("topup-refund-failed", { reason: escapeHtml(truncate(result.reason, 300)) });
      case "refunded": {
        const credit = new D(result.charge.credit);
        const vars = { stars: formatInt(result.charge.stars, ctx.locale), user: String(userId), taken: money(ctx, result.taken), amount: money(ctx, credit), balance: money(ctx, result.balance) };
        await reply(result.taken.lt(credit) ? "topup-refund-done-short" : "topup-refund-done", vars);
        const { users, config, i18n: translator, outbox } = ctx.deps;
        const locale = (await users.getLocale(userId)) ?? config.defaultLocale;
        const text = translator.t(locale, "topup-refund-user", {
          stars: formatInt(result.charge.stars, locale),
          taken: formatMoney(result.taken, locale, config.currency),
          balance: formatMoney(result.balance, locale, config.currency),
        });
        await outbox.enqueue({ chatId: userId, text, parseMode: "HTML", key: `stars-refund:${chargeId}` });
        return;
      }
    }
  });

  // The dialog's answers. Anything else (a command, a menu button) leaves the dialog and goes on.
  privateChat.on("message:text", async (ctx, next) => {
    const dialog = dialogOf(ctx);
    const step = await dialog.get(ctx.from.id);
    if (!step) return next();
    const text = ctx.message.text;
    if (text.startsWith("/") || menuTexts.has(text)) {
      await dialog.clear(ctx.from.id);
      return next();
    }
    if (step.step === "receipt") return ctx.reply(ctx.t("topup-receipt-hint"));
    if (!enabledMethods(ctx.deps.config).includes(step.method)) {
      await dialog.clear(ctx.from.id);
      return ctx.reply(ctx.t("topup-unavailable"));
    }
    if (step.method === "stars") {
      const range = starsRange(ctx.deps.config.payments)!;
      const stars = parseStars(text, range);
      if (!stars) return ctx.reply(ctx.t("topup-stars-invalid", starsLimits(ctx, range)));
      await dialog.clear(ctx.from.id);
      return sendInvoice(ctx, "stars", new D(stars));
    }
    const { min, max } = limits(ctx);
    const check = checkAmount(parseUserAmount(text), min, max);
    if (!check.ok) return ctx.reply(ctx.t(AMOUNT_ERRORS[check.error], limitVars(ctx)));
    if (step.method === "provider") {
      await dialog.clear(ctx.from.id);
      return sendInvoice(ctx, "provider", check.amount);
    }
    await dialog.set(ctx.from.id, { step: "receipt", amount: moneyString(check.amount) });
    await ctx.reply(ctx.t("topup-manual-ask-receipt", { amount: money(ctx, check.amount) }), { parse_mode: "HTML", reply_markup: cancelKeyboard(ctx) });
  });

  privateChat.on(["message:photo", "message:document"], async (ctx, next) => {
    const dialog = dialogOf(ctx);
    const step = await dialog.get(ctx.from.id);
    // Clearing is the claim: of two files sent at once, only the first becomes a receipt.
    if (step?.step !== "receipt" || !(await dialog.clear(ctx.from.id))) return next();
    const receipt = await submitReceipt(ctx.deps, {
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      messageId: ctx.message.message_id,
      firstName: ctx.from.first_name,
      username: ctx.from.username,
      amount: step.amount,
      fileId: ctx.message.photo?.at(-1)?.file_id ?? ctx.message.document?.file_id,
    });
    ctx.deps.logger.info({ receipt: receipt.id, userId: receipt.userId, amount: receipt.amount }, "receipt submitted");
    await ctx.reply(ctx.t("topup-receipt-sent", { id: receipt.id }), { parse_mode: "HTML" });
  });

  return composer;
}

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

const cancelKeyboard = (ctx: BotContext) => new InlineKeyboard().text(ctx.t("topup-button-cancel"), topupCallback.cancel);

/** The question of the chosen method, with preset amounts where it has them. */
async function askAmount(ctx: BotContext, method: TopupMethod): Promise<void> {
  const { payments, currency } = ctx.deps.config;
  const keyboard = new InlineKeyboard();
  let text: string;
  if (method === "provider") {
    const { min, max } = limits(ctx);
    amountPresets(min, max).forEach((amount, i) => {
      if (i > 0 && i % 3 === 0) keyboard.row();
      keyboard.text(money(ctx, amount), topupCallback.providerAmount(amount));
    });
    const rate = formatMoney(new D(payments.rate!), ctx.locale, payments.currency);
    text = ctx.t("topup-provider-ask", { currency, rate, ...limitVars(ctx) });
  } else if (method === "stars") {
    const range = starsRange(payments)!;
    starsPresets(range).forEach((stars, i) => {
      if (i > 0 && i % 3 === 0) keyboard.row();
      keyboard.text(`⭐ ${formatInt(stars, ctx.locale)}`, topupCallback.stars(stars));
    });
    text = ctx.t("topup-stars-ask", { rate: money(ctx, range.rate), ...starsLimits(ctx, range) });
  } else {
    text = ctx.t("topup-manual-ask", { details: escapeHtml(payments.manualDetails ?? ""), currency, ...limitVars(ctx) });
  }
  if (keyboard.inline_keyboard.some((row) => row.length > 0)) keyboard.row();
  keyboard.text(ctx.t("topup-button-cancel"), topupCallback.cancel);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/**
 * Issues an invoice: stored first (its id is the payload), then sent. `quantity` is the amount in
 * the panel currency for a provider invoice and the number of stars for a Stars invoice.
 */
async function sendInvoice(ctx: BotContext, kind: InvoiceKind, quantity: Money): Promise<void> {
  const { payments } = ctx.deps.config;
  const currency = kind === "stars" ? STARS_CURRENCY : payments.currency;
  const rate = kind === "stars" ? payments.starsRate! : payments.rate!;
  const total = kind === "stars" ? quantity.toNumber() : providerTotal(quantity, new D(rate), currency);
  const amount = kind === "stars" ? paymentCredit("stars", total, new D(rate), currency) : quantity;
  const invoice = await new InvoiceStore(ctx.deps.redis, ctx.deps.config.redis.prefix).create({
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
      kind === "provider" ? { provider_token: payments.providerToken } : {},
    );
  } catch (e) {
    // A provider refusing the currency or the total: the user can pick another amount or way.
    if (!(e instanceof GrammyError)) throw e;
    ctx.deps.logger.warn({ err: e, invoice: invoice.id }, "sendInvoice failed");
    await ctx.reply(ctx.t("topup-invoice-failed"));
  }
}

/** Shows the decision on the admin's copy of the receipt (a copy has a caption; a fallback has text). */
async function showDecision(ctx: BotContext, receipt: Receipt): Promise<void> {
  const caption = receiptCaption((k, v) => ctx.t(k, v), receipt, ctx.locale, ctx.deps.config.currency);
  const message = ctx.callbackQuery?.message;
  if (message && "text" in message && message.text !== undefined) await ctx.editMessageText(caption, { parse_mode: "HTML" }).catch(ignoreStaleEdit);
  else await ctx.editMessageCaption({ caption, parse_mode: "HTML" }).catch(ignoreStaleEdit);
}

/** An edit of a message that is gone, too old, or already shows the same: nothing to do. */
function ignoreStaleEdit(e: unknown): void {
  if (!(e instanceof GrammyError) || e.error_code !== 400) throw e;
}
