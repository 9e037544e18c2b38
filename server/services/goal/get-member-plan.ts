/**
 * A member's plan for every PUBLISHED goal they have a target in: the goal, their personal and team targets, this
 * period's milestone (their share of the phased plan, split exactly by `server/domain/split-plan.ts`), what they
 * have done so far, and today's 3–5 actions with the time check (funnel + daily plan from the domain).
 *
 * Calendar: each goal is phased with its own holidays (the team holidays it was published with), so its milestones
 * only change through a re-plan. Today's actions are spread over the member's remaining open days — the team's
 * working weekdays minus the team's holidays and the member's own days off, as they are now (one query); on a
 * closed day nothing is planned. A milestone is never a window without an open day: when this period has none (a
 * week of holidays, a weekend day of a day-by-day goal) the next period with one is given, marked `upcoming`.
 *
 * Pace: `pace` is the member's own goal to date from the one pace model (`paceModel`, server/domain/pace.ts) on the
 * dashboard's days (`goalPaceDays`) and expected (`shareOfProgress` of the goal's plan due through yesterday), so My
 * plan, the dashboard row of a member without a downline and the weekly review show the same status, forecast and
 * catch-up.
 *
 * `todayActions` at the top merges every goal's actions (same metric added up), so callers such as the Log page can
 * use it without knowing about goals; with no published goal both lists are empty.
 * Queries: a constant number per goal (targets of the goal, the member's subtree, actuals), never one per member.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, toDayNumber, type IsoDate } from "@/server/domain/calendar";
import { loadClosedDays } from "@/server/services/calendar/closed-days";
import type { TimeCheck } from "@/server/domain/daily-plan";
import { goalPaceDays, resolvePeriod, shareOfProgress } from "@/server/domain/dashboard-math";
import { paceModel, type PaceModel } from "@/server/domain/pace";
import { cumulativeOn } from "@/server/domain/phasing";
import type { PhasedPlan } from "@/server/domain/phasing";
import { splitPhasedPlan } from "@/server/domain/split-plan";
import { notFound } from "@/server/errors";
import { listSubtree } from "@/server/services/tree/subtree";
import { phaseGoal } from "@/server/domain/goal-phasing";
import { loadFunnels, metricRefSelect, sumDailyTotals } from "./load-funnels";
import { goalActions, mergeTodayActions, RATE_HISTORY_DAYS, type ActivityNeed, type MetricRef, type TodayAction } from "@/server/domain/member-actions";
import { goalPlanFields } from "@/server/services/goal/goal-plan-fields";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export type { TodayAction } from "@/server/domain/member-actions";

export { RATE_HISTORY_DAYS } from "@/server/domain/member-actions";

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

export interface MemberPlan {
  asOf: IsoDate;
  goals: MemberGoalPlan[];
  /** Today's actions over all goals (same metric added up), at most 5. */
  todayActions: TodayAction[];
}

const goalSelect = {
  ...goalPlanFields,
  version: true,
  metric: { select: { ...metricRefSelect, kind: true } },
} as const;

