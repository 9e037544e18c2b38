/**
 * The team's main goal. A team runs several goals at once (a team-wide volume goal, a branch's recruiting push); one
 * of them is the main one — shown first and labelled "Main goal" on the Log and My plan, the others still listed.
 *
 * Why per team, chosen by whoever may change team-wide goals (the owner: `canPlanFor` the team root, the rule of
 * goal-access.ts), rather than per member: a team pulls in one direction — "our main goal this month" is something a
 * leader says at the weekly meeting, and every member's Log and My plan then say the same thing. A member only sees
 * the label on a goal they have a target in; with no main goal chosen (or one they are not in), their goals are
 * listed by deadline as before.
 *
 * Stored as `Goal.mainSince`: the published goal made main most recently is the main one, so two people choosing at
 * once can never leave two main goals. Archiving a goal clears it. Audited. The Log reads the same rule inside its one
 * context query (server/queries/entry-log.ts, `mainGoalId`), so showing it there costs no read of its own.
 */
import type { Db, DbClient } from "@/server/db-client";
import { AppError, forbidden } from "@/server/errors";
import * as clock from "@/server/clock";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import type { TeamScope } from "@/server/services/team/scope";
import { canPlanFor, teamRootId, type GoalRow } from "./goal-access";

/** The team's main goal (published), or null. One query. */
export async function mainGoalId(db: DbClient, teamId: string): Promise<string | null> {
  const main = await db.goal.findFirst({
    where: { teamId, status: "PUBLISHED", mainSince: { not: null } },
    orderBy: [{ mainSince: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return main?.id ?? null;
}

/** Whether the actor may choose the team's main goal: they may change team-wide goals (the owner). */
export async function canChooseMainGoal(db: DbClient, actor: ActorMembership): Promise<boolean> {
  return canPlanFor(db, actor, await teamRootId(db, actor.teamId));
}

/** FORBIDDEN unless the actor may choose the team's main goal (after the goal was found visible: NOT_FOUND first). */
export async function assertCanChooseMainGoal(db: DbClient, actor: ActorMembership): Promise<void> {
  if (!(await canChooseMainGoal(db, actor))) throw forbidden("Only the team owner can choose the team's main goal.");
}

/** `goal` comes checked by `mainGoalProcedure` (server/api/policy/goal.ts). */
export async function setMainGoal(db: Db, scope: TeamScope, input: { goal: GoalRow; main: boolean }) {
  const { goal, main } = input;
  const { actor } = scope;
  if (main && goal.status !== "PUBLISHED")
    throw new AppError("BAD_REQUEST", "Only a published goal can be the team's main goal.");
  return db.$transaction(async (tx) => {
    const before = await mainGoalId(tx, actor.teamId);
    if (main) {
      await tx.goal.updateMany({
        where: { teamId: actor.teamId, mainSince: { not: null }, id: { not: goal.id } },
        data: { mainSince: null },
      });
      await tx.goal.update({ where: { id: goal.id }, data: { mainSince: clock.now() } });
    } else {
      await tx.goal.update({ where: { id: goal.id }, data: { mainSince: null } });
    }
    const after = await mainGoalId(tx, actor.teamId);
    if (before !== after) {
      await recordActorEvent(tx, actor, {
        action: "goal.main_changed",
        subjectId: goal.id,
        data: { from: before, to: after },
      });
    }
    return { mainGoalId: after };
  });
}
