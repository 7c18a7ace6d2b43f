/**
 * The customer's order walk: categories → services → service card → the order dialog
 * (conversations/order.ts) → Confirm/Cancel, which places the order (services/placement.ts).
 */
import { createConversation } from "@grammyjs/conversations";
import { D, isFlatPriceType } from "../../money.js";
import { isOrderable, type ShopCatalog, type ShopService } from "../../catalog/shop.js";
import { placeOrder, type PlaceResult } from "../../services/placement.js";
import { CatalogUnavailableError } from "../../store/catalog.js";
import type { BotContext, BotInnerContext, Feature } from "../context.js";
import { enterOrderDialog, leaveDialogs } from "../conversations/active-dialog.js";
import { ORDER_CONVERSATION, orderConversation } from "../conversations/order.js";
import { anyOrderWalkData, orderWalkData } from "../callback-data/order-walk.js";
import { categoriesKeyboard, serviceCardKeyboard, servicesKeyboard } from "../keyboards/catalog.js";
import { mainMenu, menuLabels } from "../keyboards/main-menu.js";
import { sendConfirmation } from "../helpers/confirmation.js";
import { money } from "../helpers/money.js";
import { mayOrder } from "../helpers/required-channels.js";
import { editOrReply } from "../reply.js";
import { formatInt } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

/** Longest service name and description a card shows: the card stays far below 4096 characters. */
const CARD_NAME_MAX = 200;
const CARD_DESCRIPTION_MAX = 3000;

