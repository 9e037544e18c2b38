/**
 * Replaces the funnel leading to a result metric (owner only: `settingsProcedure`), in one transaction. Each step's ratio must be a
 * conversion (to ≤ from) except the last step into a money or count result, which may be a value per action.
 */
import type { Db } from "@/server/db-client";
import { badRequest, notFound } from "@/server/errors";
import type { TSetFunnelInput } from "@/server/schemas/metric";
import type { TeamScope } from "@/server/services/team/scope";

export async function setFunnel(db: Db, scope: TeamScope, input: TSetFunnelInput) {
  const { resultMetricId, steps } = input;
  const teamId = scope.team.id;
  const result = await db.metric.findFirst({
    where: { id: resultMetricId, teamId, archivedAt: null },
    select: { id: true, kind: true, name: true },
  });
  if (!result) throw notFound("Metric");
  if (result.kind !== "RESULT")
    throw badRequest(`${result.name} is an activity; a funnel leads to a result.`, "resultMetricId");
  const ids = steps.map((s) => s.activityMetricId);
  if (new Set(ids).size !== ids.length) throw badRequest("Each metric can appear only once in a funnel.", "steps");
  if (ids.includes(resultMetricId)) throw badRequest("A funnel cannot lead to itself.", "steps");
  const found = await db.metric.findMany({
    where: { id: { in: ids }, teamId, archivedAt: null },
    select: { id: true },
  });
  if (found.length !== ids.length) throw badRequest("Every step must be one of the team's metrics.", "steps");
  steps.forEach((s, i) => {
    if (i < steps.length - 1 && s.toCount > s.fromCount) {
      throw badRequest(
        `Step ${i + 1}: ${s.fromCount} cannot turn into more (${s.toCount}) of the next step.`,
        `steps.${i}.toCount`,
      );
    }
  });
  return db.$transaction(async (tx) => {
    await tx.funnelStage.deleteMany({ where: { resultMetricId } });
    await tx.funnelStage.createMany({
      data: steps.map((s, position) => ({
        teamId,
        resultMetricId,
        activityMetricId: s.activityMetricId,
        position,
        fromCount: s.fromCount,
        toCount: s.toCount,
      })),
    });
    return { resultMetricId, steps: steps.length };
  });
}
