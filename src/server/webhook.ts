import { webhookCallback, type Bot, type Context } from "grammy";
import type { WebhookRoute } from "./http.js";

/** Update kinds the bot handles; Telegram keeps the list, for webhooks and getUpdates alike. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "pre_checkout_query"] as const;

/**
 * The webhook route for the HTTP server. grammY checks the secret again and answers Telegram once
 * the update is handled; an update still running after 10 s is answered anyway ("return") and
 * finishes in the background, because Telegram would otherwise send it a second time.
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
