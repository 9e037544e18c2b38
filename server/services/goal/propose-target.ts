/**
 * A member proposes a different personal target for a published goal (bottom-up); replaces their pending one. The
 * goal comes checked by `goalProcedure("view")` (server/api/policy/goal.ts); whether the caller has a target of their
 * own in it is checked here (their own row: someone who manages the goal without being in it has none to propose).
 */
import type { Db } from "@/server/db-client";
import { badRequest, forbidden } from "@/server/errors";
import type { TProposeTargetInput } from "@/server/schemas/goal";
import type { GoalRow } from "@/server/services/goal/goal-access";
import type { TeamScope } from "@/server/services/team/scope";
import { notifyProposalWaiting } from "@/server/services/notification/event-notifications";
import { memberTarget } from "@/server/queries/goal-split";

export async function proposeTarget(db: Db, scope: TeamScope, input: TProposeTargetInput & { goal: GoalRow }) {
  const { actor } = scope;
  if (input.goal.status !== "PUBLISHED") throw badRequest("You can propose a target once the goal is published.");
  const mine = await memberTarget(db, { goalId: input.goal.id, membershipId: actor.id });
  if (!mine) throw forbidden("Only the people this goal sets a target for can propose a different one.");
  return db.$transaction(async (tx) => {
    const replaced = await tx.targetProposal.findMany({
      where: { goalId: input.goal.id, membershipId: actor.id, status: "PENDING" },
      select: { id: true },
    });
    await tx.targetProposal.updateMany({
      where: { goalId: input.goal.id, membershipId: actor.id, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const proposal = await tx.targetProposal.create({
      data: {
        teamId: actor.teamId,
        goalId: input.goal.id,
        membershipId: actor.id,
        proposed: input.proposed,
        note: input.note,
      },
      select: { id: true, status: true, proposed: true, createdAt: true },
    });
    // The decider hears it (issue 20), in this transaction; the proposals it replaced no longer wait.
    await notifyProposalWaiting(tx, {
      team: scope.team,
      proposal: { id: proposal.id, membershipId: actor.id },
      goal: input.goal,
      withdrawnIds: replaced.map((p) => p.id),
    });
    return proposal;
  });
}
