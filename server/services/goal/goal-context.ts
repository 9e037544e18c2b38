/**
 * Everything needed to plan a goal over a subtree, loaded in a constant number of queries whatever the tree size:
 * the subtree with names, weights, minutes per day and each member's history of the metric (for the `history` split
 * rule) in one query, the metric and its funnel, and — when today's actions are wanted — each member's history of
 * the funnel metrics (for their own conversion rates). Publishing and re-planning skip what they do not use.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import type { DbSplitRule } from "@/server/domain/goal-phasing";
import { levelOrder } from "@/server/domain/tree";
import { badRequest } from "@/server/errors";
import { loadFunnels, metricRefSelect, sumDailyTotals } from "@/server/queries/funnel-history";
import { goalContextMembers, type GoalMemberTuple } from "@/server/queries/goal";
import { RATE_HISTORY_DAYS } from "@/server/domain/member-actions";
import type { GoalContext, GoalNode } from "@/server/domain/compute-goal-plan";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";

export type { GoalContext, GoalNode } from "@/server/domain/compute-goal-plan";

export async function loadGoalContext(
  db: DbClient,
  args: {
    teamId: string;
    rootMembershipId: string;
    metricId: string;
    startDate: IsoDate;
    historyDays: number;
    asOf: IsoDate;
    /** Each member's funnel history for their own conversion rates (only today's actions need it). Default true. */
    rates?: boolean;
    /** Each member's actual before the start (only the `history` split rule needs it). Default true. */
    splitHistory?: boolean;
  },
): Promise<GoalContext> {
  const { teamId } = args;
  const [team, metric, root] = await Promise.all([
    db.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { weekStartsOn: true, workingDays: true, currency: true },
    }),
    db.metric.findFirst({
      where: { id: args.metricId, teamId, archivedAt: null },
      select: { ...metricRefSelect, kind: true },
    }),
    db.membership.findFirst({
      where: { id: args.rootMembershipId, teamId, status: "ACTIVE" },
      select: { parentId: true },
    }),
  ]);
  if (!metric) throw badRequest("Choose one of the team's metrics.", "metricId");
  if (!root) throw badRequest("That member is not in the team.", "rootMembershipId");
  const members = await goalContextMembers(db, {
    teamId,
    rootId: args.rootMembershipId,
    wholeTeam: root.parentId === null,
    history:
      args.splitHistory === false
        ? null
        : { metricId: metric.id, from: addDays(args.startDate, -args.historyDays), to: addDays(args.startDate, -1) },
  });
  const nodes = treeOrder(members, args.rootMembershipId);
  const splitHistory = new Map<string, number>();
  for (const i of nodes.order) if (members[i]![5] !== 0) splitHistory.set(members[i]![0], members[i]![5]);
  const steps = (await loadFunnels(db, { teamId, resultMetricIds: [metric.id] })).get(metric.id) ?? [];
  const rateHistory =
    args.rates === false
      ? new Map<string, Record<string, number>>()
      : await sumDailyTotals(db, {
          teamId,
          membershipIds: nodes.nodes.map((n) => n.id),
          metricIds: [metric.id, ...steps.map((s) => s.id)],
          from: toDbDay(addDays(args.asOf, -RATE_HISTORY_DAYS)),
          to: toDbDay(addDays(args.asOf, -1)),
        });
  return { team, metric, steps, nodes: nodes.nodes, splitHistory, rateHistory };
}

/**
 * The context to (re-)plan a stored goal without today's actions — publishing and every re-plan: no funnel rates,
 * each member's history only under the `history` split rule (`splitRule`: the rule the plan will use).
 */
export function loadStoredGoalContext(
  db: DbClient,
  goal: { teamId: string; rootMembershipId: string; metricId: string; startDate: Date; historyDays: number },
  args: { splitRule: DbSplitRule; asOf: IsoDate },
): Promise<GoalContext> {
  return loadGoalContext(db, {
    teamId: goal.teamId,
    rootMembershipId: goal.rootMembershipId,
    metricId: goal.metricId,
    startDate: toIsoDay(goal.startDate),
    historyDays: goal.historyDays,
    asOf: args.asOf,
    rates: false,
    splitHistory: args.splitRule === "HISTORY",
  });
}

/** Root first, then level by level, each level by id (as `listSubtree` returns them); others are left out. */
function treeOrder(members: readonly GoalMemberTuple[], rootId: string): { nodes: GoalNode[]; order: Int32Array } {
  const { order, depth } = levelOrder(
    members.map((m) => m[0]),
    members.map((m) => m[1]),
    rootId,
  );
  const nodes = Array.from(order, (i) => {
    const m = members[i]!;
    return {
      id: m[0],
      parentId: depth[i] === 0 ? null : m[1],
      depth: depth[i]!,
      name: m[4],
      splitWeight: m[2],
      minutesPerDay: m[3],
      slot: m[6],
    };
  });
  return { nodes, order };
}
