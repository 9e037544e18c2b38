/**
 * "Re-plan the rest": a member's remaining milestones re-phased from what they have actually done to the same
 * deadline, keeping the curve's shape. Pure.
 *
 * `rephaseRest` takes the days from the first re-planned day (today) to the deadline, with the plan's own increments
 * on them (`shape`: the goal's curve — front-loaded stays front-loaded, custom checkpoints keep their weight) and
 * which of them are open, the member's actual before the first day and their target. Guarantees, for every accepted
 * input:
 * - every increment is a whole number ≥ 0, and a day the shape gives nothing gets nothing (an empty shape — the plan
 *   had nothing left — falls back to an even spread over the open days);
 * - the increments sum to exactly what is missing (target − actual, 0 when the target is already reached), so the
 *   running total starts from the actual, never goes below it, never decreases and is exactly the target (or the
 *   actual, if above) on the deadline;
 * - without a fixed part, every running total is within ½ of the exact proportional share of the shape
 *   (`apportionCumulative`);
 * - a fixed part (a member's commitment for a week: `fixed` = { from, to, amount }, day indexes inclusive) puts
 *   min(amount, missing) on those days (by the shape), and the rest on the other days (by the shape), so a
 *   commitment turned into a re-plan is met exactly that week and the target still exactly at the deadline.
 * Refused with `PlanningError`: something is missing and no day is left to do it in (`no_day_left`: move the
 * deadline instead), or the rest after a commitment has no day outside it (`no_day_after_commitment`).
 *
 * `replannedRow` puts a member's whole row back together: the days before the re-plan as they were actually done (so
 * every period's planned total and running total stay consistent across the re-plan day), then the re-phased rest.
 *
 * `memberReplanRow` is that row for a stored re-plan on a goal's phased days (the one way every reader — My plan, the
 * Log, the dashboard's roll-up and charts, the CSV and the review — rebuilds it), and `rowCumulative` its running total
 * by a day's end: the member's own cumulative plan, which replaces their share of the goal's curve
 * (`memberExpectedOn`, expected-plan.ts).
 */
import { apportionCumulative } from "./apportion";
import { toDayNumber, type IsoDate } from "./calendar";
import { PlanningError, requireAmount } from "./errors";
import type { PlanDay } from "./phasing";

export interface RephaseInput {
  /** The plan's increments from the first re-planned day to the deadline (whole, ≥ 0): the curve's shape. */
  shape: readonly number[];
  /** Which of those days are open (same length); the fallback when the shape has nothing left. */
  open: readonly boolean[];
  /** Done before the first re-planned day. */
  actual: number;
  /** What the member's running total must be on the deadline. */
  target: number;
  /** A fixed amount on days `from`..`to` (indexes into `shape`, inclusive): a commitment for a week. */
  fixed?: { from: number; to: number; amount: number };
}

export interface RephasedRest {
  /** Increments per day (aligned with `shape`). */
  increments: number[];
  /** Running totals from `actual`. */
  cumulative: number[];
  /** target − actual, or 0. */
  missing: number;
  /** What the fixed part got (min(amount, missing)), 0 without one. */
  fixedAmount: number;
}

function spread(amount: number, weights: readonly number[], open: readonly boolean[], what: string): number[] {
  if (amount === 0) return weights.map(() => 0);
  let w = weights;
  if (!w.some((x) => x > 0)) w = open.map((o) => (o ? 1 : 0));
  if (!w.some((x) => x > 0)) {
    throw new PlanningError("no_day_left", `${what} has no open day left to do it in: move the deadline.`, "deadline");
  }
  return apportionCumulative(amount, w);
}

