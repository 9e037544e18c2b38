/**
 * Who may call the entry (Log) procedures, declared where they are declared. Each builder checks one object with the
 * rules of server/services/team/permissions.ts and puts what it checked on the context:
 *
 * - entryMemberProcedure     the member whose entries are asked (`membershipId`, default the caller) is visible to
 *                            the caller (themselves, their downline; the owner: any active member). Else NOT_FOUND.
 *                            `ctx.subjectId`.
 * - visibleEntryProcedure    the entry (`entryId`) is of this team and of a member the caller can see. Else NOT_FOUND.
 *                            `ctx.entry` = { id, membershipId }.
 * - changeableEntryProcedure the caller may change the entry (`entryId`): its author always; their upline (anyone
 *                            above them; the owner is above everyone) when the team allows it
 *                            (`Team.uplineCanEditEntries`), else FORBIDDEN; anyone else who can see the member is
 *                            FORBIDDEN; anyone who cannot see them, or an entry of another team, is NOT_FOUND.
 *                            `ctx.entry`. The service then locks the entry and checks what depends on the locked row
 *                            (still live, the version, the logging window: server/services/entry/editable-entry.ts).
 */
import { z } from "zod";
import { teamProcedure } from "@/server/api/trpc";
import type { DbClient } from "@/server/db-client";
import { forbidden, notFound } from "@/server/errors";
import { ZId } from "@/server/schemas/common";
import { ZEntryId } from "@/server/schemas/entry";
import { assertCanView, canView } from "@/server/services/team/permissions";
import { isInSubtree } from "@/server/queries/tree";

export const entryMemberProcedure = teamProcedure
  .input(z.object({ membershipId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const subjectId = input.membershipId ?? ctx.scope.actor.id;
    await assertCanView(ctx.db, ctx.scope.actor, subjectId);
    return next({ ctx: { subjectId } });
  });

/** An entry of the team, deleted or not (a deleted entry keeps its history); NOT_FOUND when there is none. */
async function findEntry(db: DbClient, teamId: string, entryId: string) {
  const entry = await db.entry.findFirst({ where: { id: entryId, teamId }, select: { id: true, membershipId: true } });
  if (!entry) throw notFound("Entry");
  return entry;
}

const ZEntryRef = z.object({ entryId: ZEntryId });

export const visibleEntryProcedure = teamProcedure.input(ZEntryRef).use(async ({ ctx, input, next }) => {
  const entry = await findEntry(ctx.db, ctx.scope.team.id, input.entryId);
  if (!(await canView(ctx.db, ctx.scope.actor, entry.membershipId))) throw notFound("Entry");
  return next({ ctx: { entry } });
});

export const changeableEntryProcedure = teamProcedure.input(ZEntryRef).use(async ({ ctx, input, next }) => {
  const { actor, team } = ctx.scope;
  const entry = await findEntry(ctx.db, team.id, input.entryId);
  if (entry.membershipId !== actor.id) {
    const isUpline = await isInSubtree(ctx.db, { teamId: team.id, ancestorId: actor.id, memberId: entry.membershipId });
    if (!isUpline) {
      if (await canView(ctx.db, actor, entry.membershipId))
        throw forbidden("Only the member who logged this entry can change it.");
      throw notFound("Entry");
    }
    if (!team.uplineCanEditEntries) {
      throw forbidden("Your team does not let uplines change their members' entries. Ask the member to change it.");
    }
  }
  return next({ ctx: { entry } });
});
