/**
 * The published goals whose holidays are no longer the team's: a holiday was added inside their dates (or one they
 * were phased with was removed) after they were published. Their plans did not change — a goal keeps the holidays it
 * was phased with — so the holidays screen lists them with "Preview re-plan" (the goal change `{ kind: "holidays" }`,
 * previewed and applied as a versioned change). Only goals the caller manages; goals that have ended are left alone.
 * Two queries, plus one visibility check per goal for a leader (a team has a handful of live goals). Open to every
 * member: the rows are filtered by what the caller manages, which the procedure cannot know before reading them.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { readGoalHolidays, type GoalHolidaysRow } from "@/server/queries/calendar";
import { canPlanFor } from "@/server/services/goal/goal-access";
import type { TeamScope } from "@/server/services/team/scope";
import { holidayChanges } from "./team-holiday-days";

export interface GoalToReplan {
  goalId: string;
  name: string;
  version: number;
  startDate: IsoDate;
  deadline: IsoDate;
  /** The goal metric's unit, to show the preview's amounts. */
  unit: GoalHolidaysRow["unit"];
  /** Team holidays the goal's plan does not have yet. */
  added: { day: IsoDate; name: string }[];
  /** Holidays the goal's plan still skips that the team no longer has. */
  removed: IsoDate[];
}

export async function listGoalsToReplan(db: DbClient, scope: TeamScope): Promise<GoalToReplan[]> {
  const { actor } = scope;
  if (!actor.leadsBranch) return [];
  const rows = await readGoalHolidays(db, { teamId: scope.team.id, today: scope.today });
  const out: GoalToReplan[] = [];
  for (const row of rows) {
    const { added, removed } = holidayChanges(
      row.phased,
      row.current.map((h) => h.day),
    );
    if (added.length === 0 && removed.length === 0) continue;
    if (actor.role !== "OWNER" && !(await canPlanFor(db, actor, row.rootMembershipId))) continue;
    const names = new Map(row.current.map((h) => [h.day, h.name]));
    out.push({
      goalId: row.id,
      name: row.name,
      version: row.version,
      startDate: row.startDate,
      deadline: row.deadline,
      unit: row.unit,
      added: added.map((day) => ({ day, name: names.get(day) ?? "" })),
      removed,
    });
  }
  return out;
}
