/** Edits a metric (owner only: `settingsProcedure`). The unit cannot change once amounts were logged or goals set in it. */
import type { DbClient } from "@/server/db-client";
import { AppError, badRequest, notFound } from "@/server/errors";
import type { TUpdateMetricInput } from "@/server/schemas/metric";
import type { TeamScope } from "@/server/services/team/scope";
import { metricSelect } from "./list-metrics";

export async function updateMetric(db: DbClient, scope: TeamScope, input: TUpdateMetricInput) {
  const { metricId, ...fields } = input;
  const teamId = scope.team.id;
  const metric = await db.metric.findFirst({
    where: { id: metricId, teamId, archivedAt: null },
    select: { id: true, unit: true, key: true },
  });
  if (!metric) throw notFound("Metric");
  if (fields.unit && fields.unit !== metric.unit) {
    const used = (await db.goal.count({ where: { metricId } })) + (await db.dailyTotal.count({ where: { metricId } }));
    if (used > 0)
      throw badRequest("This metric already has goals or logged amounts, so its unit can no longer change.", "unit");
  }
  if (fields.key && fields.key !== metric.key) {
    const clash = await db.metric.findUnique({
      where: { teamId_key: { teamId, key: fields.key } },
      select: { id: true },
    });
    if (clash)
      throw new AppError("CONFLICT", `The team already has a metric with the key "${fields.key}".`, { field: "key" });
  }
  return db.metric.update({ where: { id: metricId }, data: fields, select: metricSelect });
}
