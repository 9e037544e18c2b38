/**
 * The `edit` change of a published goal: its name, dates (start, deadline), curve and checkpoints — previewed and
 * saved through the one re-plan path (plan-goal-change.ts → apply-goal-change.ts: "what changes for whom", the
 * version check, the history), like every other change. Targets (member totals) move only when the plan they are
 * split from moves (e.g. the `history` split rule reads the days before the start); milestones move with the dates
 * and the curve, and the preview lists the periods that move.
 *
 * Dates: a new deadline may not be in the past (as at creation); the start may not be after the deadline. The goal
 * keeps the holidays it was phased with on the days it keeps, and takes the team's holidays on the days it gains.
 * Checkpoints are kept only with the custom curve (as at creation). Whether the new plan phases at all is checked by
 * the domain when the plan is computed (a checkpoint outside the dates, out of order, …: a clear 400).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { curveText } from "@/server/domain/curve-text";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { holidayDays } from "@/server/domain/goal-phasing";
import { formatAmount, type MetricUnit } from "@/server/domain/money";
import { badRequest } from "@/server/errors";
import type { TCheckpoint, TGoalChange } from "@/server/schemas/goal";
import { teamHolidaysIn } from "@/server/services/calendar/team-holiday-days";
import type { GoalRow } from "./goal-access";
import type { GoalFieldDiff } from "./goal-field-change";
import { refusePastGoal } from "./refuse-past-goal";

export type GoalEdit = Extract<TGoalChange, { kind: "edit" }>;

export { curveText };

/** "£1,500 with 4 weeks to go; £3,000 by 2027-03-20" ("none" for none). */
export function checkpointsText(checkpoints: unknown, fmt: (a: number) => string): string {
  const list = (Array.isArray(checkpoints) ? checkpoints : []) as TCheckpoint[];
  if (list.length === 0) return "none";
  return list
    .map((c) =>
      "date" in c
        ? `${fmt(c.cumulative)} by ${c.date}`
        : "weeksToGo" in c
          ? `${fmt(c.cumulative)} with ${c.weeksToGo} ${c.weeksToGo === 1 ? "week" : "weeks"} to go`
          : `${fmt(c.cumulative)} with ${c.daysToGo} ${c.daysToGo === 1 ? "day" : "days"} to go`,
    )
    .join("; ");
}

/** The goal after an `edit`, and the goal fields that move, from → to. */
export async function editGoalFields(
  db: DbClient,
  args: { goal: GoalRow; change: GoalEdit; asOf: IsoDate },
): Promise<{ next: GoalRow; goalDiff: GoalFieldDiff[] }> {
  const { goal, change } = args;
  const next: GoalRow = { ...goal };
  const goalDiff: GoalFieldDiff[] = [];

  const name = change.name?.trim();
  if (name !== undefined && name !== goal.name) {
    next.name = name;
    goalDiff.push({ field: "name", from: goal.name, to: name });
  }

  const oldStart = toIsoDay(goal.startDate);
  const oldDeadline = toIsoDay(goal.deadline);
  const start = change.startDate ?? oldStart;
  const deadline = change.deadline ?? oldDeadline;
  if (deadline !== oldDeadline) refusePastGoal({ deadline }, args.asOf);
  if (start > deadline) throw badRequest("The start must be on or before the deadline.", "startDate");
  if (start !== oldStart || deadline !== oldDeadline) {
    next.startDate = toDbDay(start);
    next.deadline = toDbDay(deadline);
    if (start !== oldStart) goalDiff.push({ field: "startDate", from: oldStart, to: start });
    if (deadline !== oldDeadline) goalDiff.push({ field: "deadline", from: oldDeadline, to: deadline });
    // The days the goal keeps keep their holidays; the days it gains take the team's.
    const phased = holidayDays(goal);
    const gained = [
      ...(start < oldStart
        ? await teamHolidaysIn(db, { teamId: goal.teamId, from: start, to: addDays(oldStart, -1) })
        : []),
      ...(deadline > oldDeadline
        ? await teamHolidaysIn(db, { teamId: goal.teamId, from: addDays(oldDeadline, 1), to: deadline })
        : []),
    ].map((h) => h.day);
    const kept = [...phased.filter((d) => d >= start && d <= deadline), ...gained].sort();
    next.holidays = kept.map(toDbDay);
    const list = (days: readonly string[]) => (days.length === 0 ? "none" : days.join(", "));
    if (list(kept) !== list(phased)) goalDiff.push({ field: "holidays", from: list(phased), to: list(kept) });
  }

  const curve = change.curve ?? goal.curve;
  const strength =
    curve === "FRONT_LOADED" || curve === "BACK_LOADED"
      ? change.curveStrength === undefined
        ? goal.curveStrength
        : change.curveStrength
      : null;
  const checkpoints: Prisma.JsonValue = curve === "CUSTOM" ? (change.checkpoints ?? goal.checkpoints ?? []) : null;
  if (curve === "CUSTOM" && (!Array.isArray(checkpoints) || checkpoints.length === 0)) {
    throw badRequest("Add at least one checkpoint for a custom curve.", "checkpoints");
  }
  const before = curveText(goal.curve, goal.curveStrength);
  const after = curveText(curve, strength);
  next.curve = curve;
  next.curveStrength = strength;
  next.checkpoints = checkpoints;
  if (before !== after) goalDiff.push({ field: "curve", from: before, to: after });
  if (JSON.stringify(checkpoints ?? []) !== JSON.stringify(goal.checkpoints ?? [])) {
    const fmt = await amountFormat(db, goal);
    goalDiff.push({
      field: "checkpoints",
      from: checkpointsText(goal.curve === "CUSTOM" ? goal.checkpoints : null, fmt),
      to: checkpointsText(checkpoints, fmt),
    });
  }
  return { next, goalDiff };
}

/** The goal's amounts in words (its metric's unit, the team's currency): one query. */
async function amountFormat(db: DbClient, goal: GoalRow): Promise<(a: number) => string> {
  const row = await db.metric.findUniqueOrThrow({
    where: { id: goal.metricId },
    select: { unit: true, team: { select: { currency: true } } },
  });
  return (a: number) => formatAmount(a, row.unit as MetricUnit, row.team.currency);
}

/** The columns an edit writes (apply-goal-change.ts): checkpoints cleared with a database NULL. */
export function editedColumns(next: GoalRow) {
  return {
    name: next.name,
    startDate: next.startDate,
    curve: next.curve,
    curveStrength: next.curveStrength,
    checkpoints: next.checkpoints === null ? Prisma.DbNull : (next.checkpoints as Prisma.InputJsonValue),
  };
}

/** "Goal edited: name, start, deadline" — the default reason of an edit in the history. */
export function editReason(goalDiff: readonly GoalFieldDiff[]): string {
  const words: Partial<Record<GoalFieldDiff["field"], string>> = {
    name: "name",
    startDate: "start",
    deadline: "deadline",
    curve: "curve",
    checkpoints: "checkpoints",
    holidays: "holidays",
  };
  const fields = goalDiff.map((g) => words[g.field]).filter(Boolean);
  return fields.length === 0 ? "Goal edited" : `Goal edited: ${fields.join(", ")}`;
}
