/**
 * The two weeks a member can commit to on their own: this week (what a review held today commits to — it reviews
 * last week and agrees the week that has just begun) and next week (entered before next week's meeting).
 */
import { addDays, startOfPeriod, type IsoDate } from "@/server/domain/calendar";
import * as clock from "@/server/clock";

export function commitmentWeeks(team: { timeZone: string; weekStartsOn: number }, today?: IsoDate): { this: IsoDate; next: IsoDate } {
  const day = today ?? clock.todayIn(team.timeZone);
  const thisWeek = startOfPeriod(day, "week", team.weekStartsOn);
  return { this: thisWeek, next: addDays(thisWeek, 7) };
}
