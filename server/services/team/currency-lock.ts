/**
 * The currency rule, in one place: a team's currency can be changed only while the team holds no money amount.
 * Amounts are stored as integers in the currency's minor units (server/domain/money.ts), so changing GBP to JPY would
 * silently turn £12.34 into ¥1,234. Money is held by entries on a money metric (live or deleted: a deleted entry keeps
 * its history), goals on a money metric (draft or not), commitments with an amount on a money metric and ranks with a
 * money requirement (volumes, income). The settings page states this rule; `updateTeamSettings` enforces it.
 */
import type { DbClient } from "@/server/db-client";

/** Why the team's currency is locked (a sentence for the person), or null when it may change. */
export async function currencyLockReason(db: DbClient, teamId: string): Promise<string | null> {
  const money = { unit: "MONEY" as const };
  const [entry, goal, commitment, rank] = await Promise.all([
    db.entry.findFirst({ where: { teamId, metric: money }, select: { id: true } }),
    db.goal.findFirst({ where: { teamId, metric: money }, select: { id: true } }),
    db.commitment.findFirst({ where: { teamId, amount: { not: null }, metric: money }, select: { id: true } }),
    db.rank.findFirst({
      where: { teamId, OR: [{ personalVolume: { gt: 0 } }, { teamVolume: { gt: 0 } }, { monthlyIncome: { gt: 0 } }] },
      select: { id: true },
    }),
  ]);
  if (entry) return "Money amounts have been logged in this currency, so it can no longer change.";
  if (goal) return "A money goal exists in this currency, so it can no longer change.";
  if (commitment) return "A commitment holds a money amount in this currency, so it can no longer change.";
  if (rank) return "A rank's volumes or income are set in this currency, so it can no longer change.";
  return null;
}
