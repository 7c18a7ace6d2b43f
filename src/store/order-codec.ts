/**
 * The order record as Redis keeps it (format 2): one hash per order whose field names are short
 * codes from the table below, with fields that say nothing left out. The table is the one place
 * the codes are defined: TypeScript encodes and decodes through it, and the Lua scripts read and
 * write the same codes through `scripts/includes/orderFields.lua`, which is generated from it
 * (`orderFieldsLua`; a unit test keeps the file equal to what the table makes).
 *
 * Why: format 1 wrote each order's 25 long field names into its hash (about 570 B an order). Short
 * codes and omitted defaults keep the hash in Redis's listpack encoding at well under half that.
 * Values are unchanged strings (decimal strings for money, whole ms for times), so every script's
 * arithmetic and every compare-and-set reads what it read before.
 *
 * Format 1 records (long names, `placement` present) are still read: `decodeHash` takes both, every
 * order script first rewrites a format-1 record it touches (`orderUpgrade`), and the worker's
 * background pass (`OrderStore.migrateStep`) rewrites the rest a few hundred at a time.
 */

/** One stored field: its name in OrderRecord (or the store's own bookkeeping) and its code. */
interface FieldSpec {
  name: string;
  code: string;
}

/**
 * Name ↔ code. Codes are 1–2 characters and never change once released (records carry them);
 * a new field takes a new code. Left out when they say nothing: `id` (the key has it), `chatId`
 * when it equals `userId` (private chats), `canRefill`/`canCancel` when false, `serviceType` when
 * "Default".
 */
export const ORDER_FIELDS: readonly FieldSpec[] = [
  { name: "userId", code: "u" },
  { name: "chatId", code: "c" },
  { name: "locale", code: "lc" },
  { name: "serviceId", code: "s" },
  { name: "serviceName", code: "sn" },
  { name: "serviceType", code: "t" },
  { name: "category", code: "g" },
  { name: "link", code: "l" },
  { name: "quantity", code: "q" },
  { name: "comments", code: "cm" },
  { name: "runs", code: "rn" },
  { name: "interval", code: "iv" },
  { name: "rate", code: "r" },
  { name: "price", code: "pr" },
  { name: "listPrice", code: "lp" },
  { name: "discount", code: "dc" },
  { name: "promo", code: "pm" },
  { name: "exchangeRate", code: "xr" },
  { name: "panelCost", code: "pc" },
  { name: "canRefill", code: "cr" },
  { name: "canCancel", code: "cc" },
  { name: "placement", code: "p" },
  { name: "panelOrderId", code: "pi" },
  { name: "failReason", code: "fr" },
  { name: "status", code: "st" },
  { name: "statusRaw", code: "sr" },
  { name: "startCount", code: "sc" },
  { name: "remains", code: "rm" },
  { name: "charge", code: "ch" },
  { name: "refunded", code: "rf" },
  { name: "panelError", code: "pe" },
  { name: "refillId", code: "ri" },
  { name: "refillStatus", code: "rs" },
  { name: "createdAt", code: "a" },
  { name: "updatedAt", code: "ua" },
  { name: "placedAt", code: "pa" },
  // The store's bookkeeping, not in OrderRecord.
  /** the price in units of 0.00001: what the money scripts move */
  { name: "priceUnits", code: "pu" },
  /** the panel's cost in units of the shop currency (the margin counter) */
  { name: "costUnits", code: "cu" },
  /** "1": the shop's counters hold this order's contribution (includes/stats.lua) */
  { name: "cnt", code: "n" },
  /** the bucket of its service's list it is in (keys.serviceList); none: the older zset (keys.serviceOrders) */
  { name: "serviceSlot", code: "sb" },
  // The poller's bookkeeping (src/poller/tracker.ts).
  { name: "pollSeq", code: "ps" },
  { name: "pollChangedAt", code: "pt" },
  { name: "pollErrors", code: "px" },
  { name: "pollErrorSince", code: "py" },
  { name: "refillChangedAt", code: "rt" },
  { name: "refillErrors", code: "rx" },
  { name: "refillErrorSince", code: "ry" },
];

/** The field every record of format 2 has (and format 1 has under its long name). */
const MARKER = "placement";

const CODE_OF = new Map(ORDER_FIELDS.map((f) => [f.name, f.code]));
const NAME_OF = new Map(ORDER_FIELDS.map((f) => [f.code, f.name]));
const BOOLEANS = new Set(["canRefill", "canCancel"]);
/** format 1 wrote it; the key carries it */
const DROPPED = "id";
const DEFAULT_SERVICE_TYPE = "Default";

/**
 * Redis keeps a hash compact (listpack) only while every value is at most hash-max-listpack-value
 * bytes, 64 by default: one longer value turns the whole record into a hashtable, about five times
 * the memory (a link with tracking parameters is often longer). Fields only TypeScript reads are
 * stored in pieces of at most 64 bytes, cut between characters: under their code, then code + "2",
 * code + "3", … A value of more than MAX_CHUNKS pieces is stored whole.
 */
