/**
 * The logging path's SQL (docs/PERFORMANCE.md, Logging): the ONE statement that stores a batch of entries (metric
 * check, entries, DailyTotal through the one writer of entry.ts) and can read the Log
 * context in the same round trip; and the Log context itself — everything the Log knows about a member around a day,
 * as one JSON value — with its strict decoder. Hot path: rows are decoded with hand-written `col.*` mappers.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import type { MetricUnitName } from "@/server/domain/member-actions";
import { sqlNow } from "@/server/queries/sql-now";
import { prepared } from "./prepared";
import { col, mappedRows, queryRows, RowShapeError, type Row } from "./decode";
import { upsertDailyTotalsSql } from "./entry";
import { personTapsSql, type TapLink } from "./person-taps";
import { slotBytes, slotPersonal } from "./goal-split";

// ---------------------------------------------------------------------------------------------------------------
// The logging statement

export interface LogBatchEntry {
  id: string;
  metricId: string;
  day: IsoDate;
  amount: number;
  note: string | null;
  /** False when the entry has a problem found before the database: it travels without day and amount, unstored. */
  ok: boolean;
}

export interface LogBatchRow {
  id: string;
  /** Null when the metric is not this team's. */
  metricName: string | null;
  metricUnit: string | null;
  metricArchived: boolean;
  inserted: boolean;
  existingTeamId: string | null;
  existingMembershipId: string | null;
  existingMetricId: string | null;
  originalDay: Date | null;
  originalAmount: number | null;
  originalNote: string | null;
  /** Not stored: the entry would take its day's total (DailyTotal) past `maxDayTotal`. */
  tooLarge: boolean;
  /** The Log context's JSON text, on the first row only, when asked for. */
  context: string | null;
}

const logBatchRows = mappedRows<LogBatchRow>("log entries", (r) => ({
  id: col.string(r, "id"),
  metricName: col.stringOrNull(r, "metricName"),
  metricUnit: col.stringOrNull(r, "metricUnit"),
  metricArchived: col.boolean(r, "metricArchived"),
  inserted: col.boolean(r, "inserted"),
  existingTeamId: col.stringOrNull(r, "existingTeamId"),
  existingMembershipId: col.stringOrNull(r, "existingMembershipId"),
  existingMetricId: col.stringOrNull(r, "existingMetricId"),
  originalDay: col.dateOrNull(r, "originalDay"),
  originalAmount: col.intOrNull(r, "originalAmount"),
  originalNote: col.stringOrNull(r, "originalNote"),
  tooLarge: col.boolean(r, "tooLarge"),
  context: col.stringOrNull(r, "context"),
}));

/**
 * The single statement: the metric check, entries + DailyTotal, and what was there before (an entry is its own
 * `create` revision until its first change: `keepCreateRevision`, ./entry.ts). Every
 * entry of the batch comes back, in order, with its metric's name and state; only `ok` entries whose metric is this
 * team's and not archived are stored (`ON CONFLICT (id) DO NOTHING`: a retry stores nothing twice) — and only while
 * the day's total stays at most `maxDayTotal`: the batch's new entries are added to the stored total in order, per
 * metric and day, and those that would pass it come back `tooLarge`, unstored (a retry of a stored entry is not
 * counted again).
 */
