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
import { readExportEntriesPage } from "@/server/queries/team";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay } from "@/server/domain/db-day";

export const ENTRY_EXPORT_HEADER = [
  "day",
  "member",
  "email",
  "member_status",
  "metric",
  "unit",
  "amount",
  "currency",
  "note",
  "entry_id",
] as const;
const PAGE = 5000;

export async function* exportEntriesCsv(
  db: DbClient,
  scope: TeamScope,
  input: { pageSize?: number } = {},
): AsyncGenerator<string> {
  const page = input.pageSize ?? PAGE;
  // Checked here, not on a procedure line: the export is a REST route (app/api/teams/[teamId]/entries/route.ts).
  if (scope.actor.role !== "OWNER") throw forbidden("Only the team owner can export the whole team's history.");
  const { currency } = scope.team;
  yield toCsv([ENTRY_EXPORT_HEADER]) + "\r\n";
  let after: { day: Date; id: string } | null = null;
  for (;;) {
    const rows = await readExportEntriesPage(db, { teamId: scope.team.id, after, limit: page });
    if (rows.length === 0) return;
    yield (
      toCsv(
        rows.map((r) => {
          const money = r.unit === "MONEY";
          const amount = money ? toMajorString(r.amount, currency) : r.amount;
          return [
            toIsoDay(r.day),
            r.name,
            r.email,
            r.status.toLowerCase(),
            r.metric,
            r.unit.toLowerCase(),
            amount,
            money ? currency : "",
            r.note ?? "",
            r.id,
          ];
        }),
      ) + "\r\n"
    );
    const last = rows.at(-1)!;
    after = { day: last.day, id: last.id };
    if (rows.length < page) return;
  }
}
