import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { D } from "../../src/money.js";
import { generateCatalog } from "../../src/panel/simulator/catalog.js";
import { startPanelSimulator, type PanelSimulator } from "../../src/panel/simulator/server.js";
import { InvoiceStore } from "../../src/store/invoices.js";
import { categoryKey } from "../../src/store/catalog.js";
import { keys } from "../../src/store/keys.js";
import { UserStore } from "../../src/store/users.js";
import { WalletStore } from "../../src/store/wallet.js";
import { startFakeBotApi, type BotMessage, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.js";
import { testRedis, type TestRedis } from "../support/redis.js";

/**
 * The bot in a process of its own (test/support/bot-process.ts), killed with SIGKILL at the moment
 * the fake Bot API hands it a batch, or at the moment its next getUpdates confirms that batch (the
 * moment @grammyjs/runner's confirm-before-handle lost the update), then started again.
 */
/** Two process starts (tsx compiles the app each time) on a shared 2-core machine: be patient. */
const TEST_MS = 120_000;
const WAIT_MS = 60_000;
const BOT_PROCESS = fileURLToPath(new URL("../support/bot-process.ts", import.meta.url));
const catalog = generateCatalog({ seed: 3, dripfeed: false });
const service = catalog.find((s) => s.type === "Default" && Number(s.min) <= 100 && Number(s.max) >= 100)!;
type Button = { text: string; callback_data?: string };
const buttonsOf = (m: BotMessage): Button[] => ((m.message.reply_markup?.inline_keyboard ?? []) as Button[][]).flat();

let tg: FakeBotApi;
let sim: PanelSimulator;
let redis: TestRedis;
let wallet: WalletStore;
let env: Record<string, string>;
const children: ChildProcess[] = [];

function startBot(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", BOT_PROCESS], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r())));

async function kill(child: ChildProcess): Promise<void> {
  child.kill("SIGKILL");
  await exited(child);
  // The dead poller's lease would run out by itself (15 s); end it now to keep the test short.
  await redis.redis.del(keys(redis.prefix).intake.lease);
}

/**
 * Kills `child` when a getUpdates serves an update matching `pred` ("served"), or when the next
 * getUpdates confirms it ("confirmed"). Resolves with the update's id once the process is dead.
 */
function killWhen(child: ChildProcess, moment: "served" | "confirmed", pred: (u: Record<string, any>) => boolean): Promise<number> {
  return new Promise((resolve) => {
    let id: number | undefined;
    tg.onGetUpdates(({ offset, served }) => {
      if (child.killed) return;
      if (id === undefined && served) id = served.find(pred)?.update_id;
      if (id === undefined) return;
      if (moment === "served" ? served !== undefined : served === undefined && offset > id) {
        const found = id;
        void kill(child).then(() => resolve(found));
      }
    });
  });
}

/** Runs `act` and waits for the bot's next message in this chat that matches. */
function after(u: FakeUser, act: () => unknown, pred: (m: BotMessage) => boolean): Promise<BotMessage> {
  const since = tg.calls().length;
  act();
  return u.waitForMessage(pred, { since, timeoutMs: WAIT_MS });
}

function pressData(u: FakeUser, data: string): void {
  const m = [...u.messages()].reverse().find((x) => buttonsOf(x).some((b) => b.callback_data === data));
  if (!m) throw new Error(`no button ${data}`);
  u.press(data, m.message_id);
}

beforeEach(async () => {
  tg = await startFakeBotApi();
  sim = await startPanelSimulator({ auto: false, catalog });
  redis = await testRedis("crash");
  wallet = new WalletStore(redis.redis, redis.prefix);
  env = {
    BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    PANEL_API_URL: sim.url,
    PANEL_API_KEY: sim.apiKey,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    BOT_MODE: "polling",
    PORT: "0",
    DEFAULT_LOCALE: "en",
    STARS_RATE: "0.01",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
  };
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    await exited(child);
  }
  await tg.close();
  await sim.close();
  await redis.cleanup();
});

describe("a bot process killed between taking updates and handling them", () => {
  for (const moment of ["served", "confirmed"] as const) {
    it(
      `credits a Stars payment exactly once after a kill when its batch is ${moment}`,
      async () => {
        const u = tg.user();
        const invoice = await new InvoiceStore(redis.redis, redis.prefix).create({ userId: u.id, kind: "stars", currency: "XTR", total: 250, rate: "0.01", amount: "2.5" });
        const first = startBot();
        const killed = killWhen(first, moment, (up) => up.message?.successful_payment !== undefined);
        u.successfulPayment({ invoicePayload: invoice.id, currency: "XTR", totalAmount: 250, telegramPaymentChargeId: `stars-charge-${moment}` });
        await killed;

        startBot();
        await u.waitForMessage((m) => m.text?.includes("Payment received") ?? false, { since: 0, timeoutMs: WAIT_MS });
        expect((await wallet.balance(u.id)).toFixed()).toBe("2.5");
        // A while later: still once, in the wallet, the ledger and the chat.
        await new Promise((r) => setTimeout(r, 500));
        expect((await wallet.balance(u.id)).toFixed()).toBe("2.5");
        expect((await wallet.entries(u.id)).filter((e) => e.reason === "payment")).toHaveLength(1);
        expect(u.messages().filter((m) => m.text?.includes("Payment received"))).toHaveLength(1);
      },
      TEST_MS,
    );
  }

  // The moment the runner lost updates at; "served" takes the same path as the payment's.
  it(
    "places exactly one order at the panel after a kill when the confirm press is confirmed",
    async () => {
      const u = tg.user({ languageCode: "en" });
      await new UserStore(redis.redis, redis.prefix).setLocale(u.id, "en");
      await wallet.credit(u.id, new D("100"), { reason: "admin" });
      const first = startBot();
      await after(
        u,
        () => u.send("/order"),
        (m) => buttonsOf(m).length > 0,
      );
      await after(
        u,
        () => pressData(u, `cs:${categoryKey(service.category)}:0`),
        (m) => buttonsOf(m).some((b) => b.callback_data === `s:${service.service}`),
      );
      await after(
        u,
        () => pressData(u, `s:${service.service}`),
        (m) => buttonsOf(m).some((b) => b.callback_data === `o:${service.service}`),
      );
      await after(
        u,
        () => pressData(u, `o:${service.service}`),
        (m) => m.method === "sendMessage",
      );
      await after(
        u,
        () => u.send("https://instagram.com/panelbot_crash"),
        (m) => m.method === "sendMessage",
      );
      const confirm = await after(
        u,
        () => u.send("100"),
        (m) => buttonsOf(m).some((b) => b.callback_data?.startsWith("oc:")),
      );

      // The first process is kept busy with an earlier update of this chat (its reply held), so the
      // press waits behind it (one update of a chat at a time) and is not handled before the kill:
      // else a fast process may get as far as the panel first, and the order's outcome is unknown.
      const busy = tg.holdAnswers("sendMessage", 1);
      await after(
        u,
        () => u.send("/help"),
        (m) => m.method === "sendMessage",
      );
      const killed = killWhen(first, "confirmed", (up) => up.callback_query?.data?.startsWith("oc:") === true);
      pressData(u, buttonsOf(confirm).find((b) => b.callback_data?.startsWith("oc:"))!.callback_data!);
      await killed;
      busy.release();

      startBot();
      await u.waitForMessage((m) => m.text?.includes("Order placed") ?? false, { since: 0, timeoutMs: WAIT_MS });
      await new Promise((r) => setTimeout(r, 500));
      expect(sim.orders()).toHaveLength(1);
      expect(sim.counts().add).toBe(1);
      expect(u.messages().filter((m) => m.text?.includes("Order placed"))).toHaveLength(1);
    },
    TEST_MS,
  );
});