const CHUNKED = new Set(["link", "comments"]);
const CHUNK_BYTES = 64;
const MAX_CHUNKS = 32;
const chunkCodes = (code: string): string[] => Array.from({ length: MAX_CHUNKS - 1 }, (_, i) => `${code}${i + 2}`);
const CHUNK_CODES = new Set([...CHUNKED].flatMap((name) => chunkCodes(fieldCode(name))));

/** A value in pieces of at most CHUNK_BYTES bytes of UTF-8, each as long as it can be. */
function chunks(value: string): string[] {
  if (Buffer.byteLength(value) <= CHUNK_BYTES) return [value];
  const out: string[] = [];
  let piece = "";
  let bytes = 0;
  for (const ch of value) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > CHUNK_BYTES) {
      out.push(piece);
      piece = "";
      bytes = 0;
    }
    piece += ch;
    bytes += n;
  }
  out.push(piece);
  return out;
}

/** A field's value as stored: code → value, in pieces for the chunked fields. */
function storedAs(name: string, value: string): Array<[string, string]> {
  const code = fieldCode(name);
  if (!CHUNKED.has(name)) return [[code, value]];
  const pieces = chunks(value);
  if (pieces.length > MAX_CHUNKS) return [[code, value]];
  return pieces.map((p, i) => [i === 0 ? code : `${code}${i + 1}`, p]);
}

/** A chunked field's value from its pieces (code, code2, …), read by `at`. */
function joined(code: string, at: (code: string) => string | null | undefined): string | undefined {
  let value = at(code);
  if (value === null || value === undefined) return undefined;
  for (const c of chunkCodes(code)) {
    const piece = at(c);
    if (piece === null || piece === undefined) break;
    value += piece;
  }
  return value;
}

/** The code a field is stored under; a name not in the table is stored as itself. */
export function fieldCode(name: string): string {
  return CODE_OF.get(name) ?? name;
}

export const MARKER_CODE = fieldCode(MARKER);

/** Whether a field (by name, value as stored in format 1) is left out of a format-2 record. */
function omitted(name: string, value: string, record: Readonly<Record<string, string | undefined>>): boolean {
  if (name === DROPPED) return true;
  if (BOOLEANS.has(name)) return value !== "1";
  if (name === "serviceType") return value === DEFAULT_SERVICE_TYPE;
  if (name === "chatId") return value === record.userId;
  return false;
}

/** What a left-out field reads back as. */
function defaultOf(name: string, record: Readonly<Record<string, string>>): string | undefined {
  if (BOOLEANS.has(name)) return "0";
  if (name === "serviceType") return DEFAULT_SERVICE_TYPE;
  if (name === "chatId") return record.userId;
  return undefined;
}

/**
 * A whole record by field name (values as strings) → the format-2 hash. `record` gives the
 * context of the rules that compare fields (chatId against userId).
 */
export function encodeRecord(record: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || omitted(name, value, record)) continue;
    for (const [code, v] of storedAs(name, value)) out[code] = v;
  }
  return out;
}

/**
 * Some fields of a stored record (by name) → what to HSET and HDEL: a field set to its default
 * is deleted, since absence stands for the default. `userId` is the record's, for chatId's rule.
 */
export function encodeUpdate(fields: Readonly<Record<string, string | null | undefined>>, userId?: string): { set: Record<string, string>; del: string[] } {
  const set: Record<string, string> = {};
  const del: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || name === DROPPED) continue;
    const stored = value === null || omitted(name, value, { userId, [name]: value }) ? [] : storedAs(name, value);
    for (const [code, v] of stored) set[code] = v;
    const all = CHUNKED.has(name) ? [fieldCode(name), ...chunkCodes(fieldCode(name))] : [fieldCode(name)];
    for (const code of all) if (set[code] === undefined) del.push(code);
  }
  return { set, del };
}

/** Whether a stored hash (HGETALL) is a record of format 1. */
export function isFormat1(h: Readonly<Record<string, string>>): boolean {
  return h[MARKER] !== undefined;
}

/**
 * A stored hash of either format → the record by field name, every left-out field filled in with
 * what it stands for, plus `id`. An empty hash (no record) → null.
 */
export function decodeHash(id: string, h: Readonly<Record<string, string>>): Record<string, string> | null {
  if (isFormat1(h)) return { ...h, id };
  if (h[MARKER_CODE] === undefined) return null;
  const out: Record<string, string> = { id };
  for (const [code, value] of Object.entries(h)) if (!CHUNK_CODES.has(code)) out[NAME_OF.get(code) ?? code] = value;
  for (const name of CHUNKED) {
    const value = joined(fieldCode(name), (c) => h[c]);
    if (value !== undefined) out[name] = value;
  }
  for (const name of ["chatId", "serviceType", ...BOOLEANS]) if (out[name] === undefined) out[name] = defaultOf(name, out)!;
  return out;
}

