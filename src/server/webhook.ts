import { webhookCallback, type Bot, type Context } from "grammy";
import type { WebhookRoute } from "./http.js";

/** Update kinds the bot handles; Telegram keeps the list, for webhooks and getUpdates alike. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "pre_checkout_query"] as const;

/**
 * The webhook route for the HTTP server. grammY checks the secret again and answers Telegram once
 * the update is handled; an update still running after 10 s is answered anyway ("return") and
 * finishes in the background, because Telegram would otherwise send it a second time.
 *
 * Durability: Telegram resends an update until it gets an answer, so a process that dies while
 * handling leaves the update to be delivered again (to any process behind the balancer): the same
 * guarantee the polling intake (bot/intake.ts) gets from Redis. Its limit is the 10 s: past it the
 * update is answered and only the handler's own crash safety remains (placement recovery for
 * orders, the Stars check for Stars payments). Waiting longer would not help: Telegram resends an
 * update not answered in about 10 s while the first run goes on, and the polling intake's done
 * marker, set only when a run ends, could not stop that second run. So webhook mode does not use
 * the done marker; an update is handled again only when Telegram resends it, which it does only for
 * one never answered (not finished, or its answer lost on the way), and the handlers whose effects
 * matter are idempotent (payments by charge id, order confirmation by the draft's state).
 */
export function webhookRoute<C extends Context>(bot: Bot<C>, url: string, secret: string): WebhookRoute {
  return {
    path: new URL(url).pathname,
    secret,
    handle: webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return" }),
  };
}

/** Points Telegram at this process. Called on every start: the URL or secret may have changed. */
export async function setWebhook<C extends Context>(bot: Bot<C>, url: string, secret: string): Promise<void> {
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
}
