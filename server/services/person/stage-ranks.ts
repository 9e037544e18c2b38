/**
 * The team's funnel ranks for names-list stages (`funnelStageRanks`, server/domain/person-stage.ts), in one read of
 * the FunnelStage chain with its metrics' units (only counted metrics are stages).
 */
import type { DbClient } from "@/server/db-client";
import { funnelStageRanks } from "@/server/domain/person-stage";

export async function loadStageRanks(db: DbClient, teamId: string): Promise<Map<string, number>> {
  const rows = await db.funnelStage.findMany({
    where: { teamId },
    select: {
      resultMetricId: true,
      activityMetricId: true,
      position: true,
      result: { select: { unit: true } },
      activity: { select: { unit: true } },
    },
  });
  const counted = new Set<string>();
  for (const r of rows) {
    if (r.result.unit === "COUNT") counted.add(r.resultMetricId);
    if (r.activity.unit === "COUNT") counted.add(r.activityMetricId);
  }
  return funnelStageRanks(rows, counted);
}
