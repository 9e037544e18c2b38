/**
 * "A member's day": today where the member lives (their own time zone, else the team's), whether today is an open
 * day for them (the team's working weekdays, minus team holidays and their own days off) and, when it is not, why
 * and the next open day's plan — computed with the Log's own plan math (`todayPlanFrom` on the Log context, as of
 * that day), so it is the plan the Log will show that morning.
 *
 * The Log reads it inside `entry.day` (getLogDay shares the closed days it loads for the week strip); My plan reads
 * it through `member.day`. Team periods (weeks, months, deadlines) stay in the team's zone: `teamTimeZone` lets the
 * screens say so when the member's zone differs.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { memberDayStatus, type RestReason } from "@/server/domain/member-day";
import { loadLogContext } from "@/server/services/entry/log-context";
import { todayPlanFrom } from "@/server/services/entry/today-plan";
import * as clock from "@/server/clock";
import type { TeamScope } from "@/server/services/team/scope";
import { loadClosedDays, type ClosedDays } from "./closed-days";

/** How far ahead the next open day is looked for (a year: `nextOpenDay`'s own limit). */
export const NEXT_OPEN_DAY_HORIZON = 366;

export interface NextPlanAction {
  metricId: string;
  name: string;
  unit: string;
  planned: number;
}

export interface RestDay {
  reason: RestReason;
  /** The next day that is open for the member; null when none within a year. */
  nextOpenDay: IsoDate | null;
  /** The member's planned actions on that day (planned > 0 only, the Log's order). */
  nextPlan: NextPlanAction[];
}

export interface MemberDay {
  /** Today where the member lives. */
  today: IsoDate;
  /** The member's time zone: their own, else the team's. */
  timeZone: string;
  /** The zone the member set; null = they follow the team's. */
  ownTimeZone: string | null;
  /** The team's time zone, where weeks, months and deadlines are counted. */
  teamTimeZone: string;
  /** Null when today is an open day for the member. */
  rest: RestDay | null;
}

export interface MemberDayTeam {
  id: string;
  timeZone: string;
  workingDays: number[];
}

/** The member's day from closed days already loaded (they must cover today … today + NEXT_OPEN_DAY_HORIZON). */
export async function describeMemberDay(
  db: DbClient,
  args: { team: MemberDayTeam; membershipId: string; ownTimeZone: string | null; today: IsoDate; closed: ClosedDays },
): Promise<MemberDay> {
  const { team, today } = args;
  const base = {
    today,
    timeZone: clock.memberTimeZone({ timeZone: args.ownTimeZone }, team),
    ownTimeZone: args.ownTimeZone,
    teamTimeZone: team.timeZone,
  };
  const status = memberDayStatus(today, {
    workingDays: team.workingDays,
    holidays: args.closed.holidays,
    daysOff: args.closed.daysOff,
  });
  if (status.open) return { ...base, rest: null };
  return {
    ...base,
    rest: {
      reason: status.reason,
      nextOpenDay: status.nextOpenDay,
      nextPlan: await nextPlan(db, { teamId: team.id, membershipId: args.membershipId, day: status.nextOpenDay }),
    },
  };
}

/** The signed-in member's day (My plan): one query (closed days), two on a rest day (the next open day's plan). */
export async function getMemberDay(db: DbClient, scope: TeamScope): Promise<MemberDay> {
  const { team, actor } = scope;
  const own =
    actor.timeZone !== undefined
      ? actor.timeZone
      : ((await db.membership.findUnique({ where: { id: actor.id }, select: { timeZone: true } }))?.timeZone ?? null);
  const today = clock.memberToday({ timeZone: own }, team);
  const closed = await loadClosedDays(db, {
    teamId: team.id,
    membershipId: actor.id,
    from: today,
    to: addDays(today, NEXT_OPEN_DAY_HORIZON),
  });
  return describeMemberDay(db, { team, membershipId: actor.id, ownTimeZone: own, today, closed });
}

async function nextPlan(
  db: DbClient,
  args: { teamId: string; membershipId: string; day: IsoDate | null },
): Promise<NextPlanAction[]> {
  if (!args.day) return [];
  const context = await loadLogContext(db, { teamId: args.teamId, membershipId: args.membershipId, asOf: args.day });
  return todayPlanFrom(context)
    .actions.filter((a) => a.planned > 0)
    .map((a) => {
      const metric = context.metrics.get(a.metricId);
      return {
        metricId: a.metricId,
        name: metric?.name ?? "Activity",
        unit: metric?.unit ?? "COUNT",
        planned: a.planned,
      };
    });
}
