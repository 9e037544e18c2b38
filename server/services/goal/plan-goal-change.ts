/**
 * Re-plans a published goal with one change (a member's override, the split rule, the deadline, the target, or the
 * team's holidays) and works out who changes from → to. Shared by the preview and the save, so the diff a leader
 * approves is the one that is written. Overrides already set are kept; everyone else is rebalanced by the cascade.
 *
 * Holidays: a goal keeps the team holidays it was phased with (`Goal.holidays`). A `holidays` change takes the team's
 * holidays inside the goal's dates as they are now; its `calendar` part says which holidays come and go, which
 * periods' milestones move (the whole goal, from → to) and whose plan that changes. A deadline change keeps the
 * goal's holidays up to the new deadline and takes the team's holidays on the days it adds.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, toDayNumber, type IsoDate } from "@/server/domain/calendar";
import type { CascadeOverride } from "@/server/domain/cascade";
import { badRequest, notFound } from "@/server/errors";
import type { TGoalChange } from "@/server/schemas/goal";
import { Prisma } from "@/generated/prisma/client";
import { computeGoalPlan } from "@/server/domain/compute-goal-plan";
import type { goalRowSelect } from "./goal-access";
import { loadGoalContext } from "./goal-context";
import { holidayDays, phaseGoal } from "@/server/domain/goal-phasing";
import { holidayChanges, teamHolidaysIn } from "@/server/services/calendar/team-holiday-days";
import { formatAmount } from "@/server/domain/money";
import { refusePastGoal } from "./refuse-past-goal";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

type GoalRow = Prisma.GoalGetPayload<{ select: typeof goalRowSelect }>;

export interface MemberDiff {
  membershipId: string;
  name: string;
  personal: { from: number; to: number };
  team: { from: number; to: number };
  personalOverride: { from: number | null; to: number | null };
  teamOverride: { from: number | null; to: number | null };
  /** The member has no target row yet (joined after publishing). */
  isNew: boolean;
}

export interface GoalFieldDiff {
  field: "target" | "deadline" | "splitRule" | "holidays";
  /** Holidays: the days, comma-separated ("none" for none). */
  from: string | number;
  to: string | number;
}

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

export const holidayList = (days: readonly IsoDate[]) => (days.length === 0 ? "none" : days.join(", "));

const NO_OVERRIDE = { personal: null, team: null } as const;

