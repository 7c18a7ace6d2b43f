/** What the panel said, classified so the bot can react (and translate) without parsing text twice. */
export type PanelErrorKind =
  | "invalid_key"
  | "not_enough_funds"
  | "incorrect_service"
  | "bad_link"
  | "quantity_min"
  | "quantity_max"
  | "active_order"
  | "incorrect_order"
  | "refill_disabled"
  /** refill: one was made recently, the next is allowed only after a wait (refillWaitOf reads it) */
  | "refill_cooldown"
  | "not_completed"
  | "refill_not_found"
  | "cancel_disabled"
  /** cancel: this order can no longer be cancelled (started, finished, …) */
  | "not_cancelable"
  /** the panel has no such action at all (SmartPanel: only add, status, services, balance) */
  | "unsupported_action"
  | "suspended"
  | "other";

/**
 * Panels word the same refusal differently: English sentences ("Not enough funds on balance"),
 * untranslated keys of their language table ("neworder.error.not_enough_funds"), camelCase codes.
 * The text is cut into lower-case words (on spaces, dots, underscores, dashes, case changes and
 * punctuation) and the rules below match words, not one exact string per panel.
 */
export function panelWords(message: string): string {
  return ` ${message
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

const MIN = String.raw`(min|minimal|minimum)`;
const MAX = String.raw`(max|maximal|maximum)`;
const QTY = String.raw`(quantity|qty|amount)`;
/** a number and a time unit in panelWords text: "24 hours", "30 min", "2d" */
const WAIT = String.raw`\d+ ?(weeks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s) `;
const REFILL = String.raw` refill\w* `;

// Order matters: "You have active order with this link" must not read as a bad link, nor
// "Refill is disabled for this service" as a bad service, nor "after 30 min" as a minimum.
// Each rule is tested against panelWords(message): lower-case words, one space apart and around.
const KINDS: Array<[RegExp, PanelErrorKind]> = [
  [
    / (api|key|apikey) (is |has been )?(disabled?|invalid|incorrect|wrong|expired|not found) | (invalid|incorrect|wrong|bad|unknown) (api )?key | api key | unauthori[sz]ed | unauthenticated /,
    "invalid_key",
  ],
  [/ not enough (funds?|balance|money) | insufficient | (balance|funds) (is )?(too low|less than|lower than) | low (balance|funds) | no (enough )?funds /, "not_enough_funds"],
  [
    / action (is )?(invalid|unknown|unsupported|incorrect|disabled|not (supported|allowed|available|found|exists?)) | (invalid|unknown|unsupported|incorrect) action | method not (allowed|supported) /,
    "unsupported_action",
  ],
  // A refill and a wait: a duration, or words saying "not yet" (cool-down, too soon, already asked).
  [new RegExp(String.raw`^(?=.*${REFILL})(?=.*( ${WAIT}| cool ?down | too (soon|early|often|frequent)| once (per|every|a) | already | duplicate | exists ))`), "refill_cooldown"],
  [/ active order | duplicate | already (have |has )?(an? )?(active |running |pending )?order .*(link|url) | same (link|url) /, "active_order"],
  [new RegExp(String.raw`${REFILL}.*(disabled?|not (available|allowed|supported|enabled|possible)|unavailable|unsupported) | no refill `), "refill_disabled"],
  [new RegExp(String.raw`${REFILL}.*not found | (invalid|incorrect|wrong|unknown) refill `), "refill_not_found"],
  [/ not (yet )?(completed?|finished|done) | incomplete | uncompleted /, "not_completed"],
  [/ cancel\w* .*(disabled?|not (available|allowed|supported|enabled)) | no cancel /, "cancel_disabled"],
  [/ (cannot|can not|can t|unable to|could not|couldn t) (be )?cancel| not cancel+able | uncancel+able /, "not_cancelable"],
  [/ order id | order (id |error )?not found | (incorrect|invalid|wrong|unknown|bad) order | no such order | order (does not|doesn t) exist /, "incorrect_order"],
  [/ service\w* /, "incorrect_service"],
  [new RegExp(String.raw` (minimal|minimum) | ${MIN} ${QTY} | ${QTY} ${MIN} | ${QTY} (is )?(too )?(low|small) | ${QTY} (is )?(less|lower) than `), "quantity_min"],
  [new RegExp(String.raw` (maximal|maximum) | ${MAX} ${QTY} | ${QTY} ${MAX} | ${QTY} (is )?(too )?(high|big|large) | ${QTY} (is )?(more|greater|higher) than `), "quantity_max"],
  [/ (link|url|links|urls) /, "bad_link"],
  [/ (suspend\w*|bann?ed|ban|blocked|deactivated) /, "suspended"],
];

/**
 * Classifies a refusal by its text; `httpStatus` only settles a text no rule knows: a panel that
 * answers 401/403 refuses the key or the account, 402 means its balance.
 */
export function classifyPanelError(message: string, httpStatus?: number): PanelErrorKind {
  const words = panelWords(message);
  for (const [re, kind] of KINDS) if (re.test(words)) return kind;
  if (httpStatus === 401 || httpStatus === 403) return "invalid_key";
  if (httpStatus === 402) return "not_enough_funds";
  return "other";
}

export type WaitUnit = "week" | "day" | "hour" | "minute" | "second";
export interface WaitPart {
  amount: number;
  unit: WaitUnit;
}

/** every unit word starts with its own letter */
const UNIT_OF: Record<string, WaitUnit> = { w: "week", d: "day", h: "hour", m: "minute", s: "second" };
const DURATION = /(\d+(?:[.,]\d+)?)\s*(weeks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b/gi;

/**
 * The wait a refill cool-down names, in the panel's own units ("after 24 hours" → 24 hour;
 * "1 day 2 hours" → both); empty when the text names none.
 */
export function refillWaitOf(message: string): WaitPart[] {
  const parts: WaitPart[] = [];
  for (const m of message.matchAll(DURATION)) {
    const unit = UNIT_OF[m[2]!.slice(0, 1).toLowerCase()]!;
    const amount = Number(m[1]!.replace(",", "."));
    if (Number.isFinite(amount) && amount > 0 && !parts.some((p) => p.unit === unit)) parts.push({ amount, unit });
  }
  return parts;
}

/**
 * The panel received the request and refused it with a reason. The request had no effect, so
 * money reserved for an `add` can be given back.
 */
export class PanelError extends Error {
  override readonly name = "PanelError";
  readonly kind: PanelErrorKind;
  constructor(
    readonly action: string,
    readonly panelMessage: string,
    /** set when the panel sent its refusal with a 4xx */
    readonly httpStatus?: number,
  ) {
    super(`panel refused ${action}: ${panelMessage}`);
    this.kind = classifyPanelError(panelMessage, httpStatus);
  }
}

export type TransportFailure = "connect" | "timeout" | "reset" | "http" | "not_json" | "bad_shape";

/**
 * The exchange itself failed. `mayHaveReached` says whether the panel may have acted on the
 * request: false only when the connection was never made, so only then is an `add` surely not placed.
 */
export class PanelTransportError extends Error {
  override readonly name = "PanelTransportError";
  constructor(
    readonly action: string,
    readonly failure: TransportFailure,
    readonly mayHaveReached: boolean,
    detail: string,
    readonly httpStatus?: number,
  ) {
    super(`panel ${action} failed (${failure}${httpStatus ? ` ${httpStatus}` : ""}): ${detail}`);
  }
}

export const isPanelError = (e: unknown): e is PanelError => e instanceof PanelError;
export const isTransportError = (e: unknown): e is PanelTransportError => e instanceof PanelTransportError;
