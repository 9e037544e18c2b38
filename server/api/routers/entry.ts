import { router, teamProcedure } from "@/server/api/trpc";
import { changeableEntryProcedure, entryMemberProcedure, visibleEntryProcedure } from "@/server/api/policy/entry";
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
  /** Log one tap or a whole offline batch for oneself (idempotent per device-made id). */
  log: teamProcedure.input(ZLogEntriesInput).mutation(({ ctx, input }) => logEntries(ctx.db, ctx.scope, input)),
  update: changeableEntryProcedure
    .input(ZUpdateEntryInput)
    .mutation(({ ctx, input }) => updateEntry(ctx.db, ctx.scope, input)),
  delete: changeableEntryProcedure
    .input(ZDeleteEntryInput)
    .mutation(({ ctx, input }) => deleteEntry(ctx.db, ctx.scope, input)),
  list: entryMemberProcedure.input(ZListEntriesInput).query(({ ctx, input }) => listEntries(ctx.db, ctx.scope, input)),
  history: visibleEntryProcedure
    .input(ZEntryHistoryInput)
    .query(({ ctx, input }) => getEntryHistory(ctx.db, ctx.scope, input)),
  /** The Log page of one's own day: actions with plan and totals, the day's entries, allowed days, week strip, streak. */
  day: teamProcedure.input(ZLogSummaryInput).query(({ ctx, input }) => getLogDay(ctx.db, ctx.scope, input)),
  /** One's own reminder time. */
  setReminder: teamProcedure
    .input(ZSetReminderInput)
    .mutation(({ ctx, input }) => setReminderTime(ctx.db, ctx.scope, input)),
});
