/**
 * Time-phasing a target backwards from its deadline ("the month from last month" is in next-target.ts).
 *
 * `phasePlan` spreads `target − baseline` over the working days from `start` to `deadline` (both inclusive) along a
 * curve and reports it per day and per period (day / week / month). Guarantees, for every accepted input:
 * - every daily increment is a whole number ≥ 0, and non-working days plan exactly 0 — closed days (team holidays,
 *   `closedDays`) are non-working days too: a closed day behaves exactly like a weekday the team does not work;
 * - the increments sum exactly to `target − baseline`: the cumulative starts from `baseline`, never decreases,
 *   and equals `target` on the deadline;
 * - custom checkpoints are met exactly: the cumulative at the end of a checkpoint's day is its value;
 * - between checkpoints (and for `linear`) the amount is spread evenly over the working days; front-/back-loaded
 *   curves weight working day i of N by `1 ± strength·(1 − 2·(i + ½)/N)`, so with strength s the first day carries
 *   about (1+s)/(1−s) times the last day's load (s = 0.5 → 3×);
 * - rounding is cumulative (see `apportionCumulative`): each running total is within ½ of its exact value;
 * - periods never start or end the plan empty: a first period without a working day (a goal that starts on a Sunday,
 *   or on a holiday) is merged into the next one, and a last period without one into the one before, so no period
 *   reads "€0 between 6 Dec and 6 Dec". Empty periods in the middle (a week of holidays) stay, with their 0.
 * Rejected with `PlanningError`: a bad date, a deadline before the start, a plan longer than 10 years, a target
 * below the baseline, a strength outside 0–1, checkpoints that go down over time, sit on the same day, lie above the
 * target or below the baseline, fall after the deadline or before the start, a checkpoint on the deadline that is
 * not the target, and a part of the plan that needs more but has no working day to do it in.
 *
 * A checkpoint is `{ date, cumulative }`, `{ weeksToGo, cumulative }` (deadline − 7·weeks days) or
 * `{ daysToGo, cumulative }`; "£42,000 with one week to go" is `{ weeksToGo: 1, cumulative: 4_200_000 }`.
 * checkpoints.ts resolves and checks them.
 */
import { apportionCumulative } from "./apportion";
import {
  DEFAULT_WEEK_STARTS_ON,
  DEFAULT_WORKING_DAYS,
  fromDayNumber,
  isOpenDayNumber,
  openDays,
  periodEndDayNumber,
  periodLabel,
  toDayNumber,
  validatePeriod,
  validateWeekday,
  type IsoDate,
  type Period,
} from "./calendar";
import { resolveCheckpoints } from "./checkpoints";
import { PlanningError, requireAmount } from "./errors";

export type CheckpointInput =
  | { date: IsoDate; cumulative: number }
  | { weeksToGo: number; cumulative: number }
  | { daysToGo: number; cumulative: number };

export type Curve =
  | { kind: "linear" }
  | { kind: "front-loaded"; strength: number }
  | { kind: "back-loaded"; strength: number }
  | { kind: "custom"; checkpoints: readonly CheckpointInput[] };

export interface PhasingInput {
  start: IsoDate;
  deadline: IsoDate;
  target: number;
  /** Already achieved at the start (default 0). */
  baseline?: number;
  /** Granularity of `periods` (default `week`). */
  period?: Period;
  /** 0 = Sunday … 6 = Saturday (default Monday). */
  weekStartsOn?: number;
  /** Default Monday–Friday. */
  workingDays?: readonly number[];
  /** Days not worked whatever their weekday (the team holidays the goal is phased with). Default none. */
  closedDays?: readonly IsoDate[];
  /** Default linear. */
  curve?: Curve;
  /** Formats amounts in error messages (e.g. pence → "£42,000.00"); default plain digits. */
  formatAmount?: (amount: number) => string;
}

export interface PlanDay {
  date: IsoDate;
  working: boolean;
  increment: number;
  /** Planned total at the end of this day (baseline included). */
  cumulative: number;
}

export interface PlanPeriod {
  /** First day of the period, clipped to the plan. */
  periodStart: IsoDate;
  /** Last day of the period, clipped to the plan. */
  periodEnd: IsoDate;
  label: string;
  increment: number;
  cumulative: number;
  /** Open days in the period (working weekdays that are not closed). */
  workingDays: number;
}

