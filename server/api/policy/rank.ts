/**
 * Who may call the rank procedures, declared where they are declared:
 *
 * - ranks are team settings: their writes use `settingsProcedure` of ./metric.ts (the owner; everyone reads them).
 * - rankSubjectProcedure   the member whose progress is asked (`membershipId`, default the caller) is the caller or
 *                          in their downline (the owner: anyone); NOT_FOUND otherwise. `ctx.subjectId`.
 */
import { z } from "zod";
import { teamProcedure } from "@/server/api/trpc";
import { notFound } from "@/server/errors";
import { ZId } from "@/server/schemas/common";
import { canSeeMember } from "@/server/services/team/permissions";

export const rankSubjectProcedure = teamProcedure
  .input(z.object({ membershipId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const subjectId = input.membershipId ?? ctx.scope.actor.id;
    if (!(await canSeeMember(ctx.db, ctx.scope.actor, subjectId))) throw notFound("Member");
    return next({ ctx: { subjectId } });
  });
