import {
  teamSettingsEditorProcedure,
  teamSettingsProcedure,
  transferOwnershipProcedure,
} from "@/server/api/policy/team";
import { ownerProcedure, protectedProcedure, router, teamProcedure } from "@/server/api/trpc";
import {
  ZCreateTeamInput,
  ZDeleteTeamInput,
  ZOldSlugInput,
  ZTeamActivityInput,
  ZUpdateTeamSettingsInput,
} from "@/server/schemas/team";
import { createTeam } from "@/server/services/team/create-team";
import { deleteTeam } from "@/server/services/team/delete-team";
import { getTeam } from "@/server/services/team/get-team";
import { listTeamActivity } from "@/server/services/team/list-activity";
import { listMyTeams } from "@/server/services/team/list-my-teams";
import { resolveOldSlug } from "@/server/services/team/resolve-old-slug";
import { getTeamSettings } from "@/server/services/team/team-settings";
import { transferOwnership } from "@/server/services/team/transfer-ownership";
import { updateTeamSettings } from "@/server/services/team/update-team-settings";

export const teamRouter = router({
  list: protectedProcedure.query(({ ctx }) => listMyTeams(ctx.db, { userId: ctx.user.id })),
  create: protectedProcedure
    .input(ZCreateTeamInput)
    .mutation(({ ctx, input }) => createTeam(ctx.db, { userId: ctx.user.id, input })),
  get: teamProcedure.query(({ ctx }) => getTeam(ctx.db, ctx.scope)),
  /** An old address of one of my teams → its current slug (null: none), for the team layout's redirect. */
  resolveOldSlug: protectedProcedure
    .input(ZOldSlugInput)
    .query(({ ctx, input }) => resolveOldSlug(ctx.db, { userId: ctx.user.id, slug: input.slug })),
  settings: teamSettingsEditorProcedure.query(({ ctx }) => getTeamSettings(ctx.db, ctx.scope)),
  updateSettings: teamSettingsProcedure
    .input(ZUpdateTeamSettingsInput)
    .mutation(({ ctx, input }) => updateTeamSettings(ctx.db, ctx.scope, input)),
  activity: ownerProcedure
    .input(ZTeamActivityInput)
    .query(({ ctx, input }) => listTeamActivity(ctx.db, ctx.scope, input)),
  transferOwnership: transferOwnershipProcedure.mutation(({ ctx }) =>
    transferOwnership(ctx.db, ctx.scope, ctx.newOwner),
  ),
  delete: ownerProcedure.input(ZDeleteTeamInput).mutation(({ ctx, input }) => deleteTeam(ctx.db, ctx.scope, input)),
});
