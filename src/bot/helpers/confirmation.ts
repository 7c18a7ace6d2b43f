/**
 * The order confirmation: what the dialog shows at its end, and what Confirm shows again when the
 * price changed in between (services/placement.ts "repriced"): the same text from the draft record.
 */
import { D, type Money } from "../../money.js";
import { orderKind } from "../../store/catalog.js";
import type { OrderRecord } from "../../store/orders.js";
import { formatInt } from "../../text/format.js";
import { escapeHtml, truncate } from "../../text/html.js";
import type { BotInnerContext } from "../context.js";
import { confirmKeyboard } from "../keyboards/catalog.js";
import { money } from "./money.js";

/** How much of a link the confirmation repeats; the full link is stored and sent to the panel. */
const LINK_SHOWN_MAX = 300;
/** Panel names have no length limit; messages must stay within 4096 characters. */
const NAME_SHOWN_MAX = 200;

type Shown = Pick<OrderRecord, "id" | "serviceName" | "serviceType" | "link" | "quantity" | "price">;

/** Sends the confirmation of this draft, with its Confirm/Cancel buttons; `notice` goes first. */
export async function sendConfirmation(ctx: BotInnerContext, draft: Shown, balance: Money, notice?: string): Promise<void> {
  const price = new D(draft.price);
  const kind = orderKind(draft.serviceType);
  const lines = notice ? [notice, ""] : [];
  lines.push(
    ctx.t("order-confirm-title"),
    "",
    ctx.t("order-confirm-service", {
      service: escapeHtml(truncate(draft.serviceName, NAME_SHOWN_MAX)),
    }),
    ctx.t("order-confirm-link", {
      link: escapeHtml(truncate(draft.link, LINK_SHOWN_MAX)),
    }),
  );
  if (kind === "default")
    lines.push(
      ctx.t("order-confirm-quantity", {
        quantity: formatInt(draft.quantity, ctx.locale),
      }),
    );
  if (kind === "comments")
    lines.push(
      ctx.t("order-confirm-comments", {
        count: formatInt(draft.quantity, ctx.locale),
      }),
    );
  lines.push(ctx.t("order-confirm-price", { price: money(ctx, price) }), ctx.t("order-confirm-balance", { balance: money(ctx, balance) }));
  lines.push(
    balance.gte(price)
      ? ctx.t("order-confirm-after", { after: money(ctx, balance.sub(price)) })
      : ctx.t("order-confirm-short", {
          shortfall: money(ctx, price.sub(balance)),
        }),
  );
  await ctx.reply(lines.join("\n"), {
    parse_mode: "HTML",
    reply_markup: confirmKeyboard(draft.id, {
      confirm: ctx.t("order-button-confirm"),
      cancel: ctx.t("order-button-cancel"),
    }),
    link_preview_options: { is_disabled: true },
  });
}