export interface ResolvedCheckpoint {
  date: IsoDate;
  cumulative: number;
  daysToGo: number;
}

export interface PhasedPlan {
  start: IsoDate;
  deadline: IsoDate;
  target: number;
  baseline: number;
  period: Period;
  weekStartsOn: number;
  workingDays: number[];
  /** The closed days inside the plan (sorted), as given: they plan 0 like non-working weekdays. */
  closedDays: IsoDate[];
  curve: Curve["kind"];
  days: PlanDay[];
  periods: PlanPeriod[];
  /** Custom checkpoints sorted by date (empty for other curves). */
  checkpoints: ResolvedCheckpoint[];
}

/** Longest plan accepted, in days (ten years). */
export const MAX_PLAN_DAYS = 3660;

export function phasePlan(input: PhasingInput): PhasedPlan {
  const fmt = input.formatAmount ?? ((a: number) => String(a));
  const startDn = toDayNumber(input.start, "start");
  const deadlineDn = toDayNumber(input.deadline, "deadline");
  if (deadlineDn < startDn) {
    throw new PlanningError(
      "deadline_before_start",
      `The deadline (${input.deadline}) is before the start (${input.start}).`,
      "deadline",
    );
  }
  if (deadlineDn - startDn + 1 > MAX_PLAN_DAYS) {
    throw new PlanningError("plan_too_long", `A plan can cover at most ${MAX_PLAN_DAYS} days.`, "deadline");
  }
  const baseline = requireAmount(input.baseline ?? 0, "baseline");
  const target = requireAmount(input.target, "target");
  if (target < baseline) {
    throw new PlanningError(
      "target_below_baseline",
      `The target (${fmt(target)}) is below what is already achieved (${fmt(baseline)}).`,
      "target",
    );
  }
  const period = validatePeriod(input.period ?? "week");
  const weekStartsOn = validateWeekday(input.weekStartsOn ?? DEFAULT_WEEK_STARTS_ON, "week start");
  const workingDays = [...(input.workingDays ?? DEFAULT_WORKING_DAYS)];
  const open = openDays({ workingDays, closedDays: input.closedDays ?? [] });
  const closedDays = [...new Set(input.closedDays ?? [])]
    .filter((d) => {
      const dn = toDayNumber(d);
      return dn >= startDn && dn <= deadlineDn;
    })
    .sort();
  const curve: Curve = input.curve ?? { kind: "linear" };

  const nDays = deadlineDn - startDn + 1;
  const working: boolean[] = new Array<boolean>(nDays);
  for (let k = 0; k < nDays; k++) working[k] = isOpenDayNumber(startDn + k, open);

  const increments = new Array<number>(nDays).fill(0);
  let checkpoints: ResolvedCheckpoint[] = [];

  const spread = (
    fromK: number,
    toK: number,
    amount: number,
    shape: (i: number, n: number) => number,
    what: string,
  ) => {
    // Spread `amount` over the working days among day offsets fromK..toK (inclusive).
    const idx: number[] = [];
    for (let k = fromK; k <= toK; k++) if (working[k]) idx.push(k);
    if (amount > 0 && idx.length === 0) {
      throw new PlanningError(
        "no_working_days_in_segment",
        `${what} needs ${fmt(amount)} but has no working day to do it in.`,
        "curve",
      );
    }
    if (amount === 0) return;
    const weights = idx.map((_, i) => shape(i, idx.length));
    const parts = apportionCumulative(amount, weights);
    for (let i = 0; i < idx.length; i++) increments[idx[i]!] = parts[i]!;
  };
  const flat = () => 1;
  const whole = `The plan from ${input.start} to ${input.deadline}`;

  switch (curve.kind) {
    case "linear":
      spread(0, nDays - 1, target - baseline, flat, whole);
      break;
    case "front-loaded":
    case "back-loaded": {
      const s = curve.strength;
      if (typeof s !== "number" || !Number.isFinite(s) || s < 0 || s > 1) {
        throw new PlanningError(
          "strength_out_of_range",
          `The curve strength must be between 0 and 1 (got ${String(s)}).`,
          "curve.strength",
        );
      }
      const sign = curve.kind === "front-loaded" ? 1 : -1;
      spread(0, nDays - 1, target - baseline, (i, n) => 1 + sign * s * (1 - (2 * (i + 0.5)) / n), whole);
      break;
    }
    case "custom": {
      checkpoints = resolveCheckpoints(curve.checkpoints, input, startDn, deadlineDn, baseline, target, fmt);
      let fromK = 0;
      let fromValue = baseline;
      let fromLabel = `The stretch from the start (${input.start})`;
      const bounds = [...checkpoints, { date: input.deadline, cumulative: target, daysToGo: 0 }];
      for (const cp of bounds) {
        const toK = toDayNumber(cp.date) - startDn;
        if (toK < fromK) continue; // a checkpoint on the deadline equal to the target
        spread(fromK, toK, cp.cumulative - fromValue, flat, `${fromLabel} to ${cp.date}`);
        fromK = toK + 1;
        fromValue = cp.cumulative;
        fromLabel = `The stretch after the checkpoint of ${cp.date} up`;
      }
      break;
    }
    default: {
      const kind = (curve as { kind: unknown }).kind;
      throw new PlanningError("invalid_curve", `Unknown curve ${JSON.stringify(kind)}.`, "curve");
    }
  }

  const days: PlanDay[] = new Array<PlanDay>(nDays);
  let cumulative = baseline;
  for (let k = 0; k < nDays; k++) {
    cumulative += increments[k]!;
    days[k] = { date: fromDayNumber(startDn + k), working: working[k]!, increment: increments[k]!, cumulative };
  }

  return {
    start: input.start,
    deadline: input.deadline,
    target,
    baseline,
    period,
    weekStartsOn,
    workingDays,
    closedDays,
    curve: curve.kind,
    days,
    periods: periodRows(days, period, weekStartsOn),
    checkpoints,
  };
}

