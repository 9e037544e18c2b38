/** Adds a metric to the team (owner only: `settingsProcedure`). Keys are unique within the team. */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TMetricFields } from "@/server/schemas/metric";
import type { TeamScope } from "@/server/services/team/scope";
import { metricSelect } from "./list-metrics";

export async function createMetric(db: DbClient, scope: TeamScope, input: TMetricFields) {
  const teamId = scope.team.id;
  const clash = await db.metric.findUnique({ where: { teamId_key: { teamId, key: input.key } }, select: { id: true } });
  if (clash)
    throw new AppError("CONFLICT", `The team already has a metric with the key "${input.key}".`, { field: "key" });
  const last = await db.metric.aggregate({ where: { teamId }, _max: { position: true } });
  return db.metric.create({
    data: {
      teamId,
      ...input,
      minutesPerAction: input.kind === "ACTIVITY" || input.minutesPerAction !== null ? input.minutesPerAction : null,
      position: (last._max.position ?? -1) + 1,
    },
    select: metricSelect,
  });
}
