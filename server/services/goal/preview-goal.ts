/**
 * Preview of a goal before it is saved or published: the backward plan (per day for the chart, per period for the
 * table), phased with the team holidays inside its dates, the cascade tree with each member's personal and team
 * target, each member's funnel and first-day actions, and the members whose plan does not fit their time. Nothing is
 * written.
 */
import type { DbClient } from "@/server/db-client";
import type { MetricUnit } from "@/server/domain/money";
import type { TGoalFields } from "@/server/schemas/goal";
import type { TeamScope } from "@/server/services/team/scope";
import { computeGoalPlan, type ComputedGoalPlan } from "@/server/domain/compute-goal-plan";
import { loadGoalContext } from "./goal-context";
import { teamHolidayDays } from "@/server/services/calendar/team-holiday-days";

export function summarisePlan(computed: ComputedGoalPlan) {
  const { plan, members, conflicts } = computed;
  return {
    plan: {
      start: plan.start,
      deadline: plan.deadline,
      target: plan.target,
      baseline: plan.baseline,
      period: plan.period,
      days: plan.days.map((d) => ({
        date: d.date,
        working: d.working,
        increment: d.increment,
        cumulative: d.cumulative,
      })),
      periods: plan.periods,
      checkpoints: plan.checkpoints,
      /** The team holidays the plan is phased with (nothing planned on them). */
      holidays: plan.closedDays,
    },
    members,
    conflicts,
    flagged: members
      .filter((m) => m.overTime)
      .map((m) => ({
        id: m.id,
        name: m.name,
        minutesPerDay: m.minutesPerDay,
        minutesPerDayNeeded: m.timeCheck.minutesPerDayNeeded,
        overByMinutesPerDay: m.timeCheck.overByMinutesPerDay,
        laterDeadline: m.timeCheck.laterDeadline,
      })),
  };
}
export type GoalPlanSummary = ReturnType<typeof summarisePlan>;

/** A new goal's fields with its root resolved and checked (`goalRootProcedure`, server/api/policy/goal.ts). */
export type TRootedGoalFields = TGoalFields & { rootMembershipId: string };

export async function previewGoal(
  db: DbClient,
  scope: TeamScope,
  input: TRootedGoalFields,
): Promise<GoalPlanSummary & { rootMembershipId: string; metric: { id: string; name: string; unit: MetricUnit } }> {
  const { team, today } = scope;
  const { rootMembershipId } = input;
  const ctx = await loadGoalContext(db, {
    teamId: team.id,
    rootMembershipId,
    metricId: input.metricId,
    startDate: input.startDate,
    historyDays: input.historyDays,
    asOf: today,
  });
  const holidays = await teamHolidayDays(db, { teamId: team.id, from: input.startDate, to: input.deadline });
  const computed = computeGoalPlan({ ...goalSpecOf(input), holidays }, ctx, { asOf: today });
  return {
    ...summarisePlan(computed),
    rootMembershipId,
    metric: { id: ctx.metric.id, name: ctx.metric.name, unit: ctx.metric.unit },
  };
}

export function goalSpecOf(input: TGoalFields) {
  return {
    target: input.target,
    baseline: input.baseline,
    startDate: input.startDate,
    deadline: input.deadline,
    period: input.period,
    curve: input.curve,
    curveStrength: input.curveStrength,
    checkpoints: input.curve === "CUSTOM" ? input.checkpoints : null,
    splitRule: input.splitRule,
    historyFloorPct: input.historyFloorPct,
  };
}
