/**
 * The goal's hand-written reads: the subtree a goal is planned over (with each member's history actual), a goal's
 * current targets, and the change history a member sees. Big results travel as ONE JSON text per query (decoding
 * 100,000 rows through the driver costs several times parsing one text). Writes are in goal-targets.ts.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { subtreeCte } from "@/server/queries/tree";
import { col, mappedRows, queryFirst, queryRows, zcol, zodRows } from "./decode";
import { MEMBERS_ONLY_FIELD } from "./goal-targets";

/** One text column `j`: a JSON array built in SQL (null when there is no row to aggregate). */
const jsonText = (name: string) => mappedRows(name, (r) => col.stringOrNull(r, "j"));

/** One member as the context query returns it: id, upline, split weight, minutes a day, name, history actual, slot. */
export type GoalMemberTuple = [
  id: string,
  parentId: string | null,
  splitWeight: number,
  minutesPerDay: number | null,
  name: string,
  historyActual: number,
  slot: number,
];

const contextMembers = jsonText("goal.contextMembers");

/**
 * The subtree's active members with their details and history actual, ONE query, sorted by id. The whole team (a
 * root without upline, `wholeTeam`) is read without recursion — a recursive CTE over 100,000 members cost ~0.9 s — and
 * its history aggregated over the team (a semi-join on 100,000 ids made the planner probe DailyTotal once per member:
 * 3 s against 0.3 s). `history` null: every history actual is 0.
 */
export async function goalContextMembers(
  db: DbClient,
  args: {
    teamId: string;
    rootId: string;
    wholeTeam: boolean;
    history: { metricId: string; from: IsoDate; to: IsoDate } | null;
  },
): Promise<GoalMemberTuple[]> {
  const team = args.wholeTeam;
  const h = args.history;
  const hist = h
    ? Prisma.sql`SELECT dt."membershipId" AS id, SUM(dt.total)::float8 AS total
                   FROM "DailyTotal" dt
                  WHERE dt."teamId" = ${args.teamId} AND dt."metricId" = ${h.metricId}
                    AND dt.day >= ${h.from}::date AND dt.day <= ${h.to}::date
                    ${team ? Prisma.empty : Prisma.sql`AND dt."membershipId" IN (SELECT id FROM down)`}
                  GROUP BY dt."membershipId"`
    : Prisma.sql`SELECT NULL::text AS id, 0::float8 AS total WHERE false`;
  const j = await queryFirst(
    db,
    contextMembers,
    Prisma.sql`
    ${team ? Prisma.sql`WITH` : Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId })},`} hist AS (${hist})
    SELECT json_agg(json_build_array(m.id, m."parentId", m."splitWeight", m."minutesPerDay", u.name, COALESCE(h.total, 0), m.slot) ORDER BY m.id)::text AS j
      FROM ${team ? Prisma.sql`"Membership" m` : Prisma.sql`down d JOIN "Membership" m ON m.id = d.id`}
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN hist h ON h.id = m.id
     ${team ? Prisma.sql`WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE'` : Prisma.empty}`,
  );
  return j ? (JSON.parse(j) as GoalMemberTuple[]) : [];
}

export type { GoalTargetRow } from "./goal-split";

const ZGoalHistoryRow = z.object({
  id: z.string(),
  membershipId: z.string().nullable(),
  reason: z.string(),
  field: z.string(),
  fromValue: zcol.int.nullable(),
  toValue: zcol.int.nullable(),
  data: z.custom<Prisma.JsonValue>((v) => v !== undefined).nullable(),
  createdAt: zcol.date,
  actorName: z.string().nullable(),
});
export type GoalHistoryRow = z.output<typeof ZGoalHistoryRow>;

const historyRows = zodRows("goal.history", ZGoalHistoryRow);

/**
 * Why targets changed: the goal's own changes and one member's, newest first, at most 200. A whole-team
 * recalculation is one goal-level row carrying every member's from → to in parallel arrays (goal-targets.ts); the
 * member's own element is picked out in SQL (`array_position`) and listed as their row, shaped like the per-member
 * rows written before (and still written for hand-set-only changes). Within one change (same timestamp) the member's
 * row comes before the goal's, as when it had the later id.
 */
export function goalHistoryRows(
  db: DbClient,
  args: { goalId: string; membershipId: string },
): Promise<GoalHistoryRow[]> {
  const { goalId, membershipId: memberId } = args;
  return queryRows(
    db,
    historyRows,
    Prisma.sql`
    WITH tc AS NOT MATERIALIZED (
      SELECT id, "membershipId", "actorId", reason, field, "fromValue", "toValue", data, "createdAt", "membershipIds",
             "personalFrom", "personalTo", "teamFrom", "teamTo"
        FROM "TargetChange"
       WHERE "goalId" = ${goalId} AND ("membershipId" = ${memberId} OR "membershipId" IS NULL)
    ), rows AS (
      SELECT id, "membershipId", "actorId", reason, field, "fromValue", "toValue", data, "createdAt", 1 AS within
        FROM tc
       WHERE field <> ${MEMBERS_ONLY_FIELD} OR "membershipId" IS NOT NULL
      UNION ALL
      SELECT tc.id || '.m', ${memberId}::text, tc."actorId", tc.reason,
             CASE WHEN m.pf IS NULL OR m.pf <> m.pt THEN 'personal' ELSE 'team' END,
             CASE WHEN m.pf IS NULL THEN NULL WHEN m.pf <> m.pt THEN m.pf ELSE m.tf END,
             CASE WHEN m.pf IS NULL OR m.pf <> m.pt THEN m.pt ELSE m.tt END,
             jsonb_build_object('personal', jsonb_build_object('from', m.pf, 'to', m.pt), 'team', jsonb_build_object('from', m.tf, 'to', m.tt)),
             tc."createdAt", 0
        FROM tc
       -- OFFSET 0 keeps each lookup a single evaluation: flattened, every use of pf/pt/… re-read (detoasted) the
       -- arrays and re-ran array_position — 230 ms instead of 20–55 ms per change at 100,000 members.
       CROSS JOIN LATERAL (SELECT array_position(tc."membershipIds", ${memberId}::text) AS i OFFSET 0) p
       CROSS JOIN LATERAL (SELECT tc."personalFrom"[p.i] AS pf, tc."personalTo"[p.i] AS pt, tc."teamFrom"[p.i] AS tf, tc."teamTo"[p.i] AS tt OFFSET 0) m
       WHERE tc."membershipIds" IS NOT NULL AND p.i IS NOT NULL
    )
    SELECT r.id, r."membershipId", r.reason, r.field, r."fromValue", r."toValue", r.data, r."createdAt", u.name AS "actorName"
      FROM rows r
      LEFT JOIN "Membership" a ON a.id = r."actorId"
      LEFT JOIN "User" u ON u.id = a."userId"
     ORDER BY r."createdAt" DESC, r.within, r.id DESC
     LIMIT 200`,
  );
}
