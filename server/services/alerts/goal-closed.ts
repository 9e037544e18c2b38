/**
 * Goal closed (the hourly job `alerts.goal-closed`): when a published goal's deadline has passed in the team's zone,
 * every active member of the goal's branch gets GOAL_CLOSED once ("Spring push closed: £48,200 of £50,000 (96 %)"),
 * with the numbers of the closing summary the goal page shows (`getGoalClosing`, server/services/goal/goal-closing.ts:
 * the dashboard's roll-up for the goal's root, period "goal"). Sent from the team's morning after the deadline
 * (`ALERT_HOUR` in the team's zone) — a deadline passing at midnight never pushes anyone at midnight — and made up on
 * a later tick for up to `CLOSED_LOOKBACK_DAYS` days if the worker was down. One set-based insert per goal, dedupe key
 * `goal-closed:<goalId>` per person, so a second tick or a second worker changes nothing.
 */
import type { DbClient } from "@/server/db-client";
import { nowMs, teamToday, todayIn } from "@/server/clock";
import { ALERT_HOUR } from "@/server/domain/behind-pace-alerts";
import { hourInTimeZone } from "@/server/domain/zoned-time";
import { addDays } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { formatAmount } from "@/server/domain/money";
import { listSubtree } from "@/server/queries/tree";
import { getGoalClosing } from "@/server/services/goal/goal-closing";
import { notifyMany, type NotifyInput } from "@/server/services/notification/notify";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { loadTeamScope } from "@/server/services/team/scope";

/** How many days after its deadline a goal's closing is still announced (a worker down that long). */
export const CLOSED_LOOKBACK_DAYS = 7;

export async function sendGoalClosedAlerts(db: DbClient): Promise<{ goals: number; made: number }> {
  const at = nowMs();
  const utcToday = todayIn("UTC");
  const goals = await db.goal.findMany({
    where: {
      status: "PUBLISHED",
      deadline: { gte: toDbDay(addDays(utcToday, -CLOSED_LOOKBACK_DAYS - 1)), lte: toDbDay(utcToday) },
    },
    select: {
      id: true,
      teamId: true,
      name: true,
      deadline: true,
      rootMembershipId: true,
      root: { select: { userId: true, status: true } },
      team: { select: { slug: true, timeZone: true, currency: true } },
    },
  });
  let made = 0;
  let closed = 0;
  const failed: unknown[] = [];
  for (const g of goals) {
    const today = teamToday(g.team);
    const deadline = toIsoDay(g.deadline);
    if (today <= deadline || today > addDays(deadline, CLOSED_LOOKBACK_DAYS)) continue;
    // The morning after the deadline, or any later tick.
    if (today === addDays(deadline, 1) && hourInTimeZone(at, g.team.timeZone) < ALERT_HOUR) continue;
    if (g.root.status !== "ACTIVE") continue;
    // One goal's failure never holds back the others; the run then fails, and its retry skips what was made.
    try {
      made += await announceClosing(db, g);
      closed++;
    } catch (error) {
      failed.push(error);
    }
  }
  if (failed.length > 0) throw new AggregateError(failed, `Goal-closed alerts failed for ${failed.length} goal(s).`);
  return { goals: closed, made };
}

async function announceClosing(
  db: DbClient,
  g: {
    id: string;
    teamId: string;
    name: string;
    rootMembershipId: string;
    root: { userId: string };
    team: { slug: string; currency: string };
  },
): Promise<number> {
  // The summary as the goal's root sees it: the whole branch (getGoalClosing checks nothing; the goal is the team's).
  const scope = await loadTeamScope(db, { teamId: g.teamId, userId: g.root.userId });
  const goal = await loadGoalPlan(db, scope, { goalId: g.id });
  const closing = await getGoalClosing(db, scope, {
    goal,
    rootId: g.rootMembershipId,
    manages: false,
    stretchPercent: 0,
  });
  if (!closing.closed) return 0;
  const ids = (await listSubtree(db, { teamId: g.teamId, rootId: g.rootMembershipId })).map((r) => r.id);
  const people = await db.membership.findMany({
    where: { id: { in: ids }, status: "ACTIVE" },
    select: { userId: true },
  });
  const { result, metric } = closing;
  const f = (n: number) => formatAmount(n, metric.unit, g.team.currency, undefined, { wholeUnits: true });
  const title = `${g.name} closed: ${f(result.actual)} of ${f(result.target)}${result.percent === null ? "" : ` (${result.percent} %)`}`;
  const body = [
    result.hit
      ? result.difference > 0
        ? `Target reached, ${f(result.difference)} beyond it.`
        : "Target reached."
      : `${f(-result.difference)} short of the target.`,
    `${closing.hitCount} of ${closing.members} ${closing.members === 1 ? "person" : "people"} reached their own target.`,
  ].join(" ");
  const inputs: NotifyInput[] = people.map((p) => ({
    userId: p.userId,
    teamId: g.teamId,
    kind: "GOAL_CLOSED",
    title,
    body,
    url: `/${g.team.slug}/plan/goals/${encodeURIComponent(g.id)}`,
    dedupeKey: `goal-closed:${g.id}`,
  }));
  return notifyMany(db, inputs);
}
