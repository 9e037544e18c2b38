/**
 * `person.importPreview` / `person.import`: people from a phone's contacts export (vCard) or a CSV file onto the
 * caller's own list. The preview reads and checks every row and writes nothing; the import writes, in one
 * transaction, every new valid row (or refuses the whole file while a row has errors, unless `onlyValid`).
 *
 * Duplicates are flagged, never doubled: a row whose email or phone is already on the caller's list (archived people
 * included), or on an earlier row of the same file, is skipped. Each person gets a new id derived from the device's
 * `importId` and the row, so a retried import (a lost response) creates nobody twice.
 *
 * Own list only: the rows always land on the caller's membership (the input names no list), and duplicates are
 * looked for on that list alone — nothing is said about anyone else's.
 */
import { createHash } from "node:crypto";
import type { Db, DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { emailKey, parsePeople, phoneKey, type PersonDraft } from "@/server/domain/person-transfer";
import { ZPersonFields } from "@/server/schemas/person";
import type { TImportPeopleInput, TImportPreviewInput } from "@/server/schemas/person-transfer";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";

export type ImportPreviewRow =
  | { row: number; status: "new"; person: PersonDraft }
  | { row: number; status: "duplicate"; person: PersonDraft; duplicateOf: "list" | number }
  | { row: number; status: "error"; label: string; errors: string[] };

export interface ImportPreview {
  rows: ImportPreviewRow[];
  counts: { new: number; duplicate: number; error: number };
  fileError: string | null;
}

export async function previewImport(
  db: DbClient,
  scope: TeamScope,
  input: TImportPreviewInput,
): Promise<ImportPreview> {
  const parsed = parsePeople(input.format, input.content);
  if (parsed.fileError) return { rows: [], counts: { new: 0, duplicate: 0, error: 0 }, fileError: parsed.fileError };

  const existing = await db.person.findMany({
    where: { membershipId: scope.actor.id, OR: [{ email: { not: null } }, { phone: { not: null } }] },
    select: { email: true, phone: true },
  });
  const onList = new Set<string>();
  for (const p of existing) {
    const e = emailKey(p.email);
    const ph = phoneKey(p.phone);
    if (e) onList.add(`e:${e}`);
    if (ph) onList.add(`p:${ph}`);
  }
  const inFile = new Map<string, number>();
  const rows = parsed.rows.map((r): ImportPreviewRow => {
    if (!r.ok) return { row: r.row, status: "error", label: r.label, errors: r.errors };
    // The names list's own rules (the same schema as adding a person by hand) have the last word.
    const checked = ZPersonFields.safeParse(r.person);
    if (!checked.success) {
      const errors = checked.error.issues.map((i) => `${String(i.path[0] ?? "Row")}: ${i.message}.`);
      return { row: r.row, status: "error", label: r.person.name.slice(0, 80), errors };
    }
    const keys = [emailKey(r.person.email), phoneKey(r.person.phone)]
      .map((k, i) => (k ? `${i === 0 ? "e" : "p"}:${k}` : null))
      .filter((k): k is string => k !== null);
    if (keys.some((k) => onList.has(k)))
      return { row: r.row, status: "duplicate", person: r.person, duplicateOf: "list" };
    const earlier = keys.map((k) => inFile.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) return { row: r.row, status: "duplicate", person: r.person, duplicateOf: earlier };
    for (const k of keys) inFile.set(k, r.row);
    return { row: r.row, status: "new", person: r.person };
  });
  const count = (status: ImportPreviewRow["status"]) => rows.filter((r) => r.status === status).length;
  return { rows, counts: { new: count("new"), duplicate: count("duplicate"), error: count("error") }, fileError: null };
}

/** A UUID from the device's import id, the list and the row: the same row of the same import is the same person. */
export function importedPersonId(importId: string, membershipId: string, row: number): string {
  const h = createHash("sha256").update(`${importId}:${membershipId}:${row}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function importPeople(db: Db, scope: TeamScope, input: TImportPeopleInput) {
  const { actor } = scope;
  return db.$transaction(async (tx) => {
    const preview = await previewImport(tx, scope, input);
    if (preview.fileError) throw new AppError("BAD_REQUEST", preview.fileError);
    if (preview.counts.error > 0 && !input.onlyValid) {
      throw new AppError(
        "BAD_REQUEST",
        `${preview.counts.error} row(s) have errors. Fix them, or import only the valid rows.`,
        { field: "onlyValid" },
      );
    }
    const fresh = preview.rows.filter((r) => r.status === "new");
    const created = fresh.length
      ? await tx.person.createMany({
          data: fresh.map((r) => ({
            id: importedPersonId(input.importId, actor.id, r.row),
            teamId: actor.teamId,
            membershipId: actor.id,
            ...r.person,
          })),
          skipDuplicates: true,
        })
      : { count: 0 };
    if (created.count > 0) {
      await recordActorEvent(tx, actor, {
        action: "person.imported",
        data: { count: created.count, format: input.format },
      });
    }
    return {
      created: created.count,
      duplicates: preview.counts.duplicate,
      skipped: preview.counts.error,
    };
  });
}
