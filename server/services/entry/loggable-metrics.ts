/** The metrics a member logs on the Log page: activities (counts, minutes) and money results (sales, volume). */
import type { DbClient } from "@/server/db-client";

export const loggableMetricSelect = { id: true, key: true, name: true, kind: true, unit: true, position: true } as const;

export function listLoggableMetrics(db: DbClient, teamId: string) {
  return db.metric.findMany({
    where: { teamId, archivedAt: null, OR: [{ kind: "ACTIVITY" }, { kind: "RESULT", unit: "MONEY" }] },
    select: loggableMetricSelect,
    // Enum order is RESULT, ACTIVITY: descending puts activities first, money results after.
    orderBy: [{ kind: "desc" }, { position: "asc" }, { name: "asc" }],
  });
}
