import { z } from "zod";
import { parseDecimal, type Money } from "../money.js";
import { normalizeOrderStatus, normalizeRefillStatus } from "./status.js";

/*
 * Panels disagree on types: numbers come as "50" or 50, booleans as true, 1 or "1", ids as
 * numbers or strings. These primitives accept every form seen in the wild and give one type.
 */

/** Opaque id: panels use integers, some use other strings. Always a string here. */
export const idLike = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String);

const decimalLike = z.union([z.string(), z.number()]).transform((v, ctx): Money => {
  const d = parseDecimal(v);
  if (!d) {
    ctx.addIssue({ code: "custom", message: `not a decimal: ${String(v).slice(0, 30)}` });
    return z.NEVER;
  }
  return d;
});

/** Whole numbers as most panels write them, read without a Decimal (every status answer has two). */
const PLAIN_INT = /^-?\d{1,15}$/;

/** An integer that may be missing, null, "" or a decimal-looking string ("100.0"). */
const intOrNull = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number" ? Number.isSafeInteger(v) : PLAIN_INT.test(v)) return Number(v) || 0;
    const d = parseDecimal(v);
    return d ? d.trunc().toNumber() : null;
  });

/**
 * `remains` as the bot uses it: nothing left is 0. Panels report over-delivery as a negative
 * remains ("-2"), which means nothing remains; "Unknown" and other words are no value (null).
 */
const remainsLike = intOrNull.transform((n) => (n !== null && n < 0 ? 0 : n));

const requiredInt = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const d = parseDecimal(v);
  if (!d) {
    ctx.addIssue({ code: "custom", message: "not a number" });
    return z.NEVER;
  }
  return d.trunc().toNumber();
});

export const boolLike = z
  .union([z.boolean(), z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => v === true || v === 1 || (typeof v === "string" && ["1", "true", "yes"].includes(v.trim().toLowerCase())));

const text = z.union([z.string(), z.number()]).transform(String);
/** A text a panel may also send as null (PHP clones write null for an unset column): read as "", which the service's defaults then fill. */
const textOrNull = z.union([z.string(), z.number(), z.null()]).transform((v) => (v === null ? "" : String(v)));

export const serviceSchema = z
  .object({
    service: idLike,
    name: textOrNull,
    type: textOrNull.optional(),
    category: textOrNull.optional(),
    rate: decimalLike,
    min: requiredInt,
    max: requiredInt,
    refill: boolLike,
    cancel: boolLike,
    dripfeed: boolLike,
    desc: z.string().optional().catch(undefined),
    description: z.string().optional().catch(undefined),
  })
  .transform((s) => ({
    id: s.service,
    name: s.name.trim() || `#${s.service}`,
    type: s.type?.trim() || "Default",
    category: s.category?.trim() || "Other",
    rate: s.rate,
    min: s.min,
    max: s.max,
    refill: s.refill,
    cancel: s.cancel,
    dripfeed: s.dripfeed,
    description: (s.description ?? s.desc)?.trim() || undefined,
  }));
export type PanelService = z.output<typeof serviceSchema>;

export const orderStatusSchema = z
  .object({
    status: text,
    charge: decimalLike.nullable().optional().catch(null),
    start_count: intOrNull.catch(null),
    remains: remainsLike.catch(null),
    currency: z.string().optional().catch(undefined),
  })
  .transform((s) => ({
    status: normalizeOrderStatus(s.status),
    statusRaw: s.status,
    charge: s.charge ?? null,
    startCount: s.start_count,
    remains: s.remains,
    currency: s.currency,
  }));
export type PanelOrderStatus = z.output<typeof orderStatusSchema>;

export const refillStatusSchema = text.transform((raw) => ({ status: normalizeRefillStatus(raw), statusRaw: raw }));
export type PanelRefillStatus = z.output<typeof refillStatusSchema>;

export const addAnswerSchema = z.object({ order: idLike });
export const refillAnswerSchema = z.object({ refill: idLike });
export const balanceSchema = z.object({ balance: decimalLike, currency: z.string().optional().catch(undefined) });

/** One id's part of a multi answer: a value, or that id's own error. */
export type PerId<T> = { ok: true; value: T } | { ok: false; error: string };

/** `{"error": "..."}`, a bare string, or anything else that is not the expected value. */
export function perIdError(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "error" in value) return String(value.error);
  return null;
}
