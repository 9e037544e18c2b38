/**
 * The goal's hand-written reads: the subtree a goal is planned over (with each member's history actual), a goal's
 * current targets, and the change history a member sees. Big results travel as a few texts per query (decoding
 * 100,000 rows through the driver costs several times splitting one text). Writes are in goal-targets.ts.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { subtreeCte } from "@/server/queries/tree";
import { col, mappedRows, queryRows, zcol, zodRows } from "./decode";
import { positionsBySlot } from "@/server/domain/goal-split";
import { slotBytes, slotPersonal, slotTeam } from "./goal-split";
import { MEMBERS_ONLY_FIELD } from "./goal-targets";
import { aggregateNames, splitNames } from "./name-column";

/**
 * The members a goal is planned over, as parallel columns sorted by id (index i is one member in every column):
 * 100,000 members arrive as three values — the ids and the names as texts split once, the numbers as 24 bytes a
 * member — not 100,000 JSON rows (`json_build_array` per member cost PostgreSQL ~200 ms more at 100k and JSON.parse
 * as much again).
 */
export interface GoalMembers {
  id: string[];
  /** The upline's slot (`Membership.slot`, null for none): the tree without resolving ids. */
  parentSlot: (number | null)[];
  splitWeight: number[];
  minutesPerDay: (number | null)[];
  name: string[];
  historyActual: number[];
  slot: number[];
}

const contextColumns = mappedRows("goal.contextMembers", (r) => ({
  ids: col.stringOrNull(r, "ids"),
  names: col.stringOrNull(r, "names"),
  numbers: r.numbers === null ? null : col.bytes(r, "numbers"),
}));

/**
 * A member's numbers, big-endian as PostgreSQL's int4send/float8send write them: upline slot (−1: none), split
 * weight, minutes a day (−2^31: not set), slot, then — when the history is joined in — the history actual as a
 * float8. The whole team's history apart: slot, then the sum as a float8.
 */
const NUMBERS_BYTES = 16;
const HISTORY_BYTES = 12;

const historyColumn = mappedRows("goal.contextHistory", (r) => ({
  numbers: r.numbers === null ? null : col.bytes(r, "numbers"),
}));
const NO_MINUTES = -2147483648;

const EMPTY_MEMBERS: GoalMembers = {
  id: [],
  parentSlot: [],
  splitWeight: [],
  minutesPerDay: [],
  name: [],
  historyActual: [],
  slot: [],
};

/** The metric whose actuals are summed, over `from`..`to` (the days before the goal's start). */
type HistoryWindow = { metricId: string; from: IsoDate; to: IsoDate };

interface ContextArgs {
  teamId: string;
  rootId: string;
  wholeTeam: boolean;
  history: HistoryWindow | null;
  /** false: every name is "" (no join of the team's users: ~110 ms at 100,000 members). Default true. */
  names?: boolean;
}

/**
 * The subtree's active members with their details and history actual, sorted by id. The whole team (a root without
 * upline, `wholeTeam`) is read without recursion — a recursive CTE over 100,000 members cost ~0.9 s — and its history
 * aggregated over the team (a semi-join on 100,000 ids made the planner probe DailyTotal once per member: 3 s against
 * 0.3 s). `history` null: every history actual is 0.
 *
 * The whole team's history is a second query, sent with the first (on a transaction's one connection they run one
 * after the other): joined to the members, its aggregate became the inner side of a parallel plan that every
 * PostgreSQL worker built again, whole (100,000 members: 560–730 ms against 280–350 + 160 ms for the two apart,
 * docs/PERFORMANCE.md "Round nine"). It comes back by slot and lands on its member by an array index. A subtree's
 * history stays joined in one query: its recursion is not parallel, and run twice it cost more than it saved (a
 * 16,000-member branch: ~600 ms in one query, ~750 in two).
 */
export async function goalContextMembers(db: DbClient, args: ContextArgs): Promise<GoalMembers> {
  const h = args.history;
  const apart = h !== null && args.wholeTeam;
  const [members, history] = await Promise.all([
    contextMembers(db, { ...args, history: apart ? null : h }),
    apart ? teamHistoryBySlot(db, { teamId: args.teamId, history: h }) : null,
  ]);
  if (history) {
    const position = positionsBySlot(members.slot);
    const view = new DataView(history.buffer, history.byteOffset, history.byteLength);
    for (let at = 0; at < history.byteLength; at += HISTORY_BYTES) {
      const i = position.slotAt(view.getInt32(at));
      if (i >= 0) members.historyActual[i] = view.getFloat64(at + 4);
    }
  }
  return members;
}