/**
 * Per-period rows of a daily series (each day's `cumulative` already includes the baseline). Periods are clipped to
 * the series; `cumulative` is the value at the period's last day. When some day is working, a first period without
 * a working day is merged into the next and a last one into the previous (see the module comment); the merged row
 * keeps the label of the period that has the working days.
 */
export function periodRows(
  days: readonly { date: IsoDate; working?: boolean; increment: number; cumulative: number }[],
  period: Period,
  weekStartsOn: number,
): PlanPeriod[] {
  const rows: PlanPeriod[] = [];
  let current: PlanPeriod | null = null;
  let currentEndDn = 0;
  for (const day of days) {
    const dn = toDayNumber(day.date);
    if (current === null || dn > currentEndDn) {
      currentEndDn = periodEndDayNumber(dn, period, weekStartsOn);
      current = {
        periodStart: day.date,
        periodEnd: day.date,
        label: periodLabel(dn, period, weekStartsOn),
        increment: 0,
        cumulative: day.cumulative,
        workingDays: 0,
      };
      rows.push(current);
    }
    current.periodEnd = day.date;
    current.increment += day.increment;
    current.cumulative = day.cumulative;
    if (day.working) current.workingDays++;
  }
  if (rows.some((r) => r.workingDays > 0)) {
    while (rows.length > 1 && rows[0]!.workingDays === 0) {
      const [empty, next] = rows.splice(0, 2) as [PlanPeriod, PlanPeriod];
      rows.unshift({ ...next, periodStart: empty.periodStart, increment: empty.increment + next.increment });
    }
    while (rows.length > 1 && rows[rows.length - 1]!.workingDays === 0) {
      const empty = rows.pop()!;
      const last = rows[rows.length - 1]!;
      rows[rows.length - 1] = {
        ...last,
        periodEnd: empty.periodEnd,
        increment: last.increment + empty.increment,
        cumulative: empty.cumulative,
      };
    }
  }
  return rows;
}

/** Planned cumulative at the end of `date`: the baseline before the start, the target after the deadline. */
export function cumulativeOn(plan: Pick<PhasedPlan, "start" | "baseline" | "target" | "days">, date: IsoDate): number {
  const k = toDayNumber(date) - toDayNumber(plan.start);
  if (k < 0) return plan.baseline;
  if (k >= plan.days.length) return plan.target;
  return plan.days[k]!.cumulative;
}
