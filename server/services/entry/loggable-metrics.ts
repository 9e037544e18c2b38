/**
 * The metrics a member logs on the Log page: activities (counts, minutes), money results (sales, volume) and
 * whatever today's plan asks for (e.g. a "new sponsors" result that the funnel plans as an action).
 */
import type { DbClient } from "@/server/db-client";

export const loggableMetricSelect = {
  id: true,
  key: true,
  name: true,
  kind: true,
  unit: true,
  position: true,
} as const;

export function listLoggableMetrics(db: DbClient, teamId: string, plannedIds: readonly string[] = []) {
  return db.metric.findMany({
    where: {
      teamId,
      archivedAt: null,
      OR: [{ kind: "ACTIVITY" }, { kind: "RESULT", unit: "MONEY" }, { id: { in: [...plannedIds] } }],
    },
    select: loggableMetricSelect,
    // Enum order is RESULT, ACTIVITY: descending puts activities first, money results after.
    orderBy: [{ kind: "desc" }, { position: "asc" }, { name: "asc" }],
  });
}
