/**
 * Sponsoring a person from the names list (issue 18): the person is on the caller's own list
 * (`editablePersonProcedure`: anyone else's is NOT_FOUND, a shared one FORBIDDEN), and the caller may invite people
 * under themselves by the team's invite rule (`assertMayInvite`, server/api/policy/invite.ts: in a team where only
 * leaders invite, a member is FORBIDDEN).
 */
import { editablePersonProcedure } from "@/server/api/policy/person";
import { assertMayInvite } from "@/server/api/policy/invite";

export const personInviteProcedure = editablePersonProcedure.use(async ({ ctx, next }) => {
  await assertMayInvite(ctx.db, ctx.scope, { parentId: ctx.scope.actor.id, role: "MEMBER" });
  return next();
});
