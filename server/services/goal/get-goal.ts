/**
 * A goal's detail: its phased plan (chart and table), and the targets tree the caller may see — everyone in the
 * goal for those who manage it, otherwise the caller and their own downline. The goal comes checked and loaded by
 * `goalProcedure` (server/api/policy/goal.ts).
 */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree } from "@/server/queries/tree";
import type { ViewedGoal } from "./goal-access";
import { phaseGoal } from "@/server/domain/goal-phasing";
import { formatAmount } from "@/server/domain/money";
import { toIsoDay } from "@/server/domain/db-day";
import { canChooseMainGoal, mainGoalId } from "./main-goal";
import { goalTargetRows } from "@/server/queries/goal-split";

export async function getGoal(db: DbClient, scope: TeamScope, input: ViewedGoal) {
  const { actor, team } = scope;
  const { goal, manages } = input;
  const metric = await db.metric.findUniqueOrThrow({
    where: { id: goal.metricId },
    select: { id: true, key: true, name: true, unit: true },
  });
  const plan = phaseGoal(goal, team, (a) => formatAmount(a, metric.unit, team.currency));
  const tree = await listSubtree(db, { teamId: actor.teamId, rootId: manages ? goal.rootMembershipId : actor.id });
  const ids = tree.map((n) => n.id);
  const [targets, people, pending] = await Promise.all([
    goalTargetRows(db, goal),
    db.membership.findMany({
      where: { id: { in: ids } },
      select: { id: true, minutesPerDay: true, user: { select: { name: true } } },
    }),
    // Proposals the caller may decide: only those who may change the goal decide them (proposalProcedure).
    manages
      ? db.targetProposal.count({
          where: { goalId: goal.id, status: "PENDING", membershipId: { in: ids.filter((id) => id !== actor.id) } },
        })
      : 0,
  ]);
  // The team's main goal (main-goal.ts): whether this is it, and whether the caller may choose it.
  const [mainId, canChooseMain] = await Promise.all([mainGoalId(db, actor.teamId), canChooseMainGoal(db, actor)]);
  const byId = new Map(targets.map((t) => [t.membershipId, t]));
  const names = new Map(people.map((p) => [p.id, p.user.name]));
  return {
    goal: {
      ...goal,
      startDate: toIsoDay(goal.startDate),
      deadline: toIsoDay(goal.deadline),
      checkpoints: goal.checkpoints as unknown,
    },
    metric,
    currency: team.currency,
    manages,
    main: { isMain: mainId === goal.id, canChoose: canChooseMain },
    /** The deadline has passed (the team's today): the goal page shows its closing summary. */
    closed: scope.today > toIsoDay(goal.deadline),
    pendingProposals: pending,
    plan: {
      days: plan.days.map((d) => ({ date: d.date, cumulative: d.cumulative, increment: d.increment })),
      periods: plan.periods,
      checkpoints: plan.checkpoints,
    },
    members: tree.map((n, i) => {
      const t = byId.get(n.id);
      return {
        id: n.id,
        parentId: i === 0 ? null : n.parentId,
        depth: n.depth,
        name: names.get(n.id) ?? "",
        personal: t?.personal ?? null,
        team: t?.team ?? null,
        personalOverride: t?.personalOverride ?? null,
        teamOverride: t?.teamOverride ?? null,
      };
    }),
  };
}
