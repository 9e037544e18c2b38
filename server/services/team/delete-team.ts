/**
 * Deletes a team and everything in it (`team.delete`, the owner only), once its name is typed exactly. Nothing of
 * another team is touched, and the people stay: their accounts and their other teams remain.
 *
 * The team's rows mostly go by ON DELETE CASCADE from `Team`, but several relations inside a team are RESTRICT on
 * `Membership` (entries, their revisions, goals' roots and creators, reviews, commitments, the upline link itself),
 * and PostgreSQL checks RESTRICT row by row while it cascades. So those rows are deleted first, children before
 * parents, and the upline links cut, all in one transaction under the tree lock (no join or move can slip in);
 * the cascade then takes the rest (memberships, invites, metrics, holidays, the audit log, old addresses…).
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { lockTeamTree } from "@/server/queries/tree";
import type { TeamScope } from "./scope";

export async function deleteTeam(db: Db, scope: TeamScope, input: { confirmName: string }) {
  const { team } = scope;
  if (input.confirmName !== team.name) {
    throw new AppError(
      "BAD_REQUEST",
      `Type the team's name exactly as it is written — “${team.name}” — to delete it.`,
      {
        field: "confirmName",
      },
    );
  }
  await db.$transaction(async (tx) => {
    await lockTeamTree(tx, team.id);
    const teamId = team.id;
    await tx.entry.deleteMany({ where: { teamId } });
    await tx.commitment.deleteMany({ where: { teamId } });
    await tx.weeklyReview.deleteMany({ where: { teamId } });
    await tx.goal.deleteMany({ where: { teamId } });
    await tx.invite.deleteMany({ where: { teamId } });
    await tx.membership.updateMany({ where: { teamId }, data: { parentId: null } });
    await tx.team.delete({ where: { id: teamId } });
  });
  return { deleted: true as const, name: team.name };
}
