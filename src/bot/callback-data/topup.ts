/** Callback data of the top-up menu (features/topup.ts): method letters and amounts only. */
import type { TopupMethod } from "../../services/payments.js";
import { anyDataOf, createCallbackData, field } from "./define.js";

export const topupData = {
  menu: createCallbackData("tu:m"),
  method: createCallbackData("tu", { method: field.code<TopupMethod>({ provider: "p", stars: "s", manual: "r" }) }),
  /** a preset amount in the panel currency, for a provider invoice */
  providerAmount: createCallbackData("tu:pa", { amount: field.decimal(12, 5) }),
  stars: createCallbackData("tu:sa", { stars: field.int(6) }),
  cancel: createCallbackData("tu:x"),
};

/** any top-up data that matched none of its handlers: stale or forged */
export const anyTopupData = anyDataOf(...Object.values(topupData));
