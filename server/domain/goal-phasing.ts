/**
 * Turns a stored goal (Prisma row shape) into the planning engine's phasing input and phases it.
 * Pure: no I/O. The one place the DB enums (LINEAR, WEEK, …) meet the domain's curve and period names, and the one
 * place every screen phases a goal: with the team's working weekdays and the goal's own holidays (`Goal.holidays`, the
 * team holidays it was published with), so a holiday added to the team later never changes a published plan until a
 * leader re-plans it.
 */
import type { IsoDate, Period } from "@/server/domain/calendar";
import { phasePlan, type CheckpointInput, type Curve, type PhasedPlan } from "@/server/domain/phasing";
import { toIsoDay } from "@/server/domain/db-day";

export type DbCurve = "LINEAR" | "FRONT_LOADED" | "BACK_LOADED" | "CUSTOM";
export type DbPeriod = "DAY" | "WEEK" | "MONTH";
export type DbSplitRule = "EVEN" | "HISTORY" | "WEIGHT";

export interface GoalShape {
  target: number;
  baseline: number;
  startDate: Date | IsoDate;
  deadline: Date | IsoDate;
  period: DbPeriod;
  curve: DbCurve;
  curveStrength: number | null;
  checkpoints: unknown;
  /** The team holidays the goal is phased with (closed days); none when absent. */
  holidays?: readonly (Date | IsoDate)[];
}

export interface TeamCalendar {
  weekStartsOn: number;
  workingDays: number[];
}

export const DEFAULT_CURVE_STRENGTH_PCT = 50;

export const periodOf = (p: DbPeriod): Period => (p === "DAY" ? "day" : p === "MONTH" ? "month" : "week");
export const ruleOf = (r: DbSplitRule) =>
  (r === "HISTORY" ? "history" : r === "WEIGHT" ? "weight" : "even") as "even" | "history" | "weight";

/** The goal's holidays as sorted calendar days. */
export function holidayDays(goal: Pick<GoalShape, "holidays">): IsoDate[] {
  return (goal.holidays ?? []).map(toIsoDay).sort();
}

export function curveOf(goal: Pick<GoalShape, "curve" | "curveStrength" | "checkpoints">): Curve {
  // A stored strength outside 0–100 (older rows, hand edits) is clamped, so every screen phases the same curve.
  const strength = Math.min(100, Math.max(0, goal.curveStrength ?? DEFAULT_CURVE_STRENGTH_PCT)) / 100;
  switch (goal.curve) {
    case "FRONT_LOADED":
      return { kind: "front-loaded", strength };
    case "BACK_LOADED":
      return { kind: "back-loaded", strength };
    case "CUSTOM":
      return {
        kind: "custom",
        checkpoints: (Array.isArray(goal.checkpoints) ? goal.checkpoints : []) as CheckpointInput[],
      };
    default:
      return { kind: "linear" };
  }
}

/** The goal's phased plan (cumulative includes the baseline). Throws PlanningError for an invalid goal. */
export function phaseGoal(goal: GoalShape, team: TeamCalendar, formatAmount?: (a: number) => string): PhasedPlan {
  return phasePlan({
    closedDays: holidayDays(goal),
    start: toIsoDay(goal.startDate),
    deadline: toIsoDay(goal.deadline),
    target: goal.target,
    baseline: goal.baseline,
    period: periodOf(goal.period),
    weekStartsOn: team.weekStartsOn,
    workingDays: team.workingDays,
    curve: curveOf(goal),
    ...(formatAmount ? { formatAmount } : {}),
  });
}
