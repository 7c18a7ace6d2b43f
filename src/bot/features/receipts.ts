/**
 * The admin side of top-ups by transfer: Approve / Reject on a receipt's copy and /approve with
 * another amount (services/receipts.ts; the first decision wins).
 */
import { D, parseUserAmount } from "../../money.js";
import { decideReceipt, decisionLine, RECEIPT_ID_RE, receiptCaption, userMention, type Receipt } from "../../services/receipts.js";
import { anyReceiptData, receiptData } from "../callback-data/receipts.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly } from "../filters/is-admin.js";
import { money } from "../helpers/money.js";
import { ignoreStaleEdit } from "../reply.js";
import { FeatureComposer } from "../composer.js";

const adminOf = (ctx: BotContext) => {
  const from = ctx.from!;
  return { id: from.id, name: from.username ? `${from.first_name} @${from.username}` : from.first_name };
};

export const receiptsFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  // Admin side of receipts. Callback data can be forged: the admin check comes first.
  privateChat.callbackQuery(receiptData.filter(), adminOnly, async (ctx) => {
    const { receiptId: id, decision } = receiptData.unpack(ctx.callbackQuery.data);
    const result = await decideReceipt(ctx.deps, id, decision, adminOf(ctx));
    if (!result) return ctx.answerCallbackQuery({ text: ctx.t("topup-receipt-not-found", { id }), show_alert: true });
    const { won, receipt } = result;
    if (won) await ctx.answerCallbackQuery({ text: ctx.t(decision === "approved" ? "topup-receipt-done-approved" : "topup-receipt-done-rejected") });
    else await ctx.answerCallbackQuery({ text: ctx.t("topup-receipt-already", { admin: receipt.decidedByName ?? "" }), show_alert: true });
    await showDecision(ctx, receipt);
  });
  privateChat.callbackQuery(anyReceiptData, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("topup-button-expired"), show_alert: true }));

  privateChat.command("approve", adminOnly, async (ctx) => {
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

  return composer;
};

/** Shows the decision on the admin's copy of the receipt (a copy has a caption; a fallback has text). */
async function showDecision(ctx: BotContext, receipt: Receipt): Promise<void> {
  const caption = receiptCaption((k, v) => ctx.t(k, v), receipt, ctx.locale, ctx.deps.config.currency);
  const message = ctx.callbackQuery?.message;
  if (message && "text" in message && message.text !== undefined) await ctx.editMessageText(caption, { parse_mode: "HTML" }).catch(ignoreStaleEdit);
  else await ctx.editMessageCaption({ caption, parse_mode: "HTML" }).catch(ignoreStaleEdit);
}
