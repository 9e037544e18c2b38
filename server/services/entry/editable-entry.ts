/**
 * Loads an entry for a change (edit or delete) inside the caller's transaction, locked FOR UPDATE so two edits cannot
 * both apply to the same version.
 *
 * Who may change it (its author; their upline when the team allows it) is checked before, on the procedure line
 * (`changeableEntryProcedure`, server/api/policy/entry.ts). What stays here depends on the locked row, which a
 * builder cannot hold: the entry still live (NOT_FOUND), the version the editor saw (CONFLICT), and its day inside the
 * logging window (allowed-days.ts) of the member the entry belongs to, so closed weeks stay as reviewed — that
 * member's days, in their time zone (an upline in London changing a New York member's entry at 01:00 Tuesday London
 * time still sees the member's Monday as today).
 */
import type { DbClient } from "@/server/db-client";
import { AppError, notFound } from "@/server/errors";
import { dayProblem, logWindow, type LogWindow, type LogWindowTeam } from "@/server/domain/allowed-days";
import { lockEntryForUpdate } from "@/server/queries/entry";
import { memberTimeZone } from "@/server/clock";
import { toIsoDay } from "@/server/domain/db-day";

export interface EditableEntry {
  id: string;
  teamId: string;
  membershipId: string;
  metricId: string;
  day: string;
  amount: number;
  note: string | null;
  version: number;
  /** The logging window of the entry's member, in their zone. */
  window: LogWindow;
}

export async function loadEditableEntry(
  tx: DbClient,
  args: { team: LogWindowTeam & { id: string }; entryId: string; version?: number; now: Date },
): Promise<EditableEntry> {
  const { team } = args;
  const row = await lockEntryForUpdate(tx, { teamId: team.id, entryId: args.entryId });
  if (!row || row.deletedAt) throw notFound("Entry");
  const { ownerTimeZone, deletedAt: _deletedAt, ...fields } = row;
  const day = toIsoDay(fields.day);
  // The window of the member whose entry it is, in the zone they live in.
  const window = logWindow(team, args.now, memberTimeZone({ timeZone: ownerTimeZone }, team));
  if (args.version !== undefined && args.version !== row.version) {
    throw new AppError("CONFLICT", "This entry was changed somewhere else in the meantime. Reload and try again.");
  }
  const problem = dayProblem(day, window);
  if (problem) throw new AppError("FORBIDDEN", `This entry is for ${day} and can no longer be changed: ${problem}`);
  return { ...fields, day, window };
}
