import { backupToFile } from "../store/snapshot.js";
import { runTool, UsageError } from "./cli.js";

/** `npm run backup [-- --out FILE]`: a snapshot of everything under REDIS_PREFIX, while the bot runs. */
await runTool("npm run backup [-- --out FILE]", { out: { type: "string" } }, async ({ config, redis }, { values, positionals }) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const file = values.out ?? `panelbot-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
  const res = await backupToFile(redis, config.redis.prefix, file);
  console.log(`backup written: ${res.file} (${res.header.keys} keys under "${res.header.prefix}", ${res.userGroups} customers, taken ${res.header.createdAt})`);
});
