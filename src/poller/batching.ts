import type { PollTiming } from "./decide.js";

/**
 * When the poller sends a status request, free of I/O. pollClaim.lua applies the same rule inside
 * Redis, so all workers share one decision; this copy is what the simulated-clock tests run.
 *
 * A request is sent when `size` ids are due, or when the oldest due id has waited `holdMs`. A
 * request that is not full then takes the ids due soonest within `lookaheadMs` (looked at a little
 * early). Orders come due one by one, so without the hold every wake-up (≤ 1/s) sent a request of a
 * few ids; with it, requests per interval stay ≤ ⌈N/100⌉ + 1.
 *
 * The bound: no id is looked at later than its due time + holdMs + the loop's wake period (idleMs,
 * 1 s) + the time the rounds in front of it take. Looks ahead stay within lookahead, which is less
 * than an interval minus the hold, so an id just looked at (due again an interval later) is never
 * taken again at once.
 */
export interface BatchRule {
  /** ids per request (panels take at most 100) */
  size: number;
  /** the longest a due id waits for the request to fill */
  holdMs: number;
  /** how far ahead a request that is not full looks for ids to fill it */
  lookaheadMs: number;
}

/** The hold: a tenth of the interval, at most 5 s; the look-ahead: half the interval. */
export function defaultBatchRule(timing: PollTiming, size: number): BatchRule {
  return { size, holdMs: Math.min(5_000, Math.round(timing.intervalMs / 10)), lookaheadMs: Math.round(timing.intervalMs / 2) };
}

/** One scheduled id. */
export interface Due {
  id: string;
  dueAt: number;
}

/**
 * The ids to take now from `schedule` (soonest first): a full request, a held request whose oldest
 * id has waited long enough (filled from the look-ahead), or nothing. `flush` takes what is due
 * without waiting (one round over everything due, for tools and benchmarks).
 */
export function pickBatch(schedule: readonly Due[], now: number, rule: BatchRule, flush = false): string[] {
  const due = schedule.filter((d) => d.dueAt <= now).slice(0, rule.size);
  if (due.length === 0) return [];
  if (due.length === rule.size) return due.map((d) => d.id);
  if (!flush && due[0]!.dueAt > now - rule.holdMs) return [];
  const ahead = schedule.filter((d) => d.dueAt > now && d.dueAt <= now + rule.lookaheadMs).slice(0, rule.size - due.length);
  return [...due, ...ahead].map((d) => d.id);
}
