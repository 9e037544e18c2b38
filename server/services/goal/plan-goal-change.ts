/**
 * Re-plans a published goal with one change (a member's override, the split rule, the deadline, the target, or the
 * team's holidays) and works out who changes from → to. Shared by the preview and the save, so the diff a leader
 * approves is the one that is written. Overrides already set are kept; everyone else is rebalanced by the cascade.
 *
 * The goal's fields after the change: goal-field-change.ts; the overrides and who changes: member-diff.ts. A
 * `holidays` change also says what it does on the calendar (`calendar`): which holidays come and go, which periods'
 * milestones move (the whole goal, from → to) and whose plan that changes.
 */
import type { DbClient } from "@/server/db-client";
import { toDayNumber, type IsoDate } from "@/server/domain/calendar";
import { computeGoalPlan, type ComputedGoalPlan, type GoalContext } from "@/server/domain/compute-goal-plan";
import { phaseGoal } from "@/server/domain/goal-phasing";
import { formatAmount } from "@/server/domain/money";
import { toIsoDay } from "@/server/domain/db-day";
import { goalTargetRows } from "@/server/queries/goal-split";
import type { TGoalChange } from "@/server/schemas/goal";
import type { GoalRow } from "./goal-access";
import { loadStoredGoalContext, nameMembers } from "./goal-context";
import { goalFieldChange, type HolidayMove } from "./goal-field-change";
import { cascadeOverrides, memberDiff, overridesAfter, TreeSlots } from "./member-diff";

/** A re-plan for the team's holidays: what it changes on the calendar and for whom. */
export interface CalendarChange {
  added: { day: IsoDate; name: string }[];
  /** Holidays the goal was phased with that the team no longer has (or that moved). */
  removed: { day: IsoDate }[];
  /** The goal's periods whose planned amount moves (whole goal), from → to. */
  milestones: { periodStart: IsoDate; periodEnd: IsoDate; label: string; from: number; to: number }[];
  /** Members with a share of the goal: their milestones and daily actions move with it. */
  affected: { members: number; names: string[] };
}

/** How many names of affected members a preview lists. */
export const AFFECTED_NAMES = 12;

/**
 * `names: false` (saving): only the names a saved change can show are read — the overridden members' (the change's
 * own among them) and their uplines', for its reason and a conflict's message — and no calendar is worked out (it is
 * the preview's). Default true: the preview lists every changed member by name.
 */
export async function planGoalChange(
  db: DbClient,
  args: { goal: GoalRow; change: TGoalChange; asOf: IsoDate; names?: boolean },
) {
  const { goal, change, asOf } = args;
  const names = args.names !== false;
  const { next, goalDiff, holidays } = await goalFieldChange(db, { goal, change, asOf });
  // `next`: an edit of the start moves the window the `history` split reads.
  const reading = loadStoredGoalContext(db, next, { splitRule: next.splitRule, asOf, names });
  // The tree names its members' slots; only the slots of members who left since are read (goalTargetRows). The
  // goal's split is read while the tree is.
  const [ctx, rows] = await Promise.all([reading, goalTargetRows(db, goal, { known: reading.then(idsBySlot) })]);
  const inTree = new TreeSlots(ctx.nodes);
  const overrides = overridesAfter(rows, inTree, change);
  if (!names) await nameMembers(db, ctx, new Set(overrides.keys()));
  const computed = computeGoalPlan(next, ctx, { overrides: cascadeOverrides(overrides), asOf, withActions: false });
  // An edit (dates, curve) moves milestones as a holidays re-plan does: the preview lists the periods that move.
  const calendar = !names
    ? null
    : holidays
      ? calendarChange(goal, ctx, computed, holidays)
      : change.kind === "edit" && goalDiff.length > 0
        ? calendarChange(goal, ctx, computed, { team: [], added: [], removed: [] })
        : null;
  const diff = memberDiff({ members: computed.members, rows, overrides, inTree });
  const fmt = (a: number) => formatAmount(a, ctx.metric.unit, ctx.team.currency);
  return { next, computed, diff, goalDiff, calendar, conflicts: computed.conflicts, fmt };
}

/** The tree's ids by slot (`Membership.slot`). */
function idsBySlot(ctx: GoalContext): (string | undefined)[] {
  const known: (string | undefined)[] = [];
  for (const n of ctx.nodes) if (n.slot !== undefined) known[n.slot] = n.id;
  return known;
}

/** The whole goal's periods planned before (the goal's holidays) → after (the team's): those that move, and for whom. */
function calendarChange(
  goal: GoalRow,
  ctx: GoalContext,
  computed: ComputedGoalPlan,
  holidays: HolidayMove,
): CalendarChange {
  const before = phaseGoal(goal, ctx.team);
  const startDn = toDayNumber(toIsoDay(goal.startDate));
  const milestones: CalendarChange["milestones"] = [];
  for (const p of computed.plan.periods) {
    let from = 0;
    for (let k = toDayNumber(p.periodStart) - startDn; k <= toDayNumber(p.periodEnd) - startDn; k++)
      from += before.days[k]?.increment ?? 0;
    if (from !== p.increment)
      milestones.push({ periodStart: p.periodStart, periodEnd: p.periodEnd, label: p.label, from, to: p.increment });
  }
  const sharing = milestones.length === 0 ? [] : computed.members.filter((m) => m.personal > 0);
  return {
    added: holidays.team.filter((h) => holidays.added.includes(h.day)),
    removed: holidays.removed.map((day) => ({ day })),
    milestones,
    affected: { members: sharing.length, names: sharing.slice(0, AFFECTED_NAMES).map((m) => m.name) },
  };
}
