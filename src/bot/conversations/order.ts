import type { Conversation } from "@grammyjs/conversations";
import { D, moneyString } from "../../money.js";
import {
  maxRunsFor,
  parseComments,
  parseInterval,
  parseLink,
  parseQuantity,
  parseRuns,
  MAX_INTERVAL_MINUTES,
  MAX_LINK_LENGTH,
  MIN_RUNS,
  type CommentsError,
  type QuantityError,
  type Validated,
} from "../../services/order-input.js";
import { priceWithHeldDiscount } from "../../services/promo.js";
import { CatalogUnavailableError, orderKind, type OrderKind } from "../../store/catalog.js";
import type { BotContext, BotInnerContext } from "../context.js";
import { orderWalkData } from "../callback-data/order-walk.js";
import { sendConfirmation } from "../helpers/confirmation.js";
import { dripfeedKeyboard, leaveDialogKeyboard, reuseLinkKeyboard } from "../keyboards/catalog.js";
import { allMenuLabels } from "../keyboards/main-menu.js";
import { formatInt } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";

export const ORDER_CONVERSATION = "order";

/** An abandoned dialog ends by itself: a text sent a day later is not taken as the link. */
const DIALOG_IDLE_MS = 30 * 60_000;
/** Panel names have no length limit; messages must stay within 4096 characters. */
/** How much of a link the dialog repeats back; the full link is stored and sent to the panel. */
const LINK_SHOWN_MAX = 300;
const NAME_SHOWN_MAX = 200;

const QUANTITY_ERRORS: Record<QuantityError, string> = {
  not_number: "order-quantity-not-number",
  below_min: "order-quantity-below-min",
  above_max: "order-quantity-above-max",
};
const COMMENTS_ERRORS: Record<CommentsError["reason"], string> = {
  below_min: "order-comments-below-min",
  above_max: "order-comments-above-max",
};

export type OrderConversation = Conversation<BotContext, BotInnerContext>;

/** What the dialog needs of a service; plain JSON, because `external` results are stored in the replay log. */
interface ServiceSnapshot {
  id: string;
  name: string;
  type: string;
  category: string;
  kind: OrderKind;
  rate: string;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
}

/** How the dialog starts: from the catalog, or "Order again" with the previous order's link. */
export interface OrderDialogStart {
  /** the link to offer for reuse (already validated when that order was made) */
  link?: string;
}

type ServiceLookup = { found: true; service: ServiceSnapshot } | { found: false; reason: "unavailable" | "gone" };

async function lookUpService(deps: BotInnerContext["deps"], serviceId: string, locale: string): Promise<ServiceLookup> {
  let shopService;
  try {
    shopService = await deps.shop.orderable(serviceId);
  } catch (e) {
    if (e instanceof CatalogUnavailableError) return { found: false, reason: "unavailable" };
    throw e;
  }
  const s = shopService?.panel;
  const kind = s ? orderKind(s.type) : null;
  if (!shopService || !s || kind === null) return { found: false, reason: "gone" };
  return {
    found: true,
    service: {
      id: s.id,
      name: shopService.name(locale),
      type: s.type,
      category: s.category,
      kind,
      rate: s.rate.toFixed(),
      min: s.min,
      max: s.max,
      refill: s.refill,
      cancel: s.cancel,
      dripfeed: s.dripfeed,
    },
  };
}

/**
 * The order dialog: link, then quantity (or comments), then a draft and its confirmation. It ends
 * when the confirmation is shown; Confirm/Cancel are ordinary callback handlers (features/order-walk.ts)
 * so that a stale or repeated press is decided by Redis state alone.
 */