export function insertLogBatch(
  db: DbClient,
  args: {
    teamId: string;
    membershipId: string;
    entries: readonly LogBatchEntry[];
    /** The most a member's day may total for one metric (DailyTotal.total is a 32-bit integer). */
    maxDayTotal: number;
    /** The Log context subquery (`logContextSql`), returned on the first row (evaluated before the inserts take effect). */
    contextSql: Prisma.Sql | null;
    /** Entries that name a person (issue 18): linked and the person moved forward in this same statement. */
    taps?: readonly TapLink[];
  },
): Promise<LogBatchRow[]> {
  const { teamId, membershipId, entries } = args;
  const stamp = sqlNow();
  // Prepared (./prepared.ts): four texts (with or without the context, with or without taps), planned once a connection.
  return queryRows(
    db,
    logBatchRows,
    prepared(Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(${entries.map((e) => e.id)}::text[], ${entries.map((e) => e.metricId)}::text[],
                           ${entries.map((e) => (e.ok ? e.day : null))}::date[], ${entries.map((e) => (e.ok ? e.amount : null))}::int[],
                           ${entries.map((e) => e.note)}::text[], ${entries.map((e) => e.ok)}::boolean[])
             WITH ORDINALITY AS i(id, "metricId", day, amount, note, ok, ord)
    ), met AS (
      SELECT id, name, unit::text AS unit, "archivedAt" IS NOT NULL AS archived
        FROM "Metric" WHERE "teamId" = ${teamId} AND id IN (SELECT "metricId" FROM input)
    ), fit AS (
      SELECT i.ord,
             ex.id IS NULL
             AND COALESCE(dt.total, 0)::bigint
                 + SUM(CASE WHEN ex.id IS NULL THEN i.amount::bigint ELSE 0 END)
                     OVER (PARTITION BY i."metricId", i.day ORDER BY i.ord) > ${args.maxDayTotal}::bigint AS over
        FROM input i
        LEFT JOIN "Entry" ex ON ex.id = i.id
        LEFT JOIN "DailyTotal" dt
          ON dt."membershipId" = ${membershipId} AND dt."metricId" = i."metricId" AND dt.day = i.day
       WHERE i.ok
    ), ins AS (
      INSERT INTO "Entry" (id, "teamId", "membershipId", "metricId", day, amount, note, "createdById", "createdAt", "updatedAt")
      SELECT i.id, ${teamId}, ${membershipId}, i."metricId", i.day, i.amount, i.note, ${membershipId}, ${stamp}, ${stamp}
        FROM input i JOIN met ON met.id = i."metricId" AND NOT met.archived
        LEFT JOIN fit ON fit.ord = i.ord
       WHERE i.ok AND fit.over IS NOT TRUE ORDER BY i.ord
      ON CONFLICT (id) DO NOTHING
      RETURNING id, "metricId", day, amount, note
    ), tot AS (${upsertDailyTotalsSql(
      teamId,
      Prisma.sql`(SELECT ${membershipId}::text AS m, "metricId" AS metric, day, amount AS total, 1 AS entries FROM ins) AS d`,
    )})${args.taps && args.taps.length > 0 ? personTapsSql({ teamId, membershipId, links: args.taps, stamp }) : Prisma.empty}
    SELECT i.id, met.name AS "metricName", met.unit AS "metricUnit", COALESCE(met.archived, false) AS "metricArchived",
           (ins.id IS NOT NULL) AS inserted,
           e."teamId" AS "existingTeamId", e."membershipId" AS "existingMembershipId", e."metricId" AS "existingMetricId",
           CASE WHEN r.kept THEN r.day ELSE e.day END AS "originalDay",
           CASE WHEN r.kept THEN r.amount ELSE e.amount END AS "originalAmount",
           CASE WHEN r.kept THEN r.note ELSE e.note END AS "originalNote",
           COALESCE(fit.over, false) AS "tooLarge",
           ${args.contextSql ? Prisma.sql`CASE WHEN i.ord = 1 THEN ${args.contextSql} END` : Prisma.sql`NULL::text`} AS context
      FROM input i
      LEFT JOIN met ON met.id = i."metricId"
      LEFT JOIN ins ON ins.id = i.id
      LEFT JOIN fit ON fit.ord = i.ord
      LEFT JOIN "Entry" e ON e.id = i.id AND ins.id IS NULL AND i.ok AND met.id IS NOT NULL AND NOT met.archived
      LEFT JOIN LATERAL (
        SELECT true AS kept, day, amount, note FROM "EntryRevision"
         WHERE "entryId" = e.id AND action = 'create' ORDER BY "createdAt" LIMIT 1
      ) r ON true
     ORDER BY i.ord`),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The Log context

/** How far back records, streaks and conversion rates look (records and streaks: 400 days). */
export const LOG_HISTORY_DAYS = 400;

export interface LogContextArgs {
  teamId: string;
  membershipId: string;
  asOf: IsoDate;
  /** Metrics whose totals are wanted besides the goals' and their funnels' (the metrics just logged). */
  extraMetricIds?: readonly string[];
  /** Closed days are read up to at least this day (the Log page: a year ahead, for the next open day). */
  closedThrough?: IsoDate;
}

export interface LogContextMetricJson {
  id: string;
  key: string;
  name: string;
  unit: MetricUnitName;
  minutesPerAction: number | null;
  kind: string;
}

/** The Log context as the SQL returns it (decoded by `decodeLogContext`). */
export interface LogContextJson {
  member: { minutesPerDay: number | null; workingDays: number[] } | null;
  targets: {
    goalId: string;
    name: string;
    personal: number;
    startDate: IsoDate;
    deadline: IsoDate;
    metricId: string;
    created: number;
  }[];
  stages: { resultMetricId: string; activityMetricId: string; fromCount: number; toCount: number }[];
  metrics: LogContextMetricJson[];
  /** [metricId, day, total] */
  totals: [string, IsoDate, number][];
  planDone: IsoDate[];
  closed: { source: "holiday" | "day_off"; day: IsoDate; label: string }[];
  /** The team's main goal (server/services/goal/main-goal.ts: the published goal made main most recently), or null. */
  mainGoalId: string | null;
  /** Every funnel link of the team, with whether each end is counted (the names list's stage ranks). */
  chain: { resultMetricId: string; activityMetricId: string; position: number; counted: string[] }[];
  /** The member's names list: [stageMetricId, people at that stage] (rates from the list, list-rates.ts). */
  peopleByStage: [string, number][];
}

/**
 * The context as one SQL expression (a scalar subquery giving one JSON text), so that logging can read it in the
 * same statement that stores the entries. Inside that statement it sees the data as it was before the entries.
 */
export function logContextSql(args: LogContextArgs): Prisma.Sql {
  const { teamId, membershipId, asOf } = args;
  const historyStart = addDays(asOf, -LOG_HISTORY_DAYS);
  const closedThrough = args.closedThrough ?? asOf;
  return Prisma.sql`(
    WITH tg AS (
      SELECT x.personal, x."goalId", x.name, x."startDate", x.deadline, x."metricId",
             row_number() OVER (ORDER BY x."createdAt", x."goalId")::int AS created
        FROM (SELECT ${slotPersonal(Prisma.sql`z.t`)} AS personal, g.id AS "goalId", g.name, g."startDate", g.deadline,
                     g."metricId", g."createdAt"
                FROM "Goal" g
                JOIN "GoalSplit" gs ON gs."goalId" = g.id
                JOIN "Membership" me ON me.id = ${membershipId} AND me."teamId" = g."teamId"
                CROSS JOIN LATERAL (SELECT ${slotBytes(Prisma.sql`gs.split`, Prisma.sql`me.slot`)} AS t OFFSET 0) z
               WHERE g."teamId" = ${teamId} AND g.status = 'PUBLISHED') x
       WHERE x.personal IS NOT NULL
    ), st AS (
      SELECT fs."resultMetricId", fs."activityMetricId", fs."fromCount", fs."toCount", fs.position
        FROM "FunnelStage" fs
       WHERE fs."teamId" = ${teamId} AND fs."resultMetricId" IN (SELECT "metricId" FROM tg)
    ), ms AS (
      SELECT m.id, m.key, m.name, m.unit::text AS unit, m."minutesPerAction", m.kind::text AS kind
        FROM "Metric" m
       WHERE m."teamId" = ${teamId}
         AND m.id IN (SELECT "metricId" FROM tg UNION SELECT "activityMetricId" FROM st
                      UNION SELECT unnest(${[...(args.extraMetricIds ?? [])]}::text[]))
    )
    SELECT json_build_object(
      'member', (SELECT json_build_object('minutesPerDay', m."minutesPerDay", 'workingDays', t."workingDays")
                   FROM "Membership" m JOIN "Team" t ON t.id = m."teamId"
                  WHERE m.id = ${membershipId} AND m."teamId" = ${teamId}),
      'targets', (SELECT json_agg(json_build_object('goalId', "goalId", 'name', name, 'personal', personal,
                                                    'startDate', "startDate", 'deadline', deadline,
                                                    'metricId', "metricId", 'created', created)
                                  ORDER BY deadline, "goalId") FROM tg),
      'stages', (SELECT json_agg(json_build_object('resultMetricId', "resultMetricId", 'activityMetricId', "activityMetricId",
                                                   'fromCount', "fromCount", 'toCount', "toCount")
                                 ORDER BY "resultMetricId", position) FROM st),
      'metrics', (SELECT json_agg(ms) FROM ms),
      'totals', (SELECT json_agg(json_build_array(dt."metricId", dt.day, dt.total))
                   FROM "DailyTotal" dt
                  WHERE dt."membershipId" = ${membershipId} AND dt."metricId" IN (SELECT id FROM ms)
                    AND dt.day >= LEAST(${historyStart}::date, (SELECT min("startDate") FROM tg)) AND dt.day <= ${asOf}::date),
      'planDone', (SELECT json_agg(v.day) FROM "Victory" v
                    WHERE v."membershipId" = ${membershipId} AND v.kind = 'PLAN_DONE' AND v.day >= ${historyStart}::date),
      'closed', (SELECT json_agg(json_build_object('source', c.source, 'day', to_char(c.day, 'YYYY-MM-DD'), 'label', c.label))
                   FROM (SELECT 'holiday' AS source, h.day, h.name AS label FROM "TeamHoliday" h WHERE h."teamId" = ${teamId}
                         UNION ALL
                         SELECT 'day_off', d.day, d.kind::text FROM "MemberDayOff" d WHERE d."membershipId" = ${membershipId}) c
                  WHERE c.day >= ${historyStart}::date
                    AND c.day <= GREATEST(${asOf}::date, ${closedThrough}::date, (SELECT max(deadline) FROM tg))),
      -- The rule of main-goal.ts (mainGoalId), folded in here so the Log needs no read of its own.
      'mainGoalId', (SELECT g.id FROM "Goal" g
                      WHERE g."teamId" = ${teamId} AND g.status = 'PUBLISHED' AND g."mainSince" IS NOT NULL
                      ORDER BY g."mainSince" DESC, g.id ASC LIMIT 1),
      -- Rates from the names list (server/services/person/list-rates.ts reads the same for My plan): the team's
      -- funnel links with their counted ends, and the member's people per stage (the (membershipId, stage) index).
      'chain', (SELECT json_agg(json_build_object('resultMetricId', fs."resultMetricId",
                                                  'activityMetricId', fs."activityMetricId", 'position', fs.position,
                                                  'counted', array_remove(ARRAY[
                                                    CASE WHEN r.unit = 'COUNT' THEN r.id END,
                                                    CASE WHEN a.unit = 'COUNT' THEN a.id END], NULL))
                                ORDER BY fs."resultMetricId", fs.position)
                  FROM "FunnelStage" fs
                  JOIN "Metric" r ON r.id = fs."resultMetricId"
                  JOIN "Metric" a ON a.id = fs."activityMetricId"
                 WHERE fs."teamId" = ${teamId}),
      'peopleByStage', (SELECT json_agg(json_build_array(p."stageMetricId", p.n))
                          FROM (SELECT "stageMetricId", count(*)::int AS n FROM "Person"
                                 WHERE "teamId" = ${teamId} AND "membershipId" = ${membershipId}
                                   AND "stageMetricId" IS NOT NULL
                                 GROUP BY "stageMetricId") p)
    )::text
  )`;
}

const contextRows = mappedRows("log context", (r) => col.string(r, "context"));

/** The Log context of a member around a day, in ONE query (prepared: planned once a connection). */
export async function selectLogContext(db: DbClient, args: LogContextArgs): Promise<LogContextJson> {
  const [text] = await queryRows(db, contextRows, prepared(Prisma.sql`SELECT ${logContextSql(args)} AS context`));
  return decodeLogContext(text!);
}

/** Decodes the JSON text of `logContextSql` strictly: a renamed or retyped field throws a RowShapeError. */
export function decodeLogContext(text: string): LogContextJson {
  try {
    const json = obj(JSON.parse(text), "context");
    const member = json.member === null ? null : obj(json.member, "member");
    return {
      member: member && {
        minutesPerDay: col.intOrNull(member, "minutesPerDay"),
        workingDays: list(member.workingDays, "workingDays", (d) => int(d, "workingDays")),
      },
      targets: list(json.targets, "targets", (v) => {
        const t = obj(v, "target");
        return {
          goalId: col.string(t, "goalId"),
          name: col.string(t, "name"),
          personal: col.int(t, "personal"),
          startDate: col.string(t, "startDate"),
          deadline: col.string(t, "deadline"),
          metricId: col.string(t, "metricId"),
          created: col.int(t, "created"),
        };
      }),
      stages: list(json.stages, "stages", (v) => {
        const s = obj(v, "stage");
        return {
          resultMetricId: col.string(s, "resultMetricId"),
          activityMetricId: col.string(s, "activityMetricId"),
          fromCount: col.int(s, "fromCount"),
          toCount: col.int(s, "toCount"),
        };
      }),
      metrics: list(json.metrics, "metrics", (v) => {
        const m = obj(v, "metric");
        return {
          id: col.string(m, "id"),
          key: col.string(m, "key"),
          name: col.string(m, "name"),
          unit: metricUnit(col.string(m, "unit")),
          minutesPerAction: col.intOrNull(m, "minutesPerAction"),
          kind: col.string(m, "kind"),
        };
      }),
      totals: list(json.totals, "totals", (v) => {
        const [metricId, day, total] = list(v, "total", (x) => x);
        return [str(metricId, "totals[0]"), str(day, "totals[1]"), int(total, "totals[2]")] as [
          string,
          IsoDate,
          number,
        ];
      }),
      planDone: list(json.planDone, "planDone", (v) => str(v, "planDone")),
      closed: list(json.closed, "closed", (v) => {
        const c = obj(v, "closed");
        const source = col.string(c, "source");
        if (source !== "holiday" && source !== "day_off") throw new Error(`closed.source is ${source}`);
        return { source, day: col.string(c, "day"), label: col.string(c, "label") };
      }),
      mainGoalId: col.stringOrNull(json, "mainGoalId"),
      chain: list(json.chain, "chain", (v) => {
        const c = obj(v, "chain");
        return {
          resultMetricId: col.string(c, "resultMetricId"),
          activityMetricId: col.string(c, "activityMetricId"),
          position: col.int(c, "position"),
          counted: list(c.counted, "chain.counted", (x) => str(x, "chain.counted")),
        };
      }),
      peopleByStage: list(json.peopleByStage, "peopleByStage", (v) => {
        const [stage, n] = list(v, "peopleByStage", (x) => x);
        return [str(stage, "peopleByStage[0]"), int(n, "peopleByStage[1]")] as [string, number];
      }),
    };
  } catch (error) {
    if (error instanceof RowShapeError) throw error;
    throw new RowShapeError("log context", error instanceof Error ? error.message : String(error));
  }
}

function obj(v: unknown, name: string): Row {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error(`${name} is not an object`);
  return v as Row;
}
/** A JSON array (json_agg of no rows is null: an empty list). */
function list<T>(v: unknown, name: string, item: (v: unknown) => T): T[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw new Error(`${name} is not a list`);
  return v.map((x: unknown) => item(x));
}
function str(v: unknown, name: string): string {
  return col.string({ [name]: v }, name);
}
function int(v: unknown, name = "value"): number {
  return col.int({ [name]: v }, name);
}
function metricUnit(unit: string): MetricUnitName {
  if (unit === "COUNT" || unit === "MONEY" || unit === "MINUTES") return unit;
  throw new Error(`metric unit is ${unit}`);
}
