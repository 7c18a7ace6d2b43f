import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { loadScripts } from "../../src/store/scripts.js";
import { WalletStore } from "../../src/store/wallet.js";
import type { Redis } from "../../src/store/redis.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("Lua scripts", () => {
  it("are read from src/store/scripts with their includes expanded, each include once", () => {
    const scripts = loadScripts();
    expect(scripts.size).toBeGreaterThanOrEqual(19);
    for (const [name, lua] of scripts) expect(lua, name).not.toMatch(/@include/);
    // The ledger append is written once, in includes/, and pulled into every script that moves money.
    for (const name of ["walletCredit", "walletDebit", "orderReserve", "orderFailAndRefund"]) {
      expect(scripts.get(name)!.match(/local function appendLedger/g), name).toHaveLength(1);
    }
  });

  describe("on a connection", () => {
    let r: TestRedis;
    let sent: Array<{ name: string }>;
    beforeAll(async () => {
      r = await testRedis("scripts");
      await r.redis.ping();
      sent = [];
      const send = r.redis.sendCommand.bind(r.redis);
      r.redis.sendCommand = (command: Parameters<Redis["sendCommand"]>[0], ...rest: unknown[]) => {
        sent.push(command);
        return (send as (...a: unknown[]) => unknown)(command, ...rest);
      };
    });
    afterAll(async () => r.cleanup());

    it("go by SHA after the first call, and survive Redis forgetting them (NOSCRIPT)", async () => {
      const wallet = new WalletStore(r.redis, r.prefix);
      await wallet.credit(1, new D("1"), { reason: "admin" });
      await wallet.credit(1, new D("1"), { reason: "admin" });
      const scriptCalls = () => sent.filter((c) => c.name === "eval" || c.name === "evalsha").map((c) => c.name);
      expect(scriptCalls()).toEqual(["eval", "evalsha"]);
      // As after a Redis restart: the script cache is empty, the next call still goes through.
      await r.redis.script("FLUSH");
      await wallet.credit(1, new D("1"), { reason: "admin" });
      expect((await wallet.balance(1)).toFixed()).toBe("3");
      expect((await wallet.entries(1)).map((e) => e.balance)).toEqual(["3", "2", "1"]);
    });
  });
});