export async function orderConversation(conversation: OrderConversation, ctx: BotInnerContext, serviceId: string, start: OrderDialogStart = {}): Promise<void> {
  const lookup = await conversation.external(() => lookUpService(ctx.deps, serviceId, ctx.locale));
  if (!lookup.found) {
    await ctx.reply(ctx.t(lookup.reason === "unavailable" ? "order-catalog-unavailable" : "order-service-gone"));
    return;
  }
  const service = lookup.service;
  const leave = leaveDialogKeyboard(ctx.t("order-button-cancel"));
  const limits = (c: BotInnerContext) => ({
    min: formatInt(service.min, c.locale),
    max: formatInt(service.max, c.locale),
  });

  const serviceName = escapeHtml(truncate(service.name, NAME_SHOWN_MAX));
  const previous = start.link;
  // The "use this link" button answers only on this dialog's own question: an older one (another
  // order's "Order again") would give this dialog its link.
  let reuseOn: number | undefined;
  if (previous !== undefined) {
    const asked = await ctx.reply(ctx.t("order-ask-link-again", { service: serviceName, link: escapeHtml(truncate(previous, LINK_SHOWN_MAX)) }), {
      parse_mode: "HTML",
      reply_markup: reuseLinkKeyboard({ reuse: ctx.t("order-button-reuse-link"), cancel: ctx.t("order-button-cancel") }),
      link_preview_options: { is_disabled: true },
    });
    reuseOn = asked.message_id;
  } else {
    await ctx.reply(ctx.t("order-ask-link", { service: serviceName }), { parse_mode: "HTML", reply_markup: leave, link_preview_options: { is_disabled: true } });
  }
  const link = await ask(conversation, parseLink, {
    invalid: (c, error) =>
      c.reply(
        error === "too_long"
          ? c.t("order-link-too-long", {
              max: formatInt(MAX_LINK_LENGTH, c.locale),
            })
          : c.t("order-link-invalid"),
      ),
    hint: (c) => c.reply(c.t("order-hint-link")),
    button: previous === undefined ? undefined : { filter: orderWalkData.reuseLink.filter(), messageId: reuseOn, value: () => previous },
  });

  let quantity = 1;
  let comments: string | undefined;
  let dripfeed: { runs: number; interval: number } | undefined;
  if (service.kind === "default") {
    await ctx.reply(ctx.t("order-ask-quantity", limits(ctx)), {
      reply_markup: leave,
    });
    quantity = await ask(conversation, (text) => parseQuantity(text, service.min, service.max), {
      invalid: (c, error) => c.reply(c.t(QUANTITY_ERRORS[error], limits(c))),
      hint: (c) => c.reply(c.t("order-hint-quantity")),
    });
    // Offered only where at least two runs of this quantity stay within the service maximum.
    if (service.dripfeed && maxRunsFor(quantity, service.max) >= MIN_RUNS) dripfeed = await askDripfeed(conversation, ctx, quantity, service.max);
  } else if (service.kind === "comments") {
    await ctx.reply(ctx.t("order-ask-comments", limits(ctx)), {
      reply_markup: leave,
    });
    const lines = await ask(conversation, (text) => parseComments(text, service.min, service.max), {
      invalid: (c, error) =>
        c.reply(
          c.t(COMMENTS_ERRORS[error.reason], {
            ...limits(c),
            count: formatInt(error.count, c.locale),
          }),
        ),
      hint: (c) => c.reply(c.t("order-hint-comments")),
    });
    quantity = lines.length;
    comments = lines.join("\n");
  }

  // A private chat: the user who pressed "Order" is the one who answered.
  const userId = ctx.from!.id;
  const chatId = ctx.chat!.id;
  const locale = ctx.locale;
  const draft = await conversation.external(async () => {
    const { orders, wallet, shop } = ctx.deps;
    // The shop's one price function under the rules of now (the charge compares against it), with a held promo discount.
    const base = await shop.quote(service.id, quantity, dripfeed?.runs);
    if (!base) return null;
    const priced = await priceWithHeldDiscount(ctx.deps, userId, (discount) => base.pricer.quote(base.service.item, { quantity, runs: dripfeed?.runs, discount }));
    const price = priced.quote.total;
    const discounted = priced.promo !== undefined;
    const record = await orders.createDraft({
      userId,
      chatId,
      locale,
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      category: service.category,
      link,
      quantity,
      comments,
      runs: dripfeed?.runs,
      interval: dripfeed?.interval,
      rate: base.service.panel.rate.toFixed(),
      price: moneyString(price),
      exchangeRate: base.exchangeRate.toFixed(),
      panelCost: priced.quote.panelCost.toFixed(),
      ...(discounted ? { listPrice: moneyString(priced.quote.beforeDiscount), discount: moneyString(priced.quote.discount), promo: priced.promo } : {}),
      canRefill: service.refill,
      canCancel: service.cancel,
    });
    const belowMin = priced.belowMin ? { code: priced.belowMin.held.code, min: moneyString(priced.belowMin.minOrder) } : undefined;
    return { record, balance: moneyString(await wallet.balance(userId)), belowMin };
  });

  if (!draft) {
    await ctx.reply(ctx.t("order-service-gone"));
    return;
  }
  const belowMin = draft.belowMin && { code: draft.belowMin.code, min: new D(draft.belowMin.min) };
  await sendConfirmation(ctx, draft.record, new D(draft.balance), { belowMin });
}

