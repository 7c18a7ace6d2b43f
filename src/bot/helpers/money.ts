import type { Money } from "../../money.js";
import { formatMoney } from "../../text/format.js";
import type { BotInnerContext } from "../context.js";

/** An amount in the shop's currency, written the way the user's language writes it. */
export const money = (ctx: Pick<BotInnerContext, "locale" | "deps">, amount: Money): string => formatMoney(amount, ctx.locale, ctx.deps.config.currency);
