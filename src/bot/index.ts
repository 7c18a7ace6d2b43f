import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AppDeps } from "../app.js";
import type { BotContext, BotInnerContext } from "./context.js";
import { errorHandler } from "./handlers/error.js";
import { appContext } from "./middleware/app-context.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { composer as startFeature, languageHandlers } from "./features/start.js";
import { helpFeature } from "./features/help.js";
import { balanceFeature } from "./features/balance.js";
import { ordersFeature } from "./features/orders.js";
import { fallbackFeature } from "./features/fallback.js";
import { orderFeature } from "./features/order.js";
import { adminBalanceExtension, adminFeature } from "./features/admin.js";
import { backOfficeFeature } from "./features/back-office.js";
import { paymentUpdates, topupBalanceExtension, topupFeature } from "./features/topup.js";

/** Bump when a conversation's code changes so that stored replays of the old code are dropped. */
export const CONVERSATION_VERSION = 1;

/** auto-retry with limits: its defaults would retry forever. */
export const retryTransformer = (): Transformer => autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: false });

export interface CreateBotOptions {
  /** skips getMe at start (tests, benchmarks) */
  botInfo?: UserFromGetMe;
}

/**
 * The bot: middleware in the order grammY's docs give (sequentialize before state, plugins, then
 * features). The same context plugins run again inside conversations, which build their own context.
 */
export function createBot(deps: AppDeps, opts: CreateBotOptions = {}): Bot<BotContext> {
  const { config } = deps;
  const root = new Bot<BotContext>(config.botToken, { botInfo: opts.botInfo, client: { apiRoot: config.telegramApiRoot } });
  root.api.config.use(retryTransformer());
  // Everything below runs inside this boundary: bot.catch only sees polling, webhook updates end here.
  const bot = root.errorBoundary(errorHandler);

  // Payments first: a checkout must be answered within 10 s and a payment never rate-limited.
  bot.use(paymentUpdates(deps));

  // Conversations and per-chat state assume one update of a chat at a time.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(appContext(deps), deps.i18n);
  bot.use(async (ctx, next) => {
    await next();
    deps.metrics.updatesHandled.inc({ outcome: "ok" });
  });

  // A private chat's my_chat_member "kicked": the user blocked the bot.
  bot.on("my_chat_member", async (ctx, next) => {
    if (ctx.chat.type === "private") {
      const status = ctx.myChatMember.new_chat_member.status;
      await deps.users.setBlocked(ctx.from.id, status === "kicked");
    }
    await next();
  });

  bot.use(rateLimit({ limit: 20, windowMs: 10_000 }));

  bot.use(
    conversations<BotContext, BotInnerContext>({
      storage: {
        type: "key",
        version: CONVERSATION_VERSION,
        prefix: `${config.redis.prefix}conv:`,
        adapter: new RedisAdapter({ instance: deps.redis }),
      },
      // Inside a conversation the Api object is fresh: install auto-retry and our plugins again.
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(retryTransformer());
          await next();
        },
        // The outer chain already recorded the user for this update.
        appContext(deps, { recordUser: false }),
        deps.i18n,
      ],
    }),
  );

  // Admin commands before the order walk: an admin's `/order <id>` is a lookup, a plain /order is not.
  bot.use(adminFeature());
  bot.use(backOfficeFeature(deps));
  // First: the order dialog must see /cancel before help does, and hands on what is not its answer.
  bot.use(orderFeature(deps.i18n));
  bot.use(topupFeature(deps.i18n));
  bot.use(startFeature, languageHandlers(deps.i18n), helpFeature(deps.i18n), balanceFeature(deps.i18n, [topupBalanceExtension, adminBalanceExtension()]));
  bot.use(ordersFeature(deps.i18n));

  // Keep this the last feature: it answers only what every handler above let through.
  bot.use(fallbackFeature());

  root.catch(errorHandler);
  return root;
}
