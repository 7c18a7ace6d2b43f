import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AppDeps } from "../app.js";
import type { BotContext, BotInnerContext } from "./context.js";
import { conversationStorage } from "./conversations/storage.js";
import { errorHandler } from "./handlers/error.js";
import { appContext } from "./middleware/app-context.js";
import { translation } from "./middleware/i18n.js";
import { FLOOD_GUARD, rateLimit } from "./middleware/rate-limit.js";
import { adminBroadcastFeature } from "./features/admin-broadcast.js";
import { adminOrdersFeature } from "./features/admin-orders.js";
import { adminShopFeature } from "./features/admin-shop.js";
import { adminReconcileFeature } from "./features/admin-reconcile.js";
import { adminStatsFeature } from "./features/admin-stats.js";
import { adminWalletsFeature } from "./features/admin-wallets.js";
import { balanceFeature } from "./features/balance.js";
import { fallbackFeature } from "./features/fallback.js";
import { helpFeature } from "./features/help.js";
import { myOrdersFeature } from "./features/my-orders.js";
import { orderWalkFeature } from "./features/order-walk.js";
import { paymentSupportFeature } from "./features/payment-support.js";
import { paymentsFeature } from "./features/payments.js";
import { promoFeature } from "./features/promo.js";
import { receiptsFeature } from "./features/receipts.js";
import { referralsFeature } from "./features/referrals.js";
import { requiredChannelsFeature } from "./features/required-channels.js";
import { searchFeature } from "./features/search.js";
import { startFeature } from "./features/start.js";
import { starsRefundsFeature } from "./features/stars-refunds.js";
import { topupFeature } from "./features/topup.js";
import { backOfficeFeature } from "./features/back-office.js";

/** Bump when a conversation's code changes so that stored replays of the old code are dropped. */
export const CONVERSATION_VERSION = 2;

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
  bot.use(paymentsFeature(deps));

  // Conversations and per-chat state assume one update of a chat at a time.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const context = appContext(deps, { rateWindowMs: FLOOD_GUARD.windowMs });
  bot.use(context.outer, translation(deps.i18n));
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

  bot.use(rateLimit());

  bot.use(
    conversations<BotContext, BotInnerContext>({
      storage: conversationStorage(deps.conversations, CONVERSATION_VERSION),
      // Inside a conversation the Api object is fresh: install auto-retry and our plugins again.
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(retryTransformer());
          await next();
        },
        // The outer chain already recorded the user for this update.
        context.inner,
        translation(deps.i18n),
      ],
    }),
  );

  // The top-up dialog first: it takes its own answers and /cancel, and ends on any command or menu
  // button, whichever feature below answers that (conversations/active-dialog.ts: one dialog at a time).
  bot.use(topupFeature(deps));
  // The promo-code question the same way: its answer, /cancel, and an admin's /promo subcommands.
  bot.use(promoFeature(deps));
  // Admin commands before the order walk: an admin's `/order <id>` is a lookup, a plain /order is not.
  bot.use(adminWalletsFeature(deps), adminOrdersFeature(deps), adminStatsFeature(deps), adminReconcileFeature(deps), adminBroadcastFeature(deps), backOfficeFeature(deps), adminShopFeature(deps));
  // The order dialog must see /cancel before help does, and hands on what is not its answer.
  bot.use(orderWalkFeature(deps), requiredChannelsFeature(deps));
  bot.use(paymentSupportFeature(deps), receiptsFeature(deps), starsRefundsFeature(deps));
  bot.use(startFeature(deps), helpFeature(deps), balanceFeature(deps), referralsFeature(deps));
  bot.use(myOrdersFeature(deps), searchFeature(deps));

  // Keep this the last feature: it answers only what every handler above let through.
  bot.use(fallbackFeature(deps));

  root.catch(errorHandler);
  return root;
}
