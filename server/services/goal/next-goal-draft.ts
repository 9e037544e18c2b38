/**
 * "Next month from this one": the goal that follows a closed goal, pre-filled — the same metric, branch, curve,
 * period and split; dates from `nextPeriod` (server/domain/next-period.ts: the day after the deadline, same length);
 * the target by the stretch rule of `goal.proposeNext` (`proposeNextTarget`, server/domain/next-target.ts) over the
 * closed goal's result — the roll-up's actual for the goal's root, the number the closing summary and the dashboard
 * show. With nothing logged there is no result to stretch: the closed goal's own target is stretched instead
 * (`basedOn: "target"`).
 *
 * `createNextGoal` saves it as a DRAFT (through `createGoal`, so with the validation of any new goal) for the
 * leader to review, edit and publish. Asked twice, it opens the draft already made rather than making another.
 */
import type { Db, DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { carryCheckpoints, nextGoalName, nextPeriod, type NextPeriod } from "@/server/domain/next-period";
import { proposeNextTarget } from "@/server/domain/next-target";
import { minorPerMajor } from "@/server/domain/money";
import { AppError } from "@/server/errors";
import type { TCreateGoalInput } from "@/server/schemas/goal";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { getRollup } from "@/server/services/progress/get-rollup";
import type { GoalPlan } from "@/server/services/progress/load-goal-plan";
import type { TeamScope } from "@/server/services/team/scope";
import { createGoal } from "./create-goal";
import type { GoalRow } from "./goal-access";

export interface NextGoalDraft {
  period: NextPeriod;
  name: string;
  target: number;
  /** What the stretch was applied to: the closed goal's result, or (nothing logged) its target. */
  basedOn: "actual" | "target";
  basis: number;
  stretchPercent: number;
}

/** The closed goal's result for its whole branch: the roll-up's team actual over the goal (dashboard, period "goal"). */
export async function goalResult(db: DbClient, scope: TeamScope, goal: GoalPlan): Promise<number> {
  const rollup = await getRollup(db, scope, { goal, rootId: goal.goal.rootMembershipId, period: "goal" });
  return rollup.rows[0]?.teamActual ?? 0;
}

/** The next goal's dates, name and stretched target (nothing saved). */
export function nextGoalDraft(args: {
  goal: GoalPlan["goal"];
  actual: number;
  stretchPercent: number;
  today: IsoDate;
  currency: string;
}): NextGoalDraft {
  const { goal, stretchPercent } = args;
  const period = nextPeriod({ start: toIsoDay(goal.startDate), deadline: toIsoDay(goal.deadline) }, args.today);
  const basedOn = args.actual > 0 ? ("actual" as const) : ("target" as const);
  const basis = basedOn === "actual" ? args.actual : goal.target - goal.baseline;
  const proposed = proposeNextTarget(basis, stretchPercent, goal.metric.unit === "MONEY" ? "money" : "count", {
    minorUnitsPerMajor: minorPerMajor(args.currency),
  });
  return {
    period,
    name: nextGoalName(goal.name, period),
    target: Math.max(1, proposed.target),
    basedOn,
    basis,
    stretchPercent,
  };
}

/** Creates next month's goal as a DRAFT. `goal` and `goalPlan` come checked by `goalPlanProcedure("change")`. */
export async function createNextGoal(
  db: Db,
  scope: TeamScope,
  input: { goal: GoalRow; goalPlan: GoalPlan; stretchPercent: number },
) {
  const { goal, goalPlan } = input;
  const { today, team } = scope;
  if (toIsoDay(goal.deadline) >= today)
    throw new AppError(
      "BAD_REQUEST",
      "This goal is still running: its next one can be made once its deadline has passed.",
    );
  const draft = nextGoalDraft({
    goal: goalPlan.goal,
    actual: await goalResult(db, scope, goalPlan),
    stretchPercent: input.stretchPercent,
    today,
    currency: team.currency,
  });
  const existing = await db.goal.findFirst({
    where: {
      teamId: team.id,
      rootMembershipId: goal.rootMembershipId,
      metricId: goal.metricId,
      startDate: toDbDay(draft.period.start),
      status: { not: "ARCHIVED" },
    },
    select: { id: true, version: true, status: true },
  });
  if (existing) return { id: existing.id, version: existing.version, status: existing.status, existed: true, draft };

  const checkpoints = carryCheckpoints(
    (Array.isArray(goal.checkpoints) ? goal.checkpoints : []) as unknown as Parameters<typeof carryCheckpoints>[0],
    goal,
    draft.target,
  );
  const curve = goal.curve === "CUSTOM" && checkpoints.length === 0 ? "LINEAR" : goal.curve;
  const fields: TCreateGoalInput = {
    name: draft.name,
    metricId: goal.metricId,
    target: draft.target,
    baseline: 0,
    startDate: draft.period.start,
    deadline: draft.period.deadline,
    period: goal.period,
    curve,
    curveStrength: goal.curveStrength,
    checkpoints: curve === "CUSTOM" ? checkpoints : [],
    splitRule: goal.splitRule,
    historyDays: goal.historyDays,
    historyFloorPct: goal.historyFloorPct,
    publish: false,
  };
  const created = await createGoal(db, scope, { ...fields, rootMembershipId: goal.rootMembershipId });
  await recordActorEvent(db, scope.actor, {
    action: "goal.next_created",
    subjectId: created.id,
    data: {
      from: goal.id,
      target: draft.target,
      basedOn: draft.basedOn,
      basis: draft.basis,
      stretch: draft.stretchPercent,
    },
  });
  return { ...created, existed: false, draft };
}
