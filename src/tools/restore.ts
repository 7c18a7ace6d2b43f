import { repairSchedule } from "../services/schedule-repair.js";
import { OrderStore } from "../store/orders.js";
import { PollSchedule } from "../store/schedule.js";
import { RestoreTargetNotEmpty, SnapshotFormatError, restoreSnapshot } from "../store/snapshot.js";
import { runTool, UsageError } from "./cli.js";

/**
 * `npm run restore -- FILE [--prefix P]`: loads a backup into an empty prefix (the backup's own, or
 * P with every key renamed). Refuses a prefix that holds anything. Then every order that still
 * needs watching is put back on the poll schedule (services/schedule-repair.ts). Stop the bot
 * before; start it after.
 */
await runTool("npm run restore -- FILE [--prefix PREFIX]", { prefix: { type: "string" } }, async ({ redis }, { values, positionals }) => {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "which backup file? give its path" : `one backup file at a time, got ${positionals.length}`);
  if (values.prefix === "") throw new UsageError("--prefix must not be empty");
  try {
    const res = await restoreSnapshot(redis, positionals[0]!, { prefix: values.prefix });
    console.log(`restored ${res.restored} keys into "${res.prefix}" from the backup of ${res.header.createdAt}${res.expired ? ` (${res.expired} keys had expired since)` : ""}`);
    const orders = new OrderStore(redis, res.prefix);
    // A backup from before the all-orders list was bucketed holds its older form; one of a running
    // shop read the lists' buckets and their counts at different moments.
    await orders.migrateList();
    await orders.recountLists();
    const repaired = await repairSchedule({ orders, schedule: new PollSchedule(redis, res.prefix) });
    console.log(`checked ${repaired.checked} orders: ${repaired.orders} put back on the status schedule, ${repaired.refills} on the refill schedule`);
  } catch (e) {
    if (e instanceof RestoreTargetNotEmpty) throw new Error(`${e.message}; restore into an empty Redis or pass --prefix with an unused prefix`);
    if (e instanceof SnapshotFormatError) throw new UsageError(`${positionals[0]}: ${e.message}`);
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`${positionals[0]}: no such file`);
    if ((e as NodeJS.ErrnoException).code === "Z_DATA_ERROR") throw new UsageError(`${positionals[0]}: not a panelbot backup (not gzip)`);
    throw e;
  }
});
