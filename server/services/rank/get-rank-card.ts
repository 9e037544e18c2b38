/**
 * The rank report card of a member (the caller, or anyone in their branch: `rankCardProcedure`,
 * server/api/policy/rank.ts), for a month of the member's own calendar (their zone):
 * - every requirement of the rank measured against (default: the next rank above the one paid) as required /
 *   actual / remaining / %, with the team's rules (leg cap, the rank legs must hold, what "active" means);
 * - the rank paid this period and the highest rank reached in the last 24 months (on today's tree);
 * - the legs: each leg's volume, what of it counts after the cap, the highest rank held in it;
 * - this month only: "at this pace you reach Gold on 14 Mar" (each member's volume forecast with `paceModel` over
 *   the open days left, re-ranked day by day) and the leg whose growth meets the team requirements most cheaply.
 * One SQL read for the whole subtree and 24 months (server/queries/rank.ts); the math is server/domain/rank-legs.ts.
 */
import type { DbClient } from "@/server/db-client";
import { memberToday } from "@/server/clock";
import {
  addDays,
  countOpenDays,
  endOfPeriod,
  isOpenDay,
  startOfPeriod,
  type IsoDate,
  type WorkCalendar,
} from "@/server/domain/calendar";
import {
  cheapestLeg,
  evaluateRanks,
  legsOf,
  projectRank,
  requirementLines,
  sortRules,
} from "@/server/domain/rank-legs";
import { badRequest, notFound } from "@/server/errors";
import type { TRankCardInput } from "@/server/schemas/rank";
import { teamHolidayDays } from "@/server/services/calendar/team-holiday-days";
import type { TeamScope } from "@/server/services/team/scope";
import { loadRanks } from "./list-ranks";
import { loadRankSubtree, rankMetricIds } from "./load-rank-tree";

/** Months offered by the period picker (this month and the 11 before), and looked back for the highest rank. */
export const PERIOD_MONTHS = 12;
export const HISTORY_MONTHS = 24;
/** Calendar days of recent logging the pace is read from (ending today). */
export const PACE_WINDOW_DAYS = 14;

const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** The month `back` months before the month starting `monthStart`. */
function monthBack(monthStart: IsoDate, back: number): { value: string; start: IsoDate; end: IsoDate } {
  let start = monthStart;
  for (let k = 0; k < back; k++) start = startOfPeriod(addDays(start, -1), "month");
  return { value: start.slice(0, 7), start, end: endOfPeriod(start, "month") };
}

