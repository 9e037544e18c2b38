/**
 * "Next month from last month": the goal's subtree total of its metric over last calendar month, raised by a
 * stretch percentage and rounded sensibly by the domain (`proposeNextTarget`). Nothing is saved; the leader can
 * start a new goal from it.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, endOfPeriod, startOfPeriod } from "@/server/domain/calendar";
import { minorPerMajor } from "@/server/domain/money";
import { proposeNextTarget as proposeFromActual } from "@/server/domain/next-target";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree } from "@/server/queries/tree";
import type { GoalRow } from "./goal-access";
import { toDbDay } from "@/server/domain/db-day";

/** The goal comes checked and loaded by `goalProcedure("change")` (server/api/policy/goal.ts). */
export async function proposeNextTarget(
  db: DbClient,
  scope: TeamScope,
  args: { goal: GoalRow; stretchPercent: number },
) {
  const { goal } = args;
  const { team, today } = scope;
  const metric = await db.metric.findUniqueOrThrow({ where: { id: goal.metricId }, select: { unit: true } });
  const thisMonth = startOfPeriod(today, "month");
  const lastStart = startOfPeriod(addDays(thisMonth, -1), "month");
  const lastEnd = addDays(thisMonth, -1);
  const ids = (await listSubtree(db, { teamId: goal.teamId, rootId: goal.rootMembershipId })).map((n) => n.id);
  const sum = await db.dailyTotal.aggregate({
    where: {
      teamId: goal.teamId,
      metricId: goal.metricId,
      membershipId: { in: ids },
      day: { gte: toDbDay(lastStart), lte: toDbDay(lastEnd) },
    },
    _sum: { total: true },
  });
  const actual = sum._sum.total ?? 0;
  // Money rounds to at least one major unit of the team's currency (¥1, £1, BD 1).
  const proposed = proposeFromActual(actual, args.stretchPercent, metric.unit === "MONEY" ? "money" : "count", {
    minorUnitsPerMajor: minorPerMajor(team.currency),
  });
  const nextStart = addDays(endOfPeriod(today, "month"), 1);
  return {
    lastMonth: { start: lastStart, end: lastEnd, actual },
    stretchPercent: args.stretchPercent,
    target: proposed.target,
    nextMonth: { start: nextStart, end: endOfPeriod(nextStart, "month") },
    metricId: goal.metricId,
    rootMembershipId: goal.rootMembershipId,
  };
}
