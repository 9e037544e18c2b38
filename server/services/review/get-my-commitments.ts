/**
 * The signed-in member's own commitments for this week and next week (server/domain/review-week.ts
 * `commitmentWeeks`, as of the team's today), with who entered each (the member, or their upline during a review),
 * and which of the two a weekly review held today agrees (`coming`). One query.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { commitmentWeeks } from "@/server/domain/review-week";
import type { TeamScope } from "@/server/services/team/scope";

export const myCommitmentSelect = {
  weekStart: true,
  text: true,
  amount: true,
  updatedAt: true,
  enteredBy: { select: { id: true, user: { select: { name: true } } } },
} satisfies Prisma.CommitmentSelect;

export async function getMyCommitments(db: DbClient, scope: TeamScope) {
  const weeks = commitmentWeeks(scope.today, scope.team.weekStartsOn);
  const rows = await db.commitment.findMany({
    where: { membershipId: scope.actor.id, weekStart: { in: [toDbDay(weeks.this), toDbDay(weeks.next)] } },
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
            enteredByMe: row.enteredBy.id === scope.actor.id,
          }
        : null,
    };
  });
}
