/**
 * Promo codes in the chat. Customers: the "🎁 Promo code" button (asks for the code: one of the
 * dialogs of conversations/active-dialog.ts) or `/promo CODE`. Admins: `/promo create …`,
 * `/promo list`, `/promo disable CODE` (services/promo.ts checks every argument).
 */
import { D } from "../../money.js";
import { createPromo, disablePromo, listPromos, parsePromoCreate, PROMO_SUBCOMMANDS, redeemPromo, type RedeemResult } from "../../services/promo.js";
import type { HeldDiscount, PromoRecord } from "../../store/promos.js";
import type { BotContext, Feature } from "../context.js";
import { dialogUnderWay, enterPromoDialog, takeDialog } from "../conversations/active-dialog.js";
import { isAdmin } from "../filters/is-admin.js";
import { html, htmlLines } from "../helpers/admin-views.js";
import { money } from "../helpers/money.js";
import { allMenuLabels, mainMenu, menuLabels } from "../keyboards/main-menu.js";
import { formatDateTime, formatInt } from "../../text/format.js";
import { escapeHtml } from "../../text/html.js";
import { FeatureComposer } from "../composer.js";

export const promoFeature: Feature = (deps) => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");
  const menuTexts = allMenuLabels(deps.i18n);

  const ask = async (ctx: BotContext) => {
    await enterPromoDialog(ctx);
    await ctx.reply(ctx.t("promo-ask"));
  };
  privateChat.hears(menuLabels(deps.i18n, "menu-promo"), ask);

  // Before the order walk's and help's /cancel, which it hands on to when no code is being asked for.
  privateChat.command("cancel", async (ctx, next) => {
    if ((await takeDialog(ctx, "promo")) === null) return next();
    await ctx.reply(ctx.t("promo-cancelled"), { reply_markup: mainMenu((k) => ctx.t(k)) });
  });

  privateChat.command("promo", async (ctx) => {
    const words = ctx.match.trim().split(/\s+/).filter(Boolean);
    const sub = words[0]?.toLowerCase();
    if (isAdmin(ctx) && sub && (PROMO_SUBCOMMANDS as readonly string[]).includes(sub)) return adminPromo(ctx, sub, words.slice(1));
    if (words.length === 0) return ask(ctx);
    await takeDialog(ctx, "promo");
    await reportRedeem(ctx, await redeemPromo(ctx.deps, ctx.from.id, words.join(" ")));
  });

  // The answer to "send your promo code". A command or a menu button ends the question and goes on.
  privateChat.on("message:text", async (ctx, next) => {
    if (dialogUnderWay(ctx, "promo") === null) return next();
    const text = ctx.message.text;
    if (text.startsWith("/") || menuTexts.has(text)) {
      await takeDialog(ctx, "promo");
      return next();
    }
    // Taking is the claim: of two texts at once, only the first is taken as the code.
    if ((await takeDialog(ctx, "promo")) === null) return next();
    await reportRedeem(ctx, await redeemPromo(ctx.deps, ctx.from.id, text));
  });

  return composer;
};

const pct = (percent: string) => new D(percent).toFixed();

function heldTerms(ctx: BotContext, held: Pick<HeldDiscount, "percent" | "cap" | "minOrder">): string {
  const terms = ctx.t("promo-terms-discount", { percent: pct(held.percent), cap: money(ctx, new D(held.cap ?? "0")) });
  return held.minOrder ? `${terms}, ${ctx.t("promo-terms-min", { min: money(ctx, new D(held.minOrder)) })}` : terms;
}

async function reportRedeem(ctx: BotContext, r: RedeemResult): Promise<void> {
  const code = escapeHtml(r.code);
  const menu = { parse_mode: "HTML" as const, reply_markup: mainMenu((k) => ctx.t(k)) };
  switch (r.outcome) {
    case "credited":
      return void (await ctx.reply(ctx.t("promo-credited", { code, amount: money(ctx, r.promo!.amount!), balance: money(ctx, r.balance) }), menu));
    case "held": {
      const p = r.promo!;
      const terms = heldTerms(ctx, { percent: p.percent ?? "0", cap: p.cap?.toFixed(), minOrder: p.minOrder?.toFixed() });
      return void (await ctx.reply(ctx.t("promo-discount-held", { code, terms }), menu));
    }
    case "other_held":
      return void (await ctx.reply(ctx.t("promo-other-held", { code: escapeHtml(r.held.code), terms: heldTerms(ctx, r.held) }), menu));
    case "unknown":
      return void (await ctx.reply(ctx.t("promo-unknown", { code }), menu));
    case "disabled":
      return void (await ctx.reply(ctx.t("promo-disabled", { code }), menu));
    case "expired":
      return void (await ctx.reply(ctx.t("promo-expired", { code }), menu));
    case "already":
      return void (await ctx.reply(ctx.t("promo-already", { code }), menu));
    case "used_up":
      return void (await ctx.reply(ctx.t("promo-used-up", { code }), menu));
  }
}

function promoTerms(ctx: BotContext, p: PromoRecord): string {
  if (p.kind === "credit") return ctx.t("promo-terms-credit", { amount: money(ctx, p.amount ?? new D(0)) });
  return heldTerms(ctx, { percent: p.percent ?? "0", cap: p.cap?.toFixed(), minOrder: p.minOrder?.toFixed() });
}

function promoState(p: PromoRecord, now: number): string {
  if (p.disabled) return "disabled";
  if (now >= p.expiresAt) return "expired";
  return p.used >= p.uses ? "used_up" : "active";
}

async function adminPromo(ctx: BotContext, sub: string, args: string[]): Promise<void> {
  const { deps } = ctx;
  if (sub === "create") {
    const parsed = parsePromoCreate(args, ctx.from!.id);
    if (!parsed.ok) {
      const text = ctx.t(parsed.error.key, escapeVars(parsed.error.vars));
      await html(ctx, parsed.error.key === "promo-err-usage" ? text : `${text}\n\n${ctx.t("promo-err-usage")}`);
      return;
    }
    const promo = parsed.value;
    const code = escapeHtml(promo.code);
    if (!(await createPromo(deps, promo))) return void (await html(ctx, ctx.t("promo-exists", { code })));
    const terms = promoTerms(ctx, { ...promo, used: 0, disabled: false, createdAt: Date.now() });
    await html(ctx, ctx.t("promo-created", { code, terms, uses: formatInt(promo.uses, ctx.locale), expires: formatDateTime(promo.expiresAt) }));
    return;
  }
  if (sub === "list") {
    const promos = await listPromos(deps);
    if (promos.length === 0) return void (await html(ctx, ctx.t("promo-list-empty")));
    const now = Date.now();
    const rows = promos.map((p) =>
      ctx.t("promo-list-row", {
        code: escapeHtml(p.code),
        terms: promoTerms(ctx, p),
        used: formatInt(p.used, ctx.locale),
        uses: formatInt(p.uses, ctx.locale),
        expires: formatDateTime(p.expiresAt),
        state: promoState(p, now),
      }),
    );
    await htmlLines(ctx, [ctx.t("promo-list-title"), ...rows]);
    return;
  }
  // disable
  const raw = args[0];
  if (!raw || args.length > 1) return void (await html(ctx, ctx.t("promo-err-usage")));
  const done = await disablePromo(deps, raw, ctx.from!.id);
  await html(ctx, ctx.t(done ? "promo-disable-done" : "promo-not-found", { code: escapeHtml(raw.toUpperCase().slice(0, 40)) }));
}

const escapeVars = (vars: Record<string, string> | undefined) => Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, escapeHtml(v)]));
