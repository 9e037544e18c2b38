/**
 * The Log's hand-written SQL outside the logging statement (that one, and the Log context, are in entry-log.ts):
 * the DailyTotal writer every entry change uses, an entry locked for a change and its `create` revision kept before
 * the change, a member's daily totals over a range, and recording victories once.
 */
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { col, execute, mappedRows, queryFirst, queryRows, zcol, zodRows } from "./decode";

// ---------------------------------------------------------------------------------------------------------------
// DailyTotal: the one writer

/**
 * The one DailyTotal writer, as a statement to run alone or as a CTE of a larger statement (the logging batch):
 * applies signed changes to the per member/metric/day aggregate, summing changes to the same key first (an edit that
 * moves an entry within a day, −old +new, is a single upsert). `deltas` is a relation with the columns
 * `(m, metric, day, total, entries)`: membership id, metric id, day (date), signed amount, signed entry count.
 *
 * GoalActual (each member's total over a goal's metric and dates, read by the dashboard roll-up) follows every change
 * to DailyTotal in the same statement through the triggers of migration rollup_goal_actual.
 */
export function upsertDailyTotalsSql(teamId: string, deltas: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "DailyTotal" ("teamId", "membershipId", "metricId", day, total, entries)
    SELECT ${teamId}, d.m, d.metric, d.day, SUM(d.total)::int, SUM(d.entries)::int
      FROM ${deltas}
     GROUP BY d.m, d.metric, d.day
    ON CONFLICT ("membershipId", "metricId", day) DO UPDATE
       SET total = "DailyTotal".total + excluded.total,
           entries = "DailyTotal".entries + excluded.entries`;
}

export interface TotalDelta {
  membershipId: string;
  metricId: string;
  day: IsoDate;
  /** Signed amount. */
  total: number;
  /** Signed number of entries. */
  entries: number;
}

/** Applies the changes in ONE statement, whatever their number. Call inside the transaction that changes the entries. */
export async function applyTotalDeltas(db: DbClient, teamId: string, deltas: readonly TotalDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await execute(
    db,
    upsertDailyTotalsSql(
      teamId,
      Prisma.sql`unnest(${deltas.map((d) => d.membershipId)}::text[], ${deltas.map((d) => d.metricId)}::text[],
                        ${deltas.map((d) => d.day)}::date[], ${deltas.map((d) => d.total)}::int[],
                        ${deltas.map((d) => d.entries)}::int[]) AS d(m, metric, day, total, entries)`,
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// An entry locked for a change

const lockedEntryRows = zodRows(
  "entry for update",
  z.object({
    id: z.string(),
    teamId: z.string(),
    membershipId: z.string(),
    metricId: z.string(),
    day: zcol.date,
    amount: z.number().int(),
    note: z.string().nullable(),
    version: z.number().int(),
    deletedAt: z.date().nullable(),
    /** The zone the entry's member set; null = the team's. */
    ownerTimeZone: z.string().nullable(),
  }),
);
export type LockedEntryRow = NonNullable<Awaited<ReturnType<typeof lockEntryForUpdate>>>;

/** An entry of the team (deleted ones too), locked FOR UPDATE until the transaction ends; null when there is none. */
export function lockEntryForUpdate(tx: DbClient, args: { teamId: string; entryId: string }) {
  return queryFirst(
    tx,
    lockedEntryRows,
    Prisma.sql`
      SELECT e.id, e."teamId", e."membershipId", e."metricId", e.day, e.amount, e.note, e.version, e."deletedAt",
             (SELECT m."timeZone" FROM "Membership" m WHERE m.id = e."membershipId") AS "ownerTimeZone"
        FROM "Entry" e WHERE e.id = ${args.entryId} AND e."teamId" = ${args.teamId} FOR UPDATE`,
  );
}

/**
 * Before an entry's first change (edit or delete, inside the transaction holding its lock): writes its `create`
 * revision from the entry as it still is — its author, day, amount, note and time. Logging writes no revision (one
 * row an entry instead of two: docs/PERFORMANCE.md, Round seven), so until it is first changed an entry is its own
 * creation record (`getEntryHistory` reads it so). Does nothing when the revision exists (entries logged before
 * this change have one, and so does every entry once changed). Returns whether it wrote one.
 */
export async function keepCreateRevision(tx: DbClient, entryId: string): Promise<boolean> {
  const written = await execute(
    tx,
    Prisma.sql`
      INSERT INTO "EntryRevision" (id, "entryId", "actorId", action, day, amount, note, "createdAt")
      SELECT gen_random_uuid()::text, e.id, e."createdById", 'create', e.day, e.amount, e.note, e."createdAt"
        FROM "Entry" e
       WHERE e.id = ${entryId}
         AND NOT EXISTS (SELECT 1 FROM "EntryRevision" r WHERE r."entryId" = e.id AND r.action = 'create')`,
  );
  return written > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// A member's daily totals over a range (the Log page: the day shown and the week strip)

export interface DayTotalRow {
  metricId: string;
  day: Date;
  total: number;
}

const dayTotalRows = mappedRows<DayTotalRow>("member daily totals", (r) => ({
  metricId: col.string(r, "metricId"),
  day: col.date(r, "day"),
  total: col.int(r, "total"),
}));

/** Every DailyTotal row of the member in [from, to] (any metric). */
export function memberDailyTotals(
  db: DbClient,
  args: { membershipId: string; from: IsoDate; to: IsoDate },
): Promise<DayTotalRow[]> {
  return queryRows(
    db,
    dayTotalRows,
    Prisma.sql`
      SELECT "metricId", day, total FROM "DailyTotal"
       WHERE "membershipId" = ${args.membershipId} AND day >= ${args.from}::date AND day <= ${args.to}::date`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Victories, recorded once

export interface NewVictoryRow {
  kind: string;
  key: string;
  title: string;
  day: IsoDate;
  data: Record<string, unknown>;
}

const insertedKeyRows = zodRows("insert victories", z.object({ key: z.string() }));

/** Inserts the victories not recorded yet (unique membershipId + key); returns the keys inserted. */
export async function insertVictories(
  db: DbClient,
  args: { teamId: string; membershipId: string; victories: readonly NewVictoryRow[] },
): Promise<Set<string>> {
  const { victories } = args;
  if (victories.length === 0) return new Set();
  const rows = await queryRows(
    db,
    insertedKeyRows,
    Prisma.sql`
      INSERT INTO "Victory" (id, "teamId", "membershipId", kind, key, title, data, day)
      SELECT gen_random_uuid()::text, ${args.teamId}, ${args.membershipId}, v.kind::"VictoryKind", v.key, v.title, v.data::jsonb, v.day
        FROM unnest(${victories.map((v) => v.kind)}::text[], ${victories.map((v) => v.key)}::text[],
                    ${victories.map((v) => v.title)}::text[], ${victories.map((v) => JSON.stringify(v.data))}::text[],
                    ${victories.map((v) => v.day)}::date[]) AS v(kind, key, title, data, day)
      ON CONFLICT ("membershipId", key) DO NOTHING
      RETURNING key`,
  );
  return new Set(rows.map((r) => r.key));
}
