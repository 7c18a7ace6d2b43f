/**
 * Referrals: every user has a link `https://t.me/<bot>?start=ref_<code>`; a new user who arrives
 * through it is bound to its owner once (UserStore.touch, at first contact); the owner earns
 * REFERRAL_PERCENT of what each referred user pays for orders, counted after refunds, credited
 * once per order when the order ends (the poller calls `rewardReferrer`). The web back office
 * calls these functions too.
 */
import type { AppDeps } from "../app.js";
import { D, moneyString, roundDown, type Money } from "../money.js";
import { REFERRAL_CODE, type ReferralRecord, type ReferralTotals } from "../store/referrals.js";
import { formatMoney } from "../text/format.js";
import { escapeHtml } from "../text/html.js";

export type ReferralDeps = Pick<AppDeps, "config" | "referrals" | "notifier" | "logger">;

export const REFERRAL_START_PREFIX = "ref_";

/** The code in a `/start ref_<code>` message, else null. */
export function referralCodeFromStart(text: string | undefined): string | null {
  const m = /^\/start(?:@\w+)?\s+ref_(\S+)\s*$/.exec(text ?? "");
  const code = m?.[1]?.toLowerCase();
  return code && REFERRAL_CODE.test(code) ? code : null;
}

export const referralLink = (botUsername: string, code: string): string => `https://t.me/${botUsername}?start=${REFERRAL_START_PREFIX}${code}`;

export const referralsEnabled = (config: AppDeps["config"]): boolean => new D(config.referralPercent).gt(0);

/**
 * The referrer's reward for an order that ended: `percent` of what the user paid less what was
 * refunded (Canceled: nothing; Partial: the delivered share), rounded down to 5 decimals.
 */
export function referralReward(paid: Money, refunded: Money, percent: string): Money {
  const base = paid.sub(refunded);
  if (base.lte(0)) return new D(0);
  return roundDown(base.mul(percent).div(100));
}

export interface ReferralSummary extends ReferralRecord {
  code: string;
  link: string;
  enabled: boolean;
  percent: string;
}

/** What the "👥 Referrals" screen shows: the link (its code made on first use), joined, earned. */
export async function referralSummary(deps: Pick<AppDeps, "config" | "referrals">, userId: number, botUsername: string): Promise<ReferralSummary> {
  const code = await deps.referrals.codeOf(userId);
  const record = await deps.referrals.get(userId);
  return { ...record, code, link: referralLink(botUsername, code), enabled: referralsEnabled(deps.config), percent: deps.config.referralPercent };
}

/** A user's referral side for admins: who brought them, whom they brought, what they earned. */
export function userReferrals(deps: Pick<AppDeps, "referrals">, userId: number): Promise<ReferralRecord> {
  return deps.referrals.get(userId);
}

export function referralTotals(deps: Pick<AppDeps, "referrals">): Promise<ReferralTotals> {
  return deps.referrals.totals();
}

/** Tells a referrer that someone joined through their link (once per joined user); silent while referrals are off. */
export async function announceJoined(deps: ReferralDeps, referrerId: number, joined: { id: number; firstName?: string }): Promise<void> {
  if (!referralsEnabled(deps.config)) return;
  const name = escapeHtml(joined.firstName ?? String(joined.id));
  await deps.notifier.toUser({ userId: referrerId }, (t) => t("referral-joined", { name }), { key: `referral-joined:${joined.id}` });
}

export interface EndedOrder {
  id: string;
  userId: number;
  /** what the user paid */
  price: string;
  serviceName: string;
}

/**
 * Called when an order reached its final status, after its refund: credits the referrer's
 * share once per order (also when called again for the same order: a redone poll round, a second
 * worker) and queues the referrer's message under a key of its own, so a redo neither pays nor
 * tells twice. `refunded` is what the wallet got back for the order.
 */
export async function rewardReferrer(deps: ReferralDeps, order: EndedOrder, refunded: Money | null): Promise<Money | null> {
  if (!referralsEnabled(deps.config)) return null;
  const referrerId = await deps.referrals.referrerOf(order.userId);
  if (referrerId === null) return null;
  const amount = referralReward(new D(order.price), refunded ?? new D(0), deps.config.referralPercent);
  if (amount.lte(0)) return null;
  const res = await deps.referrals.reward(referrerId, order.id, amount, order.userId);
  if (res.credited) deps.logger.info({ orderId: order.id, referrerId, amount: moneyString(res.amount) }, "referral reward credited");
  const { currency } = deps.config;
  await deps.notifier.toUser({ userId: referrerId }, (t, locale) => t("referral-reward", { amount: formatMoney(res.amount, locale, currency), order: order.id }), {
    key: `referral-reward:${order.id}`,
  });
  return res.amount;
}
