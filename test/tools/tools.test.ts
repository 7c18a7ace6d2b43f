import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { OrderStore } from "../../src/store/orders.js";
import { UserStore } from "../../src/store/users.js";
import { WalletStore } from "../../src/store/wallet.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const run = promisify(execFile);
const TOKEN = "123456:SECRET-token-value_abcdef";
const KEY = "panel-key-very-secret-0001";

/** Runs a tool as `npm run …` would, with the config from the environment (no .env in the test's cwd). */
async function tool(name: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `src/tools/${name}.ts`, ...args], {
      env: { PATH: process.env.PATH!, BOT_TOKEN: TOKEN, PANEL_API_KEY: KEY, LOG_LEVEL: "silent", ...env },
      cwd: process.cwd(),
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("operator tools", () => {
  let r: TestRedis;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    r = await testRedis("tools");
    dir = await mkdtemp(join(tmpdir(), "pb-tools-"));
    env = { REDIS_URL: r.url, REDIS_PREFIX: r.prefix };
    const users = new UserStore(r.redis, r.prefix);
    const wallet = new WalletStore(r.redis, r.prefix);
    const orders = new OrderStore(r.redis, r.prefix);
    await users.touch({ id: 42, chatId: 42 });
    await wallet.credit(42, new D("10"), { reason: "payment", ref: "stars:c1", note: "=cmd|' /C calc'!A0" });
    const draft = await orders.createDraft({
      userId: 42,
      chatId: 42,
      locale: "en",
      serviceId: "1",
      serviceName: 'Followers, "fast"',
      serviceType: "Default",
      category: "IG",
      link: '=HYPERLINK("http://evil")',
      quantity: 100,
      rate: "1",
      price: "2.5",
      canRefill: false,
      canCancel: false,
    });
    await orders.reserve(draft.id, 42);
  });
  afterAll(async () => {
    await r.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it("export: wrong arguments are one clear line and exit code 2", async () => {
    for (const [args, says] of [
      [["--orders"], "--since YYYY-MM-DD is required"],
      [["--orders", "--ledger", "--since", "2026-01-01"], "exactly one of --orders or --ledger"],
      [["--ledger", "--since", "01/02/2026"], 'got "01/02/2026"'],
      [["--orders", "--since", "2026-01-01", "--bogus"], "Unknown option '--bogus'"],
    ] as const) {
      const res = await tool("export", [...args], env);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stderr.split("\n")[0]).toContain(says);
      expect(res.stderr).toContain("usage: npm run export");
    }
  }, 60_000);

  it("export --orders and --ledger write CSV through the stores, without formulas or secrets", async () => {
    const out = join(dir, "orders.csv");
    const res = await tool("export", ["--orders", "--since", "2000-01-01", "--out", out], env);
    expect(res.code).toBe(0);
    const csv = await readFile(out, "utf8");
    const [head, row] = csv.split("\r\n");
    expect(head).toContain("order_id,created_at");
    expect(row).toContain('"Followers, ""fast"""');
    expect(row).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(row).toContain(",2.5,USD,reserved,");
    const ledger = await tool("export", ["--ledger", "--since", "2000-01-01"], env);
    expect(ledger.code).toBe(0);
    const lines = ledger.stdout.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[\dT:.Z-]+,42,10,10,USD,payment,,,stars:c1,'=cmd/);
    expect(lines[2]).toContain(",42,-2.5,7.5,USD,order,");
    for (const text of [csv, ledger.stdout, ledger.stderr, res.stderr]) {
      expect(text).not.toContain(TOKEN.split(":")[1]);
      expect(text).not.toContain(KEY);
    }
  }, 60_000);

  it("backup then restore: a non-empty prefix is refused, naming what is there; an empty one is filled", async () => {
    const file = join(dir, "b.jsonl.gz");
    const backup = await tool("backup", ["--out", file], env);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written: .*b\.jsonl\.gz \(\d+ keys under/);
    const refused = await tool("restore", [file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`prefix "${r.prefix}" is not empty: found ${r.prefix}`);
    const other = `${r.prefix}restored:`;
    const ok = await tool("restore", [file, "--prefix", other], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/checked \d+ orders: \d+ put back on the status schedule, \d+ on the refill schedule/);
    expect(await r.redis.get(`${other}wallet:42`)).toBe(await r.redis.get(`${r.prefix}wallet:42`));
    const missing = await tool("restore", [], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("which backup file? give its path");
  }, 60_000);
});
