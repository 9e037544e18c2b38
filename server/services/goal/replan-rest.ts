/**
 * "Re-plan the rest" of a member's (or a branch's) share of a published goal: their remaining milestones re-phased
 * from what they have actually done to the same deadline, keeping the goal's curve (server/domain/replan-rest.ts),
 * optionally with a commitment for a week turned into that week's number. Preview, then apply as a versioned change
 * (the goal's version is checked and bumped) recorded in TargetChange (one "replan" row per member) and the audit log.
 *
 * Who may (policy: `replanProcedure`, server/api/policy/replan.ts): the member for their own plan; whoever manages
 * the member (the owner, a leader above them) for them or their branch. A branch is the member and their active
 * downline who have a target in the goal; each is re-phased from their own actual, so the branch's numbers are the
 * sum of its members' (they add up exactly, by construction) and each member reaches exactly their own target.
 *
 * A member's row after a re-plan is the days before it as actually done, then the re-phased rest, so every period's
 * planned total stays consistent across the re-plan day. Every screen reads it through the one rule of
 * server/domain/expected-plan.ts (`memberExpectedOn`) and the one read of server/services/progress/replanned-plans.ts:
 * My plan and the Log (`replannedMemberDays`, member-goal-plan.ts), the dashboard's roll-up, charts, CSV and
 * leaderboard, and the weekly review — so a re-planned member's (and their branch's) numbers are the same everywhere.
 */
import type { Db, DbClient } from "@/server/db-client";
import { addDays, toDayNumber, type IsoDate } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { PlanningError } from "@/server/domain/errors";
import { phaseGoal } from "@/server/domain/goal-phasing";
import type { MetricUnit } from "@/server/domain/money";
import type { PhasedPlan } from "@/server/domain/phasing";
import { memberReplanRow } from "@/server/domain/replan-rest";
import {
  groupExpected,
  incrementsOf,
  memberExpectedOn,
  shareGroups,
  type ExpectedPlan,
} from "@/server/domain/expected-plan";
import { cumulativeOn } from "@/server/domain/phasing";
import { AppError, badRequest } from "@/server/errors";
import { insertTargetChanges } from "@/server/queries/goal-targets";
import { listSubtree } from "@/server/queries/tree";
import type { TReplanInput } from "@/server/schemas/replan";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { cumulativePlans, loadReplannedPlans, type ReplannedPlan } from "@/server/services/progress/replanned-plans";
import type { TeamScope } from "@/server/services/team/scope";
import { warmGoalDashboardLater, type WarmOptions } from "@/server/services/progress/warm-goal-dashboard";
import type { GoalRow } from "./goal-access";
import { staleVersion } from "./publish-goal";
import { goalShares } from "@/server/queries/goal-split";

/** A stored re-plan (TargetReplan). */
export interface StoredReplan {
  membershipId: string;
  fromDate: IsoDate;
  fixed: { from: IsoDate; to: IsoDate; amount: number } | null;
}

/** Each member's amounts per day of the plan (index = day − start), from the goal's start through `through`. */
async function dailyActuals(
  db: DbClient,
  args: { teamId: string; metricId: string; plan: PhasedPlan; membershipIds: readonly string[]; through: IsoDate },
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (args.membershipIds.length === 0 || args.through < args.plan.start) return out;
  const rows = await db.dailyTotal.findMany({
    where: {
      teamId: args.teamId,
      metricId: args.metricId,
      membershipId: { in: [...args.membershipIds] },
      day: { gte: toDbDay(args.plan.start), lte: toDbDay(args.through) },
    },
    select: { membershipId: true, day: true, total: true },
  });
  const startDn = toDayNumber(args.plan.start);
  for (const r of rows) {
    let row = out.get(r.membershipId);
    if (!row) out.set(r.membershipId, (row = new Array<number>(args.plan.days.length).fill(0)));
    const k = toDayNumber(toIsoDay(r.day)) - startDn;
    if (k >= 0 && k < row.length) row[k]! += r.total;
  }
  return out;
}

/** One member's row re-phased from `fromDate` (the domain's `memberReplanRow`). PlanningError when no open day is left. */
function rephasedRow(
  plan: PhasedPlan,
  args: { fromDate: IsoDate; target: number; daily: readonly number[] | undefined; fixed: StoredReplan["fixed"] },
) {
  return memberReplanRow(plan, args);
}

/**
 * Every listed member's row of the goal's plan (index = day − start), re-plans applied: what the member is expected to
 * do each day by the one rule the dashboard reads (`memberExpectedOn`, server/domain/expected-plan.ts) — their share
 * of the goal's curve, or for a member with a stored re-plan their own re-phased row. One read
 * (`loadReplannedPlans`: the re-plans with the actuals before them, as the dashboard's roll-up reads them). A stored
 * re-plan that can no longer be met (no open day left, e.g. after a holiday re-plan) leaves the member on their share.
 */
