/**
 * Callback data of "My orders" (features/my-orders.ts): the local order id and the list page to
 * return to, nothing else. Handlers still load the order with its owner checked.
 */
import { createCallbackData, field } from "./define.js";

const orderId = field.text("\\d", 15);
const page = field.int(6);

export const myOrdersData = {
  list: createCallbackData("mo:l", { page }),
  details: createCallbackData("mo:d", { orderId, page }),
  refresh: createCallbackData("mo:u", { orderId, page }),
  refill: createCallbackData("mo:f", { orderId, page }),
  /** asks to confirm the cancel */
  cancel: createCallbackData("mo:c", { orderId, page }),
  cancelConfirm: createCallbackData("mo:y", { orderId, page }),
  /** the same service again, the link offered for reuse */
  again: createCallbackData("mo:a", { orderId }),
};
