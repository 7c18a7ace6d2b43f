/**
 * Admin: the owner's shop. /catalog (categories, a category's screen, a service's screen, search),
 * /rate (the exchange rate), /pricing (global markup, rounding step, minimum margin, minimum order
 * price) and /audit. Every change goes through services/shop-catalog.ts, which validates it and
 * writes the audit list; typed values (a markup, a name) are one small dialog per admin
 * (conversations/active-dialog.ts). Private chats only.
 */
import { InlineKeyboard } from "grammy";
import type { ShopCatalog, ShopCategory, ShopService } from "../../catalog/shop.js";
import { D, isFlatPriceType, type Money } from "../../money.js";
import type { Actor, ChangeResult, InputError } from "../../services/shop-catalog.js";
import { CatalogUnavailableError } from "../../store/catalog.js";
import { formatDateTime, formatMoney } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import { LOCALES, type Locale } from "../../text/locales.js";
import { ADMIN_INPUTS, adminShopData, anyAdminShopData, type AdminInputKind } from "../callback-data/admin-shop.js";
import type { BotContext, Feature } from "../context.js";
import { dialogUnderWay, enterAdminInput, takeDialog } from "../conversations/active-dialog.js";
import { adminOnly, isAdmin } from "../filters/is-admin.js";
import { html } from "../helpers/admin-views.js";
import { money } from "../helpers/money.js";
import { allMenuLabels } from "../keyboards/main-menu.js";
import { PAGE_SIZE, pageNavigation, paginate } from "../keyboards/pagination.js";
import { editOrReply } from "../reply.js";
import { FeatureComposer } from "../composer.js";

const BUTTON_NAME_MAX = 40;
const NAME_SHOWN_MAX = 200;
const AUDIT_SHOWN = 15;
const SEARCH_SHOWN = 20;

interface PendingInput {
  what: AdminInputKind;
  target: string;
  locale: Locale;
}

const actorOf = (ctx: BotContext): Actor => ({
  id: ctx.from!.id,
  via: "telegram",
});
const mark = (hidden: boolean) => (hidden ? "🚫" : "✅");

