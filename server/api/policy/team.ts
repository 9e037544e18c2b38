/**
 * Who may change the team itself (server/services/team/team-settings.ts `canChangeTeamSettings`):
 *
 * - teamSettingsEditorProcedure  the owner; a leader where the owner allows it (`Team.leadersCanEditSettings`);
 *                                FORBIDDEN for anyone else in the team (a non-member is NOT_FOUND before that).
 * - teamSettingsProcedure        teamSettingsEditorProcedure, and only the owner decides whether leaders may change
 *                                settings (`leadersCanEditSettings` in the input: FORBIDDEN for a leader).
 * - transferOwnershipProcedure   the owner, and the new owner (`membershipId`) is an active member of this team
 *                                other than the owner (else NOT_FOUND / BAD_REQUEST). `ctx.newOwner`.
 * - The activity log and deleting the team are the owner's alone: `ownerProcedure` (server/api/trpc.ts).
 */
import { z } from "zod";
import { ownerProcedure, teamProcedure } from "@/server/api/trpc";
import { forbidden } from "@/server/errors";
import { ZTransferOwnershipInput } from "@/server/schemas/team";
import { canChangeTeamSettings } from "@/server/services/team/team-settings";
import { findNewOwner } from "@/server/services/team/transfer-ownership";

export const teamSettingsEditorProcedure = teamProcedure.use(async ({ ctx, next }) => {
  if (!(await canChangeTeamSettings(ctx.db, ctx.scope)))
    throw forbidden(
      ctx.scope.actor.role === "LEADER"
        ? "Only the team owner can change the team settings (the owner can let leaders do it too)."
        : "Only the team owner can change the team settings.",
    );
  return next();
});

export const teamSettingsProcedure = teamSettingsEditorProcedure
  .input(z.object({ leadersCanEditSettings: z.boolean().optional() }))
  .use(({ ctx, input, next }) => {
    if (input.leadersCanEditSettings !== undefined && ctx.scope.actor.role !== "OWNER")
      throw forbidden("Only the team owner decides whether leaders may change the team settings.");
    return next();
  });

export const transferOwnershipProcedure = ownerProcedure
  .input(ZTransferOwnershipInput)
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { newOwner: await findNewOwner(ctx.db, ctx.scope, input.membershipId) } }),
  );
