/**
 * Proposals the caller can decide — pending, from members they manage (a leader's downline, the owner's whole team),
 * on goals they may change (the rule of `proposalProcedure`, server/api/policy/goal.ts: a leader does not decide
 * proposals on a goal set above them) — and the caller's own proposals with their status. Anyone in the team may call
 * it: the inbox is filtered here, row by row (one tree check per distinct goal root for a leader).
 */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree } from "@/server/queries/tree";
import { canPlanFor } from "./goal-access";
import { memberTargets } from "@/server/queries/goal-split";

const proposalSelect = {
  id: true,
  goalId: true,
  membershipId: true,
  proposed: true,
  note: true,
  status: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  goal: { select: { name: true, rootMembershipId: true, metric: { select: { unit: true, name: true } } } },
  membership: { select: { user: { select: { name: true } } } },
} as const;

export async function listProposals(db: DbClient, scope: TeamScope) {
  const { actor } = scope;
  let inbox: Awaited<ReturnType<typeof load>> = [];
  const load = (where: object) =>
    db.targetProposal.findMany({
      where: { teamId: actor.teamId, ...where },
      select: proposalSelect,
      orderBy: { createdAt: "desc" },
      take: 200,
    });
  if (actor.leadsBranch) {
    if (actor.role === "OWNER") inbox = await load({ status: "PENDING", membershipId: { not: actor.id } });
    else {
      const ids = (await listSubtree(db, { teamId: actor.teamId, rootId: actor.id }))
        .map((n) => n.id)
        .filter((id) => id !== actor.id);
      const fromDownline = ids.length ? await load({ status: "PENDING", membershipId: { in: ids } }) : [];
      const mayChange = new Map<string, boolean>();
      for (const p of fromDownline) {
        const root = p.goal.rootMembershipId;
        if (!mayChange.has(root)) mayChange.set(root, await canPlanFor(db, actor, root));
        if (mayChange.get(root)) inbox.push(p);
      }
    }
  }
  const mine = await load({ membershipId: actor.id });
  // The current target of each proposer in each goal: one statement per proposer (a handful).
  const goalsOf = new Map<string, Set<string>>();
  for (const p of inbox) goalsOf.set(p.membershipId, (goalsOf.get(p.membershipId) ?? new Set()).add(p.goalId));
  const current = new Map<string, number>();
  for (const [membershipId, goalIds] of goalsOf) {
    for (const t of await memberTargets(db, { membershipId, goalIds: [...goalIds] })) {
      current.set(`${t.goalId}:${membershipId}`, t.personal);
    }
  }
  const shape = (p: (typeof inbox)[number]) => ({
    id: p.id,
    goalId: p.goalId,
    goalName: p.goal.name,
    unit: p.goal.metric.unit,
    membershipId: p.membershipId,
    memberName: p.membership.user.name,
    proposed: p.proposed,
    current: current.get(`${p.goalId}:${p.membershipId}`) ?? null,
    note: p.note,
    status: p.status,
    decisionNote: p.decisionNote,
    createdAt: p.createdAt,
  });
  return { inbox: inbox.map(shape), mine: mine.map(shape) };
}
