/**
 * One goal of a member's plan (getMemberPlan): their targets, the milestones of their share, what they have done, the
 * pace of their own goal to date (the one pace model, as the dashboard and the review) and today's actions with the
 * time check. A constant number of queries per goal.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { TimeCheck } from "@/server/domain/daily-plan";
import type { StageHistory } from "@/server/domain/funnel";
import { goalPaceDays, resolvePeriod } from "@/server/domain/dashboard-math";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { memberExpectedOn } from "@/server/domain/expected-plan";
import { phaseGoal, type TeamCalendar } from "@/server/domain/goal-phasing";
import {
  goalActions,
  type ActivityNeed,
  type FunnelStep,
  type MetricRef,
  type TodayAction,
} from "@/server/domain/member-actions";
import { paceModel, type PaceModel } from "@/server/domain/pace";
import { cumulativeOn } from "@/server/domain/phasing";
import type { Prisma } from "@/generated/prisma/client";
import { metricRefSelect, sumDailyTotals } from "@/server/queries/funnel-history";
import { goalPlanFields } from "./goal-plan-fields";
import { cumulativeAt, ownMilestones, periodMilestone } from "./member-milestones";
import { replannedMemberDays } from "./replan-rest";
import { goalShares } from "@/server/queries/goal-split";

export interface Milestone {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  label: string;
  /** Planned for this period (the member's own share). */
  plannedIncrement: number;
  /** Planned running total at the end of the period (the member's own share, from the goal's start). */
  plannedCumulative: number;
  /** The same for the member's whole team (own + downline). */
  teamPlannedIncrement: number;
  teamPlannedCumulative: number;
  /** Done by the member in this period so far. */
  actual: number;
  /** Open days in the period (≥ 1). */
  openDays: number;
  /** The period containing the day has no open day: this is the next one. */
  upcoming: boolean;
}

export interface MemberGoalPlan {
  goal: {
    id: string;
    name: string;
    metric: MetricRef & { kind: "RESULT" | "ACTIVITY" };
    target: number;
    baseline: number;
    startDate: IsoDate;
    deadline: IsoDate;
    period: "DAY" | "WEEK" | "MONTH";
    version: number;
  };
  personalTarget: number;
  teamTarget: number;
  personalOverride: number | null;
  teamOverride: number | null;
  /** Planned (own share) by the end of `asOf`. */
  expectedToDate: number;
  /** Planned (own share) by the end of the day before `asOf`: what is due while `asOf` is under way. */
  dueToDate: number;
  /**
   * My own goal to date from the pace model: expected (due through yesterday), status, forecast at the deadline,
   * catch-up per week and per open day to finish on my target, and the note.
   */
  pace: PaceModel;
  /** Null before the goal starts or after it ends. */
  milestone: Milestone | null;
  /** Every period's milestone of the member's own share (for the calendar). */
  milestones: { periodStart: IsoDate; periodEnd: IsoDate; label: string; planned: number; cumulative: number }[];
  /** Done since the goal's start, through `asOf`. */
  actualToDate: number;
  teamActualToDate: number;
  needs: ActivityNeed[];
  todayActions: TodayAction[];
  timeCheck: TimeCheck;
  minutesPerDay: number;
  minutesPerDayAssumed: boolean;
}

export const memberPlanGoalSelect = {
  ...goalPlanFields,
  version: true,
  metric: { select: { ...metricRefSelect, kind: true } },
} as const satisfies Prisma.GoalSelect;

/** The member's target row of a published goal, with the goal. */
export interface MemberTargetOfGoal {
  personal: number;
  team: number;
  personalOverride: number | null;
  teamOverride: number | null;
  goal: Prisma.GoalGetPayload<{ select: typeof memberPlanGoalSelect }>;
}

/** What every goal of the plan shares, read once by getMemberPlan. */
export interface MemberPlanReads {
  teamId: string;
  membershipId: string;
  asOf: IsoDate;
  yesterday: IsoDate;
  team: TeamCalendar;
  /** The member and their downline. */
  subtreeIds: string[];
  funnels: Map<string, FunnelStep[]>;
  /** The member's funnel totals over the last RATE_HISTORY_DAYS (their own conversion rates). */
  history: Record<string, number>;
  /** What the member's names list observed per funnel step (rates from the list, server/domain/list-rates.ts). */
  listHistory?: (resultId: string, stepIds: readonly string[]) => Record<string, StageHistory>;
  /** The member's closed days (team holidays as they are now, their own days off). */
  closedDays: IsoDate[];
  minutesPerDay: number | null;
}

