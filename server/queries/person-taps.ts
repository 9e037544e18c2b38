/**
 * Taps with a person (issue 18), on the logging path: the fragment of the ONE logging statement
 * (`insertLogBatch`, server/queries/entry-log.ts) that links the entries just stored to the people they name — one
 * PersonTouch per entry (`entryId` unique, the touch id made on the device: a retried offline flush links once) — and
 * moves each named person forward to the furthest stage the batch's taps reached. Only added to the statement when an
 * entry names a person, so logging without a person runs exactly the statement it always ran.
 *
 * The stage rank here is `funnelStageRanks` (server/domain/person-stage.ts) in SQL — an activity at position p ranks
 * 2p, a result 2·(its chain's last position) + 1, the lowest place over the chains, counted metrics only; the
 * round-trip test (person-taps.integration.test.ts) checks that both agree.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { col, mappedRows, queryRows } from "./decode";

export interface TapLink {
  entryId: string;
  personId: string;
  touchId: string;
}

/** The team's stage ranks as a SQL subquery giving (metric, rank). */
export function stageRanksSql(teamId: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT r.metric, min(r.rank) AS rank
      FROM (SELECT fs."activityMetricId" AS metric, 2 * fs.position AS rank
              FROM "FunnelStage" fs WHERE fs."teamId" = ${teamId}
            UNION ALL
            SELECT fs."resultMetricId", 2 * max(fs.position) + 1
              FROM "FunnelStage" fs WHERE fs."teamId" = ${teamId} GROUP BY fs."resultMetricId") r
      JOIN "Metric" m ON m.id = r.metric AND m.unit = 'COUNT'
     GROUP BY r.metric
  )`;
}

/**
 * CTEs appended to the logging statement's WITH list (it starts with a comma). Reads `ins` (the entries stored by
 * this statement: id, metricId, day) and the member's entries stored before (a later "who was it?" on a synced tap). People must be the member's own: the service checked them before the statement
 * (`ownPeople`); the join repeats the rule so a person moved or deleted in between is simply not linked.
 */
export function personTapsSql(args: {
  teamId: string;
  membershipId: string;
  links: readonly TapLink[];
  /** `sqlNow()` of the statement. */
  stamp: Prisma.Sql;
}): Prisma.Sql {
  const { teamId, membershipId, links, stamp } = args;
  return Prisma.sql`, tap_in AS (
      SELECT * FROM unnest(${links.map((l) => l.entryId)}::text[], ${links.map((l) => l.personId)}::text[],
                           ${links.map((l) => l.touchId)}::text[]) AS t("entryId", "personId", "touchId")
    ), tap_entry AS (
      -- The entries stored by this statement, and the member's live entries already stored: "who was it?" after a
      -- tap re-sends the same entry with its person (a duplicate), which links it then, once.
      SELECT id, "metricId", day FROM ins
      UNION ALL
      SELECT e.id, e."metricId", e.day FROM "Entry" e JOIN tap_in t ON t."entryId" = e.id
       WHERE e."membershipId" = ${membershipId} AND e."teamId" = ${teamId} AND e."deletedAt" IS NULL
    ), tap AS (
      INSERT INTO "PersonTouch" (id, "personId", "membershipId", "entryId", "metricId", day, "createdAt")
      SELECT t."touchId", t."personId", ${membershipId}, te.id, te."metricId", te.day, ${stamp}
        FROM tap_in t
        JOIN tap_entry te ON te.id = t."entryId"
        JOIN "Person" p ON p.id = t."personId" AND p."membershipId" = ${membershipId} AND p."teamId" = ${teamId}
      ON CONFLICT DO NOTHING
      RETURNING "personId", "metricId"
    ), tap_rank AS ${stageRanksSql(teamId)}
    , tap_best AS (
      SELECT DISTINCT ON (tap."personId") tap."personId", tap."metricId", tr.rank
        FROM tap JOIN tap_rank tr ON tr.metric = tap."metricId"
       ORDER BY tap."personId", tr.rank DESC
    ), tap_advance AS (
      UPDATE "Person" p SET "stageMetricId" = b."metricId", "updatedAt" = ${stamp}
        FROM tap_best b
       WHERE p.id = b."personId"
         AND b.rank > COALESCE((SELECT tr.rank FROM tap_rank tr WHERE tr.metric = p."stageMetricId"), -1)
    )`;
}

const stageRankRows = mappedRows("person.stageRanks", (r) => ({
  metric: col.string(r, "metric"),
  rank: col.int(r, "rank"),
}));

/** The team's stage ranks as the logging statement computes them (for the round-trip test against the domain). */
export async function selectStageRanks(db: DbClient, teamId: string): Promise<Map<string, number>> {
  const rows = await queryRows(db, stageRankRows, Prisma.sql`SELECT metric, rank FROM ${stageRanksSql(teamId)} AS sr`);
  return new Map(rows.map((r) => [r.metric, r.rank]));
}
