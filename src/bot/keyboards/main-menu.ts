import { Keyboard } from "grammy";
import type { Translator } from "../../text/i18n.js";
import { LOCALES } from "../../text/locales.js";

/** The reply-keyboard buttons; their labels are Fluent keys. */
export const MENU_KEYS = ["menu-order", "menu-search", "menu-orders", "menu-balance", "menu-referrals", "menu-promo", "menu-help", "menu-language"] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export function mainMenu(t: (key: string) => string): Keyboard {
  return new Keyboard()
    .text(t("menu-order"))
    .text(t("menu-search"))
    .row()
    .text(t("menu-orders"))
    .text(t("menu-balance"))
    .row()
    .text(t("menu-referrals"))
    .text(t("menu-promo"))
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

const labelSets = new WeakMap<Translator, Set<string>>();

/** Every menu button's label in every language, built once per translator (checked on each dialog answer). */
export function allMenuLabels(i18n: Translator): Set<string> {
  let labels = labelSets.get(i18n);
  if (!labels) {
    labels = new Set(MENU_KEYS.flatMap((key) => menuLabels(i18n, key)));
    labelSets.set(i18n, labels);
  }
  return labels;
}
