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
 * dashboard's days (`goalPaceDays`) and expected (`memberExpectedOn`, server/domain/expected-plan.ts: their share of
 * the goal's plan, or their own re-plan, due through yesterday), so My plan, the dashboard row of a member without a
 * downline and the weekly review show the same status, forecast and catch-up. Milestones read the same rule.
 *
 * `todayActions` at the top merges every goal's actions (same metric added up), so callers such as the Log page can
 * use it without knowing about goals; with no published goal both lists are empty.
 * Queries: a constant number per goal (targets of the goal, the member's subtree, actuals), never one per member.
 *
 * Split by use case: this file reads what every goal shares; member-goal-plan.ts computes one goal; member-milestones.ts
 * splits the goal's plan into the member's share and its milestones.
 */
import type { DbClient } from "@/server/db-client";
import { memberToday } from "@/server/clock";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { mergeTodayActions, RATE_HISTORY_DAYS, type TodayAction } from "@/server/domain/member-actions";
import { notFound } from "@/server/errors";
import { loadFunnels, sumDailyTotals } from "@/server/queries/funnel-history";
import { loadListHistory } from "@/server/services/person/list-rates";
import { loadClosedDays } from "@/server/services/calendar/closed-days";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree } from "@/server/queries/tree";
import { memberGoalPlan, memberPlanGoalSelect, type MemberGoalPlan } from "./member-goal-plan";
import { mainGoalId } from "./main-goal";
import { memberTargets } from "@/server/queries/goal-split";

export type { TodayAction } from "@/server/domain/member-actions";
export type { MemberGoalPlan, Milestone } from "./member-goal-plan";
export { RATE_HISTORY_DAYS } from "@/server/domain/member-actions";

export interface MemberPlan {
  asOf: IsoDate;
  goals: MemberGoalPlan[];
  /** Today's actions over all goals (same metric added up), at most 5. */
  todayActions: TodayAction[];
  /** The team's main goal when the member is in it (listed first in `goals`; main-goal.ts), else null. */
  mainGoalId?: string | null;
}

/**
 * The caller's own plan (My plan, `goal.myPlan`): as of `input.asOf`, by default their own today (in their time zone,
 * as the Log's), so today's actions match the Log's.
 */
export function getMyPlan(db: DbClient, scope: TeamScope, input: { asOf?: IsoDate }): Promise<MemberPlan> {
  return getMemberPlan(db, {
    teamId: scope.team.id,
    membershipId: scope.actor.id,
    asOf: input.asOf ?? memberToday(scope.actor, scope.team),
  });
}

/** Any member's plan as of a day (no access check: for the caller's own plan, the Log's context and tests). */
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

  // The team's published goals (a handful), then the member's 8 bytes of each one's split (one statement).
  const published = await db.goal.findMany({
    where: { teamId, status: "PUBLISHED" },
    select: memberPlanGoalSelect,
    orderBy: { deadline: "asc" },
  });
  const mine = new Map(
    (await memberTargets(db, { membershipId, goalIds: published.map((g) => g.id) })).map((t) => [t.goalId, t]),
  );
  const rows = published.flatMap((goal) => {
    const t = mine.get(goal.id);
    return t
      ? [
          {
            personal: t.personal,
            team: t.team,
            personalOverride: t.personalOverride,
            teamOverride: t.teamOverride,
            goal,
          },
        ]
      : [];
  });
  if (rows.length === 0) return { asOf, goals: [], todayActions: [] };

  const subtreeIds = (await listSubtree(db, { teamId, rootId: membershipId })).map((s) => s.id);
  const funnels = await loadFunnels(db, { teamId, resultMetricIds: [...new Set(rows.map((r) => r.goal.metric.id))] });
  // Rates from the member's names list (counts per stage only — what an upline may see too): list-rates.ts.
  const listHistory = await loadListHistory(db, { teamId, membershipId });
  const yesterday = addDays(asOf, -1);
  const historyMetricIds = [
    ...new Set([...funnels.entries()].flatMap(([id, steps]) => [id, ...steps.map((s) => s.id)])),
  ];
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

  const reads = {
    teamId,
    membershipId,
    asOf,
    yesterday,
    team: member.team,
    subtreeIds,
    funnels,
    history,
    listHistory,
    closedDays: closed.closedDays,
    minutesPerDay: member.minutesPerDay,
  };
  const goals: MemberGoalPlan[] = [];
  for (const row of rows) goals.push(await memberGoalPlan(db, reads, row));
  // The team's main goal first (main-goal.ts); the others by deadline as read.
  const main = await mainGoalId(db, teamId);
  const mainIn = goals.some((g) => g.goal.id === main) ? main : null;
  goals.sort((a, b) => Number(b.goal.id === mainIn) - Number(a.goal.id === mainIn));
  return { asOf, goals, todayActions: mergeTodayActions(goals.map((g) => g.todayActions)), mainGoalId: mainIn };
}
