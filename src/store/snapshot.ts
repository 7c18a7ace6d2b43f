import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip, gzipSync } from "node:zlib";
import { keys as keysFor } from "./keys.js";
import type { Redis } from "./redis.js";
import { refundOnceKeys } from "./wallet.js";

/**
 * Backup and restore of everything under one key prefix, while the bot runs.
 *
 * What "consistent" means here (also in the README):
 * - Each customer's money is one instant: the wallet, the ledger, the user record, the order
 *   index and every order hash of that user, with the once-markers of their refunds, are dumped in
 *   one MULTI (Redis runs it as one step, between two scripts, never inside one). Every money
 *   movement is one script, so a restored wallet always equals its ledger, and every order's charge
 *   and refunds are in it exactly as its record says.
 * - Counters (the order and broadcast sequences) are dumped last, in their own step: a counter
 *   only grows, so a restored counter is never below an id the backup holds, and a new order after
 *   a restore never reuses an id.
 * - Everything else (indexes across users, the poll schedule, the outbox, sessions, settings) is
 *   dumped in MULTI batches of a few hundred keys: each batch is one instant, batches follow each
 *   other within the backup's run time. An order that moved on during the backup may be in a
 *   schedule as of a slightly different moment than its own record.
 * Keys keep their remaining time to live.
 */

export const SNAPSHOT_FORMAT = "panelbot-backup";
export const SNAPSHOT_VERSION = 1;

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  prefix: string;
  createdAt: string;
  keys: number;
}

/** One key: its name without the prefix, remaining ms to live (-1: none), and DUMP in base64. */
interface SnapshotRow {
  k: string;
  t: number;
  v: string;
}

const BATCH = 200;
const GROUP_TRIES = 20;

/** Counters only grow: dumped after everything that carries their ids (or places). */
export function counterKeys(prefix: string): string[] {
  const k = keysFor(prefix);
  return [k.orderSeq, k.serviceListSeq, k.broadcast.seq];
}

export interface BackupResult {
  file: string;
  header: SnapshotHeader;
  userGroups: number;
  /** user groups read again because an order was added while they were read */
  retries: number;
}

/**
 * Writes a backup of every key under `prefix` to `file` (gzip of JSON lines: the header, then one
 * line per key). The file appears complete or not at all (written aside, then renamed). `conn`
 * is best a connection of its own, without auto-pipelining.
 */
export async function backupToFile(conn: Redis, prefix: string, file: string, now = new Date()): Promise<BackupResult> {
  const bodyFile = `${file}.${process.pid}.body`;
  const partFile = `${file}.${process.pid}.part`;
  try {
    const gzip = createGzip();
    const body = createWriteStream(bodyFile);
    const piped = pipeline(gzip, body);
    const stats = await writeRows(conn, prefix, gzip);
    gzip.end();
    await piped;
    const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, prefix, createdAt: now.toISOString(), keys: stats.keys };
    // Two gzip members one after the other are one gzip stream to every reader (RFC 1952).
    await writeFile(partFile, gzipSync(`${JSON.stringify(header)}\n`));
    await pipeline(createReadStream(bodyFile), createWriteStream(partFile, { flags: "a" }));
    await rename(partFile, file);
    return { file, header, userGroups: stats.userGroups, retries: stats.retries };
  } finally {
    await rm(bodyFile, { force: true });
    await rm(partFile, { force: true });
  }
}

async function writeRows(conn: Redis, prefix: string, out: NodeJS.WritableStream): Promise<{ keys: number; userGroups: number; retries: number }> {
  const k = keysFor(prefix);
  const seen = new Set<string>();
  let keys = 0;
  let retries = 0;
  let userGroups = 0;
  const write = async (rows: SnapshotRow[]) => {
    keys += rows.length;
    for (const row of rows) {
      if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, "drain");
    }
  };

  // 1. Each user's money, one instant per user.
  let cursor = "0";
  do {
    const [next, ids] = await conn.sscan(k.users, cursor, "COUNT", 200);
    cursor = next;
    for (const raw of ids) {
      const { names, rows } = await dumpUserGroup(conn, prefix, Number(raw), () => retries++);
      userGroups++;
      for (const name of names) seen.add(name);
      await write(rows);
    }
  } while (cursor !== "0");

  // 2. Everything else, in batches.
  const counters = counterKeys(prefix);
  for (const c of counters) seen.add(c);
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await write(await dumpKeys(conn, prefix, batch));
    batch = [];
  };
  cursor = "0";
  do {
    const [next, found] = await conn.scan(cursor, "MATCH", keysFor(prefix).all, "COUNT", 500);
    cursor = next;
    for (const key of found) {
      // SCAN may return a key twice.
      if (seen.has(key)) continue;
      seen.add(key);
      batch.push(key);
      if (batch.length >= BATCH) await flush();
    }
  } while (cursor !== "0");
  await flush();

  // 3. Counters last.
  await write(await dumpKeys(conn, prefix, counters));
  return { keys, userGroups, retries };
}

async function dumpKeys(conn: Redis, prefix: string, names: string[]): Promise<SnapshotRow[]> {
  const multi = conn.multi();
  for (const name of names) multi.dumpBuffer(name).pttl(name);
  return toRows(prefix, names, (await multi.exec()) ?? []);
}

