-- Issue 21: the `history` split rule reads each member's total of one metric over a window of days (the goal's
-- context, server/queries/goal.ts). At 100,000 members a 28-day window is ~120,000 rows spread over ~13,000 heap pages
-- (every metric's rows of a day lie together): a bitmap heap scan took 200–300 ms warm. The same index with the
-- member and the total after its key answers it from the index alone (index-only scan: 44 ms). It replaces the
-- three-column index (same leading key, so every query that used it still can): still one index to keep up on the
-- logging path. Plain key columns, not INCLUDE, which Prisma's schema cannot say (prisma/prisma#8584).
DROP INDEX "DailyTotal_teamId_metricId_day_idx";
CREATE INDEX "DailyTotal_teamId_metricId_day_membershipId_total_idx" ON "DailyTotal"("teamId", "metricId", "day", "membershipId", "total");