export const adminShopFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const menuTexts = allMenuLabels(deps.i18n);

  privateChat.command("catalog", adminOnly, async (ctx) => {
    const catalog = await loadShop(ctx);
    if (!catalog) return;
    const query = ctx.match.trim();
    if (query) return showSearch(ctx, query);
    await showCategories(ctx, catalog, 0, "reply");
  });

  privateChat.command("rate", adminOnly, async (ctx) => {
    const { shop } = ctx.deps;
    const arg = ctx.match.trim();
    if (arg) {
      const result = await shop.setExchangeRate(actorOf(ctx), arg);
      if (!result.ok) return html(ctx, errorText(ctx, result.error));
    }
    if (!shop.converts) return html(ctx, ctx.t("shop-rate-same-currency", { currency: shop.shopCurrency }));
    const current = await shop.exchangeRate();
    const lines = [
      current
        ? ctx.t("shop-rate-show", {
            panelCurrency: shop.panelCurrency,
            rate: formatMoney(new D(current.rate), ctx.locale, shop.shopCurrency),
            by: String(current.by),
            at: formatDateTime(current.at),
          })
        : ctx.t("shop-rate-missing", {
            panelCurrency: shop.panelCurrency,
            currency: shop.shopCurrency,
          }),
    ];
    const history = (await shop.rateHistory(6)).slice(1);
    if (history.length) lines.push("", ctx.t("shop-rate-history"), ...history.map((r) => `${formatDateTime(r.at)} · ${formatMoney(new D(r.rate), ctx.locale, shop.shopCurrency)} · ${r.by}`));
    lines.push("", ctx.t("shop-rate-usage"));
    await html(ctx, lines.join("\n"));
  });

  privateChat.command("pricing", adminOnly, async (ctx) => {
    const { shop } = ctx.deps;
    // The rest of the line is the value: "/pricing min 12 650" is 12650, grouped as amounts are shown.
    const [what = "", ...rest] = ctx.match.trim().split(/\s+/);
    const value = rest.join(" ");
    if (what) {
      const setters: Record<string, (a: Actor, text: string) => Promise<ChangeResult>> = {
        markup: (a, t) => shop.setGlobalMarkup(a, t),
        step: (a, t) => shop.setRoundingStep(a, t),
        margin: (a, t) => shop.setMinMargin(a, t),
        min: (a, t) => shop.setMinOrderPrice(a, t),
      };
      const set = setters[what.toLowerCase()];
      if (!set || !value) return html(ctx, ctx.t("shop-pricing-usage"));
      const result = await set(actorOf(ctx), value);
      if (!result.ok) return html(ctx, errorText(ctx, result.error));
    }
    const rules = shop.rulesOf(await shop.settings());
    const none = ctx.t("shop-none");
    await html(
      ctx,
      [
        ctx.t("shop-pricing-show", {
          markup: `${rules.globalMarkupPercent}%`,
          step: rules.roundingStep ? money(ctx, new D(rules.roundingStep)) : none,
          margin: `${rules.minMarginPercent ?? "0"}%`,
          min: rules.minOrderPrice ? money(ctx, new D(rules.minOrderPrice)) : none,
        }),
        "",
        ctx.t("shop-pricing-usage"),
      ].join("\n"),
    );
  });

  privateChat.command("audit", adminOnly, async (ctx) => {
    const { entries, total } = await ctx.deps.shop.auditPage(0, AUDIT_SHOWN);
    if (entries.length === 0) return html(ctx, ctx.t("shop-audit-empty"));
    const rows = entries.map((e) =>
      ctx.t("shop-audit-row", {
        at: formatDateTime(e.when),
        who: String(e.who),
        what: escapeHtml(truncate(e.what, 80)),
        old: escapeHtml(truncate(e.old || "—", 80)),
        new: escapeHtml(truncate(e.new || "—", 80)),
      }),
    );
    await html(ctx, [ctx.t("shop-audit-title", { shown: entries.length, total }), "", ...rows].join("\n"));
  });

  // ---- buttons -------------------------------------------------------------------------------

  privateChat.callbackQuery(adminShopData.categories.filter(), adminOnly, async (ctx) => {
    const { page } = adminShopData.categories.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const catalog = await loadShop(ctx);
    if (catalog) await showCategories(ctx, catalog, page, "edit");
  });

  /** A category's or a service's screen as the catalog has it now; null when it is gone. */
  const categoryScreen = async (ctx: BotContext, categoryKey: string, page: number) => {
    const catalog = await loadShop(ctx);
    const category = catalog?.category.get(categoryKey);
    return catalog && category ? { text: categoryText(ctx, catalog, category), keyboard: categoryKeyboard(ctx, catalog, category, page) } : null;
  };
  const serviceScreen = async (ctx: BotContext, serviceId: string) => {
    const catalog = await loadShop(ctx);
    const service = catalog?.service.get(serviceId);
    return catalog && service ? { text: serviceText(ctx, catalog, service), keyboard: serviceKeyboard(ctx, catalog, service) } : null;
  };
  type Screen = Awaited<ReturnType<typeof serviceScreen>>;

  /** Shows the screen a button asked for, or says the button is stale. */
  const openScreen = async (ctx: BotContext, screen: Screen) => {
    if (!screen) return ctx.answerCallbackQuery({ text: ctx.t("order-button-expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await editOrReply(ctx, screen.text, screen.keyboard);
  };

  /** A change from a button: its refusal, or "saved" and the screen again with the change in it. */
  const answerChange = async (ctx: BotContext, result: ChangeResult, redraw: () => Promise<Screen>) => {
    if (!result.ok) return ctx.answerCallbackQuery({ text: errorText(ctx, result.error), show_alert: true });
    await ctx.answerCallbackQuery({ text: ctx.t("shop-saved") });
    const screen = await redraw();
    if (screen) await editOrReply(ctx, screen.text, screen.keyboard);
  };

  privateChat.callbackQuery(adminShopData.category.filter(), adminOnly, async (ctx) => {
    const { categoryKey, page } = adminShopData.category.unpack(ctx.callbackQuery.data);
    await openScreen(ctx, await categoryScreen(ctx, categoryKey, page));
  });

  privateChat.callbackQuery(adminShopData.categoryHidden.filter(), adminOnly, async (ctx) => {
    const { categoryKey, hidden } = adminShopData.categoryHidden.unpack(ctx.callbackQuery.data);
    await answerChange(ctx, await ctx.deps.shop.setCategoryHidden(actorOf(ctx), categoryKey, hidden === "on"), () => categoryScreen(ctx, categoryKey, 0));
  });

  privateChat.callbackQuery(adminShopData.service.filter(), adminOnly, async (ctx) => {
    const { serviceId } = adminShopData.service.unpack(ctx.callbackQuery.data);
    await openScreen(ctx, await serviceScreen(ctx, serviceId));
  });

  const serviceChanged = (ctx: BotContext, serviceId: string, result: ChangeResult) => answerChange(ctx, result, () => serviceScreen(ctx, serviceId));

  privateChat.callbackQuery(adminShopData.serviceHidden.filter(), adminOnly, async (ctx) => {
    const { serviceId, hidden } = adminShopData.serviceHidden.unpack(ctx.callbackQuery.data);
    await serviceChanged(ctx, serviceId, await ctx.deps.shop.setServiceHidden(actorOf(ctx), serviceId, hidden === "on"));
  });

  privateChat.callbackQuery(adminShopData.serviceFollow.filter(), adminOnly, async (ctx) => {
    const { serviceId } = adminShopData.serviceFollow.unpack(ctx.callbackQuery.data);
    await serviceChanged(
      ctx,
      serviceId,
      await ctx.deps.shop.setServicePrice(actorOf(ctx), serviceId, {
        kind: "category",
      }),
    );
  });

  privateChat.callbackQuery(adminShopData.ask.filter(), adminOnly, async (ctx) => {
    const { what, target, locale } = adminShopData.ask.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const pending: PendingInput = { what, target, locale };
    await enterAdminInput(ctx, JSON.stringify(pending));
    await html(ctx, ctx.t("shop-ask", { what: ADMIN_INPUTS[what], language: locale }));
  });

  // The typed value of the admin's input dialog: a command or a main-menu button ends it like any
  // dialog (the button's label is not a category name), and does what it says.
  privateChat.on("message:text", async (ctx, next) => {
    if (!isAdmin(ctx)) return next();
    const stored = dialogUnderWay(ctx, "admin");
    if (stored === null) return next();
    const text = ctx.msg.text;
    if (menuTexts.has(text)) {
      await takeDialog(ctx, "admin");
      return next();
    }
    if (text.startsWith("/")) {
      await takeDialog(ctx, "admin");
      if (text.trim() === "/cancel") return html(ctx, ctx.t("shop-input-cancelled"));
      return next();
    }
    const pending = JSON.parse(stored) as PendingInput;
    const result = await applyInput(ctx, pending, text);
    // A refused value: nothing changed, the dialog waits for a better one.
    if (!result.ok) return html(ctx, `${errorText(ctx, result.error)}\n${ctx.t("shop-input-again")}`);
    await takeDialog(ctx, "admin");
    const screen = pending.what.startsWith("service") ? await serviceScreen(ctx, pending.target) : await categoryScreen(ctx, pending.target, 0);
    if (screen) return ctx.reply(`${ctx.t("shop-saved")}\n\n${screen.text}`, { parse_mode: "HTML", reply_markup: screen.keyboard });
    await html(ctx, ctx.t("shop-saved"));
  });

  privateChat.callbackQuery(anyAdminShopData, (ctx) =>
    ctx.answerCallbackQuery({
      text: ctx.t("order-button-expired"),
      show_alert: true,
    }),
  );
  return composer;
};

/** "-" puts the panel's name back, or the category's price. */
const RESET = "-";

function applyInput(ctx: BotContext, p: PendingInput, text: string): Promise<ChangeResult> {
  const { shop } = ctx.deps;
  const a = actorOf(ctx);
  const reset = text.trim() === RESET;
  switch (p.what) {
    case "categoryMarkup":
      return shop.setCategoryMarkup(a, p.target, reset ? null : text);
    case "categoryPin":
      return shop.setCategoryPin(a, p.target, reset ? null : text);
    case "categoryName":
      return shop.setCategoryName(a, p.target, p.locale, reset ? null : text);
    case "serviceMarkup":
      return shop.setServicePrice(a, p.target, reset ? { kind: "category" } : { kind: "markup", text });
    case "serviceFixed":
      return shop.setServicePrice(a, p.target, reset ? { kind: "category" } : { kind: "fixed", text });
    case "serviceName":
      return shop.setServiceName(a, p.target, p.locale, reset ? null : text);
    case "serviceDescription":
      return shop.setServiceDescription(a, p.target, p.locale, reset ? null : text);
  }
}

function errorText(ctx: BotContext, error: InputError): string {
  return ctx.t("shop-error", { error });
}

async function loadShop(ctx: BotContext): Promise<ShopCatalog | null> {
  try {
    return await ctx.deps.shop.get();
  } catch (e) {
    if (!(e instanceof CatalogUnavailableError)) throw e;
    await html(ctx, ctx.t(ctx.deps.shop.converts ? "shop-unavailable-rate" : "order-catalog-unavailable"));
    return null;
  }
}

async function showCategories(ctx: BotContext, catalog: ShopCatalog, page: number, how: "reply" | "edit"): Promise<void> {
  const shown = paginate(catalog.allCategories, page, PAGE_SIZE);
  const rows = shown.items.map((c) => [
    InlineKeyboard.text(
      `${mark(c.hidden)} ${truncate(c.name(ctx.locale), BUTTON_NAME_MAX)} (${c.visibleServiceIds.length}/${c.serviceIds.length})`,
      adminShopData.category.pack({ categoryKey: c.key, page: 0 }),
    ),
  ]);
  const nav = pageNavigation(shown, (p) => adminShopData.categories.pack({ page: p }));
  const keyboard = new InlineKeyboard([...rows, ...(nav.length ? [nav] : [])]);
  const text = ctx.t("shop-catalog-title", {
    categories: catalog.allCategories.length,
    visible: catalog.categories.length,
    page: shown.page + 1,
    pages: shown.pages,
  });
  if (how === "edit") await editOrReply(ctx, text, keyboard);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

async function showSearch(ctx: BotContext, query: string): Promise<void> {
  const found = (await ctx.deps.shop.search(query, SEARCH_SHOWN)).filter((s) => adminShopData.service.canPack({ serviceId: s.id }));
  if (found.length === 0) return void (await html(ctx, ctx.t("shop-search-none", { query: escapeHtml(truncate(query, 100)) })));
  const keyboard = new InlineKeyboard(
    found.map((s) => [InlineKeyboard.text(`${mark(s.hidden)} #${s.id} ${truncate(s.name(ctx.locale), BUTTON_NAME_MAX)}`, adminShopData.service.pack({ serviceId: s.id }))]),
  );
  await ctx.reply(
    ctx.t("shop-search-found", {
      count: found.length,
      query: escapeHtml(truncate(query, 100)),
    }),
    { parse_mode: "HTML", reply_markup: keyboard },
  );
}

function markupLine(ctx: BotContext, catalog: ShopCatalog, own: string | undefined): string {
  return own !== undefined
    ? ctx.t("shop-markup-own", { markup: `${own}%` })
    : ctx.t("shop-markup-global", {
        markup: `${catalog.rules.globalMarkupPercent}%`,
      });
}

function namesLines(name: (l: Locale) => string, panelName: string): string[] {
  return LOCALES.map((l) => `${l}: ${name(l) === panelName ? "—" : escapeHtml(truncate(name(l), NAME_SHOWN_MAX))}`);
}

function categoryText(ctx: BotContext, catalog: ShopCatalog, c: ShopCategory): string {
  return [
    `<b>${escapeHtml(truncate(c.name(ctx.locale), NAME_SHOWN_MAX))}</b>`,
    ctx.t("shop-panel-name", {
      name: escapeHtml(truncate(c.panelName, NAME_SHOWN_MAX)),
    }),
    ctx.t(c.hidden ? "shop-state-hidden" : "shop-state-visible"),
    markupLine(ctx, catalog, catalog.rules.categoryMarkupPercent?.[c.key]),
    ctx.t("shop-pin", {
      pin: c.pin === undefined ? ctx.t("shop-none") : String(c.pin),
    }),
    ctx.t("shop-services-count", {
      visible: c.visibleServiceIds.length,
      total: c.serviceIds.length,
    }),
    ctx.t("shop-names"),
    ...namesLines((l) => c.name(l), c.panelName),
  ].join("\n");
}

function categoryKeyboard(ctx: BotContext, catalog: ShopCatalog, c: ShopCategory, page: number): InlineKeyboard {
  const ask = (what: AdminInputKind, locale: Locale = ctx.locale) => adminShopData.ask.pack({ what, target: c.key, locale });
  const services = c.serviceIds.filter((id) => adminShopData.service.canPack({ serviceId: id })).map((id) => catalog.service.get(id)!);
  const shown = paginate(services, page, PAGE_SIZE);
  const rows = [
    [
      InlineKeyboard.text(
        ctx.t(c.hidden ? "shop-button-show" : "shop-button-hide"),
        adminShopData.categoryHidden.pack({
          categoryKey: c.key,
          hidden: c.hidden ? "off" : "on",
        }),
      ),
      InlineKeyboard.text(ctx.t("shop-button-markup"), ask("categoryMarkup")),
      InlineKeyboard.text(ctx.t("shop-button-pin"), ask("categoryPin")),
    ],
    LOCALES.map((l) => InlineKeyboard.text(ctx.t("shop-button-rename", { language: l }), ask("categoryName", l))),
    ...shown.items.map((s) => [InlineKeyboard.text(`${mark(s.hidden)} ${truncate(s.name(ctx.locale), BUTTON_NAME_MAX)}`, adminShopData.service.pack({ serviceId: s.id }))]),
  ];
  const nav = pageNavigation(shown, (p) => adminShopData.category.pack({ categoryKey: c.key, page: p }));
  if (nav.length) rows.push(nav);
  rows.push([
    InlineKeyboard.text(
      ctx.t("order-back"),
      adminShopData.categories.pack({
        page: Math.floor(Math.max(0, catalog.allCategories.indexOf(c)) / PAGE_SIZE),
      }),
    ),
  ]);
  return new InlineKeyboard(rows);
}

function serviceText(ctx: BotContext, catalog: ShopCatalog, s: ShopService): string {
  const { shop } = ctx.deps;
  const per = isFlatPriceType(s.panel.type) ? "" : ` ${ctx.t("shop-per-1000")}`;
  const cost: Money = s.panel.rate;
  const costInShop = cost.mul(catalog.exchangeRate);
  const price = s.unit.unit;
  const margin = price.sub(costInShop);
  const percent = price.isZero() ? "—" : `${margin.div(price).mul(100).toDecimalPlaces(1).toFixed()}%`;
  const rule = catalog.rules.service?.[s.id];
  const mode =
    rule?.fixedPrice !== undefined
      ? ctx.t("shop-mode-fixed", { price: money(ctx, new D(rule.fixedPrice)) })
      : rule?.markupPercent !== undefined
        ? ctx.t("shop-mode-markup", { markup: `${rule.markupPercent}%` })
        : ctx.t("shop-mode-category", {
            markup: `${s.unit.markupPercent?.toFixed() ?? catalog.rules.globalMarkupPercent}%`,
          });
  const state = s.atLoss ? "shop-state-at-loss" : s.hidden ? "shop-state-hidden" : "shop-state-visible";
  return [
    `<b>#${escapeHtml(s.id)} ${escapeHtml(truncate(s.name(ctx.locale), NAME_SHOWN_MAX))}</b>`,
    ctx.t("shop-panel-name", {
      name: escapeHtml(truncate(s.panel.name, NAME_SHOWN_MAX)),
    }),
    ctx.t(state),
    mode,
    ctx.t("shop-cost-line", {
      cost: formatMoney(cost, ctx.locale, shop.panelCurrency) + per,
      costInShop: money(ctx, costInShop),
      price: money(ctx, price) + per,
      margin: money(ctx, margin),
      percent,
    }),
    ctx.t("shop-names"),
    ...namesLines((l) => s.name(l), s.panel.name),
  ].join("\n");
}

function serviceKeyboard(ctx: BotContext, catalog: ShopCatalog, s: ShopService): InlineKeyboard {
  const ask = (what: AdminInputKind, locale: Locale = ctx.locale) => adminShopData.ask.pack({ what, target: s.id, locale });
  const ownHidden = catalog.service.get(s.id)?.hidden === true && !s.atLoss;
  const category = catalog.category.get(s.categoryKey);
  const page = category ? Math.floor(Math.max(0, category.serviceIds.indexOf(s.id)) / PAGE_SIZE) : 0;
  return new InlineKeyboard([
    [
      InlineKeyboard.text(
        ctx.t(ownHidden ? "shop-button-show" : "shop-button-hide"),
        adminShopData.serviceHidden.pack({
          serviceId: s.id,
          hidden: ownHidden ? "off" : "on",
        }),
      ),
    ],
    [
      InlineKeyboard.text(ctx.t("shop-button-follow"), adminShopData.serviceFollow.pack({ serviceId: s.id })),
      InlineKeyboard.text(ctx.t("shop-button-markup"), ask("serviceMarkup")),
      InlineKeyboard.text(ctx.t("shop-button-fixed"), ask("serviceFixed")),
    ],
    LOCALES.map((l) => InlineKeyboard.text(ctx.t("shop-button-rename", { language: l }), ask("serviceName", l))),
    LOCALES.map((l) => InlineKeyboard.text(ctx.t("shop-button-describe", { language: l }), ask("serviceDescription", l))),
    [InlineKeyboard.text(ctx.t("order-back"), category ? adminShopData.category.pack({ categoryKey: category.key, page }) : adminShopData.categories.pack({ page: 0 }))],
  ]);
}