/** Keys that vanished between SCAN and DUMP (expired, deleted) are left out. */
function toRows(prefix: string, names: string[], res: Array<[Error | null, unknown]>): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  names.forEach((name, i) => {
    const [dumpErr, dump] = res[2 * i] ?? [null, null];
    const [, ttl] = res[2 * i + 1] ?? [null, -2];
    if (dumpErr) throw dumpErr;
    if (dump === null || ttl === -2) return;
    rows.push({ k: name.slice(prefix.length), t: ttl as number, v: (dump as Buffer).toString("base64") });
  });
  return rows;
}

/**
 * One user's money and orders in one MULTI, which Redis runs as one step. The MULTI also reads the
 * user's order list again: when an order was added since the list was read (its hash would be
 * missing from the group), the group is read again.
 */
async function dumpUserGroup(conn: Redis, prefix: string, userId: number, onRetry: () => void): Promise<{ names: string[]; rows: SnapshotRow[] }> {
  const k = keysFor(prefix);
  for (let attempt = 0; attempt < GROUP_TRIES; attempt++) {
    const orderIds = await conn.zrange(k.userOrders(userId), 0, -1);
    const names = [k.wallet(userId), k.ledger(userId), k.user(userId), k.userOrders(userId), ...orderIds.flatMap((id) => [k.order(id), ...refundOnceKeys(id).map((key) => k.credited(key))])];
    const multi = conn.multi();
    for (const name of names) multi.dumpBuffer(name).pttl(name);
    multi.zrange(k.userOrders(userId), 0, -1);
    const res = (await multi.exec()) ?? [];
    const [err, idsNow] = res.at(-1) ?? [null, []];
    if (err) throw err;
    if ((idsNow as string[]).join(",") !== orderIds.join(",")) {
      onRetry();
      continue;
    }
    return { names, rows: toRows(prefix, names, res.slice(0, -1)) };
  }
  throw new Error(`user ${userId}: new orders kept arriving while the user's orders were read (${GROUP_TRIES} tries)`);
}

export async function readSnapshotHeader(file: string): Promise<SnapshotHeader> {
  for await (const line of snapshotLines(file)) return parseHeader(line);
  throw new SnapshotFormatError("the file is empty");
}

export class SnapshotFormatError extends Error {}

function parseHeader(line: string): SnapshotHeader {
  let h: Partial<SnapshotHeader>;
  try {
    h = JSON.parse(line) as Partial<SnapshotHeader>;
  } catch {
    throw new SnapshotFormatError("not a panelbot backup (first line is not JSON)");
  }
  if (h.format !== SNAPSHOT_FORMAT) throw new SnapshotFormatError("not a panelbot backup (no panelbot header)");
  if (h.version !== SNAPSHOT_VERSION) throw new SnapshotFormatError(`backup format version ${String(h.version)} is not supported (this program reads version ${SNAPSHOT_VERSION})`);
  return h as SnapshotHeader;
}

function snapshotLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
}

/** Up to `limit` keys found under the prefix: a restore target must have none. */
export async function keysUnder(conn: Redis, prefix: string, limit = 5): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await conn.scan(cursor, "MATCH", keysFor(prefix).all, "COUNT", 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== "0" && found.length < limit);
  return [...new Set(found)].slice(0, limit);
}

export interface RestoreResult {
  header: SnapshotHeader;
  prefix: string;
  restored: number;
  /** keys whose time to live ran out between the backup and now */
  expired: number;
}

export class RestoreTargetNotEmpty extends Error {
  constructor(
    readonly prefix: string,
    readonly found: string[],
  ) {
    super(`prefix "${prefix}" is not empty: found ${found.join(", ")}${found.length >= 5 ? ", …" : ""}`);
  }
}

/**
 * Loads a backup into `prefix` (the backup's own by default; another one renames every key).
 * Refuses a prefix that holds any key; RESTORE without REPLACE also refuses to overwrite one that
 * appears meanwhile. A backup written on a newer Redis may not load on an older one (DUMP format).
 */
export async function restoreSnapshot(conn: Redis, file: string, opts: { prefix?: string } = {}): Promise<RestoreResult> {
  let header: SnapshotHeader | undefined;
  let prefix = "";
  let restored = 0;
  let expired = 0;
  let pipe = conn.pipeline();
  let pending = 0;
  const flush = async () => {
    if (pending === 0) return;
    const res = (await pipe.exec()) ?? [];
    for (const [err] of res) if (err) throw err;
    restored += pending;
    pipe = conn.pipeline();
    pending = 0;
  };
  const startedAt = Date.now();
  for await (const line of snapshotLines(file)) {
    if (header === undefined) {
      header = parseHeader(line);
      prefix = opts.prefix ?? header.prefix;
      const found = await keysUnder(conn, prefix);
      if (found.length > 0) throw new RestoreTargetNotEmpty(prefix, found);
      continue;
    }
    if (line === "") continue;
    const row = JSON.parse(line) as SnapshotRow;
    // A TTL counts from the backup's time: time spent since then is taken off.
    let ttl = row.t < 0 ? 0 : row.t;
    if (ttl > 0) {
      ttl -= startedAt - Date.parse(header.createdAt);
      if (ttl <= 0) {
        expired++;
        continue;
      }
    }
    pipe.restore(prefix + row.k, ttl, Buffer.from(row.v, "base64"));
    if (++pending >= BATCH) await flush();
  }
  if (header === undefined) throw new SnapshotFormatError("the file is empty");
  await flush();
  return { header, prefix, restored, expired };
}
