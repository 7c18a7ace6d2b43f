/**
 * The admins' digest after a catalog refresh: new and removed services, rate changes with their
 * percent, min/max changes, and the services hidden by themselves because their fixed price no
 * longer covers the cost. One message within Telegram's 4096 characters: what does not fit is
 * summed up as "+N more". Pure.
 */
import type { CatalogDiff } from "../catalog/diff.js";
import type { ShopService } from "../catalog/shop.js";
import { formatInt, formatMoney } from "../text/format.js";
import { escapeHtml, truncate } from "../text/html.js";
import type { Translate } from "./notifier.js";

/** Room kept under 4096 for the last "+N more" line and the section titles. */
export const DIGEST_MAX_CHARS = 3900;
const NAME_MAX = 60;

export function catalogDigest(t: Translate, locale: string, input: { diff: CatalogDiff; atLoss: ShopService[]; lostCategories: string[]; panelCurrency: string }): string {
  const { diff, atLoss, lostCategories, panelCurrency } = input;
  const name = (s: { id: string; name: string }) => `#${escapeHtml(s.id)} ${escapeHtml(truncate(s.name, NAME_MAX))}`;
  const money = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, locale, panelCurrency);
  const sections: Array<{ title: string; lines: string[] }> = [
    {
      title: t("digest-at-loss", { count: atLoss.length }),
      lines: atLoss.map((s) => name(s.panel)),
    },
    {
      title: t("digest-lost-categories", { count: lostCategories.length }),
      lines: lostCategories.map((c) => escapeHtml(truncate(c, NAME_MAX))),
    },
    {
      title: t("digest-rates", { count: diff.rateChanges.length }),
      lines: diff.rateChanges.map((c) =>
        t("digest-rate-line", {
          service: name(c.service),
          old: money(c.oldRate),
          new: money(c.newRate),
          percent: c.percent ? `${c.percent.gt(0) ? "+" : ""}${c.percent.toFixed()}%` : "—",
        }),
      ),
    },
    {
      title: t("digest-added", { count: diff.added.length }),
      lines: diff.added.map((s) => name(s)),
    },
    {
      title: t("digest-removed", { count: diff.removed.length }),
      lines: diff.removed.map((s) => name(s)),
    },
    {
      title: t("digest-limits", { count: diff.limitChanges.length }),
      lines: diff.limitChanges.map((c) =>
        t("digest-limit-line", {
          service: name(c.service),
          old: `${formatInt(c.oldMin, locale)}–${formatInt(c.oldMax, locale)}`,
          new: `${formatInt(c.service.min, locale)}–${formatInt(c.service.max, locale)}`,
        }),
      ),
    },
  ];
  const out = [t("digest-title")];
  let length = out[0]!.length;
  let left = 0;
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    const title = `\n<b>${section.title}</b>`;
    if (length + title.length + 1 > DIGEST_MAX_CHARS) {
      left += section.lines.length;
      continue;
    }
    out.push(title);
    length += title.length + 1;
    for (const line of section.lines) {
      if (length + line.length + 1 > DIGEST_MAX_CHARS) {
        left++;
        continue;
      }
      out.push(line);
      length += line.length + 1;
    }
  }
  if (left > 0) out.push("", t("digest-more", { count: left }));
  return out.join("\n");
}
