/**
 * Callback data of the order walk (features/order-walk.ts): short ids only (category key, service
 * id, page, draft id), never names, so every button stays within Telegram's 64 bytes.
 */
import { anyDataOf, createCallbackData, field } from "./define.js";

const page = field.int(6);
/** Panel service ids are opaque: one that does not fit is not offered (keyboards/catalog.ts). */
const serviceId = field.text("[\\w.-]", 40);
const draftId = field.text("\\d", 15);

export const orderWalkData = {
  categories: createCallbackData("cp", { page }),
  services: createCallbackData("cs", { categoryKey: field.text("[\\w-]", 16), page }),
  service: createCallbackData("s", { serviceId }),
  order: createCallbackData("o", { serviceId }),
  confirm: createCallbackData("oc", { draftId }),
  discard: createCallbackData("ox", { draftId }),
  /** order again: the dialog takes the previous order's link */
  reuseLink: createCallbackData("ol"),
  /** the dialog's drip-feed question */
  dripfeed: createCallbackData("od", { choice: field.code({ yes: "y", no: "n" }) }),
  /** leaves the order dialog */
  leave: createCallbackData("dx"),
};

/** any data of the order walk that matched none of its handlers: stale or forged */
export const anyOrderWalkData = anyDataOf(...Object.values(orderWalkData));
