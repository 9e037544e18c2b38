/**
 * Who may call the names-list procedures (issue 18), declared where they are declared. The rule is `personAccess`
 * (server/services/team/permissions.ts): a person is its list owner's alone; a person shared with the upline is
 * readable (never editable) by the owner's upline chain and the team owner; anyone else gets NOT_FOUND.
 *
 * - listReaderProcedure      the caller's own list in the team: an active member, or a member removed from the team
 *                            (they keep reading — and exporting — their own list; nothing else). `ctx.reader`.
 * - readablePersonProcedure  listReaderProcedure and the person (`personId`) is the caller's, or shared with them as
 *                            an upline; else NOT_FOUND. `ctx.person` (with `access`: "edit" | "read").
 * - editablePersonProcedure  an active member (teamProcedure) and the person is on their own list; a shared person
 *                            an upline may read is FORBIDDEN to change, anything else NOT_FOUND. `ctx.person`.
 * - personSubtreeProcedure   the subtree root (`rootId`, default the caller) is the caller or someone they can see
 *                            (canView: their downline; the owner: anyone), else NOT_FOUND. `ctx.rootId`. Counts only.
 * Adding a person needs only teamProcedure: it always lands on the caller's own list.
 */
import { subtreeProcedure } from "@/server/api/policy/dashboard";
import { protectedProcedure, teamProcedure, ZTeamInput } from "@/server/api/trpc";
import { ZPersonRef } from "@/server/schemas/person";
import { findPersonFor, loadListReader } from "@/server/services/person/person-access";

export const listReaderProcedure = protectedProcedure.input(ZTeamInput).use(async ({ ctx, input, next }) => {
  return next({ ctx: { reader: await loadListReader(ctx.db, ctx.user, input.teamId) } });
});

export const readablePersonProcedure = listReaderProcedure
  .input(ZPersonRef)
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { person: await findPersonFor(ctx.db, ctx.reader, input.personId, "read") } }),
  );

export const editablePersonProcedure = teamProcedure.input(ZPersonRef).use(async ({ ctx, input, next }) => {
  const { actor } = ctx.scope;
  const reader = { teamId: actor.teamId, membershipId: actor.id, actor };
  return next({ ctx: { person: await findPersonFor(ctx.db, reader, input.personId, "edit") } });
});

export const personSubtreeProcedure = subtreeProcedure;
