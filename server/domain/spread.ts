/**
 * Spreading whole actions over days: the arithmetic behind the daily plan (daily-plan.ts) and the smaller target
 * that fits (smaller-target.ts).
 *
 * `evenSpread` splits a whole number over `n` days so that day i's running total is floor(total · i / n + phase);
 * `phaseOf` places an action on the whole plan's even grid (see the top of daily-plan.ts); `dayLoads` gives each
 * day's minutes and `fitsIn` says whether the busiest day fits in the minutes a day.
 */
import { apportion } from "./apportion";
import { PlanningError, requireAmount } from "./errors";

/** A phase in [0, 1) as the fraction num / den (whole numbers, 0 ≤ num < den). */
export interface Phase {
  num: number;
  den: number;
}

export const HALF: Phase = { num: 1, den: 2 };

/** An action being spread: its place among the input actions and, with a start, how many open days are behind. */
export interface Spreadable {
  remaining: number;
  done: number;
  minutesPerAction: number;
  /** Position among the input actions (its grid offset) and their number. */
  index: number;
  of: number;
}

/**
 * The phase of one action over `n` days: its grid offset (index + ½) / of, and with `elapsed` working days of the
 * plan behind today, where today falls on the whole plan's grid: the fractional part of
 * total · elapsed / (elapsed + n) + offset − done. Whole units behind or ahead of the grid do not move the phase:
 * they are spread over the remaining days like the rest (a higher or lower rate), never piled on today.
 */
export function phaseOf(a: Spreadable, n: number, elapsed: number | null): Phase {
  if (elapsed === null || elapsed === 0) return { num: 2 * a.index + 1, den: 2 * a.of };
  const whole = elapsed + n;
  const den = 2 * a.of * whole;
  const num = (a.done + a.remaining) * elapsed * 2 * a.of + (2 * a.index + 1) * whole - a.done * den;
  return { num: ((num % den) + den) % den, den };
}

/**
 * `total` whole units over `n` days: day i's running total is floor(total · i / n + phase). Exact sum, every day
 * ⌊total / n⌋ or one more, and each running total within one unit of the even line total · i / n (at most `phase`
 * above it, less than 1 − phase below). Phase ½ (the default) rounds the even line to the nearest whole number.
 */
export function evenSpread(total: number, n: number, phase: Phase = HALF): number[] {
  requireAmount(total, "total");
  const { num, den } = phase;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den < 1 || num >= den) {
    throw new PlanningError("invalid_phase", `A phase must be a fraction in [0, 1) (got ${num}/${den}).`, "phase");
  }
  if (n === 0) return []; // nothing to spread over: the time check reports it
  const out = new Array<number>(n);
  const bottom = n * den;
  if (Number.isSafeInteger(total * n * den + num * n + bottom)) {
    let prev = 0;
    for (let i = 1; i <= n; i++) {
      const top = total * i * den + num * n;
      const cum = (top - (top % bottom)) / bottom;
      out[i - 1] = cum - prev;
      prev = cum;
    }
    return out;
  }
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(n)) return apportion(total, new Array<number>(n).fill(1));
  const [t, b, p, nn] = [BigInt(total), BigInt(bottom), BigInt(num), BigInt(n)];
  let prev = 0n;
  for (let i = 1; i <= n; i++) {
    const cum = (t * BigInt(i) * BigInt(den) + p * nn) / b;
    out[i - 1] = Number(cum - prev);
    prev = cum;
  }
  return out;
}

/** Minutes of each of `n` days when every action in `items` is spread over them (as `evenSpread` does). */
export function dayLoads(items: readonly Spreadable[], n: number, elapsed: number | null): number[] {
  const loads = new Array<number>(n).fill(0);
  for (const a of items) {
    if (a.remaining === 0 || a.minutesPerAction === 0) continue;
    const phase = phaseOf(a, n, elapsed);
    const bottom = n * phase.den;
    if (!Number.isSafeInteger(a.remaining * bottom + phase.num * n + bottom)) {
      const counts = evenSpread(a.remaining, n, phase);
      for (let i = 0; i < n; i++) loads[i]! += counts[i]! * a.minutesPerAction;
      continue;
    }
    // The running total's numerator grows by remaining·den a day; a day's count is how many times it passes `bottom`.
    const step = a.remaining * phase.den;
    const whole = Math.floor(step / bottom);
    const rest = step - whole * bottom;
    let carry = phase.num * n;
    for (let i = 0; i < n; i++) {
      carry += rest;
      let count = whole;
      if (carry >= bottom) {
        carry -= bottom;
        count++;
      }
      loads[i]! += count * a.minutesPerAction;
    }
  }
  return loads;
}

/** True when the busiest of `n` open days fits in `minutesPerDay` (with no day: only when nothing is needed). */
export function fitsIn(
  items: readonly Spreadable[],
  n: number,
  elapsed: number | null,
  minutesPerDay: number,
  neededMinutes: number,
): boolean {
  if (n === 0) return neededMinutes === 0;
  if (neededMinutes > minutesPerDay * n) return false; // the busiest day is at least the average
  // Each action is at most ⌈k/n⌉ a day and reaches it on some day: bounds that settle most cases without the days.
  let ceilings = 0;
  for (const a of items) {
    const most = Math.ceil(a.remaining / n) * a.minutesPerAction;
    if (most > minutesPerDay) return false;
    ceilings += most;
  }
  if (ceilings <= minutesPerDay) return true;
  return dayLoads(items, n, elapsed).every((m) => m <= minutesPerDay);
}
