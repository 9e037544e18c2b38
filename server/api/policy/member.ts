/**
 * Who may act on a member of the tree (server/services/team/permissions.ts): whoever can SEE them may read their
 * subtree; whoever MANAGES them (the owner; a leader above them) may move, remove or change their role. Someone the
 * caller cannot see is NOT_FOUND before anything else is said (no hint that they exist).
 */
import { z } from "zod";
import { roleProcedure, teamProcedure } from "@/server/api/trpc";
import { ZId } from "@/server/schemas/common";
import { assertCanManage, assertCanView } from "@/server/services/team/permissions";

/** The subtree of `rootId` (default: the caller's own, the owner's: the team's), for whoever can see that member. */
export const memberViewerProcedure = teamProcedure
  .input(z.object({ rootId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    if (input.rootId !== undefined) await assertCanView(ctx.db, ctx.scope.actor, input.rootId);
    return next();
  });

/** A change to `memberId`, for whoever manages them: NOT_FOUND if unseen, FORBIDDEN for a member or oneself. */
export const memberManagerProcedure = teamProcedure
  .input(z.object({ memberId: ZId }))
  .use(async ({ ctx, input, next }) => {
    await assertCanManage(ctx.db, ctx.scope.actor, input.memberId);
    return next();
  });

/** A move of `memberId` under `newParentId`: the caller manages the member and can see the new upline. */
export const memberMoveProcedure = memberManagerProcedure
  .input(z.object({ newParentId: ZId }))
  .use(async ({ ctx, input, next }) => {
    await assertCanView(ctx.db, ctx.scope.actor, input.newParentId);
    return next();
  });

/** Importing members from a file: the owner and leaders (each row's upline is then checked against the caller's subtree). */
export const memberImportProcedure = roleProcedure(
  ["OWNER", "LEADER"],
  "Only the team owner and leaders can import members.",
);
