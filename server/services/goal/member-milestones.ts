/**
 * A member's milestones from their day-by-day plan (`OwnDays`: their own row and their team's, own + downline, made by
 * `replannedMemberDays` with the one rule of server/domain/expected-plan.ts — their share of the curve or their
 * re-plan): every period's (for the calendar) and this period's, never a window without an open day.
 */
import type { DbClient } from "@/server/db-client";
import { toDayNumber, type IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import type { PhasedPlan } from "@/server/domain/phasing";
import type { MemberGoalPlan, Milestone } from "./member-goal-plan";

export interface OwnDays {
  /** Daily increments of the member's own share and of their team (own + downline), aligned with plan.days. */
  personal: number[];
  team: number[];
}

export function ownMilestones(plan: PhasedPlan, own: OwnDays): MemberGoalPlan["milestones"] {
  let cumulative = 0;
  return plan.periods.map((p) => {
    const from = toDayNumber(p.periodStart) - toDayNumber(plan.start);
    const to = toDayNumber(p.periodEnd) - toDayNumber(plan.start);
    const planned = own.personal.slice(from, to + 1).reduce((s, x) => s + x, 0);
    cumulative += planned;
    return { periodStart: p.periodStart, periodEnd: p.periodEnd, label: p.label, planned, cumulative };
  });
}

export function cumulativeAt(increments: number[], start: IsoDate, date: IsoDate, total: number): number {
  const k = toDayNumber(date) - toDayNumber(start);
  if (k < 0) return 0;
  if (k >= increments.length) return total;
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += increments[i]!;
  return sum;
}

export async function periodMilestone(
  db: DbClient,
  args: { teamId: string; membershipId: string; metricId: string; plan: PhasedPlan; own: OwnDays; asOf: IsoDate },
): Promise<Milestone | null> {
  const { plan, own, asOf } = args;
  const at = plan.periods.findIndex((p) => p.periodStart <= asOf && asOf <= p.periodEnd);
  if (at < 0) return null;
  // Never a window without an open day ("€0 between 6 Dec and 6 Dec"): the next period that has one.
  const period = plan.periods.slice(at).find((p) => p.workingDays > 0);
  if (!period) return null;
  const startK = toDayNumber(period.periodStart) - toDayNumber(plan.start);
  const endK = toDayNumber(period.periodEnd) - toDayNumber(plan.start);
  const sum = (xs: number[], from: number, to: number) => xs.slice(from, to + 1).reduce((s, x) => s + x, 0);
  const done = await db.dailyTotal.aggregate({
    where: {
      teamId: args.teamId,
      membershipId: args.membershipId,
      metricId: args.metricId,
      day: { gte: toDbDay(period.periodStart), lte: toDbDay(asOf) },
    },
    _sum: { total: true },
  });
  return {
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    label: period.label,
    plannedIncrement: sum(own.personal, startK, endK),
    plannedCumulative: sum(own.personal, 0, endK),
    teamPlannedIncrement: sum(own.team, startK, endK),
    teamPlannedCumulative: sum(own.team, 0, endK),
    actual: done._sum.total ?? 0,
    openDays: period.workingDays,
    upcoming: period.periodStart > asOf,
  };
}
