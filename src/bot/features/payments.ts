/**
 * pre_checkout_query and successful_payment of Telegram Payments and Stars (services/payments.ts).
 * Registered before sequentialize and the flood guard: Telegram cancels a checkout not answered
 * within 10 s (a slow panel call of the same user must not hold it up), and a payment must never
 * be dropped as "too many requests".
 */
import pRetry from "p-retry";
import { D, moneyString } from "../../money.js";
import { checkPreCheckout, creditPayment, currencyExponent, STARS_CURRENCY, tellPaymentCredited, type PaymentOutcome } from "../../services/payments.js";
import { userMention } from "../../services/receipts.js";
import type { BotContext, Feature } from "../context.js";
import { appContext } from "../middleware/app-context.js";
import { translation } from "../middleware/i18n.js";
import { formatInt, formatMoney } from "../../text/format.js";
import { escapeHtml } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

/** A paid total for people: ⭐ 100, or 126,500.00 UZS. */
function paidLabel(total: number, currency: string, locale: string): string {
  if (currency === STARS_CURRENCY) return `⭐ ${formatInt(total, locale)}`;
  return formatMoney(new D(total).div(new D(10).pow(currencyExponent(currency))), locale, currency);
}

/**
 * A payment's credit is tried three times, 0.5 s and 2 s apart: a Redis that fails over or restarts
 * is back within seconds, and the credit is idempotent by the charge id.
 */
const CREDIT_RETRIES = { retries: 2, minTimeout: 500, factor: 4 } as const;

export const paymentsFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  // Never counted by the flood guard (no window).
  const plugins = [appContext(deps, { rateWindowMs: 0 }).outer, translation(deps.i18n)];

  composer.on("pre_checkout_query", ...plugins, async (ctx) => {
    const q = ctx.preCheckoutQuery;
    const invoice = await deps.invoices.get(q.invoice_payload);
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
    const charge = escapeHtml(p.telegram_payment_charge_id);
    const user = userMention({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    let result: PaymentOutcome;
    try {
      result = await pRetry(
        () => creditPayment(deps, { invoicePayload: p.invoice_payload, currency: p.currency, totalAmount: p.total_amount, telegramPaymentChargeId: p.telegram_payment_charge_id }),
        CREDIT_RETRIES,
      );
    } catch (err) {
      // Telegram has taken the money and this update is done once handled: nothing may be lost
      // silently. The log line and the admins' message hold what a manual credit needs.
      deps.logger.error({ err, payment: p, userId: ctx.from.id }, "successful payment could not be credited: credit it by hand");
      await deps.notifier
        .toAdmins((t, locale) => t("topup-admin-payment-failed", { user, total: paidLabel(p.total_amount, p.currency, locale), charge }), { key: `payment-failed:${p.telegram_payment_charge_id}` })
        .catch((e: unknown) => deps.logger.error({ err: e, charge: p.telegram_payment_charge_id }, "the admins could not be told of an uncredited payment"));
      await ctx.reply(ctx.t("topup-payment-failed", { charge }), { parse_mode: "HTML" });
      return;
    }
    if (result.outcome === "unmatched") {
      // Telegram has taken the money: nothing may be lost silently.
      deps.logger.error({ payment: p, userId: ctx.from.id }, "successful payment matches no invoice");
      await deps.notifier.toAdmins((t, locale) => t("topup-admin-payment-unmatched", { user, total: paidLabel(p.total_amount, p.currency, locale), charge }), {
        key: `payment-unmatched:${p.telegram_payment_charge_id}`,
      });
      await ctx.reply(ctx.t("topup-payment-unmatched", { charge }), { parse_mode: "HTML" });
      return;
    }
    deps.logger.info({ invoice: result.invoice.id, userId: result.invoice.userId, amount: moneyString(result.amount), outcome: result.outcome }, "payment");
    // Also for a repeat: it may be the redo of a process that credited and died before telling.
    await tellPaymentCredited(deps, { userId: result.invoice.userId, chatId: ctx.chat.id }, p.telegram_payment_charge_id, result);
  });

  return composer;
};
