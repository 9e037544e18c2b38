/**
 * Loads an entry for a change (edit or delete) and checks who may change it, inside the caller's transaction
 * (the row is locked FOR UPDATE so two edits cannot both apply to the same version):
 * - its author (the member it belongs to) always may;
 * - their upline (anyone above them; the owner is above everyone) may when the team allows it
 *   (`Team.uplineCanEditEntries`);
 * - anyone else who can see the member is refused; anyone who cannot see them gets NOT_FOUND, as do entries of
 *   another team.
 * Only days inside the logging window (allowed-days.ts) can be changed, so closed weeks stay as reviewed.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { AppError, forbidden, notFound } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { canView } from "@/server/services/team/permissions";
import { isInSubtree } from "@/server/services/tree/subtree";
import { dayProblem, type LogWindow } from "./allowed-days";
import type { LogTeam } from "./load-log-team";

export interface EditableEntry {
  id: string;
  teamId: string;
  membershipId: string;
  metricId: string;
  day: string;
  amount: number;
  note: string | null;
  version: number;
  deletedAt: Date | null;
}

export async function loadEditableEntry(
  tx: DbClient,
  args: { team: LogTeam; actor: ActorMembership; entryId: string; version?: number; window: LogWindow },
): Promise<EditableEntry> {
  const { team, actor } = args;
  const rows = await tx.$queryRaw<(Omit<EditableEntry, "day"> & { day: Date })[]>(Prisma.sql`
    SELECT id, "teamId", "membershipId", "metricId", day, amount, note, version, "deletedAt"
      FROM "Entry" WHERE id = ${args.entryId} AND "teamId" = ${team.id} FOR UPDATE`);
  const row = rows[0];
  if (!row) throw notFound("Entry");
  const entry: EditableEntry = { ...row, day: row.day.toISOString().slice(0, 10) };

  if (entry.membershipId !== actor.id) {
    const isUpline = await isInSubtree(tx, { teamId: team.id, ancestorId: actor.id, memberId: entry.membershipId });
    if (!isUpline) {
      if (await canView(tx, actor, entry.membershipId)) throw forbidden("Only the member who logged this entry can change it.");
      throw notFound("Entry");
    }
    if (!team.uplineCanEditEntries) {
      throw forbidden("Your team does not let uplines change their members' entries. Ask the member to change it.");
    }
  }
  if (entry.deletedAt) throw notFound("Entry");
  if (args.version !== undefined && args.version !== entry.version) {
    throw new AppError("CONFLICT", "This entry was changed somewhere else in the meantime. Reload and try again.");
  }
  const problem = dayProblem(entry.day, args.window);
  if (problem) throw new AppError("FORBIDDEN", `This entry is for ${entry.day} and can no longer be changed: ${problem}`);
  return entry;
}
