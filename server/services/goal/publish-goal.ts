/**
 * Publishing a goal: its cascade is written as the goal's split (ONE row, server/queries/goal-split.ts) with ONE goal-level TargetChange
 * carrying every member's "nothing → their targets" (the split itself, or arrays for a few members in a big team), and the goal turns PUBLISHED — all in one
 * transaction, guarded by the goal's version so two leaders publishing at once cannot both win. The goal is phased
 * with the team holidays inside its dates as they are at publishing, and keeps them (`Goal.holidays`).
 */
import type { Db, DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import {
  BULK_TRANSACTION,
  insertTargetChanges,
  recordsAsSplits,
  writeMemberTargets,
} from "@/server/queries/goal-targets";
import type { TeamScope } from "@/server/services/team/scope";
import { computeGoalPlan } from "@/server/domain/compute-goal-plan";
import { loadGoalRow, type GoalRow } from "./goal-access";
import { loadStoredGoalContext, type GoalContext } from "./goal-context";
import type { IsoDate } from "@/server/domain/calendar";
import { refusePastGoal } from "./refuse-past-goal";
import { warmGoalDashboardLater, type WarmOptions } from "@/server/services/progress/warm-goal-dashboard";
import { teamHolidayDays } from "@/server/services/calendar/team-holiday-days";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export function staleVersion(): AppError {
  return new AppError(
    "CONFLICT",
    "Someone else changed this goal while you were looking at it. Reload to see their change, then try again.",
  );
}

/**
 * What a publish plans over — the goal's tree and its members' history — read before the transaction, on PostgreSQL
 * on two connections at once (a transaction's one connection reads them one after the other). Read from the goal as
 * it is at `version`: the publish's version guard refuses it if the goal moved since. No names: a first plan has no
 * hand-set targets, so no conflict to name anyone in.
 */
export function readPublishContext(
  db: DbClient,
  goal: Pick<GoalRow, "teamId" | "rootMembershipId" | "metricId" | "startDate" | "historyDays" | "splitRule">,
  asOf: IsoDate,
): Promise<GoalContext> {
  return loadStoredGoalContext(db, goal, { splitRule: goal.splitRule, asOf, names: false });
}

/**
 * Writes the targets of a DRAFT goal and publishes it. Call inside a transaction; `ctx`, when given, was read by
 * `readPublishContext` before it.
 */
export async function publishGoalInTx(
  tx: DbClient,
  scope: TeamScope,
  args: { goal: GoalRow; version: number; ctx?: GoalContext },
): Promise<{ id: string; version: number; members: number }> {
  const { actor, today } = scope;
  const { goal } = args;
  if (goal.status !== "DRAFT") throw new AppError("CONFLICT", "This goal is already published.");
  refusePastGoal({ deadline: toIsoDay(goal.deadline) }, today);
  const ctx = args.ctx ?? (await readPublishContext(tx, goal, today));
  const holidays = await teamHolidayDays(tx, {
    teamId: goal.teamId,
    from: toIsoDay(goal.startDate),
    to: toIsoDay(goal.deadline),
  });
  const computed = computeGoalPlan({ ...goal, holidays }, ctx, { asOf: today, withActions: false });
  if (computed.conflicts.length > 0) {
    throw new AppError("BAD_REQUEST", computed.conflicts.map((c) => c.message).join(" "));
  }
  const updated = await tx.goal.updateMany({
    where: { id: goal.id, version: args.version, status: "DRAFT" },
    data: { status: "PUBLISHED", version: { increment: 1 }, publishedAt: clock.now(), holidays: holidays.map(toDbDay) },
  });
  if (updated.count === 0) throw staleVersion();
  const n = computed.members.length;
  const membershipIds = new Array<string>(n);
  const personal = new Array<number>(n);
  const team = new Array<number>(n);
  computed.members.forEach((m, i) => {
    membershipIds[i] = m.id;
    personal[i] = m.personal;
    team[i] = m.team;
  });
  // The cascade's members are the context's nodes, in order: their slots came with the context (no extra read).
  const at = ctx.nodes.every((n, i) => n.slot !== undefined && n.id === membershipIds[i])
    ? Int32Array.from(ctx.nodes, (n) => n.slot!)
    : undefined;
  const split = await writeMemberTargets(tx, { goal, columns: { membershipIds, personal, team }, replace: true, at });
  await insertTargetChanges(tx, {
    teamId: goal.teamId,
    goalId: goal.id,
    actorId: actor.id,
    reason: "Goal published",
    rows: [{ membershipId: null, field: "goal", fromValue: null, toValue: goal.target, data: null }],
    members:
      split && recordsAsSplits(n, split.after)
        ? split
        : { membershipIds, personalFrom: null, personalTo: personal, teamFrom: null, teamTo: team },
  });
  return { id: goal.id, version: args.version + 1, members: computed.members.length };
}

/**
 * Who may publish is checked by `goalProcedure("change")` (server/api/policy/goal.ts). The goal and what it plans over
 * are read before the transaction, which only writes: its version guard (`version` and `DRAFT` in the UPDATE)
 * refuses the publish if anything changed since. Once published, a big team's dashboard is read ahead of its first
 * viewer (warm-goal-dashboard.ts).
 */
export async function publishGoal(
  db: Db,
  scope: TeamScope,
  input: { goalId: string; version: number },
  options: { warm?: WarmOptions } = {},
) {
  const goal = await loadGoalRow(db, { teamId: scope.team.id, goalId: input.goalId });
  if (goal.version !== input.version) throw staleVersion();
  const ctx = goal.status === "DRAFT" ? await readPublishContext(db, goal, scope.today) : undefined;
  const published = await db.$transaction(
    (tx) => publishGoalInTx(tx, scope, { goal, version: input.version, ctx }),
    BULK_TRANSACTION,
  );
  warmGoalDashboardLater(db, { teamId: scope.team.id, goalId: published.id }, options.warm);
  return published;
}
