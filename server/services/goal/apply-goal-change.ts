/**
 * Saves a change to a published goal: re-plans (overrides kept, the rest rebalanced), refuses to save a conflict
 * (reported with the cascade's message, never clipped), checks and bumps the goal's version (a stale version is a
 * CONFLICT), updates the changed targets and records every from → to in TargetChange — the writes in one
 * transaction. A re-plan for the team's holidays saves the goal's new holidays (its plan is phased with them from
 * then on) and is recorded as a goal-level "holidays" change, even though no member's total moves.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { BULK_TRANSACTION } from "@/server/queries/goal-targets";
import type { TGoalChange } from "@/server/schemas/goal";
import type { TeamScope } from "@/server/services/team/scope";
import { loadGoalRow } from "./goal-access";
import { editedColumns } from "./edit-goal-fields";
import { planGoalChange } from "./plan-goal-change";
import { staleVersion } from "./publish-goal";
import { recordTargetChanges } from "./record-target-changes";
import { warmGoalDashboardLater, type WarmOptions } from "@/server/services/progress/warm-goal-dashboard";

/**
 * Who may change the goal is checked by `goalProcedure("change")` (server/api/policy/goal.ts). The re-plan is worked
 * out before the transaction, which holds only the writes: on PostgreSQL the tree and its members' history are then
 * read on two connections at once (a transaction's one connection reads them one after the other). The version guard
 * of the write refuses the save if the goal changed since it was read, as before. Once saved, a big team's dashboard
 * is read ahead of its next viewer (warm-goal-dashboard.ts).
 */
export async function applyGoalChange(
  db: Db,
  scope: TeamScope,
  args: { goalId: string; version: number; change: TGoalChange; reason?: string },
  options: { warm?: WarmOptions } = {},
) {
  const goal = await loadGoalRow(db, { teamId: scope.team.id, goalId: args.goalId });
  if (goal.version !== args.version) throw staleVersion();
  if (goal.status !== "PUBLISHED") throw new AppError("BAD_REQUEST", "Publish the goal before changing its targets.");
  const planned = await planGoalChange(db, { goal, change: args.change, asOf: scope.today, names: false });
  if (planned.conflicts.length > 0) {
    throw new AppError("CONFLICT", `Not saved: ${planned.conflicts.map((c) => c.message).join(" ")}`);
  }
  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.goal.updateMany({
      where: { id: goal.id, version: args.version, status: "PUBLISHED" },
      data: {
        version: { increment: 1 },
        target: planned.next.target,
        deadline: planned.next.deadline,
        splitRule: planned.next.splitRule,
        holidays: planned.next.holidays,
        ...(args.change.kind === "edit" ? editedColumns(planned.next) : {}),
      },
    });
    if (updated.count === 0) throw staleVersion();
    await recordTargetChanges(tx, {
      actorId: scope.actor.id,
      goal,
      change: args.change,
      reason: args.reason,
      diff: planned.diff,
      goalDiff: planned.goalDiff,
      fmt: planned.fmt,
    });
    return { goalId: goal.id, version: args.version + 1, changed: planned.diff.length };
  }, BULK_TRANSACTION);
  warmGoalDashboardLater(db, { teamId: scope.team.id, goalId: saved.goalId }, options.warm);
  return saved;
}
