/**
 * Who may re-plan the rest of someone's share of a goal (server/services/goal/replan-rest.ts), declared on the
 * procedures' lines:
 *
 * - replanProcedure   the goal with goalProcedure("view")'s rule (server/api/policy/goal.ts: NOT_FOUND when the caller
 *                     may not see it), then the member (`memberId`): the caller themselves, for their own plan; anyone
 *                     else only for whoever leads a branch above them (the owner; a leader or — roles follow the
 *                     tree — a sponsor above them: `assertLeadsBranchOf`, so someone the caller cannot see is
 *                     NOT_FOUND, anyone else FORBIDDEN). A branch (`branch`) is the member and their downline: for the
 *                     caller's own branch it takes leading a branch, for anyone else's the same rule on its head.
 *                     `ctx.goal`.
 */
import { z } from "zod";
import { goalProcedure } from "@/server/api/policy/goal";
import { forbidden } from "@/server/errors";
import { ZId } from "@/server/schemas/common";
import { assertLeadsBranchOf, BRANCH_LEADERS } from "@/server/services/team/permissions";

export const replanProcedure = goalProcedure("view")
  .input(z.object({ memberId: ZId, branch: z.boolean().default(false) }))
  .use(async ({ ctx, input, next }) => {
    const { actor } = ctx.scope;
    if (input.memberId !== actor.id) await assertLeadsBranchOf(ctx.db, actor, input.memberId, "re-plan someone else");
    else if (input.branch && !actor.leadsBranch) {
      throw forbidden(`Only ${BRANCH_LEADERS} can re-plan a branch: re-plan your own plan instead.`);
    }
    return next();
  });