export function rephaseRest(input: RephaseInput): RephasedRest {
  const { shape, open } = input;
  if (open.length !== shape.length) {
    throw new PlanningError("invalid_days", "The open days and the shape must cover the same days.", "open");
  }
  shape.forEach((x, k) => requireAmount(x, `shape.${k}`, "planned increment"));
  const actual = requireAmount(input.actual, "actual", "actual", Number.MIN_SAFE_INTEGER);
  const target = requireAmount(input.target, "target");
  const missing = Math.max(0, target - actual);
  let increments: number[];
  let fixedAmount = 0;
  const fixed = input.fixed;
  if (fixed === undefined) {
    increments = spread(missing, shape, open, "What is still missing");
  } else {
    const { from, to } = fixed;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to >= shape.length) {
      throw new PlanningError("invalid_fixed", "The committed days must lie between today and the deadline.", "fixed");
    }
    requireAmount(fixed.amount, "fixed.amount", "committed amount");
    fixedAmount = Math.min(fixed.amount, missing);
    const inside = (k: number) => k >= from && k <= to;
    const mask = <T>(xs: readonly T[], keep: (k: number) => boolean, zero: T) => xs.map((x, k) => (keep(k) ? x : zero));
    const first = spread(fixedAmount, mask(shape, inside, 0), mask(open, inside, false), "The commitment");
    const rest = missing - fixedAmount;
    const outside = (k: number) => !inside(k);
    let after: number[];
    try {
      after = spread(rest, mask(shape, outside, 0), mask(open, outside, false), "The rest after the commitment");
    } catch (e) {
      if (e instanceof PlanningError && e.code === "no_day_left") {
        throw new PlanningError(
          "no_day_after_commitment",
          "The commitment leaves part of the target with no open day after it: commit to more, or move the deadline.",
          "amount",
        );
      }
      throw e;
    }
    increments = first.map((x, k) => x + after[k]!);
  }
  let running = actual;
  const cumulative = increments.map((x) => (running += x));
  return { increments, cumulative, missing, fixedAmount };
}

/**
 * A member's whole row after a re-plan from day `fromIndex`: the days before it as actually done (`actualBefore`,
 * one amount a day, length `fromIndex`), then `rest` (from `rephaseRest`). Its running total is continuous: on the
 * deadline it is the actual before plus the rest.
 */
export function replannedRow(actualBefore: readonly number[], rest: readonly number[]): number[] {
  return [...actualBefore, ...rest];
}

/** A stored re-plan: its first day, and the commitment turned into it (days inclusive). */
export interface ReplanSpec {
  fromDate: IsoDate;
  fixed: { from: IsoDate; to: IsoDate; amount: number } | null;
}

/**
 * A member's whole row (index = day − start) re-planned from `fromDate` on the goal's phased days: the days before it
 * as actually done (`daily`, index = day − start; missing days are 0), then the rest spread by the goal's curve to
 * reach `target` from the actual before (`rephaseRest`). `PlanningError` when no open day is left.
 */
export function memberReplanRow(
  plan: { start: IsoDate; days: readonly Pick<PlanDay, "increment" | "working">[] },
  args: ReplanSpec & { target: number; daily: readonly number[] | undefined },
): { row: number[]; actual: number; fixedAmount: number } {
  const fromK = Math.max(0, Math.min(plan.days.length, toDayNumber(args.fromDate) - toDayNumber(plan.start)));
  const before = (args.daily ?? []).slice(0, fromK);
  while (before.length < fromK) before.push(0);
  const actual = before.reduce((s, x) => s + x, 0);
  const rest = plan.days.slice(fromK);
  const index = (d: IsoDate) => toDayNumber(d) - toDayNumber(args.fromDate);
  const fixed =
    args.fixed === null
      ? undefined
      : {
          from: Math.max(0, index(args.fixed.from)),
          to: Math.min(rest.length - 1, index(args.fixed.to)),
          amount: args.fixed.amount,
        };
  const r = rephaseRest({
    shape: rest.map((d) => d.increment),
    open: rest.map((d) => d.working),
    actual,
    target: args.target,
    ...(fixed && fixed.to >= fixed.from ? { fixed } : {}),
  });
  return { row: replannedRow(before, r.increments), actual, fixedAmount: r.fixedAmount };
}

/**
 * A row's running total by the end of a day (index = day − `start`): 0 before the start, the whole row from its last
 * day on. O(1) a call after one O(days) pass.
 */
export function rowCumulative(start: IsoDate, row: readonly number[]): (day: IsoDate) => number {
  const cumulative = new Array<number>(row.length);
  let running = 0;
  row.forEach((x, k) => (cumulative[k] = running += x));
  const startDn = toDayNumber(start);
  return (day) => {
    const k = toDayNumber(day) - startDn;
    if (k < 0 || row.length === 0) return 0;
    return cumulative[Math.min(k, row.length - 1)]!;
  };
}
