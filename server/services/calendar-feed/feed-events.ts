/**
 * What a calendar feed shows, as all-day events (calendar days: a DATE, never shifted by a zone) and the weekly
 * review meeting. Milestones come from the services My plan and the goal page read — `phaseGoal`
 * (server/domain/goal-phasing.ts), the member's share with any re-plan (`replannedMemberDays`) and its milestones
 * (`ownMilestones`, `cumulativeAt`) — so the feed's dates and amounts are theirs, never a plan made by hand.
 *
 * - MEMBER: my published goals — each period's milestone of my own share (weekly and monthly goals; a day-by-day
 *   goal would be one event a day, so only its checkpoints), my share at the goal's checkpoints, the deadline with
 *   my target; the weekly review meeting, skipping the team's holidays and my own days off.
 * - TEAM: the published goals I may see (`filterVisibleGoals`, the goal list's rule) — checkpoints and deadline of
 *   the whole goal, as the goal page shows them; the weekly review meeting, skipping the team's holidays.
 *
 * Reads are set-based: one read of the goals, one of their shares, one of my subtree, one of the closed days; per goal
 * only what the phasing needs (its re-plans).
 */
import type { DbClient } from "@/server/db-client";
import type { CalendarFeedScope } from "@/generated/prisma/enums";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import {
  FEED_EXDATE_DAYS,
  FEED_PAST_DAYS,
  feedUid,
  onOrAfterWeekday,
  reviewMeetingOf,
  skippedMeetingDays,
  type ReviewMeeting,
} from "@/server/domain/calendar-feed";
import { isoDateInTimeZone } from "@/server/domain/calendar-days";
import { toIsoDay } from "@/server/domain/db-day";
import { phaseGoal, type TeamCalendar } from "@/server/domain/goal-phasing";
import { amountFormatter } from "@/server/domain/money";
import { listSubtree } from "@/server/queries/tree";
import { loadClosedDays } from "@/server/services/calendar/closed-days";
import { filterVisibleGoals } from "@/server/services/goal/goal-access";
import { goalPlanFields } from "@/server/services/goal/goal-plan-fields";
import { memberPlanGoalSelect } from "@/server/services/goal/member-goal-plan";
import { cumulativeAt, ownMilestones } from "@/server/services/goal/member-milestones";
import { replannedMemberDays } from "@/server/services/goal/replan-rest";
import type { TeamScope } from "@/server/services/team/scope";
import { memberTimeZone } from "@/server/clock";
import { goalShares, goalsTargeting, memberTargets, teamSlots } from "@/server/queries/goal-split";

export interface AllDayEvent {
  uid: string;
  day: IsoDate;
  title: string;
  description: string;
  /** In-app path the event links to. */
  path: string;
}

export interface MeetingEvent {
  uid: string;
  title: string;
  description: string;
  path: string;
  meeting: ReviewMeeting;
  timeZone: string;
  /** The first meeting (the series' DTSTART day). */
  firstDay: IsoDate;
  /** Meetings skipped on closed days (EXDATE), in the team's zone. */
  skipped: IsoDate[];
}

export interface FeedContent {
  name: string;
  /** The zone the feed's calendar days are counted in: the member's (MEMBER) or the team's (TEAM). */
  timeZone: string;
  allDay: AllDayEvent[];
  meeting: MeetingEvent | null;
}

export interface FeedTeam {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  createdAt: Date;
  reviewWeekday: number | null;
  reviewTime: string | null;
  reviewMinutes: number;
}

const PERIOD_WORD = { DAY: "day", WEEK: "week", MONTH: "month" } as const;

export async function feedContent(
  db: DbClient,
  scope: TeamScope,
  feed: { scope: CalendarFeedScope; team: FeedTeam },
): Promise<FeedContent> {
  const key = `${feed.scope.toLowerCase()}-${scope.actor.id}`;
  const { team } = feed;
  const allDay =
    feed.scope === "MEMBER" ? await memberEvents(db, scope, team, key) : await teamEvents(db, scope, team, key);
  allDay.sort((a, b) => (a.day === b.day ? a.uid.localeCompare(b.uid) : a.day < b.day ? -1 : 1));
  return {
    name: feed.scope === "MEMBER" ? `Backplan — ${team.name} (my plan)` : `Backplan — ${team.name}`,
    timeZone: feed.scope === "MEMBER" ? memberTimeZone(scope.actor, scope.team) : team.timeZone,
    allDay,
    meeting: await meetingEvent(db, scope, team, feed.scope, key),
  };
}