/** The members' columns; each one's history actual joined in when `history` is given, else 0. */
async function contextMembers(db: DbClient, args: ContextArgs): Promise<GoalMembers> {
  const team = args.wholeTeam;
  const names = args.names !== false;
  const h = args.history;
  const hist = h
    ? Prisma.sql`SELECT dt."membershipId" AS id, SUM(dt.total)::float8 AS total
                   FROM "DailyTotal" dt
                  WHERE dt."teamId" = ${args.teamId} AND dt."metricId" = ${h.metricId}
                    AND dt.day >= ${h.from}::date AND dt.day <= ${h.to}::date
                    ${team ? Prisma.empty : Prisma.sql`AND dt."membershipId" IN (SELECT id FROM down)`}
                  GROUP BY dt."membershipId"`
    : Prisma.sql`SELECT NULL::text AS id, 0::float8 AS total WHERE false`;
  const bytes = h ? NUMBERS_BYTES + 8 : NUMBERS_BYTES;
  // The aggregates read one sorted feed together, so the columns line up row for row whatever order arrives;
  // the order itself is checked (and restored) below.
  const [c] = await queryRows(
    db,
    contextColumns,
    Prisma.sql`
    ${team ? Prisma.sql`WITH` : Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId })},`} hist AS (${hist}),
    s AS (
      SELECT m.id, p.slot AS "parentSlot", m."splitWeight", m."minutesPerDay",
             ${names ? Prisma.sql`u.name` : Prisma.sql`NULL::text AS name`}, COALESCE(h.total, 0) AS total, m.slot
        FROM ${team ? Prisma.sql`"Membership" m` : Prisma.sql`down d JOIN "Membership" m ON m.id = d.id`}
        ${names ? Prisma.sql`JOIN "User" u ON u.id = m."userId"` : Prisma.empty}
        LEFT JOIN "Membership" p ON p.id = m."parentId"
        LEFT JOIN hist h ON h.id = m.id
       ${team ? Prisma.sql`WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE'` : Prisma.empty}
       ORDER BY m.id
    )
    SELECT string_agg(id, ',') AS ids, ${names ? aggregateNames(Prisma.sql`name`) : Prisma.sql`NULL::text`} AS names,
           string_agg(int4send(COALESCE("parentSlot", -1)) || int4send("splitWeight")
                      || int4send(COALESCE("minutesPerDay", ${NO_MINUTES})) || int4send(slot)
                      ${h ? Prisma.sql`|| float8send(total)` : Prisma.empty}, ''::bytea) AS numbers
      FROM s`,
  );
  if (!c?.ids) return EMPTY_MEMBERS;
  if (c.numbers === null) throw new Error("goal.contextMembers: no numbers");
  const id = c.ids.split(",");
  const n = id.length;
  const name = names ? splitNames(c.names, n, "goal.contextMembers") : new Array<string>(n).fill("");
  if (c.numbers.length !== n * bytes) {
    throw new Error("goal.contextMembers: the columns have different lengths");
  }
  const view = new DataView(c.numbers.buffer, c.numbers.byteOffset, c.numbers.byteLength);
  const members: GoalMembers = {
    id,
    parentSlot: new Array<number | null>(n),
    splitWeight: new Array<number>(n),
    minutesPerDay: new Array<number | null>(n),
    name,
    historyActual: new Array<number>(n),
    slot: new Array<number>(n),
  };
  for (let i = 0, at = 0; i < n; i++, at += bytes) {
    const parent = view.getInt32(at);
    const minutes = view.getInt32(at + 8);
    members.parentSlot[i] = parent < 0 ? null : parent;
    members.splitWeight[i] = view.getInt32(at + 4);
    members.minutesPerDay[i] = minutes === NO_MINUTES ? null : minutes;
    members.slot[i] = view.getInt32(at + 12);
    members.historyActual[i] = h ? view.getFloat64(at + 16) : 0;
  }
  return isSorted(id) ? members : sortById(members);
}

/**
 * Each active member's sum of the metric over the history window, the whole team's, for those with any: 12 bytes a
 * member (slot, then the sum as a float8), in no particular order.
 */
async function teamHistoryBySlot(db: DbClient, args: { teamId: string; history: HistoryWindow }): Promise<Uint8Array> {
  const h = args.history;
  const [row] = await queryRows(
    db,
    historyColumn,
    Prisma.sql`
    WITH hist AS (
      SELECT dt."membershipId" AS id, SUM(dt.total)::float8 AS total
        FROM "DailyTotal" dt
       WHERE dt."teamId" = ${args.teamId} AND dt."metricId" = ${h.metricId}
         AND dt.day >= ${h.from}::date AND dt.day <= ${h.to}::date
       GROUP BY dt."membershipId"
    )
    SELECT string_agg(int4send(m.slot) || float8send(hist.total), ''::bytea) AS numbers
      FROM hist JOIN "Membership" m ON m.id = hist.id
     WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE'`,
  );
  const bytes = row?.numbers ?? new Uint8Array(0);
  if (bytes.length % HISTORY_BYTES !== 0) throw new Error("goal.contextHistory: a member's numbers are cut short");
  return bytes;
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

