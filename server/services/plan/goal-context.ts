/**
 * Everything needed to plan a goal over a subtree, loaded in a constant number of queries whatever the tree size:
 * the subtree (one recursive CTE via the shared helper) with names, weights and minutes per day, the metric and its
 * funnel, each member's history of the metric (for the `history` split rule) and of the funnel metrics (for their
 * own conversion rates).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";
import { listSubtree } from "@/server/services/tree/subtree";
import { fromIso } from "./goal-phasing";
import { loadFunnels, metricRefSelect, sumDailyTotals } from "./load-funnels";
import { RATE_HISTORY_DAYS, type FunnelStep, type MetricRef } from "./member-actions";

export interface GoalNode {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  splitWeight: number;
  minutesPerDay: number | null;
}

export interface GoalContext {
  team: { weekStartsOn: number; workingDays: number[]; currency: string };
  metric: MetricRef & { kind: "RESULT" | "ACTIVITY" };
  steps: FunnelStep[];
  nodes: GoalNode[];
  /** Per member: the goal metric's actual over the look-back window before the start (history rule). */
  splitHistory: Map<string, number>;
  /** Per member: funnel metric totals over the last RATE_HISTORY_DAYS (own conversion rates). */
  rateHistory: Map<string, Record<string, number>>;
}

export async function loadGoalContext(
  db: DbClient,
  args: { teamId: string; rootMembershipId: string; metricId: string; startDate: IsoDate; historyDays: number; asOf: IsoDate },
): Promise<GoalContext> {
  const { teamId } = args;
  const [team, metric, flat] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { weekStartsOn: true, workingDays: true, currency: true } }),
    db.metric.findFirst({ where: { id: args.metricId, teamId, archivedAt: null }, select: { ...metricRefSelect, kind: true } }),
    listSubtree(db, { teamId, rootId: args.rootMembershipId }),
  ]);
  if (!metric) throw badRequest("Choose one of the team's metrics.", "metricId");
  if (flat.length === 0) throw badRequest("That member is not in the team.", "rootMembershipId");
  const ids = flat.map((n) => n.id);
  // One array parameter, not an `IN` list (one parameter per member fails past 65,535 members).
  const details = await db.$queryRaw<{ id: string; splitWeight: number; minutesPerDay: number | null; name: string }[]>(Prisma.sql`
    SELECT m.id, m."splitWeight", m."minutesPerDay", u.name
      FROM unnest(${ids}::text[]) AS s(id)
      JOIN "Membership" m ON m.id = s.id
      JOIN "User" u ON u.id = m."userId"`);
  const byId = new Map(details.map((d) => [d.id, { ...d, user: { name: d.name } }]));
  const nodes: GoalNode[] = flat.map((n, i) => {
    const d = byId.get(n.id)!;
    return {
      id: n.id,
      parentId: i === 0 ? null : n.parentId,
      depth: n.depth,
      name: d.user.name,
      splitWeight: d.splitWeight,
      minutesPerDay: d.minutesPerDay,
    };
  });
  const steps = (await loadFunnels(db, { teamId, resultMetricIds: [metric.id] })).get(metric.id) ?? [];
  const [splitRows, rateHistory] = await Promise.all([
    sumDailyTotals(db, {
      teamId,
      membershipIds: ids,
      metricIds: [metric.id],
      from: fromIso(addDays(args.startDate, -args.historyDays)),
      to: fromIso(addDays(args.startDate, -1)),
    }),
    sumDailyTotals(db, {
      teamId,
      membershipIds: ids,
      metricIds: [metric.id, ...steps.map((s) => s.id)],
      from: fromIso(addDays(args.asOf, -RATE_HISTORY_DAYS)),
      to: fromIso(addDays(args.asOf, -1)),
    }),
  ]);
  const splitHistory = new Map<string, number>();
  for (const [id, rec] of splitRows) splitHistory.set(id, rec[metric.id] ?? 0);
  return { team, metric, steps, nodes, splitHistory, rateHistory };
}
