import { describe, expect, it } from "vitest";
import { cancelAccepted, errorAnswer, parseLenientJson } from "../../src/panel/client.js";
import { classifyPanelError, PanelError, refillWaitOf } from "../../src/panel/errors.js";
import { orderStatusSchema, serviceSchema } from "../../src/panel/schemas.js";
import { normalizeOrderStatus, normalizeRefillStatus } from "../../src/panel/status.js";

describe("panel answer schemas", () => {
  it("takes a service in the seed document's shape", () => {
    const s = serviceSchema.parse({ service: 1, name: "Followers", type: "Default", category: "First Category", rate: "0.90", min: "50", max: "10000", refill: true, cancel: true });
    expect(s).toMatchObject({ id: "1", name: "Followers", type: "Default", min: 50, max: 10000, refill: true, cancel: true, dripfeed: false });
    expect(s.rate.toFixed()).toBe("0.9");
  });

  it("takes the odd shapes real panels send", () => {
    const s = serviceSchema.parse({ service: "abc-7", name: 42, rate: 8, min: 10, max: "1500.00", refill: "1", cancel: 0, dripfeed: "true", description: "Fast", extra: { x: 1 } });
    expect(s).toMatchObject({ id: "abc-7", name: "42", type: "Default", category: "Other", min: 10, max: 1500, refill: true, cancel: false, dripfeed: true, description: "Fast" });
    expect(serviceSchema.safeParse({ service: 1, name: "x", rate: "free", min: 1, max: 2 }).success).toBe(false);
    // null where a PHP clone has an unset column: the same defaults as a missing or empty field, not a dropped service.
    expect(serviceSchema.parse({ service: 9, name: null, type: null, category: null, rate: "1", min: 10, max: 100 })).toMatchObject({ id: "9", name: "#9", type: "Default", category: "Other" });
  });

  it("keeps an unknown status as it came instead of rejecting it", () => {
    const st = orderStatusSchema.parse({ charge: "0.27819", start_count: "3572", status: "Awaiting moderation", remains: "157", currency: "USD" });
    expect(st).toMatchObject({ status: "unknown", statusRaw: "Awaiting moderation", startCount: 3572, remains: 157 });
    expect(st.charge?.toFixed()).toBe("0.27819");
  });

  it("tolerates numbers, nulls and empty strings in status fields", () => {
    const st = orderStatusSchema.parse({ charge: 1.5, start_count: null, status: "Inprogress", remains: "" });
    expect(st).toMatchObject({ status: "in_progress", startCount: null, remains: null });
    expect(orderStatusSchema.parse({ status: "Completed", charge: "n/a" }).charge).toBeNull();
  });

  it("normalises status spellings", () => {
    for (const raw of ["In progress", "Inprogress", "In Progress", "in_progress", "IN PROGRESS"]) expect(normalizeOrderStatus(raw)).toBe("in_progress");
    expect(normalizeOrderStatus("Cancelled")).toBe("canceled");
    expect(normalizeOrderStatus("Canceled")).toBe("canceled");
    expect(normalizeOrderStatus("Processing")).toBe("processing");
    expect(normalizeOrderStatus("Fail")).toBe("failed");
    expect(normalizeOrderStatus("Refunded")).toBe("refunded");
    expect(normalizeOrderStatus("Partial")).toBe("partial");
    expect(normalizeRefillStatus("Refilling")).toBe("in_progress");
    expect(normalizeRefillStatus("REJECTED")).toBe("rejected");
    expect(normalizeRefillStatus("whatever")).toBe("unknown");
  });

  it("recognises every error shape, and an order's own 'Fail' status is not one", () => {
    expect(errorAnswer({ error: "Invalid API key" })).toBe("Invalid API key");
    expect(errorAnswer({ error: "Incorrect order ID", status: 422 })).toBe("Incorrect order ID");
    expect(errorAnswer({ status: "fail", message: "Service is disabled" })).toBe("Service is disabled");
    expect(errorAnswer({ success: false, msg: "Bad request" })).toBe("Bad request");
    expect(errorAnswer({ status: "Fail", charge: "0", remains: "10" })).toBeNull();
    expect(errorAnswer({ order: 23501 })).toBeNull();
    expect(errorAnswer([{ order: 1, refill: 1 }])).toBeNull();
  });

  it("finds JSON after junk and gives up on HTML or nothing", () => {
    expect(parseLenientJson('\uFEFF{"order": 1}')).toEqual({ order: 1 });
    expect(parseLenientJson('Warning: Undefined index in x.php\n{"order": 5}')).toEqual({ order: 5 });
    expect(parseLenientJson("<html><body>Just a moment...</body></html>")).toBeUndefined();
    expect(parseLenientJson("")).toBeUndefined();
    expect(parseLenientJson('{"order": ')).toBeUndefined();
  });

  it("classifies the common panel error texts", () => {
    expect(classifyPanelError("Invalid API key")).toBe("invalid_key");
    expect(classifyPanelError("Incorrect service ID")).toBe("incorrect_service");
    expect(classifyPanelError("Bad link")).toBe("bad_link");
    expect(classifyPanelError("Quantity less than minimal 50")).toBe("quantity_min");
    expect(classifyPanelError("Quantity more than maximum 10000")).toBe("quantity_max");
    expect(classifyPanelError("Not enough funds on balance")).toBe("not_enough_funds");
    expect(classifyPanelError("You have active order with this link. Please wait until order being completed.")).toBe("active_order");
    expect(classifyPanelError("Incorrect order ID")).toBe("incorrect_order");
    expect(classifyPanelError("Refill not found")).toBe("refill_not_found");
    expect(classifyPanelError("Refill is disabled for this service")).toBe("refill_disabled");
    expect(classifyPanelError("The order is not completed")).toBe("not_completed");
    expect(classifyPanelError("Your account has been suspended")).toBe("suspended");
    expect(classifyPanelError("Cancel is disabled for this service")).toBe("cancel_disabled");
    expect(classifyPanelError("Something new")).toBe("other");
  });

  it("classifies other scripts' wording by its words, not by one exact string per panel", () => {
    const cases: Array<[string, string]> = [
      // untranslated keys of a panel's language table, and the same words in other spellings
      ["neworder.error.not_enough_funds", "not_enough_funds"],
      ["NEWORDER_ERROR_NOT_ENOUGH_FUNDS", "not_enough_funds"],
      ["notEnoughFunds", "not_enough_funds"],
      ["neworder.error.insufficient_balance", "not_enough_funds"],
      ["neworder.error.min_quantity", "quantity_min"],
      ["error.quantity_min", "quantity_min"],
      ["neworder.error.max_quantity", "quantity_max"],
      ["neworder.error.link_duplicate", "active_order"],
      ["neworder.error.invalid_link", "bad_link"],
      ["neworder.error.service_not_found", "incorrect_service"],
      ["order.error.not_found", "incorrect_order"],
      ["api.error.invalid_key", "invalid_key"],
      ["api.error.refill_disabled", "refill_disabled"],
      // SmartPanel
      ["API is Disable for this user or User Not Found! Contact the Support", "invalid_key"],
      ["This action is Invalid", "unsupported_action"],
      ["Invalid action", "unsupported_action"],
      // Laravel clones
      ["Unauthenticated.", "invalid_key"],
      // refill cool-downs, with and without a wait
      ["Refill can be requested after 24 hours", "refill_cooldown"],
      ["You can request a refill again in 12h", "refill_cooldown"],
      ["Refill is available after 1 day 2 hours", "refill_cooldown"],
      ["refill.error.too_soon", "refill_cooldown"],
      ["Refill already requested for this order", "refill_cooldown"],
      // cancel refusals
      ["Cannot cancel", "not_cancelable"],
      ["The order cannot be canceled", "not_cancelable"],
      ["Order can't be cancelled", "not_cancelable"],
      ["cancel.error.not_allowed", "cancel_disabled"],
      ["Cancellation is not available", "cancel_disabled"],
      // words that must not be read as something they are not
      ["Interval must be at least 5 min", "other"],
      ["Incorrect request", "other"],
    ];
    for (const [message, kind] of cases) expect(classifyPanelError(message), message).toBe(kind);
  });

  it("settles a refusal text it does not know by the HTTP status it came with", () => {
    expect(new PanelError("add", "Forbidden", 403).kind).toBe("invalid_key");
    expect(new PanelError("add", "Payment required", 402).kind).toBe("not_enough_funds");
    expect(new PanelError("add", "Something new", 422).kind).toBe("other");
    // A text it knows wins over the status.
    expect(new PanelError("add", "neworder.error.min_quantity", 422).kind).toBe("quantity_min");
  });

  it("reads the wait a refill cool-down names", () => {
    expect(refillWaitOf("Refill can be requested after 24 hours")).toEqual([{ amount: 24, unit: "hour" }]);
    expect(refillWaitOf("Refill is available after 1 day 2 hours")).toEqual([
      { amount: 1, unit: "day" },
      { amount: 2, unit: "hour" },
    ]);
    expect(refillWaitOf("try again in 30 min")).toEqual([{ amount: 30, unit: "minute" }]);
    expect(refillWaitOf("wait 2d")).toEqual([{ amount: 2, unit: "day" }]);
    expect(refillWaitOf("refill.error.too_soon")).toEqual([]);
    expect(refillWaitOf("Refill available in 3 months")).toEqual([]);
  });

  it("takes a cancel as accepted when the panel gives a cancel id or a word for it", () => {
    for (const v of [1, true, "1", "true", "ok", "success", 57, "57", "requested", "Requested", "pending", "cancel requested", "can_01HXYZ9K2", "ord-8f3a2b"])
      expect(cancelAccepted(v), String(v)).toBe(true);
    for (const v of [0, false, "0", "false", -1, "Cannot cancel", "cancel.error.not_allowed", "not_allowed", "error_404", null, undefined, { error: "x" }, {}])
      expect(cancelAccepted(v), String(v)).toBe(false);
  });

  it("keeps the new status words by meaning, and unknown ones raw", () => {
    expect(normalizeOrderStatus("Success")).toBe("completed");
    expect(normalizeOrderStatus("processing")).toBe("processing");
    expect(normalizeOrderStatus("Rejected")).toBe("failed");
    expect(normalizeOrderStatus("Awaiting approval")).toBe("pending");
    expect(normalizeOrderStatus("Active")).toBe("active");
    expect(normalizeOrderStatus("Expired")).toBe("completed");
    // Ambiguous words stay unknown: kept raw, polled, handed to admins if they last.
    expect(orderStatusSchema.parse({ status: "Processed" })).toMatchObject({ status: "unknown", statusRaw: "Processed" });
    expect(orderStatusSchema.parse({ status: "Paused" })).toMatchObject({ status: "unknown", statusRaw: "Paused" });
    expect(normalizeRefillStatus("Success")).toBe("completed");
    expect(normalizeRefillStatus("Rejected")).toBe("rejected");
  });

  it("reads an over-delivered or unknown remains without failing the status", () => {
    expect(orderStatusSchema.parse({ status: "Completed", charge: "0.5", remains: "-2" })).toMatchObject({ status: "completed", remains: 0 });
    expect(orderStatusSchema.parse({ status: "Completed", remains: -15 }).remains).toBe(0);
    expect(orderStatusSchema.parse({ status: "In progress", remains: "Unknown", start_count: "Unknown" })).toMatchObject({ status: "in_progress", remains: null, startCount: null });
  });

  it("reads whole numbers the same in every shape a panel writes them", () => {
    const counts = (v: unknown) => orderStatusSchema.parse({ status: "Pending", start_count: v, remains: v });
    for (const v of ["1500", 1500, "1500.0", "1500.9", " 1500 ", 1500.2]) expect(counts(v)).toMatchObject({ startCount: 1500, remains: 1500 });
    expect(counts("-0")).toMatchObject({ startCount: 0, remains: 0 });
    expect(counts("1234567890123456789")).toMatchObject({ startCount: 1234567890123456800 });
    expect(counts(1e21).startCount).toBe(1e21);
  });

  it("reads a drip-feed parent's status", () => {
    const st = orderStatusSchema.parse({ status: "In progress", runs: "3", orders: [23501, 23502] });
    expect(st).toMatchObject({ status: "in_progress", statusRaw: "In progress", charge: null, remains: null, startCount: null });
  });

  it("finds the refusal in error objects and in a success body with an extra status", () => {
    expect(errorAnswer({ error: { message: "neworder.error.min_quantity" } })).toBe("neworder.error.min_quantity");
    expect(errorAnswer({ status: "success", order: 1 })).toBeNull();
    expect(errorAnswer({ status: "success", data: "Empty Data" })).toBeNull();
    expect(errorAnswer({ status: "error", message: "neworder.error.not_enough_funds" })).toBe("neworder.error.not_enough_funds");
    expect(errorAnswer({ status: false, message: "neworder.error.max_quantity" })).toBe("neworder.error.max_quantity");
  });
});
