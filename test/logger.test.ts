import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { configSecrets, parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { PanelClient } from "../src/panel/client.js";
import { startPanelSimulator } from "../src/panel/simulator/server.js";

const TOKEN = "7012345678:AAH-secretTokenPart_0123456789abcdef";
const KEY = "panel-key-4f9a1c2e7b";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger({ level: "debug", pretty: false, secrets: [TOKEN, KEY], destination });
  return { logger, text: () => lines.join("") };
}

describe("logger", () => {
  it("never writes the bot token or the panel key, wherever they hide", () => {
    const { logger, text } = capture();
    logger.info({ url: `https://api.telegram.org/bot${TOKEN}/getMe`, key: KEY, nested: { body: `key=${KEY}&action=add` } }, `calling with ${KEY}`);
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`) }, "telegram failed");
    logger.warn(`only the secret half ${TOKEN.split(":")[1]}`);
    const out = text();
    expect(out).toContain("[REDACTED]");
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(TOKEN.split(":")[1]);
    // still useful: the rest of the line survives
    expect(out).toContain("telegram failed");
    expect(out).toContain("action=add");
  });

  it("never writes the Redis password or the payment provider's token either (configSecrets)", () => {
    const config = parseConfig({
      BOT_TOKEN: TOKEN,
      PANEL_API_URL: "https://panel.example.com/api/v2",
      PANEL_API_KEY: KEY,
      REDIS_URL: "redis://shop:hunter2%40pass@127.0.0.1:6379",
      PAYMENT_PROVIDER_TOKEN: "398062629:TEST:provider-secret-0123",
      PAYMENT_RATE: "12650",
    });
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger({ level: "debug", pretty: false, secrets: configSecrets(config), destination });
    // What ioredis's failed AUTH and grammY's failed sendInvoice carry.
    const auth = Object.assign(new Error("WRONGPASS invalid username-password pair"), { command: { name: "auth", args: ["shop", "hunter2@pass"] } });
    const invoice = Object.assign(new Error("Call to 'sendInvoice' failed!"), { payload: { chat_id: 1, provider_token: "398062629:TEST:provider-secret-0123" } });
    logger.fatal({ err: auth }, "start failed");
    logger.error({ err: invoice }, "invoice failed");
    const out = lines.join("");
    expect(out).toContain("WRONGPASS");
    expect(out).not.toContain("hunter2");
    expect(out).not.toContain("provider-secret-0123");
  });

  it("keeps the key out of a real panel client's warning and error lines", async () => {
    const sim = await startPanelSimulator({ apiKey: KEY, auto: false });
    const { logger, text } = capture();
    const panel = new PanelClient({ url: sim.url, key: KEY, retries: 1, retryDelayMs: 1, logger });
    sim.injectFault({ kind: "garbage", action: "balance", message: `Fatal error near key=${KEY}` });
    await panel.balance();
    sim.injectFault({ kind: "error", action: "add", message: `Invalid API key ${KEY}` });
    const err = await panel.add({ service: "1", link: "https://x.y", quantity: 100 }).catch((e) => e);
    logger.error({ err }, "add failed");
    expect(String(err.message)).not.toContain(KEY);
    const out = text();
    expect(out).toContain("add failed");
    expect(out).not.toContain(KEY);
    await panel.close();
    await sim.close();
  });
});
