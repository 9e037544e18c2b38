/**
 * `person.export`: the caller's own names list as a CSV file (formula-safe, server/domain/csv.ts via
 * `peopleToCsv`). The columns `person.import` reads come first (name, email, phone, handle, source, tags, notes), so an
 * exported file imports back as the same people; then stage, outcome, next follow-up and archived, for the
 * spreadsheet. A member removed from the team still exports their own list (`listReaderProcedure`); nobody exports
 * anyone else's.
 */
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import { peopleToCsv } from "@/server/domain/person-transfer";
import type { ListReader } from "./person-access";

export const EXPORT_EXTRA_FIELDS = ["stage", "outcome", "next_follow_up", "archived"] as const;

export async function exportPeople(db: DbClient, reader: Pick<ListReader, "teamId" | "membershipId">) {
  const [people, team] = await Promise.all([
    db.person.findMany({
      where: { membershipId: reader.membershipId, teamId: reader.teamId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        name: true,
        email: true,
        phone: true,
        handle: true,
        source: true,
        tags: true,
        notes: true,
        outcome: true,
        nextFollowUp: true,
        archivedAt: true,
        stage: { select: { name: true } },
      },
    }),
    db.team.findUniqueOrThrow({ where: { id: reader.teamId }, select: { slug: true } }),
  ]);
  const csv = peopleToCsv(
    people.map((p) => ({
      ...p,
      extra: [
        p.stage?.name ?? null,
        p.outcome?.toLowerCase() ?? null,
        p.nextFollowUp ? toIsoDay(p.nextFollowUp) : null,
        p.archivedAt ? "yes" : null,
      ],
    })),
    EXPORT_EXTRA_FIELDS,
  );
  return { fileName: `${team.slug}-names.csv`, csv, count: people.length };
}
