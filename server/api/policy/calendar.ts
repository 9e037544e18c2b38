/**
 * Who may change the team calendar. Everyone in the team reads the holidays; the owner and every leader change them
 * (`holidaysProcedure`, HOLIDAY_MANAGERS in server/services/team/permissions.ts). A member's days off are theirs
 * alone: the services take the caller's own membership, and `ownDayOffProcedure` finds a day off among the caller's
 * only (anyone else's is NOT_FOUND).
 */
import { roleProcedure, teamProcedure } from "@/server/api/trpc";
import { ZRemoveDayOffInput, ZRemoveHolidayInput } from "@/server/schemas/calendar";
import { findMyDayOff } from "@/server/services/calendar/remove-day-off";
import { findTeamHoliday } from "@/server/services/calendar/remove-holiday";
import { HOLIDAY_MANAGERS } from "@/server/services/team/permissions";

export const holidaysProcedure = roleProcedure(
  HOLIDAY_MANAGERS,
  "Only the team owner and leaders can change the team's holidays.",
);

/** A holiday of this team (another team's is NOT_FOUND), for the owner and leaders; `ctx.holiday` is the holiday. */
export const teamHolidayProcedure = holidaysProcedure
  .input(ZRemoveHolidayInput)
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { holiday: await findTeamHoliday(ctx.db, ctx.scope, input.holidayId) } }),
  );

/** One of the caller's own days off; `ctx.dayOff` is the day off. */
export const ownDayOffProcedure = teamProcedure
  .input(ZRemoveDayOffInput)
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { dayOff: await findMyDayOff(ctx.db, ctx.scope, input.dayOffId) } }),
  );
