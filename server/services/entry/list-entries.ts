/**
 * A member's live entries between two days (at most 62 days), newest day first. The caller's own by default;
 * someone else's only if the caller can see them (themselves + downline; owner everyone).
 */
import type { DbClient } from "@/server/db-client";
import { compareDates, diffDays } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanView } from "@/server/services/team/permissions";
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
  args: { teamId: string; actor: ActorMembership; membershipId?: string; from: string; to: string },
) {
  const membershipId = args.membershipId ?? args.actor.id;
  if (compareDates(args.from, args.to) > 0) throw badRequest("The first day must not be after the last day.", "from");
  if (diffDays(args.from, args.to) >= MAX_RANGE_DAYS) throw badRequest(`Ask for at most ${MAX_RANGE_DAYS} days at once.`, "to");
  await assertCanView(db, args.actor, membershipId);
  const rows = await db.entry.findMany({
    where: {
      teamId: args.teamId,
      membershipId,
      deletedAt: null,
      day: { gte: toDbDay(args.from), lte: toDbDay(args.to) },
    },
    select: entrySelect,
    orderBy: [{ day: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, day: toIsoDay(r.day) }));
}
