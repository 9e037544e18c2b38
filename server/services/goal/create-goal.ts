/**
 * Creates a goal (DRAFT) for the caller's team or a subtree they manage, after checking that it plans (the
 * domain rejects a deadline before the start, checkpoints out of order, …). With `publish` it is published in
 * the same transaction, so a goal is never half-published. The goal keeps the team holidays inside its dates
 * (`Goal.holidays`): its plan is phased with them from now on, whatever is added to the team calendar later.
 */
import type { Db } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { TCreateGoalInput } from "@/server/schemas/goal";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { badRequest } from "@/server/errors";
import { teamHolidayDays } from "@/server/services/calendar/team-holiday-days";
import { goalRowSelect } from "./goal-access";
import { phaseGoal } from "@/server/domain/goal-phasing";
import { goalSpecOf, resolveGoalRoot } from "./preview-goal";
import { publishGoalInTx } from "./publish-goal";
import { refusePastGoal } from "./refuse-past-goal";
import { BULK_TRANSACTION } from "./write-targets";
import { toDbDay } from "@/server/domain/db-day";

export async function createGoal(db: Db, args: { actor: ActorMembership; input: TCreateGoalInput; asOf: IsoDate }) {
  const { actor, input } = args;
  refusePastGoal(input, args.asOf);
  const rootMembershipId = await resolveGoalRoot(db, actor, input.rootMembershipId);
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { weekStartsOn: true, workingDays: true } });
  const holidays = await teamHolidayDays(db, { teamId: actor.teamId, from: input.startDate, to: input.deadline });
  phaseGoal({ ...goalSpecOf(input), holidays }, team);
  const metric = await db.metric.findFirst({ where: { id: input.metricId, teamId: actor.teamId, archivedAt: null }, select: { id: true } });
  if (!metric) throw badRequest("Choose one of the team's metrics.", "metricId");

  return db.$transaction(async (tx) => {
    const goal = await tx.goal.create({
      data: {
        teamId: actor.teamId,
        rootMembershipId,
        createdById: actor.id,
        metricId: input.metricId,
        name: input.name,
        target: input.target,
        baseline: input.baseline,
        startDate: toDbDay(input.startDate),
        deadline: toDbDay(input.deadline),
        period: input.period,
        curve: input.curve,
        curveStrength: input.curveStrength,
        checkpoints: input.curve === "CUSTOM" ? input.checkpoints : undefined,
        splitRule: input.splitRule,
        historyDays: input.historyDays,
        historyFloorPct: input.historyFloorPct,
        holidays: holidays.map(toDbDay),
      },
      select: goalRowSelect,
    });
    if (!input.publish) return { id: goal.id, version: goal.version, status: goal.status };
    const published = await publishGoalInTx(tx, { actor, goal, version: goal.version, asOf: args.asOf });
    return { id: goal.id, version: published.version, status: "PUBLISHED" as const };
  }, BULK_TRANSACTION);
}
