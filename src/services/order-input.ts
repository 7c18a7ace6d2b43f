/**
 * Validation of what a customer types in the order dialog. Pure: no I/O, no grammY, so each rule
 * is tested on its own and the dialog only maps a reason to a localized message.
 */

export type Validated<T, R> = { ok: true; value: T } | { ok: false; error: R };

/** Longest link accepted; panels store links in short columns and Telegram messages hold 4096 chars. */
export const MAX_LINK_LENGTH = 2000;
/** More digits than any panel's maximum quantity: refuses absurd input before Number() loses precision. */
const MAX_QUANTITY_DIGITS = 9;

export type LinkError = "not_url" | "too_long";

// "t.me/channel" or "instagram.com/p/x": people often leave the scheme out.
const BARE_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;

/** An http(s) link to a public host; a bare domain gets "https://". */
export function parseLink(text: string): Validated<string, LinkError> {
  const raw = text.trim();
  if (raw.length > MAX_LINK_LENGTH) return { ok: false, error: "too_long" };
  if (raw === "" || /\s/.test(raw)) return { ok: false, error: "not_url" };
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : BARE_DOMAIN.test(raw) ? `https://${raw}` : null;
  if (candidate === null) return { ok: false, error: "not_url" };
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, error: "not_url" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, error: "not_url" };
  // A host without a dot (localhost, an intranet name) is no social media page; credentials never belong in it.
  if (!url.hostname.includes(".") || url.username !== "" || url.password !== "") return { ok: false, error: "not_url" };
  return { ok: true, value: candidate };
}

export type QuantityError = "not_number" | "below_min" | "above_max";

/** A whole number within [min, max]; spaces as thousands separators are allowed ("10 000"). */
export function parseQuantity(text: string, min: number, max: number): Validated<number, QuantityError> {
  const digits = text.trim().replace(/[\s\u00a0\u202f_]/g, "");
  if (!/^\d+$/.test(digits)) return { ok: false, error: "not_number" };
  if (digits.replace(/^0+/, "").length > MAX_QUANTITY_DIGITS) return { ok: false, error: "above_max" };
  const quantity = Number(digits);
  if (quantity < min) return { ok: false, error: "below_min" };
  if (quantity > max) return { ok: false, error: "above_max" };
  return { ok: true, value: quantity };
}

export type CommentsError = { reason: "below_min" | "above_max"; count: number };

/** Custom Comments: one comment per line, blank lines dropped; their count is the quantity. */
export function parseComments(text: string, min: number, max: number): Validated<string[], CommentsError> {
  const comments = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (comments.length < min) return { ok: false, error: { reason: "below_min", count: comments.length } };
  if (comments.length > max) return { ok: false, error: { reason: "above_max", count: comments.length } };
  return { ok: true, value: comments };
}

/**
 * Drip-feed bounds. Panels take any whole runs and interval; these keep an order sensible: at most
 * MAX_RUNS deliveries, at most a week between two of them.
 */
export const MIN_RUNS = 2;
export const MAX_RUNS = 1000;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/** The most runs of `quantity` each that stay within the service maximum (quantity × runs ≤ max). */
export const maxRunsFor = (quantity: number, serviceMax: number): number => Math.min(MAX_RUNS, Math.floor(serviceMax / Math.max(1, quantity)));

/** Drip-feed runs: from MIN_RUNS up to what keeps quantity × runs within the service maximum. */
export const parseRuns = (text: string, quantity: number, serviceMax: number): Validated<number, QuantityError> => parseQuantity(text, MIN_RUNS, maxRunsFor(quantity, serviceMax));

/** Minutes between two drip-feed runs. */
export const parseInterval = (text: string): Validated<number, QuantityError> => parseQuantity(text, 1, MAX_INTERVAL_MINUTES);
