/** Admin: /reconcile, wallets against ledgers and orders, and the wallets total against the panel. */
import { reconcile, renderReconcile } from "../../services/reconcile.js";
import type { BotContext, Feature } from "../context.js";
import { adminOnly } from "../filters/is-admin.js";
import { html } from "../helpers/admin-views.js";
import { FeatureComposer } from "../composer.js";

export const adminReconcileFeature: Feature = () => {
  const composer = new FeatureComposer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("reconcile", adminOnly, async (ctx) => {
    // A large shop takes a while: say so first. Only reads, so a redelivered update does no harm.
    await html(ctx, ctx.t("reconcile-working"));
    const report = await reconcile(ctx.deps);
    await html(
      ctx,
      renderReconcile((key, vars) => ctx.t(key, vars), ctx.locale, ctx.deps.config.currency, report),
    );
  });

  return composer;
};
