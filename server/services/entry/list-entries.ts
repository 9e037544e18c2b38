/**
 * A member's live entries between two days (at most 62 days), newest day first. The caller's own by default;
 * someone else's only if the caller can see them (themselves + downline; owner everyone) — checked on the procedure
 * line (`entryMemberProcedure`, server/api/policy/entry.ts).
 */
import type { DbClient } from "@/server/db-client";
import { compareDates, diffDays } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

const MAX_RANGE_DAYS = 62;

export const entrySelect = {
  id: true,
  membershipId: true,
  metricId: true,
  day: true,
  amount: true,
  note: true,
  version: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function listEntries(
  db: DbClient,
  scope: TeamScope,
  input: { membershipId?: string; from: string; to: string },
) {
  const membershipId = input.membershipId ?? scope.actor.id;
  if (compareDates(input.from, input.to) > 0) throw badRequest("The first day must not be after the last day.", "from");
  if (diffDays(input.from, input.to) >= MAX_RANGE_DAYS)
    throw badRequest(`Ask for at most ${MAX_RANGE_DAYS} days at once.`, "to");
  const rows = await db.entry.findMany({
    where: {
      teamId: scope.team.id,
      membershipId,
      deletedAt: null,
      day: { gte: toDbDay(input.from), lte: toDbDay(input.to) },
    },
    select: entrySelect,
    orderBy: [{ day: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, day: toIsoDay(r.day) }));
}
