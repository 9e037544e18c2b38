/**
 * Creates a goal (DRAFT) for the caller's team or a subtree they manage, after checking that it plans (the
 * domain rejects a deadline before the start, checkpoints out of order, …). With `publish` it is published in
 * the same transaction, so a goal is never half-published. The goal keeps the team holidays inside its dates
 * (`Goal.holidays`): its plan is phased with them from now on, whatever is added to the team calendar later.
 */
import type { Db, DbClient } from "@/server/db-client";
import type { TCreateGoalInput, TGoalFields } from "@/server/schemas/goal";
import type { TeamScope } from "@/server/services/team/scope";
import { badRequest } from "@/server/errors";
import { BULK_TRANSACTION } from "@/server/queries/goal-targets";
import { teamHolidayDays } from "@/server/services/calendar/team-holiday-days";
import { goalRowSelect } from "./goal-access";
import { phaseGoal } from "@/server/domain/goal-phasing";
import { goalSpecOf } from "./preview-goal";
import { publishGoalInTx, readPublishContext } from "./publish-goal";
import type { GoalContext } from "./goal-context";
import { warmGoalDashboardLater, type WarmOptions } from "@/server/services/progress/warm-goal-dashboard";
import { refusePastGoal } from "./refuse-past-goal";
import type { IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";

/**
 * `input.rootMembershipId` is resolved and checked by `goalRootProcedure` (server/api/policy/goal.ts). A goal created
 * published has a big team's dashboard read ahead of its first viewer (warm-goal-dashboard.ts).
 */
export async function createGoal(
  db: Db,
  scope: TeamScope,
  input: TCreateGoalInput & { rootMembershipId: string },
  options: { warm?: WarmOptions } = {},
) {
  // Published at once: its fields are checked, and what it plans over read, before the transaction (publish-goal.ts).
  const before = input.publish ? await readBeforePublish(db, scope, input) : undefined;
  const created = await db.$transaction((tx) => createGoalInTx(tx, scope, input, before), BULK_TRANSACTION);
  if (created.status === "PUBLISHED")
    warmGoalDashboardLater(db, { teamId: scope.team.id, goalId: created.id }, options.warm);
  return created;
}

/**
 * `createGoal` inside the caller's transaction, for services that create goals together with something else (a
 * saved rank plan's goals carry `rankPlanId`: server/services/rank/save-rank-plan.ts). The root is checked by the caller.
 */
export async function createGoalInTx(
  tx: DbClient,
  scope: TeamScope,
  input: TCreateGoalInput & { rootMembershipId: string; rankPlanId?: string },
  before?: BeforePublish,
) {
  const { actor } = scope;
  const { rootMembershipId } = input;
  const holidays = before?.holidays ?? (await checkGoalFields(tx, scope, input));

  const goal = await tx.goal.create({
    data: {
      teamId: actor.teamId,
      rootMembershipId,
      createdById: actor.id,
      ...goalFieldsData(input, holidays),
      checkpoints: input.curve === "CUSTOM" ? input.checkpoints : undefined,
      rankPlanId: input.rankPlanId,
    },
    select: goalRowSelect,
  });
  if (!input.publish) return { id: goal.id, version: goal.version, status: goal.status };
  const published = await publishGoalInTx(tx, scope, { goal, version: goal.version, ctx: before?.ctx });
  return { id: goal.id, version: published.version, status: "PUBLISHED" as const };
}

interface BeforePublish {
  holidays: IsoDate[];
  ctx: GoalContext;
}

/** A goal created published: its fields checked and what it plans over read, before the transaction that writes it. */
async function readBeforePublish(
  db: DbClient,
  scope: TeamScope,
  input: TCreateGoalInput & { rootMembershipId: string },
): Promise<BeforePublish> {
  const holidays = await checkGoalFields(db, scope, input);
  const ctx = await readPublishContext(
    db,
    { ...input, teamId: scope.team.id, startDate: toDbDay(input.startDate) },
    scope.today,
  );
  return { holidays, ctx };
}

/**
 * The checks of a goal's fields before it is written, whether created or a draft edited (update-draft-goal.ts): not
 * entirely in the past, it phases (with the team holidays inside its dates), one of the team's live metrics. Returns
 * those holidays, which the goal keeps (`Goal.holidays`).
 */
export async function checkGoalFields(db: DbClient, scope: TeamScope, input: TGoalFields) {
  const { actor, team, today } = scope;
  refusePastGoal(input, today);
  const holidays = await teamHolidayDays(db, { teamId: actor.teamId, from: input.startDate, to: input.deadline });
  phaseGoal({ ...goalSpecOf(input), holidays }, team);
  const metric = await db.metric.findFirst({
    where: { id: input.metricId, teamId: actor.teamId, archivedAt: null },
    select: { id: true },
  });
  if (!metric) throw badRequest("Choose one of the team's metrics.", "metricId");
  return holidays;
}

/** A goal's columns from its fields and kept holidays, but its checkpoints (left unset on a new goal, cleared on a draft). */
export function goalFieldsData(input: TGoalFields, holidays: IsoDate[]) {
  return {
    metricId: input.metricId,
    name: input.name,
    target: input.target,
    baseline: input.baseline,
    startDate: toDbDay(input.startDate),
    deadline: toDbDay(input.deadline),
    period: input.period,
    curve: input.curve,
    curveStrength: input.curveStrength,
    splitRule: input.splitRule,
    historyDays: input.historyDays,
    historyFloorPct: input.historyFloorPct,
    holidays: holidays.map(toDbDay),
  };
}
