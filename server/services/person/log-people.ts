/**
 * The names list on the Log page (issue 18): today's follow-ups (first in today's actions, overdue counted —
 * server/domain/follow-ups.ts) and the short "who was it?" list offered after a tap. The member's own list only.
 * Two small reads on the list's `(membershipId, nextFollowUp)` index and its newest changes, whatever its size.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { followUpPlan, whoWasItList, WHO_WAS_IT_SIZE, type DuePerson } from "@/server/domain/follow-ups";

/** More due people than this are still counted, from the oldest on (the list shows a handful by name). */
const DUE_READ_LIMIT = 500;

export async function logPeople(db: DbClient, args: { teamId: string; membershipId: string; today: IsoDate }) {
  const where = { teamId: args.teamId, membershipId: args.membershipId, archivedAt: null };
  const today = toDbDay(args.today);
  const [dueRows, recent] = await Promise.all([
    db.person.findMany({
      where: { ...where, nextFollowUp: { lte: today } },
      select: {
        id: true,
        name: true,
        nextFollowUp: true,
        touches: { where: { day: today }, select: { id: true }, take: 1 },
      },
      orderBy: [{ nextFollowUp: "desc" }, { id: "asc" }],
      take: DUE_READ_LIMIT,
    }),
    db.person.findMany({
      where,
      select: { id: true, name: true },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: WHO_WAS_IT_SIZE,
    }),
  ]);
  const due: DuePerson[] = dueRows.map((p) => ({
    id: p.id,
    name: p.name,
    nextFollowUp: toIsoDay(p.nextFollowUp!),
    touchedToday: p.touches.length > 0,
  }));
  return {
    followUps: followUpPlan({ today: args.today, people: due }),
    whoWasIt: whoWasItList({ today: args.today, due, recent }),
  };
}

export type LogPeople = Awaited<ReturnType<typeof logPeople>>;
