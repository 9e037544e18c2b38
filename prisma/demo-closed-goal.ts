/**
 * A goal that has closed: "Chloe's volume push" for Chloe Martin's branch (her and her three members), over the whole
 * previous month, published on its first day and archived since — so the demo (and the e2e journey "a goal closing
 * and the next month's goal created from it", e2e/goal-life.spec.ts) has a result summary to read and a "next month
 * from this one" to make, while no page that lists running goals (the Log, My plan, the dashboard's and the review's
 * goal pickers) shows it. Its numbers are the seeded activity of that month (demo-plan.ts), plus two victories in it.
 *
 * Made with the app's own services (createGoal with the owner's scope as of its first day, then archiveGoal), so it is
 * a goal like any other. Safe to run twice: skipped when a goal of that name is there.
 */
import type { Db } from "@/server/db-client";
import { addDays, isoDateInTimeZone, startOfPeriod, type IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { archiveGoal } from "@/server/services/goal/archive-goal";
import { createGoal } from "@/server/services/goal/create-goal";
import { goalRowSelect } from "@/server/services/goal/goal-access";
import { loadTeamScope } from "@/server/services/team/scope";
import { goalInput } from "@/tests/factories";

/** The closed goal's name without its month ("Chloe's volume push — February 2027"). */
export const DEMO_CLOSED_GOAL = "Chloe's volume push";
const BRANCH_ROOT = "Chloe Martin";

const monthWords = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export async function seedClosedGoal(db: Db, args: { teamId: string; now: Date }) {
  const { teamId } = args;
  if (await db.goal.findFirst({ where: { teamId, name: { startsWith: DEMO_CLOSED_GOAL } }, select: { id: true } }))
    return null;
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { timeZone: true } });
  const today = isoDateInTimeZone(args.now.getTime(), team.timeZone);
  const deadline = addDays(startOfPeriod(today, "month"), -1);
  const start = startOfPeriod(deadline, "month");

  const [owner, root, volume] = await Promise.all([
    db.membership.findFirstOrThrow({ where: { teamId, role: "OWNER" }, select: { userId: true } }),
    db.membership.findFirstOrThrow({
      where: { teamId, status: "ACTIVE", user: { name: BRANCH_ROOT } },
      select: { id: true },
    }),
    db.metric.findFirstOrThrow({ where: { teamId, key: "team_volume" }, select: { id: true } }),
  ]);
  // The owner set it up on its first day (a goal may not be made once it is over).
  const scope = { ...(await loadTeamScope(db, { teamId, userId: owner.userId })), today: start };
  const created = await createGoal(db, scope, {
    rootMembershipId: root.id,
    ...goalInput({
      name: `${DEMO_CLOSED_GOAL} — ${monthWords.format(toDbDay(start))}`,
      metricId: volume.id,
      target: 150_000,
      startDate: start,
      deadline,
    }),
  });
  // Made and published on its first day, as its history says (the services stamp the seed's own instant).
  const made = new Date(`${start}T09:00:00.000Z`);
  await db.goal.update({ where: { id: created.id }, data: { createdAt: made, publishedAt: made } });
  await db.targetChange.updateMany({ where: { goalId: created.id }, data: { createdAt: made } });
  await seedVictoriesIn(db, { teamId, rootId: root.id, start, deadline });
  const goal = await db.goal.findUniqueOrThrow({ where: { id: created.id }, select: goalRowSelect });
  await archiveGoal(db, { ...scope, today }, { goal, version: goal.version });
  return { goalId: created.id, start, deadline };
}

/** Two victories of the branch inside the goal's month, for its closing summary. */
async function seedVictoriesIn(db: Db, args: { teamId: string; rootId: string; start: IsoDate; deadline: IsoDate }) {
  const members = await db.membership.findMany({
    where: { teamId: args.teamId, parentId: args.rootId, status: "ACTIVE" },
    select: { id: true },
    orderBy: { joinedAt: "asc" },
    take: 2,
  });
  const wins = [
    { kind: "STREAK" as const, title: "10-day logging streak", day: addDays(args.start, 11) },
    { kind: "RECORD" as const, title: "Personal record: 3 presentations in a day", day: addDays(args.start, 18) },
  ];
  await db.victory.createMany({
    data: members.map((m, i) => {
      const w = wins[i]!;
      const day = w.day > args.deadline ? args.deadline : w.day;
      return {
        teamId: args.teamId,
        membershipId: m.id,
        kind: w.kind,
        key: `demo:closed:${w.kind}:${day}`,
        title: w.title,
        day: toDbDay(day),
      };
    }),
    skipDuplicates: true,
  });
}
