/**
 * The two weeks a member can commit to on their own: this week and next week. `coming` is the one a weekly review
 * held today agrees commitments for (server/domain/review-week.ts): this week when today is its first day (a
 * Monday meeting), otherwise next week — a week already under way is not "coming". (In a goal's first week the
 * review covers this week so far, and its commitments are for next week.)
 */
import { addDays, startOfPeriod, type IsoDate } from "@/server/domain/calendar";
import { comingWeekStart } from "@/server/domain/review-week";
import * as clock from "@/server/clock";

export function commitmentWeeks(
  team: { timeZone: string; weekStartsOn: number },
  today?: IsoDate,
): { this: IsoDate; next: IsoDate; coming: IsoDate } {
  const day = today ?? clock.teamToday(team);
  const thisWeek = startOfPeriod(day, "week", team.weekStartsOn);
  return { this: thisWeek, next: addDays(thisWeek, 7), coming: comingWeekStart(day, team.weekStartsOn) };
}