export async function replannedMemberRows(
  db: DbClient,
  args: {
    teamId: string;
    goal: { id: string; metricId: string };
    plan: PhasedPlan;
    shares: readonly { membershipId: string; personal: number }[];
    membershipIds: readonly string[];
  },
): Promise<{ rows: Map<string, number[]>; replanned: Set<string>; plans: Map<string, ReplannedPlan> }> {
  const { expected, plans } = await expectedPlanOf(db, args);
  const wanted = new Set(args.membershipIds);
  const rows = new Map<string, number[]>();
  const replanned = new Set<string>();
  // Members with the same share and no re-plan have the same row: made once (read-only).
  const byShare = new Map<number, number[]>();
  for (const s of args.shares) {
    if (!wanted.has(s.membershipId)) continue;
    const own = plans.get(s.membershipId);
    if (own) {
      rows.set(s.membershipId, own.row);
      replanned.add(s.membershipId);
      continue;
    }
    let row = byShare.get(s.personal);
    if (!row) {
      row = incrementsOf(args.plan.days, (day) => memberExpectedOn(expected, s.membershipId, s.personal, day));
      byShare.set(s.personal, row);
    }
    rows.set(s.membershipId, row);
  }
  for (const id of plans.keys()) if (!rows.has(id)) plans.delete(id);
  return { rows, replanned, plans };
}

/** The goal's expected plan with its re-planned members (the goal's few re-plans are read whole, one query). */
async function expectedPlanOf(
  db: DbClient,
  args: { teamId: string; goal: { id: string; metricId: string }; plan: PhasedPlan },
): Promise<{ expected: ExpectedPlan; plans: Map<string, ReplannedPlan> }> {
  const plans = await loadReplannedPlans(db, { teamId: args.teamId, goal: args.goal, plan: args.plan });
  const { plan } = args;
  return {
    expected: {
      total: plan.target - plan.baseline,
      progress: (day) => cumulativeOn(plan, day) - plan.baseline,
      replanned: cumulativePlans(plans),
    },
    plans,
  };
}

// ─── Preview and apply ──────────────────────────────────────────────────────────────────────────────────────────

export interface ReplanPeriod {
  label: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  openDays: number;
  before: number;
  after: number;
}

export interface ReplanMember {
  id: string;
  name: string;
  target: number;
  /** Done before today (the re-plan starts from it). */
  done: number;
  /** This period (from today's period on) and today, before → after. */
  thisPeriod: { before: number; after: number };
  today: { before: number; after: number };
  /** After the re-plan: what each open day of the rest brings on average (rounded up). */
  perOpenDay: number;
  /** Whether the member already had a re-plan. */
  replannedBefore: boolean;
}

export interface ReplanPreview {
  goal: { id: string; name: string; version: number; unit: MetricUnit; metricName: string; deadline: IsoDate };
  subject: { id: string; name: string };
  branch: boolean;
  fromDate: IsoDate;
  /** The branch's (or member's) periods from today's on, summed over its members: they add up exactly. */
  periods: ReplanPeriod[];
  total: { target: number; done: number; today: { before: number; after: number } };
  members: ReplanMember[];
  /** The commitment turned into the re-plan, as applied (min(amount, what is missing)). */
  commitment: { weekStart: IsoDate; amount: number; applied: number } | null;
}

interface Planned {
  preview: ReplanPreview;
  stored: { membershipId: string; base: number; target: number; fixed: StoredReplan["fixed"] }[];
}

