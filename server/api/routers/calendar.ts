/**
 * The team calendar: team holidays (everyone in the team reads them; the owner and leaders add, remove and import a
 * country's public holidays, previewed first), the goals whose holidays are no longer the team's (to re-plan with
 * the goal change `{ kind: "holidays" }`), and each member's own days off (only the member themselves).
 * Who may call what: server/api/policy/calendar.ts.
 */
import { holidaysProcedure, ownDayOffProcedure, teamHolidayProcedure } from "@/server/api/policy/calendar";
import { router, teamProcedure } from "@/server/api/trpc";
import {
  ZAddDayOffInput,
  ZAddHolidayInput,
  ZHolidayImportQuery,
  ZImportHolidaysInput,
} from "@/server/schemas/calendar";
import { addHoliday } from "@/server/services/calendar/add-holiday";
import { addMyDaysOff } from "@/server/services/calendar/add-days-off";
import { listGoalsToReplan } from "@/server/services/calendar/goals-to-replan";
import { importHolidays, previewHolidayImport } from "@/server/services/calendar/import-holidays";
import { listMyDaysOff } from "@/server/services/calendar/list-days-off";
import { listHolidays } from "@/server/services/calendar/list-holidays";
import { holidayCountries } from "@/server/domain/public-holidays";
import { removeMyDayOff } from "@/server/services/calendar/remove-day-off";
import { removeHoliday } from "@/server/services/calendar/remove-holiday";

export const calendarRouter = router({
  holidays: teamProcedure.query(({ ctx }) => listHolidays(ctx.db, ctx.scope)),
  addHoliday: holidaysProcedure
    .input(ZAddHolidayInput)
    .mutation(({ ctx, input }) => addHoliday(ctx.db, ctx.scope, input)),
  removeHoliday: teamHolidayProcedure.mutation(({ ctx }) => removeHoliday(ctx.db, ctx.scope, ctx.holiday)),
  /** Countries (and their regions) whose public holidays can be imported. */
  countries: teamProcedure.query(() => holidayCountries()),
  /** A country's public holidays for a year, as they would be imported: nothing is written. */
  previewImport: holidaysProcedure
    .input(ZHolidayImportQuery)
    .query(({ ctx, input }) => previewHolidayImport(ctx.db, ctx.scope, input)),
  importHolidays: holidaysProcedure
    .input(ZImportHolidaysInput)
    .mutation(({ ctx, input }) => importHolidays(ctx.db, ctx.scope, input)),
  /** Published goals the caller manages whose holidays differ from the team's now (re-plan them with a preview). */
  goalsToReplan: teamProcedure.query(({ ctx }) => listGoalsToReplan(ctx.db, ctx.scope)),
  myDaysOff: teamProcedure.query(({ ctx }) => listMyDaysOff(ctx.db, ctx.scope)),
  addDayOff: teamProcedure.input(ZAddDayOffInput).mutation(({ ctx, input }) => addMyDaysOff(ctx.db, ctx.scope, input)),
  removeDayOff: ownDayOffProcedure.mutation(({ ctx }) => removeMyDayOff(ctx.db, ctx.scope, ctx.dayOff)),
});
