/**
 * What a member's actions are worked back from, shared by goals (My plan, publish, re-plan) and ranks (plan to rank):
 * the funnel steps of result metrics and the sums of daily totals per member and metric.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { FunnelStep } from "@/server/domain/member-actions";
import { toIsoDay } from "@/server/domain/db-day";
import { col, mappedRows, queryRows } from "./decode";

export const metricRefSelect = {
  id: true,
  key: true,
  name: true,
  unit: true,
  minutesPerAction: true,
} satisfies Prisma.MetricSelect;

/** The funnel steps of result metrics (top of the funnel first), in one query; every asked metric has an entry. */
export async function loadFunnels(
  db: DbClient,
  args: { teamId: string; resultMetricIds: string[] },
): Promise<Map<string, FunnelStep[]>> {
  const rows = await db.funnelStage.findMany({
    where: { teamId: args.teamId, resultMetricId: { in: args.resultMetricIds } },
    orderBy: [{ resultMetricId: "asc" }, { position: "asc" }],
    select: { resultMetricId: true, fromCount: true, toCount: true, activity: { select: metricRefSelect } },
  });
  const out = new Map<string, FunnelStep[]>(args.resultMetricIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.resultMetricId)!.push({ ...r.activity, fromCount: r.fromCount, toCount: r.toCount });
  return out;
}

export interface MemberMetricTotalRow {
  membershipId: string;
  metricId: string;
  total: number;
}

/** Hot path (a publish reads a row per member and funnel metric): the strict mapped decoder. */
const memberMetricTotals = mappedRows("funnelHistory.sumDailyTotals", (r): MemberMetricTotalRow => ({
  membershipId: col.string(r, "membershipId"),
  metricId: col.string(r, "metricId"),
  total: col.number(r, "total"),
}));

/**
 * Per member and metric: the sum of daily totals in [from, to] (team-local days, inclusive), one query. The members
 * travel as ONE array parameter (an `IN` list binds one parameter per member and fails past PostgreSQL's 65,535).
 */
export async function sumDailyTotals(
  db: DbClient,
  args: { teamId: string; membershipIds: string[]; metricIds: string[]; from: Date; to: Date },
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (args.membershipIds.length === 0 || args.metricIds.length === 0 || args.to < args.from) return out;
  const rows = await queryRows(
    db,
    memberMetricTotals,
    Prisma.sql`
    SELECT dt."membershipId", dt."metricId", SUM(dt.total)::float8 AS total
      FROM "DailyTotal" dt
      JOIN unnest(${args.membershipIds}::text[]) AS s(id) ON s.id = dt."membershipId"
     WHERE dt."teamId" = ${args.teamId} AND dt."metricId" = ANY(${args.metricIds}::text[])
       AND dt.day >= ${toIsoDay(args.from)}::date AND dt.day <= ${toIsoDay(args.to)}::date
     GROUP BY dt."membershipId", dt."metricId"`,
  );
  for (const r of rows) {
    const rec = out.get(r.membershipId) ?? {};
    rec[r.metricId] = r.total;
    out.set(r.membershipId, rec);
  }
  return out;
}