/** The columns in id order (code-unit order, as PostgreSQL's "C" collation) — when the feed arrived out of order. */
function sortById(m: GoalMembers): GoalMembers {
  const order = m.id.map((_, i) => i).sort((a, b) => (m.id[a]! < m.id[b]! ? -1 : m.id[a]! > m.id[b]! ? 1 : 0));
  const pick = <T>(column: T[]) => order.map((i) => column[i]!);
  return {
    id: pick(m.id),
    parentSlot: pick(m.parentSlot),
    splitWeight: pick(m.splitWeight),
    minutesPerDay: pick(m.minutesPerDay),
    name: pick(m.name),
    historyActual: pick(m.historyActual),
    slot: pick(m.slot),
  };
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
             "personalFrom", "personalTo", "teamFrom", "teamTo", "splitBefore", "splitAfter"
        FROM "TargetChange"
       WHERE "goalId" = ${goalId} AND ("membershipId" = ${memberId} OR "membershipId" IS NULL)
    ), me AS (
      -- The member's slot, within the goal's team: a slot is a team's own (server/queries/goal-split.ts).
      SELECT m.slot FROM "Membership" m JOIN "Goal" g ON g.id = ${goalId} AND g."teamId" = m."teamId" WHERE m.id = ${memberId}
    ), mine AS (
      -- The member's own from → to in each whole-team change, from either record of it.
      SELECT tc.id, tc."actorId", tc.reason, tc."createdAt", m.pf, m.pt, m.tf, m.tt
        FROM tc
       -- OFFSET 0 keeps each lookup a single evaluation: flattened, every use of pf/pt/… re-read (detoasted) the
       -- arrays and re-ran array_position — 230 ms instead of 20–55 ms per change at 100,000 members.
       CROSS JOIN LATERAL (SELECT array_position(tc."membershipIds", ${memberId}::text) AS i OFFSET 0) p
       CROSS JOIN LATERAL (SELECT tc."personalFrom"[p.i] AS pf, tc."personalTo"[p.i] AS pt, tc."teamFrom"[p.i] AS tf, tc."teamTo"[p.i] AS tt OFFSET 0) m
       WHERE tc."membershipIds" IS NOT NULL AND p.i IS NOT NULL
      UNION ALL
      -- A change recorded as the split before and after: the member is in it where their 8 bytes differ (each
      -- slice read once: OFFSET 0, as above).
      SELECT tc.id, tc."actorId", tc.reason, tc."createdAt", m.pf, m.pt, m.tf, m.tt
        FROM tc
       CROSS JOIN me
       CROSS JOIN LATERAL (SELECT ${slotBytes(Prisma.sql`tc."splitBefore"`, Prisma.sql`me.slot`)} AS b,
                                  ${slotBytes(Prisma.sql`tc."splitAfter"`, Prisma.sql`me.slot`)} AS a OFFSET 0) x
       CROSS JOIN LATERAL (SELECT ${slotPersonal(Prisma.sql`x.b`)} AS pf, ${slotPersonal(Prisma.sql`x.a`)} AS pt,
                                  ${slotTeam(Prisma.sql`x.b`)} AS tf, ${slotTeam(Prisma.sql`x.a`)} AS tt OFFSET 0) m
       WHERE tc."splitAfter" IS NOT NULL AND x.a IS DISTINCT FROM x.b AND m.pt IS NOT NULL
    ), rows AS (
      SELECT id, "membershipId", "actorId", reason, field, "fromValue", "toValue", data, "createdAt", 1 AS within
        FROM tc
       WHERE field <> ${MEMBERS_ONLY_FIELD} OR "membershipId" IS NOT NULL
      UNION ALL
      SELECT m.id || '.m', ${memberId}::text, m."actorId", m.reason,
             CASE WHEN m.pf IS NULL OR m.pf <> m.pt THEN 'personal' ELSE 'team' END,
             CASE WHEN m.pf IS NULL THEN NULL WHEN m.pf <> m.pt THEN m.pf ELSE m.tf END,
             CASE WHEN m.pf IS NULL OR m.pf <> m.pt THEN m.pt ELSE m.tt END,
             jsonb_build_object('personal', jsonb_build_object('from', m.pf, 'to', m.pt), 'team', jsonb_build_object('from', m.tf, 'to', m.tt)),
             m."createdAt", 0
        FROM mine m
    )
    SELECT r.id, r."membershipId", r.reason, r.field, r."fromValue", r."toValue", r.data, r."createdAt", u.name AS "actorName"
      FROM rows r
      LEFT JOIN "Membership" a ON a.id = r."actorId"
      LEFT JOIN "User" u ON u.id = a."userId"
     ORDER BY r."createdAt" DESC, r.within, r.id DESC
     LIMIT 200`,
  );
}
