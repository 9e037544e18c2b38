/**
 * "Next month from last month": the goal's subtree total of its metric over last calendar month, raised by a
 * stretch percentage and rounded sensibly by the domain (`proposeNextTarget`). Nothing is saved; the leader can
 * start a new goal from it.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, endOfPeriod, startOfPeriod, type IsoDate } from "@/server/domain/calendar";
import { minorPerMajor } from "@/server/domain/money";
import { proposeNextTarget as proposeFromActual } from "@/server/domain/phasing";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { listSubtree } from "@/server/services/tree/subtree";
import { loadGoalForManage } from "./goal-access";
import { toDbDay } from "@/server/domain/db-day";


export async function proposeNextTarget(
  db: DbClient,
  args: { actor: ActorMembership; goalId: string; stretchPercent: number; asOf: IsoDate },
) {
  const goal = await loadGoalForManage(db, args.actor, args.goalId);
  const [metric, team] = await Promise.all([
    db.metric.findUniqueOrThrow({ where: { id: goal.metricId }, select: { unit: true } }),
    db.team.findUniqueOrThrow({ where: { id: goal.teamId }, select: { currency: true } }),
  ]);
  const thisMonth = startOfPeriod(args.asOf, "month");
  const lastStart = startOfPeriod(addDays(thisMonth, -1), "month");
  const lastEnd = addDays(thisMonth, -1);
  const ids = (await listSubtree(db, { teamId: goal.teamId, rootId: goal.rootMembershipId })).map((n) => n.id);
  const sum = await db.dailyTotal.aggregate({
    where: { teamId: goal.teamId, metricId: goal.metricId, membershipId: { in: ids }, day: { gte: toDbDay(lastStart), lte: toDbDay(lastEnd) } },
    _sum: { total: true },
  });
  const actual = sum._sum.total ?? 0;
  // Money rounds to at least one major unit of the team's currency (¥1, £1, BD 1).
  const proposed = proposeFromActual(actual, args.stretchPercent, metric.unit === "MONEY" ? "money" : "count", {
    minorUnitsPerMajor: minorPerMajor(team.currency),
  });
  const nextStart = addDays(endOfPeriod(args.asOf, "month"), 1);
  return {
    lastMonth: { start: lastStart, end: lastEnd, actual },
    stretchPercent: args.stretchPercent,
    target: proposed.target,
    nextMonth: { start: nextStart, end: endOfPeriod(nextStart, "month") },
    metricId: goal.metricId,
    rootMembershipId: goal.rootMembershipId,
  };
}
