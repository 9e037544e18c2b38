import { router, teamProcedure } from "@/server/api/trpc";
import {
  ZDeleteEntryInput,
  ZEntryHistoryInput,
  ZListEntriesInput,
  ZLogEntriesInput,
  ZLogSummaryInput,
  ZSetReminderInput,
  ZUpdateEntryInput,
} from "@/server/schemas/entry";
import { deleteEntry } from "@/server/services/entry/delete-entry";
import { getEntryHistory } from "@/server/services/entry/get-entry-history";
import { getLogDay } from "@/server/services/entry/get-log-day";
import { listEntries } from "@/server/services/entry/list-entries";
import { logEntries } from "@/server/services/entry/log-entries";
import { updateEntry } from "@/server/services/entry/update-entry";
import { setReminderTime } from "@/server/services/reminder/set-reminder-time";

export const entryRouter = router({
  /** Log one tap or a whole offline batch (idempotent per device-made id). */
  log: teamProcedure
    .input(ZLogEntriesInput)
    .mutation(({ ctx, input }) =>
      logEntries(ctx.db, { teamId: ctx.team.id, actor: ctx.membership, entries: input.entries, team: ctx.team }),
    ),
  update: teamProcedure
    .input(ZUpdateEntryInput)
    .mutation(({ ctx, input }) => updateEntry(ctx.db, { teamId: ctx.team.id, actor: ctx.membership, input })),
  delete: teamProcedure
    .input(ZDeleteEntryInput)
    .mutation(({ ctx, input }) =>
      deleteEntry(ctx.db, { teamId: ctx.team.id, actor: ctx.membership, entryId: input.entryId, version: input.version }),
    ),
  list: teamProcedure
    .input(ZListEntriesInput)
    .query(({ ctx, input }) => listEntries(ctx.db, { teamId: ctx.team.id, actor: ctx.membership, membershipId: input.membershipId, from: input.from, to: input.to })),
  history: teamProcedure
    .input(ZEntryHistoryInput)
    .query(({ ctx, input }) => getEntryHistory(ctx.db, { teamId: ctx.team.id, actor: ctx.membership, entryId: input.entryId })),
  /** The Log page: actions with plan and totals, the day's entries, allowed days, week strip, streak. */
  day: teamProcedure
    .input(ZLogSummaryInput)
    .query(({ ctx, input }) => getLogDay(ctx.db, { teamId: ctx.team.id, actor: ctx.membership, day: input.day })),
  setReminder: teamProcedure
    .input(ZSetReminderInput)
    .mutation(({ ctx, input }) => setReminderTime(ctx.db, { actor: ctx.membership, time: input.time })),
});