/**
 * How to read `names` of format-2 records with HMGET: `codes` to ask for (the names' codes, then
 * the marker and userId, chatId's context, when not among them) and `decode` for each answer: the
 * present fields by name with left-out ones filled in, or null when the record is not of format 2
 * (absent, or still of format 1: read it by its names). Built once per list of names, since the
 * poller reads thousands of records with one.
 */
export function fieldReader<F extends string>(names: readonly F[]): { codes: string[]; decode(values: ReadonlyArray<string | null>): Partial<Record<F, string>> | null } {
  const codes = names.map(fieldCode);
  const extra = (code: string) => {
    const at = codes.indexOf(code);
    if (at >= 0) return at;
    codes.push(code);
    return codes.length - 1;
  };
  const markerAt = extra(MARKER_CODE);
  const userAt = extra(fieldCode("userId"));
  const defaults = names.map((name) => (name === "id" ? undefined : name));
  // A chunked field's pieces: where in the answer each code is.
  const pieces = names.map((name) => (CHUNKED.has(name) ? new Map(chunkCodes(fieldCode(name)).map((c) => [c, extra(c)])) : undefined));
  return {
    codes,
    decode(values) {
      if ((values[markerAt] ?? null) === null) return null;
      const out: Partial<Record<F, string>> = {};
      for (let i = 0; i < names.length; i++) {
        const at = pieces[i];
        const v = at ? (joined(codes[i]!, (c) => (c === codes[i] ? values[i] : values[at.get(c)!])) ?? null) : (values[i] ?? null);
        if (v !== null) out[names[i]!] = v;
        else if (defaults[i] !== undefined) {
          const d = defaultOf(defaults[i]!, { userId: values[userAt] ?? "" });
          if (d !== undefined && d !== "") out[names[i]!] = d;
        }
      }
      return out;
    },
  };
}

/**
 * The Lua include of the codes and of the format-1 upgrade: the table as Lua sources it, the same
 * rules for what is left out. Written to scripts/includes/orderFields.lua (see the unit test).
 */
export function orderFieldsLua(): string {
  const width = Math.max(...ORDER_FIELDS.map((f) => f.name.length));
  const rows = ORDER_FIELDS.map((f) => `  ${f.name.padEnd(width)} = '${f.code}',`).join("\n");
  return `--[[
  GENERATED from src/store/order-codec.ts (ORDER_FIELDS): edit the table there, then write this
  file again with \`npx tsx -e "import('./src/store/order-codec.ts').then((m) => process.stdout.write(m.orderFieldsLua()))" > src/store/scripts/includes/orderFields.lua\`
  (test/store/order-codec.unit.test.ts checks that it is up to date).

  The order record's field codes (format 2): F.<name> is the hash field a script reads or writes.
  Left out of a record when they say nothing: id (the key has it), chatId = userId, canRefill and
  canCancel when not '1', serviceType = '${DEFAULT_SERVICE_TYPE}'.
]]
local F = {
${rows}
}

-- ${[...CHUNKED].join(" and ")} are stored in pieces of at most ${CHUNK_BYTES} bytes, cut between UTF-8 characters (a
-- longer value turns the hash from listpack into a hashtable): F.code, then code .. '2', …; a
-- value of more than ${MAX_CHUNKS} pieces whole. Only TypeScript reads them (order-codec.ts joins them).
local function orderChunks(value)
  local out, i, n = {}, 1, #value
  if n == 0 then return {value} end
  while i <= n do
    local j = math.min(i + ${CHUNK_BYTES - 1}, n)
    while j < n and j > i do
      local b = string.byte(value, j + 1)
      if b < 128 or b >= 192 then break end
      j = j - 1
    end
    out[#out + 1] = string.sub(value, i, j)
    i = j + 1
  end
  if #out > ${MAX_CHUNKS} then return {value} end
  return out
end

-- A record still of format 1 (long field names, 'placement' present) is rewritten in format 2, in
-- place and keeping its expiry, before a script works on it. Returns true when it rewrote.
local function orderUpgrade(key)
  if redis.call('HEXISTS', key, '${MARKER}') == 0 then return false end
  local flat = redis.call('HGETALL', key)
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  local out = {}
  for name, value in pairs(h) do
    local keep = name ~= '${DROPPED}'
    if name == 'canRefill' or name == 'canCancel' then keep = value == '1' end
    if name == 'serviceType' then keep = value ~= '${DEFAULT_SERVICE_TYPE}' end
    if name == 'chatId' then keep = value ~= h.userId end
    if keep then
      local pieces = {value}
      if ${[...CHUNKED].map((n) => `name == '${n}'`).join(" or ")} then pieces = orderChunks(value) end
      for i, piece in ipairs(pieces) do
        out[#out + 1] = (F[name] or name) .. (i > 1 and tostring(i) or '')
        out[#out + 1] = piece
      end
    end
  end
  local ttl = redis.call('PTTL', key)
  redis.call('DEL', key)
  redis.call('HSET', key, unpack(out))
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
  return true
end
`;
}
