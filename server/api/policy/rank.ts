/**
 * Who may call the rank procedures, declared where they are declared:
 *
 * - ranks are team settings: their writes use `settingsProcedure` of ./metric.ts (the owner; everyone reads them).
 * - rankSubjectProcedure   the member whose rank is asked (`membershipId`, default the caller) is the caller or in
 *                          their downline (the owner: any active member); NOT_FOUND otherwise (`canView`,
 *                          server/services/team/permissions.ts). `ctx.subjectId`. The progress and the report card.
 * - a rank plan is the caller's own: `teamProcedure` (the services take the caller's membership, never an id).
 */
import { z } from "zod";
import { teamProcedure } from "@/server/api/trpc";
import { ZId } from "@/server/schemas/common";
import { assertCanView } from "@/server/services/team/permissions";

export const rankSubjectProcedure = teamProcedure
  .input(z.object({ membershipId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const subjectId = input.membershipId ?? ctx.scope.actor.id;
    await assertCanView(ctx.db, ctx.scope.actor, subjectId);
    return next({ ctx: { subjectId } });
  });
