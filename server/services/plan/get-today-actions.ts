/**
 * Today's 3–5 actions of a member over all their published goals — the part of the member's plan the Log needs on
 * every tap (what was planned today, to celebrate "plan done"). Unlike `getMemberPlan` it never touches the rest
 * of the team: no split of the goal among all members, no subtree actuals, so its cost does not grow with the team
 * (a constant number of queries per goal the member has a target in).
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { fromIso, toIso } from "./goal-phasing";
import { loadFunnels, metricRefSelect, sumDailyTotals } from "./load-funnels";
import { activityNeeds, mergeTodayActions, RATE_HISTORY_DAYS, todayPlan, type FunnelStep, type MetricRef, type TodayAction } from "./member-actions";

/** The needs and today's plan of one goal for one member, from what is already loaded (shared with getMemberPlan). */
export function goalActions(args: {
  goal: { startDate: Date; deadline: Date; metric: MetricRef };
  personal: number;
  steps: readonly FunnelStep[];
  history: Readonly<Record<string, number>>;
  doneThroughYesterday: Readonly<Record<string, number>>;
  workingDays: readonly number[];
  minutesPerDay: number | null;
  asOf: IsoDate;
}) {
  const start = toIso(args.goal.startDate);
  const deadline = toIso(args.goal.deadline);
  const needs = activityNeeds({
    result: args.goal.metric,
    amount: args.personal,
    steps: args.steps,
    history: args.history,
    done: args.doneThroughYesterday,
  });
  const inPlan = args.asOf >= start && args.asOf <= deadline;
  const today = todayPlan({ today: inPlan ? args.asOf : deadline, deadline, workingDays: args.workingDays, needs, minutesPerDay: args.minutesPerDay });
  return { needs, today, inPlan };
}

export async function getTodayActions(
  db: DbClient,
  args: { teamId: string; membershipId: string; asOf: IsoDate },
): Promise<TodayAction[]> {
  const { teamId, membershipId, asOf } = args;
  const member = await db.membership.findFirst({
    where: { id: membershipId, teamId },
    select: { minutesPerDay: true, team: { select: { workingDays: true } } },
  });
  if (!member) return [];
  const rows = await db.memberTarget.findMany({
    where: { membershipId, goal: { teamId, status: "PUBLISHED" } },
    select: { personal: true, goal: { select: { startDate: true, deadline: true, metric: { select: { ...metricRefSelect, kind: true } } } } },
    orderBy: { goal: { deadline: "asc" } },
  });
  if (rows.length === 0) return [];
  const funnels = await loadFunnels(db, { teamId, resultMetricIds: [...new Set(rows.map((r) => r.goal.metric.id))] });
  const yesterday = addDays(asOf, -1);
  const historyMetricIds = [...new Set([...funnels.entries()].flatMap(([id, steps]) => [id, ...steps.map((s) => s.id)]))];
  const history =
    (
      await sumDailyTotals(db, { teamId, membershipIds: [membershipId], metricIds: historyMetricIds, from: fromIso(addDays(asOf, -RATE_HISTORY_DAYS)), to: fromIso(yesterday) })
    ).get(membershipId) ?? {};
  const lists: TodayAction[][] = [];
  for (const row of rows) {
    const steps = funnels.get(row.goal.metric.id) ?? [];
    const metricIds = [row.goal.metric.id, ...steps.map((s) => s.id)];
    const doneThroughYesterday =
      (await sumDailyTotals(db, { teamId, membershipIds: [membershipId], metricIds, from: row.goal.startDate, to: fromIso(yesterday) })).get(
        membershipId,
      ) ?? {};
    const { today, inPlan } = goalActions({
      goal: row.goal,
      personal: row.personal,
      steps,
      history,
      doneThroughYesterday,
      workingDays: member.team.workingDays,
      minutesPerDay: member.minutesPerDay,
      asOf,
    });
    lists.push(inPlan ? today.actions : []);
  }
  return mergeTodayActions(lists);
}