export async function planGoalChange(db: DbClient, args: { goal: GoalRow; change: TGoalChange; asOf: IsoDate }) {
  const { goal, change } = args;
  const next: GoalRow = { ...goal };
  const goalDiff: GoalFieldDiff[] = [];
  if (change.kind === "split" && change.splitRule !== goal.splitRule) {
    next.splitRule = change.splitRule;
    goalDiff.push({ field: "splitRule", from: goal.splitRule, to: change.splitRule });
  }
  const start = toIsoDay(goal.startDate);
  const phased = holidayDays(goal);
  if (change.kind === "deadline" && change.deadline !== toIsoDay(goal.deadline)) {
    refusePastGoal({ deadline: change.deadline }, args.asOf);
    const oldDeadline = toIsoDay(goal.deadline);
    next.deadline = toDbDay(change.deadline);
    goalDiff.push({ field: "deadline", from: oldDeadline, to: change.deadline });
    // The days the goal already had keep their holidays; the days it gains take the team's.
    const gained = await teamHolidaysIn(db, { teamId: goal.teamId, from: addDays(oldDeadline, 1), to: change.deadline });
    const kept = [...phased.filter((d) => d <= change.deadline), ...gained.map((h) => h.day)];
    next.holidays = kept.map(toDbDay);
    if (gained.length > 0) goalDiff.push({ field: "holidays", from: holidayList(phased), to: holidayList(kept) });
  }
  let calendar: CalendarChange | null = null;
  let teamHolidays: { day: IsoDate; name: string }[] = [];
  let moved = { added: [] as IsoDate[], removed: [] as IsoDate[] };
  if (change.kind === "holidays") {
    teamHolidays = await teamHolidaysIn(db, { teamId: goal.teamId, from: start, to: toIsoDay(goal.deadline) });
    const current = teamHolidays.map((h) => h.day);
    moved = holidayChanges(phased, current);
    if (moved.added.length > 0 || moved.removed.length > 0) {
      next.holidays = current.map(toDbDay);
      goalDiff.push({ field: "holidays", from: holidayList(phased), to: holidayList(current) });
    }
  }
  if (change.kind === "target" && change.target !== goal.target) {
    if (change.target < goal.baseline) throw badRequest("The target cannot be below what was already achieved at the start.", "target");
    next.target = change.target;
    goalDiff.push({ field: "target", from: goal.target, to: change.target });
  }

  const rows = await loadTargets(db, goal.id);
  const byMember = new Map(rows.map((r) => [r.membershipId, r]));
  const ctx = await loadGoalContext(db, {
    teamId: goal.teamId,
    rootMembershipId: goal.rootMembershipId,
    metricId: goal.metricId,
    startDate: toIsoDay(goal.startDate),
    historyDays: goal.historyDays,
    asOf: args.asOf,
    rates: false,
    splitHistory: next.splitRule === "HISTORY",
  });
  const inTree = new Set(ctx.nodes.map((n) => n.id));
  const ov = new Map<string, { personal: number | null; team: number | null }>();
  for (const r of rows) {
    if ((r.personalOverride !== null || r.teamOverride !== null) && inTree.has(r.membershipId)) {
      ov.set(r.membershipId, { personal: r.personalOverride, team: r.teamOverride });
    }
  }
  if (change.kind === "override") {
    if (!inTree.has(change.membershipId)) throw notFound("Member");
    const cur = ov.get(change.membershipId) ?? { personal: null, team: null };
    ov.set(change.membershipId, {
      personal: change.personal === undefined ? cur.personal : change.personal,
      team: change.team === undefined ? cur.team : change.team,
    });
  }
  const overrides: CascadeOverride[] = [];
  for (const [id, o] of ov) {
    if (o.personal !== null) overrides.push({ id, kind: "personal", value: o.personal });
    if (o.team !== null) overrides.push({ id, kind: "team", value: o.team });
  }
  const computed = computeGoalPlan(next, ctx, { overrides, asOf: args.asOf, withActions: false });
  if (change.kind === "holidays") {
    // The whole goal's periods, planned before (the goal's holidays) → after (the team's): those that move.
    const before = phaseGoal(goal, ctx.team);
    const startDn = toDayNumber(start);
    const milestones: CalendarChange["milestones"] = [];
    for (const p of computed.plan.periods) {
      let from = 0;
      for (let k = toDayNumber(p.periodStart) - startDn; k <= toDayNumber(p.periodEnd) - startDn; k++) from += before.days[k]?.increment ?? 0;
      if (from !== p.increment) milestones.push({ periodStart: p.periodStart, periodEnd: p.periodEnd, label: p.label, from, to: p.increment });
    }
    const sharing = milestones.length === 0 ? [] : computed.members.filter((m) => m.personal > 0);
    calendar = {
      added: teamHolidays.filter((h) => moved.added.includes(h.day)),
      removed: moved.removed.map((day) => ({ day })),
      milestones,
      affected: { members: sharing.length, names: sharing.slice(0, AFFECTED_NAMES).map((m) => m.name) },
    };
  }

  const diff: MemberDiff[] = [];
  for (const m of computed.members) {
    const before = byMember.get(m.id);
    const o = ov.get(m.id) ?? NO_OVERRIDE;
    const d: MemberDiff = {
      membershipId: m.id,
      name: m.name,
      personal: { from: before?.personal ?? 0, to: m.personal },
      team: { from: before?.team ?? 0, to: m.team },
      personalOverride: { from: before?.personalOverride ?? null, to: o.personal },
      teamOverride: { from: before?.teamOverride ?? null, to: o.team },
      isNew: before === undefined,
    };
    if (
      d.isNew ||
      d.personal.from !== d.personal.to ||
      d.team.from !== d.team.to ||
      d.personalOverride.from !== d.personalOverride.to ||
      d.teamOverride.from !== d.teamOverride.to
    ) {
      diff.push(d);
    }
  }
  // Members who left the subtree since: their share goes back to the others.
  for (const r of rows) {
    if (inTree.has(r.membershipId) || (r.personal === 0 && r.team === 0)) continue;
    diff.push({
      membershipId: r.membershipId,
      name: "A former member",
      personal: { from: r.personal, to: 0 },
      team: { from: r.team, to: 0 },
      personalOverride: { from: r.personalOverride, to: null },
      teamOverride: { from: r.teamOverride, to: null },
      isNew: false,
    });
  }
  const fmt = (a: number) => formatAmount(a, ctx.metric.unit, ctx.team.currency);
  return { next, computed, diff, goalDiff, calendar, conflicts: computed.conflicts, fmt };
}

interface TargetRow {
  membershipId: string;
  personal: number;
  team: number;
  personalOverride: number | null;
  teamOverride: number | null;
}

/**
 * The goal's current targets, one query, as one JSON text: 100,000 rows through Prisma's object layer cost seconds
 * and hundreds of MB; this is one string and one small object per member.
 */
async function loadTargets(db: DbClient, goalId: string): Promise<TargetRow[]> {
  const [row] = await db.$queryRaw<{ j: string | null }[]>(Prisma.sql`
    SELECT json_agg(json_build_object('membershipId', "membershipId", 'personal', personal, 'team', team,
                                      'personalOverride', "personalOverride", 'teamOverride', "teamOverride"))::text AS j
      FROM "MemberTarget" WHERE "goalId" = ${goalId}`);
  return row?.j ? (JSON.parse(row.j) as TargetRow[]) : [];
}
