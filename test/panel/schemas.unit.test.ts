import { describe, expect, it } from "vitest";
import { errorAnswer, parseLenientJson } from "../../src/panel/client.js";
import { classifyPanelError } from "../../src/panel/errors.js";
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
});
