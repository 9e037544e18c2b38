/** The team's metrics (live ones, in order) with their funnels and the team's template. */
import type { DbClient } from "@/server/db-client";
import type { Prisma } from "@/generated/prisma/client";
import type { TeamScope } from "@/server/services/team/scope";

export const metricSelect = {
  id: true,
  key: true,
  name: true,
  kind: true,
  unit: true,
  direction: true,
  minutesPerAction: true,
  position: true,
} satisfies Prisma.MetricSelect;

export async function listMetrics(db: DbClient, scope: TeamScope) {
  const teamId = scope.team.id;
  const [team, metrics, stages] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { template: true } }),
    db.metric.findMany({
      where: { teamId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: metricSelect,
    }),
    db.funnelStage.findMany({
      where: { teamId },
      orderBy: [{ resultMetricId: "asc" }, { position: "asc" }],
      select: { resultMetricId: true, activityMetricId: true, position: true, fromCount: true, toCount: true },
    }),
  ]);
  const funnels = metrics
    .filter((m) => m.kind === "RESULT")
    .map((m) => ({ resultMetricId: m.id, steps: stages.filter((s) => s.resultMetricId === m.id) }));
  return { template: team.template, currency: scope.team.currency, metrics, funnels };
}