export async function getMemberPlan(
  db: DbClient,
  args: { teamId: string; membershipId: string; asOf: IsoDate },
): Promise<MemberPlan> {
  const { teamId, membershipId, asOf } = args;
  const member = await db.membership.findFirst({
    where: { id: membershipId, teamId },
    select: { minutesPerDay: true, team: { select: { weekStartsOn: true, workingDays: true } } },
  });
  if (!member) throw notFound("Member");
  const team = member.team;

  const rows = await db.memberTarget.findMany({
    where: { membershipId, goal: { teamId, status: "PUBLISHED" } },
    select: { personal: true, team: true, personalOverride: true, teamOverride: true, goal: { select: goalSelect } },
    orderBy: { goal: { deadline: "asc" } },
  });
  if (rows.length === 0) return { asOf, goals: [], todayActions: [] };

  const subtree = await listSubtree(db, { teamId, rootId: membershipId });
  const subtreeIds = subtree.map((s) => s.id);
  const funnels = await loadFunnels(db, { teamId, resultMetricIds: [...new Set(rows.map((r) => r.goal.metric.id))] });
  const yesterday = addDays(asOf, -1);
  const historyMetricIds = [...new Set([...funnels.entries()].flatMap(([id, steps]) => [id, ...steps.map((s) => s.id)]))];
  const history =
    (
      await sumDailyTotals(db, {
        teamId,
        membershipIds: [membershipId],
        metricIds: historyMetricIds,
        from: toDbDay(addDays(asOf, -RATE_HISTORY_DAYS)),
        to: toDbDay(yesterday),
      })
    ).get(membershipId) ?? {};

  // The member's closed days (team holidays as they are now, their own days off) over the days today's actions look at.
  const deadlines = rows.map((r) => toIsoDay(r.goal.deadline)).sort();
  const closed = await loadClosedDays(db, {
    teamId,
    membershipId,
    from: asOf < deadlines[0]! ? asOf : deadlines[0]!,
    to: asOf > deadlines.at(-1)! ? asOf : deadlines.at(-1)!,
  });

  const goals: MemberGoalPlan[] = [];
  for (const row of rows) {
    const g = row.goal;
    const plan = phaseGoal(g, team);
    const shares = await db.memberTarget.findMany({
      where: { goalId: g.id },
      select: { membershipId: true, personal: true },
      orderBy: { membershipId: "asc" },
    });
    const own = memberDays(plan, shares, membershipId, new Set(subtreeIds));
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
        await sumDailyTotals(db, { teamId, membershipIds: [membershipId], metricIds, from: g.startDate, to: toDbDay(yesterday) })
      ).get(membershipId) ?? {};

    // The dashboard's days and expected for this goal (the team calendar and the goal's holidays), as of asOf.
    const goalAsOf = resolvePeriod({ period: "goal", today: asOf, start, deadline, weekStartsOn: team.weekStartsOn }).asOf;
    const days = goalPaceDays({ start, deadline, asOf: goalAsOf, currentDay: asOf, workingDays: team.workingDays, closedDays: plan.closedDays });
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
      expected: shareOfProgress(row.personal, cumulativeOn(plan, days.dueThrough) - plan.baseline, total),
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
      doneThroughYesterday,
      workingDays: team.workingDays,
      closedDays: closed.closedDays,
      minutesPerDay: member.minutesPerDay,
      asOf,
    });
    goals.push({
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
    });
  }
  return { asOf, goals, todayActions: mergeTodayActions(goals.map((g) => g.todayActions)) };
}

interface OwnDays {
  /** Daily increments of the member's own share and of their team (own + downline), aligned with plan.days. */
  personal: number[];
  team: number[];
}

/** The member's row (and their subtree's rows summed) of the goal's plan split by personal targets. */
function memberDays(
  plan: PhasedPlan,
  shares: { membershipId: string; personal: number }[],
  membershipId: string,
  subtree: Set<string>,
): OwnDays {
  const split = splitPhasedPlan(
    plan,
    shares.map((s) => ({ id: s.membershipId, share: s.personal })),
  );
  const personal = new Array<number>(plan.days.length).fill(0);
  const team = new Array<number>(plan.days.length).fill(0);
  for (const m of split) {
    const inTeam = subtree.has(m.id);
    if (!inTeam) continue;
    m.days.forEach((d, k) => {
      team[k]! += d.increment;
      if (m.id === membershipId) personal[k]! += d.increment;
    });
  }
  return { personal, team };
}

function ownMilestones(plan: PhasedPlan, own: OwnDays): MemberGoalPlan["milestones"] {
  let cumulative = 0;
  return plan.periods.map((p) => {
    const from = toDayNumber(p.periodStart) - toDayNumber(plan.start);
    const to = toDayNumber(p.periodEnd) - toDayNumber(plan.start);
    const planned = own.personal.slice(from, to + 1).reduce((s, x) => s + x, 0);
    cumulative += planned;
    return { periodStart: p.periodStart, periodEnd: p.periodEnd, label: p.label, planned, cumulative };
  });
}

function cumulativeAt(increments: number[], start: IsoDate, date: IsoDate, total: number): number {
  const k = toDayNumber(date) - toDayNumber(start);
  if (k < 0) return 0;
  if (k >= increments.length) return total;
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += increments[i]!;
  return sum;
}

async function periodMilestone(
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