async function planReplan(db: DbClient, scope: TeamScope, goal: GoalRow, input: TReplanInput): Promise<Planned> {
  const { team, today } = scope;
  if (goal.status !== "PUBLISHED") throw badRequest("Only a published goal can be re-planned.");
  const plan = phaseGoal(goal, team);
  if (today > plan.deadline) throw badRequest("This goal is over: there is nothing left to re-plan.");
  const fromDate = today < plan.start ? plan.start : today;
  const memberIds = input.branch
    ? (await listSubtree(db, { teamId: team.id, rootId: input.memberId })).map((r) => r.id)
    : [input.memberId];
  const [shares, metric, people] = await Promise.all([
    goalShares(db, goal),
    db.metric.findUniqueOrThrow({ where: { id: goal.metricId }, select: { name: true, unit: true } }),
    db.membership.findMany({
      where: { id: { in: memberIds }, teamId: team.id },
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  const names = new Map(people.map((p) => [p.id, p.user.name]));
  const personal = new Map(shares.map((s) => [s.membershipId, s.personal]));
  const inGoal = memberIds.filter((id) => personal.has(id));
  if (!personal.has(input.memberId)) {
    throw badRequest(`${names.get(input.memberId) ?? "This member"} has no target in this goal to re-plan.`);
  }
  const current = await replannedMemberRows(db, {
    teamId: team.id,
    goal: { id: goal.id, metricId: goal.metricId },
    plan,
    shares,
    membershipIds: inGoal,
  });
  const daily = await dailyActuals(db, {
    teamId: team.id,
    metricId: goal.metricId,
    plan,
    membershipIds: inGoal,
    through: addDays(fromDate, -1),
  });

  let commitment: ReplanPreview["commitment"] = null;
  let fixed: StoredReplan["fixed"] = null;
  if (input.commitment) {
    if (input.branch) throw badRequest("A commitment is one member's: re-plan that member to use it.");
    const weekEnd = addDays(input.commitment.weekStart, 6);
    if (weekEnd < fromDate || input.commitment.weekStart > plan.deadline) {
      throw new AppError("BAD_REQUEST", "That commitment's week is not in what is left of this goal.", {
        field: "commitment",
      });
    }
    fixed = {
      from: input.commitment.weekStart < fromDate ? fromDate : input.commitment.weekStart,
      to: weekEnd > plan.deadline ? plan.deadline : weekEnd,
      amount: input.commitment.amount,
    };
  }

  const startDn = toDayNumber(plan.start);
  const fromK = toDayNumber(fromDate) - startDn;
  const todayK = toDayNumber(today) - startDn;
  const periods = plan.periods.filter((p) => p.periodEnd >= fromDate);
  const sumRange = (row: readonly number[], a: IsoDate, b: IsoDate) => {
    let s = 0;
    for (let k = toDayNumber(a) - startDn; k <= toDayNumber(b) - startDn; k++) s += row[k] ?? 0;
    return s;
  };
  const firstPeriod = periods[0];
  const totals: ReplanPeriod[] = periods.map((p) => ({
    label: p.label,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    openDays: p.workingDays,
    before: 0,
    after: 0,
  }));
  const members: ReplanMember[] = [];
  const stored: Planned["stored"] = [];
  const total = { target: 0, done: 0, today: { before: 0, after: 0 } };
  for (const id of inGoal) {
    const target = personal.get(id)!;
    const beforeRow = current.rows.get(id)!;
    let after;
    try {
      after = rephasedRow(plan, { fromDate, target, daily: daily.get(id), fixed });
    } catch (e) {
      if (e instanceof PlanningError) throw new AppError("BAD_REQUEST", e.message, { field: e.field });
      throw e;
    }
    if (fixed && commitment === null) {
      commitment = { weekStart: input.commitment!.weekStart, amount: fixed.amount, applied: after.fixedAmount };
    }
    const openLeft = plan.days.slice(fromK).filter((d) => d.working).length;
    const missing = Math.max(0, target - after.actual);
    totals.forEach((t) => {
      t.before += sumRange(beforeRow, t.periodStart, t.periodEnd);
      t.after += sumRange(after.row, t.periodStart, t.periodEnd);
    });
    const member: ReplanMember = {
      id,
      name: names.get(id) ?? "",
      target,
      done: after.actual,
      thisPeriod: firstPeriod
        ? {
            before: sumRange(beforeRow, firstPeriod.periodStart, firstPeriod.periodEnd),
            after: sumRange(after.row, firstPeriod.periodStart, firstPeriod.periodEnd),
          }
        : { before: 0, after: 0 },
      today: {
        before: todayK >= 0 ? (beforeRow[todayK] ?? 0) : 0,
        after: todayK >= 0 ? (after.row[todayK] ?? 0) : 0,
      },
      perOpenDay: openLeft > 0 ? Math.ceil(missing / openLeft) : missing,
      replannedBefore: current.replanned.has(id),
    };
    members.push(member);
    total.target += target;
    total.done += after.actual;
    total.today.before += member.today.before;
    total.today.after += member.today.after;
    stored.push({ membershipId: id, base: after.actual, target, fixed });
  }
  // The subject first, then the branch below by name.
  members.sort((a, b) =>
    a.id === input.memberId ? -1 : b.id === input.memberId ? 1 : a.name.localeCompare(b.name, "en"),
  );
  return {
    preview: {
      goal: {
        id: goal.id,
        name: goal.name,
        version: goal.version,
        unit: metric.unit,
        metricName: metric.name,
        deadline: plan.deadline,
      },
      subject: { id: input.memberId, name: names.get(input.memberId) ?? "" },
      branch: input.branch,
      fromDate,
      periods: totals,
      total,
      members,
      commitment,
    },
    stored,
  };
}

/** What re-planning the rest would change, for whom (nothing is written). */
export async function previewReplanRest(
  db: DbClient,
  scope: TeamScope,
  input: TReplanInput & { goal: GoalRow },
): Promise<ReplanPreview> {
  return (await planReplan(db, scope, input.goal, input)).preview;
}

/**
 * Applies the re-plan in one transaction: the goal's version checked (a stale one is a CONFLICT) and bumped, each
 * member's TargetReplan written, one TargetChange "replan" row per member (from: done, to: target) and an audit event.
 * Once saved, a big team's dashboard is read ahead of its next viewer (warm-goal-dashboard.ts).
 */
export async function applyReplanRest(
  db: Db,
  scope: TeamScope,
  input: TReplanInput & { goal: GoalRow; version: number; reason?: string },
  options: { warm?: WarmOptions } = {},
) {
  const saved = await db.$transaction(async (tx) => {
    const bumped = await tx.goal.updateMany({
      where: { id: input.goal.id, teamId: scope.team.id, version: input.version, status: "PUBLISHED" },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw staleVersion();
    const { preview, stored } = await planReplan(tx, scope, { ...input.goal, version: input.version }, input);
    const fromDb = toDbDay(preview.fromDate);
    for (const s of stored) {
      const data = {
        fromDate: fromDb,
        base: s.base,
        fixedFrom: s.fixed ? toDbDay(s.fixed.from) : null,
        fixedTo: s.fixed ? toDbDay(s.fixed.to) : null,
        fixedAmount: s.fixed?.amount ?? null,
      };
      await tx.targetReplan.upsert({
        where: { goalId_membershipId: { goalId: input.goal.id, membershipId: s.membershipId } },
        create: { goalId: input.goal.id, membershipId: s.membershipId, ...data },
        update: data,
      });
    }
    const who = preview.branch ? `${preview.subject.name}'s branch` : preview.subject.name;
    const reason =
      input.reason?.trim() ||
      `Re-planned the rest from ${preview.fromDate} for ${who}${
        preview.commitment ? ", with the commitment for the week of " + preview.commitment.weekStart : ""
      }`;
    await insertTargetChanges(tx, {
      teamId: scope.team.id,
      goalId: input.goal.id,
      actorId: scope.actor.id,
      reason,
      rows: stored.map((s) => ({
        membershipId: s.membershipId,
        field: "replan",
        fromValue: s.base,
        toValue: s.target,
        data: { fromDate: preview.fromDate, fixed: s.fixed, branchOf: preview.branch ? preview.subject.id : null },
      })),
    });
    await recordActorEvent(tx, scope.actor, {
      action: "goal.replanned",
      subjectId: preview.subject.id,
      data: {
        goalId: input.goal.id,
        branch: preview.branch,
        fromDate: preview.fromDate,
        members: stored.length,
        commitment: preview.commitment,
      },
    });
    return { goalId: input.goal.id, version: input.version + 1, replanned: stored.length, fromDate: preview.fromDate };
  });
  warmGoalDashboardLater(db, { teamId: scope.team.id, goalId: saved.goalId }, options.warm);
  return saved;
}

/**
 * A member's own row and their team's (own + downline) with re-plans applied, by the one rule the dashboard reads
 * (`memberExpectedOn`; the team's is the sum of its members', `groupExpected` — as the roll-up sums it, without a row
 * per member). `replanned`: the member's own row was re-planned; `cumulative`: that re-plan's running total.
 */
export async function replannedMemberDays(
  db: DbClient,
  args: {
    teamId: string;
    goal: { id: string; metricId: string };
    plan: PhasedPlan;
    shares: readonly { membershipId: string; personal: number }[];
    membershipId: string;
    subtreeIds: readonly string[];
  },
): Promise<{
  personal: number[];
  team: number[];
  replanned: boolean;
  cumulative: ((day: IsoDate) => number) | null;
}> {
  const { expected, plans } = await expectedPlanOf(db, args);
  const inTeam = new Set(args.subtreeIds);
  const members = args.shares
    .filter((s) => inTeam.has(s.membershipId))
    .map((s) => ({ id: s.membershipId, share: s.personal }));
  const share = args.shares.find((s) => s.membershipId === args.membershipId)?.personal;
  const own = plans.get(args.membershipId);
  const n = args.plan.days.length;
  return {
    personal:
      own?.row.slice() ??
      (share === undefined
        ? new Array<number>(n).fill(0)
        : incrementsOf(args.plan.days, (day) => memberExpectedOn(expected, args.membershipId, share, day))),
    team: incrementsOf(args.plan.days, groupExpected(expected, shareGroups(members, expected.replanned))),
    replanned: own !== undefined,
    cumulative: own?.cumulative ?? null,
  };
}
