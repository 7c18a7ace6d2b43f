/**
 * Callback data defined once per button family. A family is a prefix and typed fields; from it
 * come the packed string (`pack`), the grammY trigger that matches it (`filter`) and the values
 * back (`unpack`), so the builder and the pattern cannot drift apart. Packed as
 * `prefix:field:field`; a field never contains ":".
 *
 * Telegram refuses callback data over 64 bytes: a family whose longest data could exceed that
 * fails when it is defined (at start), and `pack` checks every string it returns. Data can be
 * forged: handlers still check every value against Redis and the catalog.
 *
 * The shape follows the `callback-data` package of the grammY template (pack/filter/unpack), with
 * what it lacks here: per-field patterns (ids, enums, exact decimals) and the length check.
 */
import { D, type Money } from "../../money.js";

const CALLBACK_DATA_MAX_BYTES = 64;

export interface Field<T> {
  /** regex source of one packed value: no ":", no capturing groups */
  readonly pattern: string;
  /** the longest packed value, in bytes */
  readonly maxBytes: number;
  format(value: T): string;
  parse(raw: string): T;
}

export const field = {
  /** a whole number 0 … 10^digits - 1 (a page, a local order id) */
  int(digits: number): Field<number> {
    return { pattern: `\\d{1,${digits}}`, maxBytes: digits, format: (n) => String(n), parse: Number };
  },
  /** `min`…`max` characters of an ASCII character class such as `[\\w.-]` (an opaque id) */
  text(charClass: string, max: number, min = 1): Field<string> {
    return { pattern: `${charClass}{${min},${max}}`, maxBytes: max, format: (s) => s, parse: (s) => s };
  },
  /** one of a few values, packed as a short code of its own (`{ approved: "a", rejected: "r" }`) */
  code<T extends string>(codes: Record<T, string>): Field<T> {
    const entries = Object.entries(codes) as [T, string][];
    const byCode = new Map(entries.map(([value, code]) => [code, value]));
    return {
      pattern: `(?:${entries.map(([, code]) => escapeRegex(code)).join("|")})`,
      maxBytes: Math.max(...entries.map(([, code]) => Buffer.byteLength(code))),
      format: (value) => codes[value],
      parse: (code) => byCode.get(code)!,
    };
  },
  /** one of a few ASCII strings, packed as itself (a locale code) */
  oneOf(values: readonly string[]): Field<string> {
    return field.code(Object.fromEntries(values.map((v) => [v, v])));
  },
  /** an exact decimal, `intDigits` before and at most `fracDigits` after the point (an amount) */
  decimal(intDigits: number, fracDigits: number): Field<Money> {
    return {
      pattern: `\\d{1,${intDigits}}(?:\\.\\d{1,${fracDigits}})?`,
      maxBytes: intDigits + 1 + fracDigits,
      format: (amount) => amount.toFixed(),
      parse: (raw) => new D(raw),
    };
  },
};

type Fields = Record<string, Field<unknown>>;
export type ValuesOf<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };
/** `pack()` for a family without fields, `pack(values)` otherwise */
type PackArgs<F extends Fields> = keyof F extends never ? [] : [values: ValuesOf<F>];

export interface CallbackData<F extends Fields> {
  readonly prefix: string;
  /** the data of this family only: `composer.callbackQuery(family.filter(), …)` */
  filter(): RegExp;
  /** the callback data for these values; throws for a value its field cannot carry or over 64 bytes */
  pack(...args: PackArgs<F>): string;
  /** whether `pack` takes these values (a panel id that cannot travel in callback data is not offered) */
  canPack(...args: PackArgs<F>): boolean;
  /** the values in data that `filter()` matched; throws for any other data */
  unpack(data: string): ValuesOf<F>;
}

export function createCallbackData<F extends Fields = Record<never, never>>(prefix: string, fields: F = {} as F): CallbackData<F> {
  const names = Object.keys(fields);
  if (!/^[\w-]+(?::[\w-]+)*$/.test(prefix)) throw new Error(`callback data prefix ${prefix}: letters, digits, "-" and ":" only`);
  const longest = Buffer.byteLength(prefix) + names.reduce((sum, name) => sum + 1 + fields[name]!.maxBytes, 0);
  if (longest > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data ${prefix}: up to ${longest} bytes, Telegram takes ${CALLBACK_DATA_MAX_BYTES}`);
  const regex = new RegExp(`^${escapeRegex(prefix)}${names.map((name) => `:(?<${name}>${fields[name]!.pattern})`).join("")}$`);
  const valuePatterns = new Map(names.map((name) => [name, new RegExp(`^${fields[name]!.pattern}$`)]));

  const tryPack = (values: Record<string, unknown>): string | null => {
    const parts = [prefix];
    for (const name of names) {
      const packed = fields[name]!.format(values[name]);
      if (typeof packed !== "string" || !valuePatterns.get(name)!.test(packed)) return null;
      parts.push(packed);
    }
    const data = parts.join(":");
    return Buffer.byteLength(data) <= CALLBACK_DATA_MAX_BYTES ? data : null;
  };

  return {
    prefix,
    filter: () => regex,
    pack(...args) {
      const data = tryPack(args[0] ?? {});
      if (data === null) throw new Error(`callback data ${prefix}: cannot pack ${JSON.stringify(args[0])}`);
      return data;
    },
    canPack: (...args) => tryPack(args[0] ?? {}) !== null,
    unpack(data) {
      const groups = regex.exec(data)?.groups ?? (names.length === 0 && regex.test(data) ? {} : undefined);
      if (!groups) throw new Error(`callback data ${prefix}: not its data`);
      return Object.fromEntries(names.map((name) => [name, fields[name]!.parse(groups[name]!)])) as ValuesOf<F>;
    },
  };
}

/**
 * Any data under these families' prefixes, valid or not. Registered after a feature's handlers,
 * it answers stale buttons (from before a deploy) and forged ones instead of leaving them spinning.
 */
export function anyDataOf(...families: { readonly prefix: string }[]): RegExp {
  return new RegExp(`^(?:${families.map((f) => escapeRegex(f.prefix)).join("|")})(?::|$)`);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
