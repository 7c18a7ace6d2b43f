import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { serviceSchema } from "../../src/panel/schemas.js";
import { backupToFile, readSnapshotHeader, restoreSnapshot, RestoreTargetNotEmpty } from "../../src/store/snapshot.js";
import { LEDGER_MAX } from "../../src/store/wallet.js";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness } from "../support/harness.js";
import { placeTestOrder } from "../support/orders.js";
import { unlinkByPrefix } from "../support/redis.js";

const catalog = generateCatalog({ seed: 1, dripfeed: false });
const svc = catalog[0]!;
const service = serviceSchema.parse(svc);
const has = (part: string) => (m: BotMessage) => m.text?.includes(part) ?? false;

function after(h: Harness, u: FakeUser, act: () => unknown, pred: (m: BotMessage) => boolean): Promise<BotMessage> {
  const since = h.tg.calls().length;
  act();
  return u.waitForMessage(pred, { since });
}

/** Balances, ledgers and orders of these users, as the stores read them. */
async function stateOf(h: Harness, userIds: number[]) {
  const out: Record<number, unknown> = {};
  for (const id of userIds) {
    const { orders } = await h.deps.orders.listForUser(id, 0, 100);
    out[id] = { balance: (await h.deps.wallet.balance(id)).toFixed(), ledger: await h.deps.wallet.entries(id, LEDGER_MAX), orders, user: await h.deps.users.get(id) };
  }
  return out;
}

describe("backup → wipe → restore", () => {
  let h: Harness;
  let dir: string;
  let conn: Redis;
  beforeAll(async () => {
    h = await startHarness({ sim: { catalog } });
    dir = await mkdtemp(join(tmpdir(), "pb-backup-"));
    // The tools' own connection, as npm run backup opens it.
    conn = new Redis(h.redis.url, { enableAutoPipelining: false });
  });
  afterAll(async () => {
    conn.disconnect();
    await h.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("restores balances, orders and ledgers exactly, with money moving during the backup; the bot then takes an order", async () => {
    const users = [7001, 7002, 7003];
    for (const id of users) await h.deps.users.touch({ id, chatId: id, firstName: `u${id}` });
    const placed = await placeTestOrder(h.deps, 7001, service);
    const refunded = await placeTestOrder(h.deps, 7002, service);
    await h.deps.wallet.credit(7002, new D("0.4"), { reason: "refund", orderId: refunded.id }, `refund:${refunded.id}`);
    await h.deps.wallet.credit(7003, new D("3.21"), { reason: "payment", ref: "stars:x1" }, "payment:x1");
    // A draft with its time to live.
    const draft = await h.deps.orders.createDraft({
      userId: 7003,
      chatId: 7003,
      locale: "en",
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      category: service.category,
      link: "https://t.me/d",
      quantity: 100,
      rate: "1",
      price: "0.1",
      canRefill: false,
      canCancel: false,
    });

    // Money keeps moving while the backup runs: every user group stays one instant.
    let moving = true;
    const mover = (async () => {
      let n = 0;
      while (moving) {
        await h.deps.wallet.credit(7003, new D("0.00001"), { reason: "admin", note: `tick ${n++}` });
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const file = join(dir, "shop.jsonl.gz");
    const res = await backupToFile(conn, h.redis.prefix, file);
    moving = false;
    await mover;

    const header = await readSnapshotHeader(file);
    expect(header).toMatchObject({ format: "panelbot-backup", version: 1, prefix: h.redis.prefix, keys: res.header.keys });
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    expect(lines.length).toBe(header.keys + 1);
    const before = await stateOf(h, users);

    // 7001 and 7002 did not move during the backup: exactly as before. 7003's money moved: its
    // restored wallet equals its restored ledger (one instant), whatever instant that was.
    await unlinkByPrefix(h.redis.redis, h.redis.prefix);
    expect(await h.deps.wallet.balance(7001)).toEqual(new D(0));
    const restored = await restoreSnapshot(conn, file);
    expect(restored.restored).toBe(header.keys);

    const after_ = await stateOf(h, users);
    expect(after_[7001]).toEqual(before[7001]);
    expect(after_[7002]).toEqual(before[7002]);
    const ledger7003 = await h.deps.wallet.entries(7003, 1);
    expect((await h.deps.wallet.balance(7003)).toFixed()).toBe(new D(ledger7003[0]!.balance).toFixed());
    expect(await h.deps.wallet.wasCredited(`refund:${refunded.id}`)).toBe(true);
    expect(await h.deps.wallet.wasCredited("payment:x1")).toBe(true);
    expect((await h.deps.orders.get(placed.id))?.placement).toBe("placed");
    const ttl = await h.redis.redis.ttl(`${h.redis.prefix}order:${draft.id}`);
    expect(ttl).toBeGreaterThan(0);

    // A second restore into the now full prefix is refused, naming what is there.
    await expect(restoreSnapshot(conn, file)).rejects.toBeInstanceOf(RestoreTargetNotEmpty);

    // The bot works on the restored data: a customer orders, and the new order gets a fresh id.
    const u = h.tg.user({ id: 7001, languageCode: "en" });
    await h.deps.users.setLocale(7001, "en");
    await after(h, u, () => u.send("/order"), has("Choose a category"));
    await after(h, u, () => u.pressButton(svc.category), has("Choose a service"));
    await after(h, u, () => u.pressButton(svc.name.slice(0, 20)), has("Price per 1000"));
    await after(h, u, () => u.pressButton("Order"), has("Send the link"));
    await after(h, u, () => u.send("https://t.me/after_restore"), has("How many?"));
    await after(h, u, () => u.send(String(svc.min)), has("Check your order"));
    await after(h, u, () => u.pressButton("Confirm"), has("Order placed"));
    const { orders } = await h.deps.orders.listForUser(7001, 0, 10);
    expect(orders.map((o) => o.link)).toEqual(["https://t.me/after_restore", "https://t.me/example"]);
    expect(Number(orders[0]!.id)).toBeGreaterThan(Number(draft.id));
  });

  it("restores into another prefix, renaming every key", async () => {
    const file = join(dir, "again.jsonl.gz");
    await backupToFile(conn, h.redis.prefix, file);
    const other = `${h.redis.prefix}copy:`;
    try {
      const res = await restoreSnapshot(conn, file, { prefix: other });
      expect(res.prefix).toBe(other);
      expect(await conn.get(`${other}wallet:7001`)).toBe(await conn.get(`${h.redis.prefix}wallet:7001`));
    } finally {
      await unlinkByPrefix(conn, other);
    }
  });
});