/**
 * Waits for one answer: a text is validated (an invalid one gets its error and is skipped, so the
 * replay log does not grow); other messages get a hint of what is expected. Commands, menu buttons,
 * button presses, payments and everything else are handed on to the rest of the bot with the
 * dialog still waiting: /balance in the middle of an order must keep working (choosing a top-up
 * way does end it: conversations/active-dialog.ts).
 */
async function ask<T, R>(
  conversation: OrderConversation,
  validate: (text: string) => Validated<T, R>,
  reply: {
    invalid: (ctx: BotInnerContext, error: R) => Promise<unknown>;
    hint: (ctx: BotInnerContext) => Promise<unknown>;
    /** a button of the question's message that answers it too */
    button?: { filter: RegExp; value: (data: string) => T; /** the question's message: a press on another message's button does not answer */ messageId?: number };
  },
): Promise<T> {
  const ctx = await conversation.wait({ maxMilliseconds: DIALOG_IDLE_MS });
  const data = ctx.callbackQuery?.data;
  const onQuestion = reply.button?.messageId === undefined || ctx.callbackQuery?.message?.message_id === reply.button.messageId;
  if (reply.button && data !== undefined && reply.button.filter.test(data) && onQuestion) {
    await ctx.answerCallbackQuery();
    // The question is answered: its buttons go, so a second press cannot answer a later question.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return reply.button.value(data);
  }
  const message = ctx.message;
  if (!message || message.successful_payment || (message.text !== undefined && isForTheBot(ctx, message.text))) {
    return conversation.skip({ next: true });
  }
  if (message.text === undefined) {
    await reply.hint(ctx);
    return conversation.skip();
  }
  const result = validate(message.text);
  if (result.ok) return result.value;
  await reply.invalid(ctx, result.error);
  return conversation.skip();
}

const NOT_TEXT = { ok: false, error: "button" } as const;

/**
 * After the quantity of a drip-feed service: whether to split the order into runs, and if so how
 * many runs and how many minutes apart. quantity × runs stays within the service maximum.
 */
async function askDripfeed(conversation: OrderConversation, ctx: BotInnerContext, quantity: number, serviceMax: number): Promise<{ runs: number; interval: number } | undefined> {
  const leave = leaveDialogKeyboard(ctx.t("order-button-cancel"));
  await ctx.reply(ctx.t("order-ask-dripfeed"), {
    parse_mode: "HTML",
    reply_markup: dripfeedKeyboard({ yes: ctx.t("order-button-dripfeed-yes"), no: ctx.t("order-button-dripfeed-no"), cancel: ctx.t("order-button-cancel") }),
  });
  const wanted = await ask(conversation, () => NOT_TEXT, {
    invalid: (c) => c.reply(c.t("order-hint-dripfeed")),
    hint: (c) => c.reply(c.t("order-hint-dripfeed")),
    button: { filter: orderWalkData.dripfeed.filter(), value: (data) => orderWalkData.dripfeed.unpack(data).choice === "yes" },
  });
  if (!wanted) return undefined;
  const runLimits = (c: BotInnerContext) => ({ min: formatInt(MIN_RUNS, c.locale), max: formatInt(maxRunsFor(quantity, serviceMax), c.locale), quantity: formatInt(quantity, c.locale) });
  await ctx.reply(ctx.t("order-ask-runs", runLimits(ctx)), { reply_markup: leave });
  const runs = await ask(conversation, (text) => parseRuns(text, quantity, serviceMax), {
    // One message for every refusal: it says the whole rule.
    invalid: (c) => c.reply(c.t("order-runs-invalid", runLimits(c))),
    hint: (c) => c.reply(c.t("order-hint-quantity")),
  });
  const intervalLimits = (c: BotInnerContext) => ({ max: formatInt(MAX_INTERVAL_MINUTES, c.locale) });
  await ctx.reply(ctx.t("order-ask-interval", intervalLimits(ctx)), { reply_markup: leave });
  const interval = await ask(conversation, parseInterval, {
    invalid: (c) => c.reply(c.t("order-interval-invalid", intervalLimits(c))),
    hint: (c) => c.reply(c.t("order-hint-quantity")),
  });
  return { runs, interval };
}

/** A command or a main-menu button: meant for the bot, not an answer to the dialog. */
function isForTheBot(ctx: BotInnerContext, text: string): boolean {
  if (text.startsWith("/")) return true;
  return allMenuLabels(ctx.deps.i18n).has(text);
}
