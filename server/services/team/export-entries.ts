/**
 * The owner's export of every entry ever logged in the team — including those of removed members, whose history is
 * kept (removal deactivates, it never deletes) — as CSV, produced in pages (keyset on day, id) so a team of
 * 100,000 members streams without holding everything in memory. Deleted entries are left out; edits show their
 * current values. Each row names its metric's unit; money is in major units of the team currency ("3012.50", with
 * the currency in its own column), counts and minutes are whole numbers. Names and notes are made safe to open in a
 * spreadsheet (server/domain/csv.ts).
 */
import type { DbClient } from "@/server/db-client";
import { toCsv } from "@/server/domain/csv";
import { toMajorString } from "@/server/domain/money";
import { forbidden } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { toIsoDay } from "@/server/domain/db-day";

export const ENTRY_EXPORT_HEADER = ["day", "member", "email", "member_status", "metric", "unit", "amount", "currency", "note", "entry_id"] as const;
const PAGE = 5000;

interface Row {
  id: string;
  day: Date;
  amount: number;
  note: string | null;
  name: string | null;
  email: string;
  status: string;
  metric: string;
  unit: string;
}

export async function* exportEntriesCsv(db: DbClient, args: { actor: ActorMembership; pageSize?: number }): AsyncGenerator<string> {
  const page = args.pageSize ?? PAGE;
  if (args.actor.role !== "OWNER") throw forbidden("Only the team owner can export the whole team's history.");
  const { currency } = await db.team.findUniqueOrThrow({ where: { id: args.actor.teamId }, select: { currency: true } });
  yield toCsv([ENTRY_EXPORT_HEADER]) + "\r\n";
  let after: { day: Date; id: string } | null = null;
  for (;;) {
    const rows: Row[] = await db.$queryRaw<Row[]>`
      SELECT e.id, e.day, e.amount, e.note, u.name, u.email, m.status::text AS status, k.name AS metric, k.unit::text AS unit
      FROM "Entry" e
      JOIN "Membership" m ON m.id = e."membershipId"
      JOIN "User" u ON u.id = m."userId"
      JOIN "Metric" k ON k.id = e."metricId"
      WHERE e."teamId" = ${args.actor.teamId} AND e."deletedAt" IS NULL
        AND (${after === null} OR (e.day, e.id) > (${after?.day ?? new Date(0)}::date, ${after?.id ?? ""}))
      ORDER BY e.day, e.id
      LIMIT ${page}`;
    if (rows.length === 0) return;
    yield toCsv(
      rows.map((r) => {
        const money = r.unit === "MONEY";
        const amount = money ? toMajorString(r.amount, currency) : r.amount;
        return [toIsoDay(r.day), r.name ?? "", r.email, r.status.toLowerCase(), r.metric, r.unit.toLowerCase(), amount, money ? currency : "", r.note ?? "", r.id];
      }),
    ) + "\r\n";
    const last = rows.at(-1)!;
    after = { day: last.day, id: last.id };
    if (rows.length < page) return;
  }
}
