/** Archives a metric (owner only: `settingsProcedure`): it leaves lists and funnels; logged history and goals keep pointing at it. */
import type { Db } from "@/server/db-client";
import { badRequest, notFound } from "@/server/errors";
import type { TMetricRef } from "@/server/schemas/metric";
import type { TeamScope } from "@/server/services/team/scope";
import * as clock from "@/server/clock";

export async function archiveMetric(db: Db, scope: TeamScope, input: TMetricRef) {
  const teamId = scope.team.id;
  const metric = await db.metric.findFirst({
    where: { id: input.metricId, teamId, archivedAt: null },
    select: { id: true, name: true },
  });
  if (!metric) throw notFound("Metric");
  const live = await db.goal.count({ where: { metricId: metric.id, status: "PUBLISHED" } });
  if (live > 0)
    throw badRequest(`${metric.name} is used by ${live} published goal${live === 1 ? "" : "s"}; archive those first.`);
  return db.$transaction(async (tx) => {
    await tx.funnelStage.deleteMany({
      where: { OR: [{ resultMetricId: metric.id }, { activityMetricId: metric.id }] },
    });
    await tx.metric.update({ where: { id: metric.id }, data: { archivedAt: clock.now() } });
    return { id: metric.id };
  });
}
