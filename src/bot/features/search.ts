/**
 * The customers' service search: "🔍 Search" asks for words (a reply to the question is the
 * query), `/search <words>` searches at once. Results are the catalog's service buttons, paged;
 * the query is kept in Redis (SearchQueries), so a page button carries only its number. The index
 * is built once per catalog build (catalog/search-index.ts).
 */
import { type Filter } from "grammy";
import { search, searchIndexOf, shopSearchDocuments } from "../../catalog/search-index.js";
import type { ShopCatalog } from "../../catalog/shop.js";
import { CatalogUnavailableError } from "../../store/catalog.js";
import { formatInt } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { LOCALES } from "../../text/locales.js";
import type { BotContext, Feature } from "../context.js";
import { anySearchData, searchData } from "../callback-data/search.js";
import { leaveDialogs } from "../conversations/active-dialog.js";
import { searchResultsKeyboard } from "../keyboards/catalog.js";
import { menuLabels } from "../keyboards/main-menu.js";
import { editOrReply } from "../reply.js";
import { priceLabel } from "./order-walk.js";
import { FeatureComposer } from "../composer.js";

/** Longest query kept and repeated back: a few words, never a wall of text. */
const QUERY_MAX = 100;

export const searchFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const questions = new Set(LOCALES.map((l) => deps.i18n.t(l, "search-ask")));

  // Like "New order", asking replaces an unfinished dialog: the words must not be read as a link.
  const ask = async (ctx: BotContext) => {
    await leaveDialogs(ctx);
    await ctx.reply(ctx.t("search-ask"), { reply_markup: { force_reply: true, input_field_placeholder: "instagram" } });
  };
  privateChat.hears(menuLabels(deps.i18n, "menu-search"), ask);
  privateChat.command("search", async (ctx) => {
    const query = ctx.match.trim();
    if (query === "") return ask(ctx);
    await leaveDialogs(ctx);
    await runSearch(ctx, query);
  });

  // An answer to "What are you looking for?" (Telegram sends it as a reply to that message).
  const isAnswer = (ctx: Filter<BotContext, "message:text">): boolean => {
    const question = ctx.message.reply_to_message;
    return question?.from?.id === ctx.me.id && question.text !== undefined && questions.has(question.text) && !ctx.message.text.startsWith("/");
  };
  privateChat.on("message:text").filter(isAnswer, (ctx) => runSearch(ctx, ctx.message.text));

  privateChat.callbackQuery(searchData.page.filter(), async (ctx) => {
    const { page } = searchData.page.unpack(ctx.callbackQuery.data);
    const query = await ctx.deps.searchQueries.get(ctx.from.id);
    if (query === null) return ctx.answerCallbackQuery({ text: ctx.t("search-expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await showResults(ctx, query, page, "edit");
  });
  privateChat.callbackQuery(anySearchData, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("search-expired"), show_alert: true }));

  return composer;
};

async function runSearch(ctx: BotContext, text: string): Promise<void> {
  const query = truncate(text.trim().replace(/\s+/g, " "), QUERY_MAX);
  await ctx.deps.searchQueries.set(ctx.from!.id, query);
  await showResults(ctx, query, 0, "reply");
}

async function showResults(ctx: BotContext, query: string, page: number, how: "reply" | "edit"): Promise<void> {
  const catalog = await loadCatalog(ctx);
  if (!catalog) return;
  const found = search(searchIndexOf(catalog, shopSearchDocuments), query).flatMap((id) => catalog.service.get(id) ?? []);
  const shownQuery = escapeHtml(query);
  if (found.length === 0) {
    await ctx.reply(ctx.t("search-nothing", { query: shownQuery }), { parse_mode: "HTML" });
    return;
  }
  const { keyboard, page: shown } = searchResultsKeyboard(found, page, { name: (s) => s.name(ctx.locale), price: (s) => priceLabel(ctx, s) });
  const text = ctx.t("search-results", { query: shownQuery, count: formatInt(found.length, ctx.locale), page: shown.page + 1, pages: shown.pages });
  if (how === "edit") await editOrReply(ctx, text, keyboard);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

async function loadCatalog(ctx: BotContext): Promise<ShopCatalog | null> {
  try {
    return await ctx.deps.shop.get();
  } catch (e) {
    if (!(e instanceof CatalogUnavailableError)) throw e;
    await ctx.reply(ctx.t("order-catalog-unavailable"));
    return null;
  }
}
