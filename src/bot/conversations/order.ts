import type { Conversation } from "@grammyjs/conversations";
import { D, moneyString } from "../../money.js";
import { parseComments, parseLink, parseQuantity, MAX_LINK_LENGTH, type CommentsError, type QuantityError, type Validated } from "../../services/order-input.js";
import { CatalogUnavailableError, orderKind, type OrderKind } from "../../store/catalog.js";
import type { BotContext, BotInnerContext } from "../context.js";
import { sendConfirmation } from "../helpers/confirmation.js";
import { leaveDialogKeyboard } from "../keyboards/catalog.js";
import { allMenuLabels } from "../keyboards/main-menu.js";
import { formatInt } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";

export const ORDER_CONVERSATION = "order";

/** An abandoned dialog ends by itself: a text sent a day later is not taken as the link. */
const DIALOG_IDLE_MS = 30 * 60_000;
/** Panel names have no length limit; messages must stay within 4096 characters. */
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
    },
  };
}

/**
 * The order dialog: link, then quantity (or comments), then a draft and its confirmation. It ends
 * when the confirmation is shown; Confirm/Cancel are ordinary callback handlers (features/order-walk.ts)
 * so that a stale or repeated press is decided by Redis state alone.
 */
export async function orderConversation(conversation: OrderConversation, ctx: BotInnerContext, serviceId: string): Promise<void> {
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

  await ctx.reply(
    ctx.t("order-ask-link", {
      service: escapeHtml(truncate(service.name, NAME_SHOWN_MAX)),
    }),
    {
      parse_mode: "HTML",
      reply_markup: leave,
      link_preview_options: { is_disabled: true },
    },
  );
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
  });

  let quantity = 1;
  let comments: string | undefined;
  if (service.kind === "default") {
    await ctx.reply(ctx.t("order-ask-quantity", limits(ctx)), {
      reply_markup: leave,
    });
    quantity = await ask(conversation, (text) => parseQuantity(text, service.min, service.max), {
      invalid: (c, error) => c.reply(c.t(QUANTITY_ERRORS[error], limits(c))),
      hint: (c) => c.reply(c.t("order-hint-quantity")),
    });
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
    // The shop's one price function, under the rules of now: the charge compares against this.
    const priced = await shop.quote(service.id, quantity);
    if (!priced) return null;
    const price = priced.quote.total;
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
      rate: priced.service.panel.rate.toFixed(),
      price: moneyString(price),
      exchangeRate: priced.exchangeRate.toFixed(),
      panelCost: priced.quote.panelCost.toFixed(),
      canRefill: service.refill,
      canCancel: service.cancel,
    });
    return { record, balance: moneyString(await wallet.balance(userId)) };
  });

  if (!draft) {
    await ctx.reply(ctx.t("order-service-gone"));
    return;
  }
  await sendConfirmation(ctx, draft.record, new D(draft.balance));
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
  },
): Promise<T> {
  const ctx = await conversation.wait({ maxMilliseconds: DIALOG_IDLE_MS });
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

/** A command or a main-menu button: meant for the bot, not an answer to the dialog. */
function isForTheBot(ctx: BotInnerContext, text: string): boolean {
  if (text.startsWith("/")) return true;
  return allMenuLabels(ctx.deps.i18n).has(text);
}
