import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { deflateSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { AppDeps } from "../../src/app.js";
import { closeServer, createHttpServer, listen } from "../../src/server/http.js";
import { HealthCheck } from "../../src/server/health.js";
import { webRequestListener } from "../../src/web/app.js";
import type { WebOptions } from "../../src/web/context.js";
import type { FakeUser } from "../support/fake-bot-api.js";
import { startHarness, type Harness, type HarnessOptions } from "../support/harness.js";

export const CHROMIUM = "/usr/bin/chromium";

/** Debian's Chromium, headless; never Playwright's own browser download. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
}

/** A small grey "receipt" PNG with a few lines on it, made here so no binary fixture is needed. */
function receiptPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const line = y % 24 >= 18 && y > 20 && y < height - 20;
    const row = Buffer.alloc(1 + width, 0);
    for (let x = 0; x < width; x++) row[1 + x] = line && x > 20 && x < width - 20 - (y % 48) ? 0x90 : 0xee;
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 = greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** What the fake Telegram file server hands out for every receipt photo. */
export const RECEIPT_PNG = receiptPng(180, 240);

/**
 * Telegram's file downloads (`/file/bot<token>/<path>`) in front of the fake Bot API, which has
 * none: everything else is passed on to the fake. It records the download paths it served.
 */
export async function startFileFront(apiRoot: string): Promise<{ url: string; downloads: string[]; close(): Promise<void> }> {
  const downloads: string[] = [];
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url.startsWith("/file/")) {
      downloads.push(url);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": RECEIPT_PNG.length });
      return res.end(RECEIPT_PNG);
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(`${apiRoot}${url}`, { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "application/json" }, body });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  };
  const server: Server = createServer((req, res) => void serve(req, res).catch(() => res.destroy()));
  const port = await listen(server, 0, "127.0.0.1");
  return { url: `http://127.0.0.1:${port}`, downloads, close: () => closeServer(server) };
}

export interface WebHarness extends Harness {
  /** http://127.0.0.1:<port>, the process's HTTP server with the back office mounted */
  origin: string;
  files: Awaited<ReturnType<typeof startFileFront>>;
}

/** The bot end to end (see startHarness) plus its HTTP server with /admin mounted, on an ephemeral port. */
export async function startWebHarness(opts: HarnessOptions & { web?: WebOptions } = {}): Promise<WebHarness> {
  // File downloads go through the front; the bot's own calls go to the fake Bot API directly.
  const h = await startHarness({ ...opts, startBot: false });
  const files = await startFileFront(h.tg.apiRoot);
  h.config.telegramApiRoot = files.url;
  const deps: AppDeps = h.deps;
  const health = new HealthCheck(deps);
  const server = createHttpServer({ logger: deps.logger, metrics: deps.metrics, health, web: webRequestListener({ ...deps, api: h.bot.api, health }, opts.web) });
  const port = await listen(server, 0, "127.0.0.1");
  // Sign-in links point at http://127.0.0.1:PORT; PORT is the one just bound.
  h.config.port = port;
  await h.bot.init();
  const polling = h.bot.start({ drop_pending_updates: false });
  return {
    ...h,
    origin: `http://127.0.0.1:${port}`,
    files,
    async stop() {
      await closeServer(server);
      await h.stop();
      await polling.catch(() => undefined);
      await files.close();
    },
  };
}

/** The link the bot sent for /admin, from the admin's chat. */
export async function signInLink(admin: FakeUser): Promise<string> {
  admin.send("/admin");
  const m = await admin.waitForMessage((x) => x.text?.includes("/admin/signin/") ?? false);
  return /(https?:\/\/\S+\/admin\/signin\/[A-Za-z0-9_-]+)/.exec(m.text!)![1]!;
}

/** Opens the link and presses Sign in; resolves on the overview page. */
export async function signIn(context: BrowserContext, admin: FakeUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto(await signInLink(admin));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/?$/);
  return page;
}
