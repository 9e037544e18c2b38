/**
 * Re-plans a published goal with one change (a member's override, the split rule, the deadline or the target) and
 * works out who changes from → to. Shared by the preview and the save, so the diff a leader approves is the one
 * that is written. Overrides already set are kept; everyone else is rebalanced by the cascade.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { CascadeOverride } from "@/server/domain/cascade";
import { badRequest, notFound } from "@/server/errors";
import type { TGoalChange } from "@/server/schemas/goal";
import { Prisma } from "@/generated/prisma/client";
import { computeGoalPlan } from "./compute-goal-plan";
import type { goalRowSelect } from "./goal-access";
import { loadGoalContext } from "./goal-context";
import { fromIso, toIso } from "./goal-phasing";
import { formatAmount } from "./format-amount";

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
  field: "target" | "deadline" | "splitRule";
  from: string | number;
  to: string | number;
}

const NO_OVERRIDE = { personal: null, team: null } as const;

export async function planGoalChange(db: DbClient, args: { goal: GoalRow; change: TGoalChange; asOf: IsoDate }) {
  const { goal, change } = args;
  const next: GoalRow = { ...goal };
  const goalDiff: GoalFieldDiff[] = [];
  if (change.kind === "split" && change.splitRule !== goal.splitRule) {
    next.splitRule = change.splitRule;
    goalDiff.push({ field: "splitRule", from: goal.splitRule, to: change.splitRule });
  }
  if (change.kind === "deadline" && change.deadline !== toIso(goal.deadline)) {
    next.deadline = fromIso(change.deadline);
    goalDiff.push({ field: "deadline", from: toIso(goal.deadline), to: change.deadline });
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
    startDate: toIso(goal.startDate),
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
  return { next, computed, diff, goalDiff, conflicts: computed.conflicts, fmt };
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
