/** The member tree: who may see or change whom is declared per procedure (server/api/policy/member.ts). */
import {
  memberImportProcedure,
  memberManagerProcedure,
  memberMoveProcedure,
  memberViewerProcedure,
} from "@/server/api/policy/member";
import { router, teamProcedure } from "@/server/api/trpc";
import {
  ZMemberTreeInput,
  ZMoveMemberInput,
  ZRemoveMemberInput,
  ZSetMyTimeZoneInput,
  ZSetRoleInput,
  ZImportMembersInput,
} from "@/server/schemas/member";
import { getMemberDay } from "@/server/services/calendar/get-member-day";
import { getMemberTree } from "@/server/services/member/get-member-tree";
import { importMembers } from "@/server/services/member/import-members";
import { moveMember } from "@/server/services/member/move-member";
import { removeMember } from "@/server/services/member/remove-member";
import { setMemberRole } from "@/server/services/member/set-member-role";
import { setMyTimeZone } from "@/server/services/member/set-my-time-zone";
import { ZSetMinutesPerDayInput, ZSetSplitWeightInput } from "@/server/schemas/profile";
import { getMyConversionRates } from "@/server/services/member/get-my-conversion-rates";
import { getMyProfile } from "@/server/services/member/get-my-profile";
import { setMyMinutesPerDay } from "@/server/services/member/set-my-minutes-per-day";
import { setSplitWeight } from "@/server/services/member/set-split-weight";

export const memberRouter = router({
  tree: memberViewerProcedure
    .input(ZMemberTreeInput)
    .query(({ ctx, input }) => getMemberTree(ctx.db, ctx.scope, input)),
  move: memberMoveProcedure.input(ZMoveMemberInput).mutation(({ ctx, input }) => moveMember(ctx.db, ctx.scope, input)),
  remove: memberManagerProcedure
    .input(ZRemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.scope, input)),
  setRole: memberManagerProcedure
    .input(ZSetRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.scope, input)),
  /** The signed-in member's day: today in their zone, the team's zone, and on a rest day why and the next plan. */
  day: teamProcedure.query(({ ctx }) => getMemberDay(ctx.db, ctx.scope)),
  /** The signed-in member's own time zone (null = the team's). An unknown zone is a 400. */
  setMyTimeZone: teamProcedure
    .input(ZSetMyTimeZoneInput)
    .mutation(({ ctx, input }) => setMyTimeZone(ctx.db, ctx.scope, input)),
  /** The signed-in member's own profile in this team (account, minutes a day, zone, reminder, split weight). */
  profile: teamProcedure.query(({ ctx }) => getMyProfile(ctx.db, ctx.scope)),
  /** The signed-in member's own conversion rates from their history, next to the team's defaults. */
  conversionRates: teamProcedure.query(({ ctx }) => getMyConversionRates(ctx.db, ctx.scope)),
  /** The signed-in member's own minutes a day for the business (null = not said). Audited. */
  setMyMinutesPerDay: teamProcedure
    .input(ZSetMinutesPerDayInput)
    .mutation(({ ctx, input }) => setMyMinutesPerDay(ctx.db, ctx.scope, input)),
  /** A member's split weight (percent of a full-time share), for whoever manages them. Audited. */
  setSplitWeight: memberManagerProcedure
    .input(ZSetSplitWeightInput)
    .mutation(({ ctx, input }) => setSplitWeight(ctx.db, ctx.scope, input)),
  /** Import members from a CSV (name, email, upline): a preview with row errors, nothing written until commit. */
  import: memberImportProcedure
    .input(ZImportMembersInput)
    .mutation(({ ctx, input }) => importMembers(ctx.db, ctx.scope, input)),
});
