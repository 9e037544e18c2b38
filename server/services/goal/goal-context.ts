/**
 * Everything needed to plan a goal over a subtree, loaded in a constant number of queries whatever the tree size:
 * the subtree with names, weights, minutes per day, and each member's history of the metric (for the `history` split
 * rule) beside it, the metric and its funnel, and — when today's actions are wanted — each member's history of
 * the funnel metrics (for their own conversion rates). Publishing and re-planning skip what they do not use.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import type { DbSplitRule } from "@/server/domain/goal-phasing";
import { positionsBySlot } from "@/server/domain/goal-split";
import { indexTree, isTeamRoot, levelOrderOf } from "@/server/domain/tree";
import { badRequest } from "@/server/errors";
import { loadFunnels, metricRefSelect, sumDailyTotals } from "@/server/queries/funnel-history";
import { goalContextMembers, type GoalMembers } from "@/server/queries/goal";
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
    /** The members' names (false: ""; a plan without overrides names nobody: it has no conflicts). Default true. */
    names?: boolean;
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
      select: { parentId: true, status: true },
    }),
  ]);
  if (!metric) throw badRequest("Choose one of the team's metrics.", "metricId");
  if (!root) throw badRequest("That member is not in the team.", "rootMembershipId");
  const members = await goalContextMembers(db, {
    teamId,
    rootId: args.rootMembershipId,
    wholeTeam: isTeamRoot(root),
    names: args.names,
    history:
      args.splitHistory === false
        ? null
        : { metricId: metric.id, from: addDays(args.startDate, -args.historyDays), to: addDays(args.startDate, -1) },
  });
  const tree = treeOrder(members, args.rootMembershipId);
  const steps = (await loadFunnels(db, { teamId, resultMetricIds: [metric.id] })).get(metric.id) ?? [];
  const rateHistory =
    args.rates === false
      ? new Map<string, Record<string, number>>()
      : await sumDailyTotals(db, {
          teamId,
          membershipIds: tree.nodes.map((n) => n.id),
          metricIds: [metric.id, ...steps.map((s) => s.id)],
          from: toDbDay(addDays(args.asOf, -RATE_HISTORY_DAYS)),
          to: toDbDay(addDays(args.asOf, -1)),
        });
  return { team, metric, steps, nodes: tree.nodes, parentIndex: tree.parentIndex, rateHistory };
}

/**
 * The context to (re-)plan a stored goal without today's actions — publishing and every re-plan: no funnel rates,
 * each member's history only under the `history` split rule (`splitRule`: the rule the plan will use).
 */
export function loadStoredGoalContext(
  db: DbClient,
  goal: { teamId: string; rootMembershipId: string; metricId: string; startDate: Date; historyDays: number },
  args: { splitRule: DbSplitRule; asOf: IsoDate; names?: boolean },
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
    names: args.names,
  });
}

/**
 * Root first, then level by level, each level by id (as `listSubtree` returns them); others are left out. The
 * uplines are resolved by slot (an array index), not by id: no 100,000-key map.
 */
function treeOrder(members: GoalMembers, rootId: string): { nodes: GoalNode[]; parentIndex: Int32Array } {
  const n = members.id.length;
  const { order, depth, parent } = levelOrderOf(uplineIndexes(members), members.id.indexOf(rootId));
  const position = new Int32Array(n).fill(-1);
  for (let k = 0; k < order.length; k++) position[order[k]!] = k;
  const parentIndex = new Int32Array(order.length);
  const nodes = Array.from(order, (i, k): GoalNode => {
    parentIndex[k] = depth[i] === 0 ? -1 : position[parent[i]!]!;
    return {
      id: members.id[i]!,
      parentId: depth[i] === 0 ? null : members.id[parent[i]!]!,
      depth: depth[i]!,
      name: members.name[i]!,
      splitWeight: members.splitWeight[i]!,
      minutesPerDay: members.minutesPerDay[i]!,
      slot: members.slot[i]!,
      historyActual: members.historyActual[i]!,
    };
  });
  return { nodes, parentIndex };
}

/** Each member's upline as an index into the columns (−1: none, or not among them), through the slots. */
function uplineIndexes(members: GoalMembers): Int32Array {
  const n = members.id.length;
  const bySlot = positionsBySlot(members.slot);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = members.parentSlot[i];
    parent[i] = s === null || s === undefined ? -1 : bySlot.slotAt(s);
  }
  return parent;
}

/**
 * Names, in a context loaded without names (`names: false`), the members given and every upline of theirs up to the
 * root: all a saved re-plan can name — its reason names the member a change is about, and a conflict names an
 * overridden member or the head of a team holding overrides (always an upline of one). One query of a few rows
 * instead of the whole team's names (~100 ms at 100,000 members).
 */
export async function nameMembers(db: DbClient, ctx: GoalContext, ids: ReadonlySet<string>): Promise<void> {
  if (ids.size === 0) return;
  const parentOf = ctx.parentIndex ?? indexTree(ctx.nodes).parent;
  const wanted = new Set<number>();
  ctx.nodes.forEach((n, i) => {
    for (let k = ids.has(n.id) ? i : -1; k >= 0 && !wanted.has(k); k = parentOf[k]!) wanted.add(k);
  });
  const named = await db.membership.findMany({
    where: { id: { in: [...wanted].map((k) => ctx.nodes[k]!.id) } },
    select: { id: true, user: { select: { name: true } } },
  });
  const nameOf = new Map(named.map((m) => [m.id, m.user.name]));
  for (const k of wanted) ctx.nodes[k]!.name = nameOf.get(ctx.nodes[k]!.id) ?? "";
}
