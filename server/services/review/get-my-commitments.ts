/**
 * The signed-in member's own commitments for this week and next week (see commitment-weeks.ts), with who entered
 * each (the member, or their upline during a review), and which of the two a weekly review held today agrees
 * (`coming`). One query.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";

import type { ActorMembership } from "@/server/services/team/load-team-access";
import { commitmentWeeks } from "./commitment-weeks";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export const myCommitmentSelect = {
  weekStart: true,
  text: true,
  amount: true,
  updatedAt: true,
  enteredBy: { select: { id: true, user: { select: { name: true } } } },
} satisfies Prisma.CommitmentSelect;

export async function getMyCommitments(
  db: DbClient,
  args: { actor: ActorMembership; team: { timeZone: string; weekStartsOn: number }; today?: IsoDate },
) {
  const weeks = commitmentWeeks(args.team, args.today);
  const rows = await db.commitment.findMany({
    where: { membershipId: args.actor.id, weekStart: { in: [toDbDay(weeks.this), toDbDay(weeks.next)] } },
    select: myCommitmentSelect,
  });
  const byWeek = new Map(rows.map((r) => [toIsoDay(r.weekStart), r]));
  return (["this", "next"] as const).map((week) => {
    const row = byWeek.get(weeks[week]);
    return {
      week,
      weekStart: weeks[week],
      coming: weeks[week] === weeks.coming,
      commitment: row
        ? {
            text: row.text,
            amount: row.amount,
            updatedAt: row.updatedAt,
            enteredBy: row.enteredBy.user.name,
            enteredByMe: row.enteredBy.id === args.actor.id,
          }
        : null,
    };
  });
}
