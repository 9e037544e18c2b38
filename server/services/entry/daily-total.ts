/**
 * DailyTotal upkeep: applies signed changes (amount, entry count) to the per member/metric/day aggregate in ONE
 * statement, whatever the number of changes. Changes to the same key are summed in SQL first, so an edit that
 * moves an entry within a day (−old, +new on the same row) is a single upsert.
 * Call inside the transaction that changes the entries.
 *
 * GoalActual (each member's total over a goal's metric and dates, read by the dashboard roll-up) follows every change
 * to DailyTotal in the same statement, through the triggers of migration rollup_goal_actual: whoever writes
 * DailyTotal (this function, the Log's single statement, seeds, imports, tests) keeps it exact without extra code.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";

export interface TotalDelta {
  membershipId: string;
  metricId: string;
  /** YYYY-MM-DD */
  day: string;
  total: number;
  entries: number;
}

export async function applyTotalDeltas(db: DbClient, teamId: string, deltas: readonly TotalDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "DailyTotal" ("teamId", "membershipId", "metricId", day, total, entries)
    SELECT ${teamId}, d.m, d.metric, d.day, SUM(d.total)::int, SUM(d.entries)::int
      FROM unnest(${deltas.map((d) => d.membershipId)}::text[], ${deltas.map((d) => d.metricId)}::text[],
                  ${deltas.map((d) => d.day)}::date[], ${deltas.map((d) => d.total)}::int[],
                  ${deltas.map((d) => d.entries)}::int[]) AS d(m, metric, day, total, entries)
     GROUP BY d.m, d.metric, d.day
    ON CONFLICT ("membershipId", "metricId", day) DO UPDATE
       SET total = "DailyTotal".total + excluded.total,
           entries = "DailyTotal".entries + excluded.entries`);
}