export async function getRankCard(db: DbClient, scope: TeamScope, input: TRankCardInput & { subjectId: string }) {
  const { team, actor } = scope;
  const subject = await db.membership.findFirst({
    where: { id: input.subjectId, teamId: team.id, status: "ACTIVE" },
    select: { id: true, timeZone: true, user: { select: { name: true } } },
  });
  if (!subject) throw notFound("Member");
  const today = memberToday(subject, team);
  const thisMonth = startOfPeriod(today, "month");
  const periods = Array.from({ length: PERIOD_MONTHS }, (_, k) => {
    const m = monthBack(thisMonth, k);
    return { ...m, label: monthLabel.format(new Date(`${m.start}T00:00:00.000Z`)) };
  });
  const period = input.period ? periods.find((p) => p.value === input.period) : periods[0]!;
  if (!period) throw badRequest(`Choose one of the last ${PERIOD_MONTHS} months.`, "period");
  const isCurrent = period.value === periods[0]!.value;
  const base = {
    subject: { id: subject.id, name: subject.user.name, isViewer: subject.id === actor.id },
    today,
    periods: periods.map(({ value, label }) => ({ value, label })),
    period: { value: period.value, label: period.label, start: period.start, end: period.end, isCurrent },
  };
  const [ranks, metrics] = await Promise.all([loadRanks(db, { teamId: team.id }), rankMetricIds(db, team.id)]);
  const noRanks = {
    ...base,
    metricsMissing: !metrics.volume,
    ranks: [],
    paidAs: null,
    highest: null,
    target: null,
    lines: [],
    legs: [],
    projection: null,
    growLeg: null,
  };
  if (ranks.length === 0) return noRanks;

  const rules = sortRules(ranks);
  const history = monthBack(thisMonth, HISTORY_MONTHS - 1);
  const windowFrom = addDays(today, -(PACE_WINDOW_DAYS - 1));
  const sub = await loadRankSubtree(db, {
    teamId: team.id,
    rootId: subject.id,
    monthsFrom: history.start,
    monthsTo: endOfPeriod(thisMonth, "month"),
    windowFrom,
    windowTo: today,
  });
  const tree = evaluateRanks(sub.nodesIn(period.value), rules);
  const me = tree.index.get(subject.id)!;
  const paidAsIndex = tree.held[me]!;
  // The highest rank paid in any month with anything logged, this period's included.
  let highestIndex = paidAsIndex;
  let highestMonth = paidAsIndex >= 0 ? period.value : null;
  for (const month of sub.months) {
    if (month === period.value) continue;
    const t = evaluateRanks(sub.nodesIn(month), rules);
    const held = t.held[t.index.get(subject.id)!]!;
    if (held > highestIndex || (held === highestIndex && held >= 0 && highestMonth !== null && month > highestMonth)) {
      highestIndex = held;
      highestMonth = month;
    }
  }
  let targetIndex = Math.min(paidAsIndex + 1, rules.length - 1);
  if (input.rankId) {
    targetIndex = rules.findIndex((r) => r.id === input.rankId);
    if (targetIndex < 0) throw notFound("Rank");
  }
  const target = rules[targetIndex]!;
  const legRank = target.legRankId ? rules.find((r) => r.id === target.legRankId) : rules[0];
  const nameOf = (id: string) => sub.names.get(id) ?? "";
  const rankRef = (i: number) => (i >= 0 ? { id: rules[i]!.id, name: rules[i]!.name } : null);

  const lines = requirementLines(tree, subject.id, targetIndex);
  const met = lines.every((l) => l.remaining === 0);
  const legs = legsOf(tree, subject.id, targetIndex)
    .map((l) => ({ ...l, name: nameOf(l.id), heldRank: rankRef(l.maxHeld)?.name ?? null }))
    .sort((a, b) => b.volume - a.volume || a.name.localeCompare(b.name));
  const grow = met ? null : cheapestLeg(tree, subject.id, targetIndex);

  let projection: ReturnType<typeof projectRank> | null = null;
  if (isCurrent && !met && today < period.end) {
    const holidays = await teamHolidayDays(db, { teamId: team.id, from: windowFrom, to: period.end });
    const calendar: WorkCalendar = { workingDays: team.workingDays, closedDays: holidays };
    let ahead = 0;
    const days: { date: IsoDate; openDaysAhead: number }[] = [];
    for (let d = addDays(today, 1); d <= period.end; d = addDays(d, 1)) {
      if (isOpenDay(d, calendar)) ahead++;
      days.push({ date: d, openDaysAhead: ahead });
    }
    projection = projectRank({
      nodes: sub.paceNodesIn(period.value),
      rules,
      id: subject.id,
      ruleIndex: targetIndex,
      windowOpenDays: countOpenDays(windowFrom, today, calendar),
      openDaysPerWeek: team.workingDays.length,
      days,
    });
  }

  return {
    ...base,
    metricsMissing: !metrics.volume,
    ranks: rules.map((r) => ({ id: r.id, name: r.name, monthlyIncome: r.monthlyIncome })),
    paidAs: rankRef(paidAsIndex),
    highest: highestIndex >= 0 ? { ...rankRef(highestIndex)!, month: highestMonth! } : null,
    target: {
      id: target.id,
      name: target.name,
      monthlyIncome: target.monthlyIncome,
      met,
      legCapPct: target.legCapPct,
      legCap: target.legCapPct === null ? null : Math.floor((target.teamVolume * target.legCapPct) / 100),
      legRankName: legRank?.name ?? target.name,
      activeMinVolume: Math.max(1, target.activeMinVolume),
    },
    lines,
    legs,
    projection,
    growLeg: grow ? { id: grow.legId, name: nameOf(grow.legId), amount: grow.amount } : null,
  };
}
