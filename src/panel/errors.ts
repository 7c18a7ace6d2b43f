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
  | "not_completed"
  | "refill_not_found"
  | "cancel_disabled"
  | "suspended"
  | "other";

// Order matters: "You have active order with this link" must not read as a bad link, nor
// "Refill is disabled for this service" as a bad service.
const KINDS: Array<[RegExp, PanelErrorKind]> = [
  [/api key|invalid key|incorrect key|key is invalid/i, "invalid_key"],
  [/not enough funds|insufficient|balance is too low/i, "not_enough_funds"],
  [/active order/i, "active_order"],
  [/refill is disabled|refill.*not (available|allowed)/i, "refill_disabled"],
  [/refill not found/i, "refill_not_found"],
  [/not completed/i, "not_completed"],
  [/cancel.*(disabled|not (available|allowed))|cannot be cancel/i, "cancel_disabled"],
  [/order id|order not found|incorrect order/i, "incorrect_order"],
  [/service/i, "incorrect_service"],
  [/minimal|minimum/i, "quantity_min"],
  [/maximal|maximum/i, "quantity_max"],
  [/link|url/i, "bad_link"],
  [/suspend|banned|blocked/i, "suspended"],
];

export function classifyPanelError(message: string): PanelErrorKind {
  for (const [re, kind] of KINDS) if (re.test(message)) return kind;
  return "other";
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
  ) {
    super(`panel refused ${action}: ${panelMessage}`);
    this.kind = classifyPanelError(panelMessage);
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
