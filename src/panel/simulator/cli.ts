/**
 * `npm run sim`: a panel to point the bot at without touching a real one.
 * PANEL_SIM_PORT (8090), PANEL_SIM_HOST (127.0.0.1), PANEL_SIM_KEY (sim-key), PANEL_SIM_BALANCE (1000),
 * PANEL_SIM_SEED (1), PANEL_SIM_CATALOG (path to a JSON `services` answer in panel format),
 * PANEL_SIM_DIALECT (perfect | smartpanel | clone: which panel script it speaks like).
 */
import { readFile } from "node:fs/promises";
import { parseCatalog } from "./catalog.js";
import { startPanelSimulator, type SimDialect } from "./server.js";

const env = process.env;
const port = Number(env.PANEL_SIM_PORT ?? 8090);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PANEL_SIM_PORT is not a port: ${env.PANEL_SIM_PORT}`);
const dialect = (env.PANEL_SIM_DIALECT || "perfect") as SimDialect;
if (!["perfect", "smartpanel", "clone"].includes(dialect)) throw new Error(`PANEL_SIM_DIALECT is not perfect, smartpanel or clone: ${dialect}`);

const sim = await startPanelSimulator({
  port,
  host: env.PANEL_SIM_HOST || "127.0.0.1",
  apiKey: env.PANEL_SIM_KEY || "sim-key",
  balance: env.PANEL_SIM_BALANCE || "1000",
  seed: Number(env.PANEL_SIM_SEED || 1),
  dialect,
  ...(env.PANEL_SIM_CATALOG && { catalog: parseCatalog(JSON.parse(await readFile(env.PANEL_SIM_CATALOG, "utf8"))) }),
});
console.log(`Panel simulator: ${sim.url} (key: ${sim.apiKey})`);

const stop = () => {
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
