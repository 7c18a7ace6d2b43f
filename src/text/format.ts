/**
 * Numbers, money and dates as the customer reads them. Money is formatted by hand from the exact
 * decimal: Intl would go through a binary float.
 */
import { MONEY_SCALE, type Money } from "../money.js";

interface NumberStyle {
  group: string;
  point: string;
}

/** uz and ru group with a no-break space and use a decimal comma; en uses "1,234.50". */
function numberStyle(locale: string): NumberStyle {
  if (locale.startsWith("uz") || locale.startsWith("ru")) return { group: "\u00a0", point: "," };
  return { group: ",", point: "." };
}

const groupDigits = (digits: string, group: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);

/** en "1,234.50 USD", uz "1 234,50 USD". At least 2 decimals, up to 5 when they matter. */
export function formatMoney(d: Money, locale: string, currency: string): string {
  const fixed = d.toFixed(MONEY_SCALE);
  const negative = fixed.startsWith("-");
  const [intPart = "0", fracRaw = ""] = fixed.replace("-", "").split(".");
  let frac = fracRaw.replace(/0+$/, "");
  if (frac.length < 2) frac = frac.padEnd(2, "0");
  const { group, point } = numberStyle(locale);
  return `${negative ? "-" : ""}${groupDigits(intPart, group)}${point}${frac} ${currency}`;
}

/** Whole numbers (quantities, counts) grouped per locale. */
export function formatInt(n: number, locale: string): string {
  const s = String(Math.trunc(n));
  const negative = s.startsWith("-");
  return `${negative ? "-" : ""}${groupDigits(s.replace("-", ""), numberStyle(locale).group)}`;
}

/** Dates in one unambiguous form: the server's time zone means nothing to the customer. */
export function formatDateTime(ms: number | undefined): string {
  return ms ? `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC` : "—";
}

/** A wait named by the panel ("1 day 2 hours"), in the customer's language ("1 kun 2 soat"). */
export function formatWait(parts: ReadonlyArray<{ amount: number; unit: "week" | "day" | "hour" | "minute" | "second" }>, locale: string): string {
  return parts.map((p) => new Intl.NumberFormat(locale, { style: "unit", unit: p.unit, unitDisplay: "long", maximumFractionDigits: 1 }).format(p.amount)).join(" ");
}
