import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { WalletStore } from "../store/wallet.js";
import { OrderStore } from "../store/orders.js";
import { UserStore } from "../store/users.js";
import { exportLedger, exportOrders, parseDay } from "../services/export.js";
import { runTool, UsageError } from "./cli.js";

/** `npm run export -- --orders|--ledger --since YYYY-MM-DD [--out FILE]`: CSV for the owner's accounting (stdout without --out). */
await runTool(
  "npm run export -- --orders|--ledger --since YYYY-MM-DD [--out FILE]",
  { orders: { type: "boolean" }, ledger: { type: "boolean" }, since: { type: "string" }, out: { type: "string" } },
  async ({ config, redis }, { values, positionals }) => {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    if (values.orders === values.ledger) throw new UsageError("give exactly one of --orders or --ledger");
    if (values.since === undefined) throw new UsageError("--since YYYY-MM-DD is required");
    const since = parseDay(values.since);
    if (since === null) throw new UsageError(`--since must be a date YYYY-MM-DD, got "${values.since}"`);
    const prefix = config.redis.prefix;
    const deps = { config, orders: new OrderStore(redis, prefix), users: new UserStore(redis, prefix), wallet: new WalletStore(redis, prefix) };
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    let rows = -1;
    for await (const line of values.orders ? exportOrders(deps, since) : exportLedger(deps, since)) {
      rows++;
      if (!out.write(line)) await once(out, "drain");
    }
    if (values.out) {
      out.end();
      await finished(out);
      console.error(`${rows} ${values.orders ? "orders" : "ledger entries"} since ${values.since} written to ${values.out}`);
    }
  },
);
