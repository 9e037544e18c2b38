/**
 * A member proposes a different personal target for a published goal (bottom-up); replaces their pending one. Anyone
 * in the team may call it; the goal must be one they have a target in (checked here: it is the caller's own row).
 */
import type { Db } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { TProposeTargetInput } from "@/server/schemas/goal";
import type { TeamScope } from "@/server/services/team/scope";

export async function proposeTarget(db: Db, scope: TeamScope, input: TProposeTargetInput) {
  const { actor } = scope;
  const mine = await db.memberTarget.findFirst({
    where: { goalId: input.goalId, membershipId: actor.id, goal: { teamId: actor.teamId, status: "PUBLISHED" } },
    select: { personal: true },
  });
  if (!mine) throw notFound("Goal");
  return db.$transaction(async (tx) => {
    await tx.targetProposal.updateMany({
      where: { goalId: input.goalId, membershipId: actor.id, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    return tx.targetProposal.create({
      data: {
        teamId: actor.teamId,
        goalId: input.goalId,
        membershipId: actor.id,
        proposed: input.proposed,
        note: input.note,
      },
      select: { id: true, status: true, proposed: true, createdAt: true },
    });
  });
}
