/**
 * "Reach rank X (or £5k a month) by December", for the caller: the rank (chosen, or the lowest paying the income),
 * its requirements climbed month by month from last month's standing (`rampToRank`), what is still missing this
 * month, and the personally sponsored part worked back through the funnel into today's actions with the time
 * check — the same chain as a goal: requirements → monthly numbers → funnel → daily plan. Nothing is saved.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, endOfPeriod, startOfPeriod, type IsoDate } from "@/server/domain/calendar";
import { rampToRank, rankForIncome, rankGap } from "@/server/domain/rank";
import { badRequest, notFound } from "@/server/errors";
import type { TPlanToRankInput } from "@/server/schemas/rank";
import { formatAmount } from "@/server/domain/money";
import { loadFunnels, metricRefSelect, sumDailyTotals } from "@/server/queries/funnel-history";
import { activityNeeds, RATE_HISTORY_DAYS, todayPlan } from "@/server/domain/member-actions";
import type { TeamScope } from "@/server/services/team/scope";
import { loadStanding } from "./load-standing";
import { loadRanks } from "./list-ranks";
import { toDbDay } from "@/server/domain/db-day";

const MAX_MONTHS = 36;

/** For the caller themselves: anyone in the team may call it. */
export async function planToRank(db: DbClient, scope: TeamScope, input: TPlanToRankInput) {
  const { actor, team, today: asOf } = scope;
  const teamId = team.id;
  const [ranks, me] = await Promise.all([
    loadRanks(db, { teamId }),
    db.membership.findUniqueOrThrow({ where: { id: actor.id }, select: { minutesPerDay: true } }),
  ]);
  if (ranks.length === 0) throw badRequest("The team has no ranks yet.", "rankId");
  let rank = input.rankId ? ranks.find((r) => r.id === input.rankId) : undefined;
  if (input.rankId && !rank) throw notFound("Rank");
  if (!rank) {
    const income = input.monthlyIncome ?? 0;
    rank = rankForIncome(ranks, income) ?? undefined;
    const top = ranks[ranks.length - 1]!;
    const money = (a: number) => formatAmount(a, "MONEY", team.currency);
    if (!rank)
      throw badRequest(
        `No rank pays ${money(income)} a month; the top rank, ${top.name}, pays about ${money(top.monthlyIncome)}.`,
        "monthlyIncome",
      );
  }
  if (input.deadline < asOf) throw badRequest("The deadline has passed; choose a later date.", "deadline");

  const thisMonth = startOfPeriod(asOf, "month");
  const lastMonthStart = startOfPeriod(addDays(thisMonth, -1), "month");
  const months: { start: IsoDate; end: IsoDate }[] = [];
  for (let m = thisMonth; m <= input.deadline; m = addDays(endOfPeriod(m, "month"), 1)) {
    months.push({ start: m, end: endOfPeriod(m, "month") });
    if (months.length > MAX_MONTHS) throw badRequest(`Choose a deadline within ${MAX_MONTHS} months.`, "deadline");
  }
  // Measured with the chosen rank's rules (its leg cap, the rank its legs must hold): server/domain/rank-legs.ts.
  const rules = { ranks, rankId: rank.id };
  const [lastMonth, soFar] = await Promise.all([
    loadStanding(db, {
      teamId,
      membershipId: actor.id,
      from: lastMonthStart,
      to: addDays(thisMonth, -1),
      ...rules,
    }),
    loadStanding(db, { teamId, membershipId: actor.id, from: thisMonth, to: asOf, ...rules }),
  ]);
  const ramp = rampToRank(lastMonth, rank, months.length);
  const thisMonthTarget = ramp[0]!;
  const gapThisMonth = rankGap({ ...rank, ...thisMonthTarget }, soFar);

  // The sponsored people still needed this month, worked back through the funnel into today's actions.
  const sponsors = await db.metric.findFirst({
    where: { teamId, key: "sponsors", archivedAt: null },
    select: metricRefSelect,
  });
  let needs: ReturnType<typeof activityNeeds> = [];
  if (sponsors && gapThisMonth.personallySponsored > 0) {
    const steps = (await loadFunnels(db, { teamId, resultMetricIds: [sponsors.id] })).get(sponsors.id) ?? [];
    const history =
      (
        await sumDailyTotals(db, {
          teamId,
          membershipIds: [actor.id],
          metricIds: [sponsors.id, ...steps.map((s) => s.id)],
          from: toDbDay(addDays(asOf, -RATE_HISTORY_DAYS)),
          to: toDbDay(addDays(asOf, -1)),
        })
      ).get(actor.id) ?? {};
    needs = activityNeeds({ result: sponsors, amount: gapThisMonth.personallySponsored, steps, history });
  }
  const today = todayPlan({
    today: asOf,
    deadline: endOfPeriod(asOf, "month"),
    workingDays: team.workingDays,
    needs,
    minutesPerDay: me.minutesPerDay,
  });
  return {
    rank,
    lastMonth,
    thisMonthSoFar: soFar,
    months: months.map((m, i) => ({ ...m, ...ramp[i]! })),
    gapThisMonth,
    needs,
    todayActions: today.actions,
    timeCheck: today.timeCheck,
    minutesPerDay: today.minutesPerDay,
  };
}