async function memberEvents(db: DbClient, scope: TeamScope, team: FeedTeam, key: string): Promise<AllDayEvent[]> {
  const { actor } = scope;
  const published = await db.goal.findMany({
    where: { teamId: team.id, status: "PUBLISHED" },
    select: memberPlanGoalSelect,
    orderBy: { deadline: "asc" },
  });
  const mine = new Map(
    (await memberTargets(db, { membershipId: actor.id, goalIds: published.map((g) => g.id) })).map((t) => [
      t.goalId,
      t,
    ]),
  );
  const rows = published.flatMap((goal) => {
    const t = mine.get(goal.id);
    return t ? [{ personal: t.personal, team: t.team, goal }] : [];
  });
  if (rows.length === 0) return [];
  const [slots, subtree] = await Promise.all([
    teamSlots(db, team.id),
    listSubtree(db, { teamId: team.id, rootId: actor.id }),
  ]);
  const subtreeIds = subtree.map((s) => s.id);
  const calendar: TeamCalendar = scope.team;
  const events: AllDayEvent[] = [];
  for (const row of rows) {
    const g = row.goal;
    const fmt = amountFormatter(g.metric.unit, scope.team.currency);
    const plan = phaseGoal(g, calendar);
    // My share of the plan, with any re-plan of the rest applied: the one rule My plan reads (member-goal-plan.ts).
    const own = await replannedMemberDays(db, {
      teamId: team.id,
      goal: { id: g.id, metricId: g.metric.id },
      plan,
      shares: await goalShares(db, { id: g.id, teamId: team.id }, slots),
      membershipId: actor.id,
      subtreeIds,
    });
    const deadline = toIsoDay(g.deadline);
    const path = `/${team.slug}/plan/goals/${g.id}`;
    if (g.period !== "DAY") {
      for (const m of ownMilestones(plan, own)) {
        if (m.periodEnd >= deadline || m.planned <= 0) continue;
        events.push({
          uid: feedUid.milestone(g.id, m.periodEnd, key),
          day: m.periodEnd,
          title: `${g.name} milestone: ${fmt(m.cumulative)} of ${fmt(row.personal)}`,
          description: `${m.label}: ${fmt(m.planned)} planned for you this ${PERIOD_WORD[g.period]}, ${fmt(m.cumulative)} in all by its end.`,
          path: `/${team.slug}/plan`,
        });
      }
    }
    for (const cp of plan.checkpoints) {
      if (cp.date >= deadline) continue;
      const mine = cumulativeAt(own.personal, plan.start, cp.date, row.personal);
      events.push({
        uid: feedUid.checkpoint(g.id, cp.date, key),
        day: cp.date,
        title: `${g.name} checkpoint: ${fmt(mine)} of ${fmt(row.personal)}`,
        description: `Your share at this checkpoint of ${g.name} (the whole goal: ${fmt(cp.cumulative)} of ${fmt(g.target)}).`,
        path,
      });
    }
    events.push({
      uid: feedUid.deadline(g.id, key),
      day: deadline,
      title: `${g.name} deadline: ${fmt(row.personal)}`,
      description:
        row.team > row.personal
          ? `Your target: ${fmt(row.personal)}. You and your downline: ${fmt(row.team)}.`
          : `Your target: ${fmt(row.personal)}.`,
      path,
    });
  }
  return events;
}

async function teamEvents(db: DbClient, scope: TeamScope, team: FeedTeam, key: string): Promise<AllDayEvent[]> {
  const { actor } = scope;
  const goals = await db.goal.findMany({
    where: { teamId: team.id, status: "PUBLISHED" },
    orderBy: { deadline: "asc" },
    select: {
      ...goalPlanFields,
      rootMembershipId: true,
      status: true,
      metric: { select: { unit: true } },
    },
  });
  const mineIn = await goalsTargeting(db, { membershipId: actor.id, goalIds: goals.map((g) => g.id) });
  // The goal list's rule, goal by goal (goal-access.ts): those I manage and those I have a target in.
  const visible = await filterVisibleGoals(
    db,
    actor,
    goals.map((g) => ({ ...g, mine: mineIn.has(g.id) })),
  );
  const events: AllDayEvent[] = [];
  for (const g of visible) {
    const fmt = amountFormatter(g.metric.unit, scope.team.currency);
    const plan = phaseGoal(g, scope.team);
    const deadline = toIsoDay(g.deadline);
    const path = `/${team.slug}/plan/goals/${g.id}`;
    for (const cp of plan.checkpoints) {
      if (cp.date >= deadline) continue;
      events.push({
        uid: feedUid.checkpoint(g.id, cp.date, key),
        day: cp.date,
        title: `${g.name} checkpoint: ${fmt(cp.cumulative)} of ${fmt(g.target)}`,
        description: `The team's checkpoint of ${g.name}: ${fmt(cp.cumulative)} by the end of the day.`,
        path,
      });
    }
    events.push({
      uid: feedUid.deadline(g.id, key),
      day: deadline,
      title: `${g.name} deadline: ${fmt(g.target)}`,
      description: `The team's target for ${g.name}: ${fmt(g.target)}.`,
      path,
    });
  }
  return events;
}

async function meetingEvent(
  db: DbClient,
  scope: TeamScope,
  team: FeedTeam,
  feedScope: CalendarFeedScope,
  key: string,
): Promise<MeetingEvent | null> {
  const meeting = reviewMeetingOf(team);
  if (!meeting) return null;
  // A stable first day (the first meeting weekday from the team's creation), so the series never moves week by week.
  const firstDay = onOrAfterWeekday(isoDateInTimeZone(team.createdAt.getTime(), team.timeZone), meeting.weekday);
  const from = addDays(scope.today, -FEED_PAST_DAYS);
  const to = addDays(scope.today, FEED_EXDATE_DAYS);
  // The team's holidays (and, in my own feed, my days off) in one query: the meetings to skip.
  const closed = await loadClosedDays(db, {
    teamId: team.id,
    membershipId: feedScope === "MEMBER" ? scope.actor.id : null,
    from,
    to,
  });
  return {
    uid: feedUid.review(team.id, key),
    title: `Weekly review — ${team.name}`,
    description: `${team.name}'s weekly review: this week's numbers, wins and next week's commitments.`,
    path: `/${team.slug}/review`,
    meeting,
    timeZone: team.timeZone,
    firstDay,
    skipped: skippedMeetingDays({
      weekday: meeting.weekday,
      closedDays: closed.closedDays,
      from: firstDay > from ? firstDay : from,
      to,
    }),
  };
}
