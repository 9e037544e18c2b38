/** Why targets changed: the goal's own changes and a member's (the caller's by default), newest first. */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { canSeeMember, loadGoalForView } from "./goal-access";

export async function listGoalHistory(db: DbClient, args: { actor: ActorMembership; goalId: string; membershipId?: string }) {
  const { actor } = args;
  const { goal, manages } = await loadGoalForView(db, actor, args.goalId);
  const memberId = args.membershipId ?? actor.id;
  if (memberId !== actor.id && !(await canSeeMember(db, actor, memberId))) throw notFound("Member");
  void manages;
  const rows = await db.targetChange.findMany({
    where: { goalId: goal.id, OR: [{ membershipId: memberId }, { membershipId: null }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      membershipId: true,
      reason: true,
      field: true,
      fromValue: true,
      toValue: true,
      data: true,
      createdAt: true,
      actor: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.map(({ actor: who, ...r }) => ({ ...r, actorName: who?.user.name ?? null }));
}
