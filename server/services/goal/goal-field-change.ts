/**
 * The goal-level part of a re-plan: the goal's fields after one change (split rule, deadline, target or the team's
 * holidays) and the goal fields that move, from → to. A member's override changes no goal field.
 *
 * Holidays: a goal keeps the team holidays it was phased with (`Goal.holidays`). A `holidays` change takes the team's
 * holidays inside the goal's dates as they are now (`holidays` says which come and go); a deadline change keeps the
 * goal's holidays up to the new deadline and takes the team's holidays on the days it adds.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { holidayDays } from "@/server/domain/goal-phasing";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { badRequest } from "@/server/errors";
import type { TGoalChange } from "@/server/schemas/goal";
import { holidayChanges, teamHolidaysIn } from "@/server/services/calendar/team-holiday-days";
import type { GoalRow } from "./goal-access";
import { refusePastGoal } from "./refuse-past-goal";
import { editGoalFields } from "./edit-goal-fields";

export interface GoalFieldDiff {
  /** name … checkpoints: an `edit` (edit-goal-fields.ts). */
  field: "target" | "deadline" | "splitRule" | "holidays" | "name" | "startDate" | "curve" | "checkpoints";
  /** Holidays: the days, comma-separated ("none" for none). */
  from: string | number;
  to: string | number;
}

/** A `holidays` change: the team's holidays in the goal's dates now, and which days come and go. */
export interface HolidayMove {
  team: { day: IsoDate; name: string }[];
  added: IsoDate[];
  removed: IsoDate[];
}

export const holidayList = (days: readonly IsoDate[]) => (days.length === 0 ? "none" : days.join(", "));

export async function goalFieldChange(
  db: DbClient,
  args: { goal: GoalRow; change: TGoalChange; asOf: IsoDate },
): Promise<{ next: GoalRow; goalDiff: GoalFieldDiff[]; holidays: HolidayMove | null }> {
  const { goal, change } = args;
  const next: GoalRow = { ...goal };
  const goalDiff: GoalFieldDiff[] = [];
  const phased = holidayDays(goal);
  let holidays: HolidayMove | null = null;
  switch (change.kind) {
    case "split":
      if (change.splitRule !== goal.splitRule) {
        next.splitRule = change.splitRule;
        goalDiff.push({ field: "splitRule", from: goal.splitRule, to: change.splitRule });
      }
      break;
    case "deadline": {
      const oldDeadline = toIsoDay(goal.deadline);
      if (change.deadline === oldDeadline) break;
      refusePastGoal({ deadline: change.deadline }, args.asOf);
      next.deadline = toDbDay(change.deadline);
      goalDiff.push({ field: "deadline", from: oldDeadline, to: change.deadline });
      // The days the goal already had keep their holidays; the days it gains take the team's.
      const gained = await teamHolidaysIn(db, {
        teamId: goal.teamId,
        from: addDays(oldDeadline, 1),
        to: change.deadline,
      });
      const kept = [...phased.filter((d) => d <= change.deadline), ...gained.map((h) => h.day)];
      next.holidays = kept.map(toDbDay);
      if (gained.length > 0) goalDiff.push({ field: "holidays", from: holidayList(phased), to: holidayList(kept) });
      break;
    }
    case "holidays": {
      const team = await teamHolidaysIn(db, {
        teamId: goal.teamId,
        from: toIsoDay(goal.startDate),
        to: toIsoDay(goal.deadline),
      });
      const current = team.map((h) => h.day);
      const moved = holidayChanges(phased, current);
      holidays = { team, ...moved };
      if (moved.added.length > 0 || moved.removed.length > 0) {
        next.holidays = current.map(toDbDay);
        goalDiff.push({ field: "holidays", from: holidayList(phased), to: holidayList(current) });
      }
      break;
    }
    case "target":
      if (change.target === goal.target) break;
      if (change.target < goal.baseline)
        throw badRequest("The target cannot be below what was already achieved at the start.", "target");
      next.target = change.target;
      goalDiff.push({ field: "target", from: goal.target, to: change.target });
      break;
    case "override":
      break;
    case "edit":
      return { ...(await editGoalFields(db, { goal, change, asOf: args.asOf })), holidays: null };
  }
  return { next, goalDiff, holidays };
}