export async function memberGoalPlan(
  db: DbClient,
  reads: MemberPlanReads,
  row: MemberTargetOfGoal,
): Promise<MemberGoalPlan> {
  const { teamId, membershipId, asOf, yesterday, team, subtreeIds, funnels, history, closedDays, minutesPerDay } =
    reads;
  const g = row.goal;
  const plan = phaseGoal(g, team);
  const shares = await goalShares(db, { id: g.id, teamId });
  // The split by personal targets, with any "re-plan the rest" applied (replan-rest.ts).
  const own = await replannedMemberDays(db, {
    teamId,
    goal: { id: g.id, metricId: g.metric.id },
    plan,
    shares,
    membershipId,
    subtreeIds,
  });
  const start = toIsoDay(g.startDate);
  const deadline = toIsoDay(g.deadline);
  const steps = funnels.get(g.metric.id) ?? [];
  const metricIds = [g.metric.id, ...steps.map((s) => s.id)];
  const actuals = await sumDailyTotals(db, {
    teamId,
    membershipIds: subtreeIds,
    metricIds,
    from: g.startDate,
    to: toDbDay(asOf < deadline ? asOf : deadline),
  });
  const mine = actuals.get(membershipId) ?? {};
  const actualToDate = mine[g.metric.id] ?? 0;
  const teamActualToDate = subtreeIds.reduce((s, id) => s + (actuals.get(id)?.[g.metric.id] ?? 0), 0);
  const doneThroughYesterday =
    (
      await sumDailyTotals(db, {
        teamId,
        membershipIds: [membershipId],
        metricIds,
        from: g.startDate,
        to: toDbDay(yesterday),
      })
    ).get(membershipId) ?? {};

  // The dashboard's days and expected for this goal (the team calendar and the goal's holidays), as of asOf.
  const goalAsOf = resolvePeriod({
    period: "goal",
    today: asOf,
    start,
    deadline,
    weekStartsOn: team.weekStartsOn,
  }).asOf;
  const days = goalPaceDays({
    start,
    deadline,
    asOf: goalAsOf,
    currentDay: asOf,
    workingDays: team.workingDays,
    closedDays: plan.closedDays,
  });
  const windowSum =
    days.windowOpenDays > 0
      ? ((
          await sumDailyTotals(db, {
            teamId,
            membershipIds: [membershipId],
            metricIds: [g.metric.id],
            from: toDbDay(days.windowFrom),
            to: toDbDay(goalAsOf),
          })
        ).get(membershipId)?.[g.metric.id] ?? 0)
      : 0;
  const total = plan.target - plan.baseline;
  const pace = paceModel({
    actual: actualToDate,
    // A re-planned member is on pace against their re-plan (replan-rest.ts), everyone else against their share: the
    // one rule the dashboard's roll-up, charts, CSV and review read too (expected-plan.ts).
    expected: memberExpectedOn(
      {
        total,
        progress: (day) => cumulativeOn(plan, day) - plan.baseline,
        ...(own.cumulative ? { replanned: new Map([[membershipId, own.cumulative]]) } : {}),
      },
      membershipId,
      row.personal,
      days.dueThrough,
    ),
    target: row.personal,
    window: { sum: windowSum, openDays: days.windowOpenDays },
    forecastOpenDays: days.forecastOpenDays,
    remainingOpenDays: days.remainingOpenDays,
    openDaysPerWeek: days.openDaysPerWeek,
  });

  const milestone = await periodMilestone(db, { teamId, membershipId, metricId: g.metric.id, plan, own, asOf });
  const { needs, today, inPlan } = goalActions({
    goal: g,
    personal: row.personal,
    steps,
    history,
    ...(reads.listHistory
      ? {
          listHistory: reads.listHistory(
            g.metric.id,
            steps.map((s) => s.id),
          ),
        }
      : {}),
    doneThroughYesterday,
    workingDays: team.workingDays,
    closedDays,
    minutesPerDay,
    asOf,
  });
  return {
    goal: {
      id: g.id,
      name: g.name,
      metric: g.metric,
      target: g.target,
      baseline: g.baseline,
      startDate: start,
      deadline,
      period: g.period,
      version: g.version,
    },
    personalTarget: row.personal,
    teamTarget: row.team,
    personalOverride: row.personalOverride,
    teamOverride: row.teamOverride,
    expectedToDate: cumulativeAt(own.personal, plan.start, asOf, row.personal),
    dueToDate: cumulativeAt(own.personal, plan.start, yesterday, row.personal),
    pace,
    milestone,
    milestones: ownMilestones(plan, own),
    actualToDate,
    teamActualToDate,
    needs,
    todayActions: inPlan ? today.actions : [],
    timeCheck: today.timeCheck,
    minutesPerDay: today.minutesPerDay,
    minutesPerDayAssumed: today.minutesPerDayAssumed,
  };
}
