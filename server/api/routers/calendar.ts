/**
 * The team calendar: team holidays (everyone in the team reads them; the owner and leaders add, remove and import a
 * country's public holidays, previewed first), the goals whose holidays are no longer the team's (to re-plan with
 * the goal change `{ kind: "holidays" }`), and each member's own days off (only the member themselves).
 */
import { router, teamProcedure } from "@/server/api/trpc";
import { memberToday, teamToday } from "@/server/clock";
import {
  ZAddDayOffInput,
  ZAddHolidayInput,
  ZHolidayImportQuery,
  ZImportHolidaysInput,
  ZRemoveDayOffInput,
  ZRemoveHolidayInput,
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
  holidays: teamProcedure.query(({ ctx }) =>
    listHolidays(ctx.db, { actor: ctx.membership, today: teamToday(ctx.team) }),
  ),
  addHoliday: teamProcedure
    .input(ZAddHolidayInput)
    .mutation(({ ctx, input }) => addHoliday(ctx.db, { actor: ctx.membership, input })),
  removeHoliday: teamProcedure
    .input(ZRemoveHolidayInput)
    .mutation(({ ctx, input }) => removeHoliday(ctx.db, { actor: ctx.membership, holidayId: input.holidayId })),
  /** Countries (and their regions) whose public holidays can be imported. */
  countries: teamProcedure.query(() => holidayCountries()),
  /** A country's public holidays for a year, as they would be imported: nothing is written. */
  previewImport: teamProcedure
    .input(ZHolidayImportQuery)
    .query(({ ctx, input }) => previewHolidayImport(ctx.db, { actor: ctx.membership, query: input })),
  importHolidays: teamProcedure.input(ZImportHolidaysInput).mutation(({ ctx, input }) => {
    const { days, ...query } = input;
    return importHolidays(ctx.db, { actor: ctx.membership, query, days });
  }),
  /** Published goals the caller manages whose holidays differ from the team's now (re-plan them with a preview). */
  goalsToReplan: teamProcedure.query(({ ctx }) =>
    listGoalsToReplan(ctx.db, { actor: ctx.membership, today: teamToday(ctx.team) }),
  ),
  myDaysOff: teamProcedure.query(({ ctx }) =>
    listMyDaysOff(ctx.db, { actor: ctx.membership, today: memberToday(ctx.membership, ctx.team) }),
  ),
  addDayOff: teamProcedure
    .input(ZAddDayOffInput)
    .mutation(({ ctx, input }) => addMyDaysOff(ctx.db, { actor: ctx.membership, input })),
  removeDayOff: teamProcedure
    .input(ZRemoveDayOffInput)
    .mutation(({ ctx, input }) => removeMyDayOff(ctx.db, { actor: ctx.membership, dayOffId: input.dayOffId })),
});
