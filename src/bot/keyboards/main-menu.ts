import { Keyboard } from "grammy";
import type { Translator } from "../i18n.js";
import { LOCALES } from "../i18n.js";

/** The reply-keyboard buttons; their labels are Fluent keys. */
export const MENU_KEYS = ["menu-order", "menu-orders", "menu-balance", "menu-help", "menu-language"] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export function mainMenu(t: (key: string) => string): Keyboard {
  return new Keyboard()
    .text(t("menu-order"))
    .row()
    .text(t("menu-orders"))
    .text(t("menu-balance"))
    .row()
    .text(t("menu-help"))
    .text(t("menu-language"))
    .resized()
    .persistent();
}

/** A button's label in every language, so a press works whatever language the user switched to. */
export function menuLabels(i18n: Translator, key: MenuKey): string[] {
  return LOCALES.map((l) => i18n.t(l, key));
}
