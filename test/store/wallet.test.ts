import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { StatsStore } from "../../src/store/stats.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("WalletStore", () => {
  let r: TestRedis;
  let wallet: WalletStore;
  beforeAll(async () => {
    r = await testRedis("wallet");
    wallet = new WalletStore(r.redis, r.prefix);
  });
  afterAll(async () => r.cleanup());

  it("keeps exact decimals: 0.1 + 0.2 is 0.3", async () => {
    await wallet.credit(1, new D("0.1"), { reason: "admin" });
    const { balance } = await wallet.credit(1, new D("0.2"), { reason: "admin" });
    expect(balance.toFixed()).toBe("0.3");
    expect((await wallet.balance(1)).toFixed()).toBe("0.3");
  });

  it("counts a credit once however often it repeats, and a large debit exactly, in the counters of the day", async () => {
    const stats = new StatsStore(r.redis, r.prefix);
    const day = Math.floor(Date.now() / 86_400_000);
    const big = new D("2000000000.12345");
    const credits = await Promise.all(Array.from({ length: 5 }, () => wallet.credit(9, big, { reason: "payment" }, "payment:big", { kind: "topup:card" })));
    expect(credits.filter((c) => c.credited)).toHaveLength(1);
    await wallet.debit(9, big, { reason: "payment_refund" }, { upTo: true, count: { kind: "refund:stars", stars: 10_000 } });
    const counted = { "topup:card": 1, "topup:card:units": 200_000_000_012_345, "refund:stars": 1, "refund:stars:units": 200_000_000_012_345, "refund:stars:xtr": 10_000 };
    expect(await stats.total()).toEqual(counted);
    expect(await stats.days(day, day)).toEqual([counted]);
    expect((await wallet.entries(9))[0]).toMatchObject({ amount: "-2000000000.12345", balance: "0" });
  });

  it("writes balances of a billion and more with every digit, in the answer and in the ledger", async () => {
    const big = new D("3000000000.00001");
    const credited = await wallet.credit(10, big, { reason: "admin" });
    expect(credited.balance.toFixed()).toBe("3000000000.00001");
    const debited = await wallet.debit(10, new D("0.00001"), { reason: "order" });
    expect(debited.balance.toFixed()).toBe("3000000000");
    const [last, first] = await wallet.entries(10);
    expect(first).toMatchObject({ amount: "3000000000.00001", balance: "3000000000.00001" });
    expect(last).toMatchObject({ amount: "-0.00001", balance: "3000000000" });
    expect((await wallet.debit(10, new D("9000000000"), { reason: "order" })).balance.toFixed()).toBe("3000000000");
  });

  it("credits once per idempotency key, however often the event repeats", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => wallet.credit(2, new D("5.5"), { reason: "payment", ref: "ch_1" }, "payment:ch_1")));
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect((await wallet.balance(2)).toFixed()).toBe("5.5");
    expect(await wallet.wasCredited("payment:ch_1")).toBe(true);
    expect(await wallet.entries(2)).toHaveLength(1);
    // Another key credits again.
    expect((await wallet.credit(2, new D("1"), { reason: "payment" }, "payment:ch_2")).credited).toBe(true);
    expect((await wallet.balance(2)).toFixed()).toBe("6.5");
  });

  it("50 parallel debits on a small balance never overdraw it", async () => {
    await wallet.credit(3, new D("1.00"), { reason: "admin" });
    const results = await Promise.all(Array.from({ length: 50 }, () => wallet.debit(3, new D("0.03"), { reason: "order" })));
    const taken = results.filter((r) => r.ok);
    expect(taken).toHaveLength(33);
    expect(results.filter((r) => !r.ok).every((r) => r.balance.toFixed() === "0.01")).toBe(true);
    expect((await wallet.balance(3)).toFixed()).toBe("0.01");
    // The ledger agrees with the balance, entry by entry.
    const entries = await wallet.entries(3, 100);
    expect(entries).toHaveLength(34);
    expect(entries[0]!.balance).toBe("0.01");
    const sum = entries.reduce((acc, e) => acc.add(e.amount), new D(0));
    expect(sum.toFixed()).toBe("0.01");
  });

  it("refuses a debit larger than the balance, or takes what there is with upTo", async () => {
    await wallet.credit(4, new D("2"), { reason: "admin" });
    const refused = await wallet.debit(4, new D("2.00001"), { reason: "order" });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.balance.toFixed()).toBe("2");
    const partial = await wallet.debit(4, new D("5"), { reason: "admin", adminId: 1 }, { upTo: true });
    expect(partial.ok).toBe(true);
    expect(partial.taken.toFixed()).toBe("2");
    expect((await wallet.balance(4)).toFixed()).toBe("0");
  });

  it("refuses amounts finer than 0.00001 and negative credits: they are bugs upstream", async () => {
    await expect(wallet.credit(5, new D("0.000001"), { reason: "admin" })).rejects.toThrow();
    await expect(wallet.credit(5, new D("-1"), { reason: "admin" })).rejects.toThrow();
    expect((await wallet.balance(5)).toFixed()).toBe("0");
  });
});
