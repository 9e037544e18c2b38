/**
 * The names list (issue 18): a member's own list of people to engage, with a stage following the team's funnel.
 * Private to its owner; uplines see counts per stage and the people shared with them. Who may call what:
 * server/api/policy/person.ts (the rule: `personAccess` in server/services/team/permissions.ts).
 */
import {
  editablePersonProcedure,
  listReaderProcedure,
  personSubtreeProcedure,
  readablePersonProcedure,
} from "@/server/api/policy/person";
import { router, teamProcedure } from "@/server/api/trpc";
import { personInviteProcedure } from "@/server/api/policy/person-invite";
import { ZImportPeopleInput, ZImportPreviewInput } from "@/server/schemas/person-transfer";
import { exportPeople } from "@/server/services/person/export-people";
import { importPeople, previewImport } from "@/server/services/person/import-people";
import { invitePerson } from "@/server/services/person/invite-person";
import { ZAddPersonInput, ZListPeopleInput, ZSetStageInput, ZUpdatePersonInput } from "@/server/schemas/person";
import { addPerson } from "@/server/services/person/add-person";
import { setPersonArchived, setPersonStage, updatePerson } from "@/server/services/person/change-person";
import { listPersonStages } from "@/server/services/person/funnel-stages";
import { getPerson, listPeople, listTags } from "@/server/services/person/read-person";
import { sharedWithMe, stageCounts } from "@/server/services/person/team-view";

export const personRouter = router({
  /** The team's stages in funnel order, then the outcomes. */
  stages: listReaderProcedure.query(({ ctx }) => listPersonStages(ctx.db, ctx.reader.teamId)),
  /** A page of the caller's own list: search, stage and tag filters, cursor paging. */
  list: listReaderProcedure.input(ZListPeopleInput).query(({ ctx, input }) => listPeople(ctx.db, ctx.reader, input)),
  /** Every tag on the caller's own list, with how many people carry it. */
  tags: listReaderProcedure.query(({ ctx }) => listTags(ctx.db, ctx.reader)),
  /** One person with their timeline (newest first). */
  get: readablePersonProcedure.query(({ ctx }) => getPerson(ctx.db, ctx.person)),
  /** Adds a person to the caller's list; the same id again creates nothing. */
  add: teamProcedure.input(ZAddPersonInput).mutation(({ ctx, input }) => addPerson(ctx.db, ctx.scope, input)),
  update: editablePersonProcedure
    .input(ZUpdatePersonInput)
    .mutation(({ ctx, input }) => updatePerson(ctx.db, ctx.scope, ctx.person, input)),
  setStage: editablePersonProcedure
    .input(ZSetStageInput)
    .mutation(({ ctx, input }) => setPersonStage(ctx.db, ctx.scope, ctx.person, input)),
  archive: editablePersonProcedure.mutation(({ ctx }) => setPersonArchived(ctx.db, ctx.scope, ctx.person, true)),
  restore: editablePersonProcedure.mutation(({ ctx }) => setPersonArchived(ctx.db, ctx.scope, ctx.person, false)),
  /** Counts per stage of each list in a subtree — no names. */
  stageCounts: personSubtreeProcedure.query(({ ctx }) => stageCounts(ctx.db, ctx.scope, ctx.rootId)),
  /** Reads a vCard or CSV file and checks each row against the caller's list; writes nothing. */
  importPreview: teamProcedure
    .input(ZImportPreviewInput)
    .query(({ ctx, input }) => previewImport(ctx.db, ctx.scope, input)),
  /** Adds the file's new people to the caller's list (duplicates skipped; all rows valid, or `onlyValid`). */
  import: teamProcedure.input(ZImportPeopleInput).mutation(({ ctx, input }) => importPeople(ctx.db, ctx.scope, input)),
  /** The caller's own list as CSV (a removed member too). */
  export: listReaderProcedure.query(({ ctx }) => exportPeople(ctx.db, ctx.reader)),
  /** Sponsoring: an invite placing the person under the caller; accepting it links them to the new membership. */
  invite: personInviteProcedure.mutation(({ ctx }) => invitePerson(ctx.db, ctx.scope, ctx.person)),
  /** People the caller's downline shares with them: name and stage only. */
  sharedWithMe: teamProcedure.query(({ ctx }) => sharedWithMe(ctx.db, ctx.scope)),
});