export const orderWalkFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  // Leaving the dialog is handled before the conversation, so /cancel is never read as an answer.
  privateChat.command("cancel", async (ctx, next) => {
    if (ctx.conversation.active(ORDER_CONVERSATION) === 0) return next();
    await ctx.conversation.exit(ORDER_CONVERSATION);
    await ctx.reply(ctx.t("order-cancelled"), {
      reply_markup: mainMenu((k) => ctx.t(k)),
    });
  });
  privateChat.callbackQuery(orderWalkData.leave.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (ctx.conversation.active(ORDER_CONVERSATION) === 0) return;
    await ctx.conversation.exit(ORDER_CONVERSATION);
    await ctx.reply(ctx.t("order-cancelled"), {
      reply_markup: mainMenu((k) => ctx.t(k)),
    });
  });

  // A new walk replaces an unfinished dialog, of either kind.
  const start = async (ctx: BotContext) => {
    if (!(await mayOrder(ctx))) return;
    await leaveDialogs(ctx);
    const catalog = await loadCatalog(ctx);
    if (catalog) await showCategories(ctx, catalog, 0, "reply");
  };
  privateChat.command("order", start);
  privateChat.hears(menuLabels(deps.i18n, "menu-order"), start);

  privateChat.callbackQuery(orderWalkData.categories.filter(), async (ctx) => {
    const { page } = orderWalkData.categories.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const catalog = await loadCatalog(ctx);
    if (catalog) await showCategories(ctx, catalog, page, "edit");
  });

  privateChat.callbackQuery(orderWalkData.services.filter(), async (ctx) => {
    const { categoryKey, page: requested } = orderWalkData.services.unpack(ctx.callbackQuery.data);
    const catalog = await loadCatalog(ctx);
    if (!catalog) return ctx.answerCallbackQuery();
    const category = catalog.category.get(categoryKey);
    // A category the panel dropped, or one the owner hid (forged or old data): like a stale button.
    if (!category || !catalog.categories.includes(category))
      return ctx.answerCallbackQuery({
        text: ctx.t("order-button-expired"),
        show_alert: true,
      });
    await ctx.answerCallbackQuery();
    const { keyboard, page } = servicesKeyboard(catalog, category, requested, ctx.locale, {
      price: (service) => priceLabel(ctx, service),
      back: ctx.t("order-back"),
    });
    const text = ctx.t("order-services", {
      category: escapeHtml(truncate(category.name(ctx.locale), CARD_NAME_MAX)),
      page: page.page + 1,
      pages: page.pages,
    });
    await editOrReply(ctx, text, keyboard);
  });

  privateChat.callbackQuery(orderWalkData.service.filter(), async (ctx) => {
    const { serviceId } = orderWalkData.service.unpack(ctx.callbackQuery.data);
    const catalog = await loadCatalog(ctx);
    if (!catalog) return ctx.answerCallbackQuery();
    const service = catalog.service.get(serviceId);
    // Removed by the panel, hidden by the owner, or forged: like a stale button.
    if (!service || !isOrderable(catalog, serviceId))
      return ctx.answerCallbackQuery({
        text: ctx.t("order-button-expired"),
        show_alert: true,
      });
    await ctx.answerCallbackQuery();
    const keyboard = serviceCardKeyboard(catalog, service, {
      order: ctx.t("order-button-order"),
      back: ctx.t("order-back"),
    });
    await editOrReply(ctx, serviceCard(ctx, service), keyboard);
  });

  privateChat.callbackQuery(orderWalkData.confirm.filter(), async (ctx) => {
    const { draftId } = orderWalkData.confirm.unpack(ctx.callbackQuery.data);
    // The draft and its button stay: after joining, the same Confirm works.
    if (!(await mayOrder(ctx))) return;
    let answered = false;
    const result = await placeOrder(ctx.deps, draftId, ctx.from.id, {
      onReserved: () => {
        answered = true;
        return ctx.answerCallbackQuery({ text: ctx.t("order-placing") });
      },
    });
    await reportPlacement(ctx, result, answered);
  });

  privateChat.callbackQuery(orderWalkData.discard.filter(), async (ctx) => {
    const { draftId } = orderWalkData.discard.unpack(ctx.callbackQuery.data);
    const outcome = await ctx.deps.orders.discardDraft(draftId, ctx.from.id);
    if (outcome !== "ok") {
      const text = ctx.t(outcome === "missing" ? "order-not-found" : "order-already-done");
      await ctx.answerCallbackQuery({ text, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await editOrReply(ctx, ctx.t("order-draft-cancelled"));
  });

  // Everything that must not be read as a dialog answer is above; "Order" enters the dialog below.
  privateChat.use(createConversation<BotContext, BotInnerContext>(orderConversation, ORDER_CONVERSATION));

  privateChat.callbackQuery(orderWalkData.order.filter(), async (ctx) => {
    const { serviceId } = orderWalkData.order.unpack(ctx.callbackQuery.data);
    if (!(await mayOrder(ctx))) return;
    await ctx.answerCallbackQuery();
    // Ordering another service replaces whatever was being asked, a top-up amount too.
    await enterOrderDialog(ctx, serviceId);
  });

  // Our prefix but no valid shape: stale or forged data. Answer it so the button stops spinning.
  privateChat.callbackQuery(anyOrderWalkData, (ctx) =>
    ctx.answerCallbackQuery({
      text: ctx.t("order-button-expired"),
      show_alert: true,
    }),
  );

  return composer;
};

/** The shop catalog, or null after telling the user it is unavailable (the panel is down and nothing is cached). */
async function loadCatalog(ctx: BotContext): Promise<ShopCatalog | null> {
  try {
    return await ctx.deps.shop.get();
  } catch (e) {
    if (!(e instanceof CatalogUnavailableError)) throw e;
    ctx.deps.logger.warn({ err: e }, "catalog unavailable");
    await ctx.reply(ctx.t("order-catalog-unavailable"));
    return null;
  }
}

async function showCategories(ctx: BotContext, catalog: ShopCatalog, page: number, how: "reply" | "edit"): Promise<void> {
  if (catalog.categories.length === 0) {
    await ctx.reply(ctx.t("order-catalog-empty"));
    return;
  }
  const { keyboard, page: shown } = categoriesKeyboard(catalog, page, ctx.locale);
  const text = ctx.t("order-categories", {
    page: shown.page + 1,
    pages: shown.pages,
  });
  if (how === "edit") await editOrReply(ctx, text, keyboard);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/** Per 1000 for most services; the whole price for flat-priced (package) services (search results too). From the shop's pricer. */
export function priceLabel(ctx: BotContext, service: ShopService): string {
  const price = money(ctx, service.unit.unit);
  return isFlatPriceType(service.panel.type) ? price : ctx.t("order-price-per-1000", { price });
}

function serviceCard(ctx: BotContext, shopService: ShopService): string {
  const service = shopService.panel;
  const price = money(ctx, shopService.unit.unit);
  const description = shopService.description(ctx.locale);
  const lines = [
    `<b>${escapeHtml(truncate(shopService.name(ctx.locale), CARD_NAME_MAX))}</b>`,
    "",
    ctx.t(isFlatPriceType(service.type) ? "order-card-price-flat" : "order-card-price-per-1000", { price }),
  ];
  if (!isFlatPriceType(service.type))
    lines.push(
      ctx.t("order-card-limits", {
        min: formatInt(service.min, ctx.locale),
        max: formatInt(service.max, ctx.locale),
      }),
    );
  lines.push(ctx.t(service.refill ? "order-card-refill-yes" : "order-card-refill-no"), ctx.t(service.cancel ? "order-card-cancel-yes" : "order-card-cancel-no"));
  if (description) lines.push("", escapeHtml(truncate(description, CARD_DESCRIPTION_MAX)));
  return lines.join("\n");
}

/** Tells the user how Confirm ended, in their language. */
async function reportPlacement(ctx: BotContext, result: PlaceResult, answered: boolean): Promise<void> {
  const answer = async (text: string) => {
    if (!answered) await ctx.answerCallbackQuery({ text, show_alert: true });
  };
  switch (result.outcome) {
    case "not_found":
      await answer(ctx.t("order-not-found"));
      return;
    case "gone":
      await answer(ctx.t("order-service-gone"));
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return;
    case "unavailable":
      await answer(ctx.t("order-catalog-unavailable"));
      return;
    case "repriced": {
      // Nothing was charged: the old confirmation's buttons go, a new one with the new price comes.
      if (!answered) await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      const balance = await ctx.deps.wallet.balance(ctx.from!.id);
      await sendConfirmation(ctx, result.draft, balance, { notice: ctx.t("order-repriced", { old: money(ctx, result.oldPrice), new: money(ctx, new D(result.draft.price)) }) });
      return;
    }
    case "done":
      await answer(ctx.t("order-already-done"));
      return;
    case "promo_gone":
      if (!answered) await ctx.answerCallbackQuery();
      await editOrReply(ctx, ctx.t("order-promo-gone"));
      return;
    case "funds":
      // The draft and its Confirm button stay: after a top-up the same button works.
      if (!answered) await ctx.answerCallbackQuery();
      await ctx.reply(
        ctx.t("order-funds", {
          price: money(ctx, result.price),
          balance: money(ctx, result.balance),
          shortfall: money(ctx, result.shortfall),
        }),
        { parse_mode: "HTML" },
      );
      return;
    case "placed":
      await editOrReply(
        ctx,
        ctx.t("order-placed", {
          id: result.order.id,
          panelId: escapeHtml(result.panelOrderId),
        }),
      );
      return;
    case "unreachable":
      await editOrReply(ctx, ctx.t("order-failed-unreachable"));
      return;
    case "unknown":
      await editOrReply(ctx, ctx.t("order-unknown", { id: result.order.id }));
      return;
    case "refused":
      await editOrReply(ctx, refusalText(ctx, result));
      return;
  }
}

function refusalText(ctx: BotContext, result: Extract<PlaceResult, { outcome: "refused" }>): string {
  const message = escapeHtml(truncate(result.panelMessage, 300));
  switch (result.kind) {
    case "not_enough_funds":
    case "invalid_key":
    case "suspended":
      // The reseller's panel account is the problem, not the customer's order: no details.
      return ctx.t("order-failed-unavailable");
    case "quantity_min":
    case "quantity_max":
      return ctx.t("order-failed-quantity", { message });
    case "bad_link":
      return ctx.t("order-failed-link");
    case "active_order":
      return ctx.t("order-failed-active");
    case "incorrect_service":
      return ctx.t("order-failed-service");
    default:
      return ctx.t("order-failed-other", { message });
  }
}
