/**
 * What changed between two of the panel's service lists, for the admins' digest after a refresh.
 * Pure.
 */
import { D, type Money } from "../money.js";
import type { PanelService } from "../panel/schemas.js";

export interface RateChange {
  service: PanelService;
  oldRate: Money;
  newRate: Money;
  /** (new − old) / old × 100, two decimals; null when the old rate was 0 */
  percent: Money | null;
}

export interface LimitChange {
  service: PanelService;
  oldMin: number;
  oldMax: number;
}

export interface CatalogDiff {
  added: PanelService[];
  removed: PanelService[];
  rateChanges: RateChange[];
  limitChanges: LimitChange[];
}

export const isEmptyDiff = (d: CatalogDiff): boolean => d.added.length + d.removed.length + d.rateChanges.length + d.limitChanges.length === 0;

export function diffCatalogs(previous: readonly PanelService[], next: readonly PanelService[]): CatalogDiff {
  const before = new Map(previous.map((s) => [s.id, s]));
  const after = new Map(next.map((s) => [s.id, s]));
  const diff: CatalogDiff = { added: [], removed: [], rateChanges: [], limitChanges: [] };
  for (const s of after.values()) {
    const old = before.get(s.id);
    if (!old) {
      diff.added.push(s);
      continue;
    }
    if (!old.rate.eq(s.rate)) {
      const percent = old.rate.isZero() ? null : s.rate.sub(old.rate).div(old.rate).mul(100).toDecimalPlaces(2);
      diff.rateChanges.push({ service: s, oldRate: old.rate, newRate: s.rate, percent: percent && new D(percent) });
    }
    if (old.min !== s.min || old.max !== s.max) diff.limitChanges.push({ service: s, oldMin: old.min, oldMax: old.max });
  }
  for (const s of before.values()) if (!after.has(s.id)) diff.removed.push(s);
  return diff;
}
