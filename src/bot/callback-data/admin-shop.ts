/**
 * Callback data of the admins' shop screens (features/admin-shop.ts): category keys, service ids,
 * pages and short codes only. Handlers check the admin gate and every id against the catalog.
 */
import { LOCALES } from "../../text/locales.js";
import { anyDataOf, createCallbackData, field } from "./define.js";

const page = field.int(4);
const categoryKey = field.text("[\\w-]", 16);
/** as in the order walk: an id that does not fit is not offered */
const serviceId = field.text("[\\w.-]", 40);
const onOff = field.code({ on: "1", off: "0" });

/** What a typed value sets: category markup, pin, name; service markup, fixed price, name, description. */
export const ADMIN_INPUTS = {
  categoryMarkup: "cm",
  categoryPin: "cp",
  categoryName: "cn",
  serviceMarkup: "sm",
  serviceFixed: "sf",
  serviceName: "sn",
  serviceDescription: "sd",
} as const;
export type AdminInputKind = keyof typeof ADMIN_INPUTS;

export const adminShopData = {
  categories: createCallbackData("ak", { page }),
  category: createCallbackData("akc", { categoryKey, page }),
  categoryHidden: createCallbackData("akh", { categoryKey, hidden: onOff }),
  service: createCallbackData("aks", { serviceId }),
  serviceHidden: createCallbackData("aksh", { serviceId, hidden: onOff }),
  /** the service's price follows its category (no own markup, no fixed price) */
  serviceFollow: createCallbackData("aksf", { serviceId }),
  /** asks for a typed value; `target` is a category key or a service id */
  ask: createCallbackData("aki", {
    what: field.code(ADMIN_INPUTS),
    target: serviceId,
    locale: field.oneOf(LOCALES),
  }),
};

export const anyAdminShopData = anyDataOf(...Object.values(adminShopData));
