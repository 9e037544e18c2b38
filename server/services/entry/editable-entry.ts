/**
 * Loads an entry for a change (edit or delete) and checks who may change it, inside the caller's transaction
 * (the row is locked FOR UPDATE so two edits cannot both apply to the same version):
 * - its author (the member it belongs to) always may;
 * - their upline (anyone above them; the owner is above everyone) may when the team allows it
 *   (`Team.uplineCanEditEntries`);
 * - anyone else who can see the member is refused; anyone who cannot see them gets NOT_FOUND, as do entries of
 *   another team.
 * Only days inside the logging window (allowed-days.ts) of the member the entry belongs to can be changed, so closed
 * weeks stay as reviewed: that member's days, in their time zone (an upline in London changing a New York member's
 * entry at 01:00 Tuesday London time still sees the member's Monday as today).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { AppError, forbidden, notFound } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { canView } from "@/server/services/team/permissions";
import { isInSubtree } from "@/server/services/tree/subtree";
import { dayProblem, logWindow, type LogWindow } from "@/server/domain/allowed-days";
import type { LogTeam } from "./load-log-team";
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
  deletedAt: Date | null;
}

export async function loadEditableEntry(
  tx: DbClient,
  args: { team: LogTeam; actor: ActorMembership; entryId: string; version?: number; now: Date },
): Promise<EditableEntry & { window: LogWindow }> {
  const { team, actor } = args;
  const rows = await tx.$queryRaw<(Omit<EditableEntry, "day"> & { day: Date; ownerTimeZone: string | null })[]>(Prisma.sql`
    SELECT e.id, e."teamId", e."membershipId", e."metricId", e.day, e.amount, e.note, e.version, e."deletedAt",
           (SELECT m."timeZone" FROM "Membership" m WHERE m.id = e."membershipId") AS "ownerTimeZone"
      FROM "Entry" e WHERE e.id = ${args.entryId} AND e."teamId" = ${team.id} FOR UPDATE`);
  const row = rows[0];
  if (!row) throw notFound("Entry");
  const { ownerTimeZone, ...fields } = row;
  const entry: EditableEntry = { ...fields, day: toIsoDay(fields.day) };
  // The window of the member whose entry it is, in the zone they live in.
  const window = logWindow(team, args.now, memberTimeZone({ timeZone: ownerTimeZone }, team));

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
  const problem = dayProblem(entry.day, window);
  if (problem) throw new AppError("FORBIDDEN", `This entry is for ${entry.day} and can no longer be changed: ${problem}`);
  return { ...entry, window };
}
