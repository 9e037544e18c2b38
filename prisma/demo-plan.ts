/**
 * The demo team's plan and history: the network-marketing template (metrics, funnels, ranks), six weeks of logged
 * activity (entries with their daily totals, never today, so a member starts the day at zero), a few victories,
 * and a published team goal — "£50,000 team volume" by the end of next month with the seed's custom checkpoints
 * (£42k with 1 week to go, £30k with 2, £20k with 3), cascaded over the whole tree.
 *
 * Activity is deterministic (a seeded generator per member) and uneven on purpose: some members are well ahead,
 * a handful are clearly behind (Ethan Brooks and Layla Hassan barely log), and Nina, who joined last week, has
 * only a few days. Safe to run twice: each part is skipped when it is already there.
 */
import { randomUUID } from "node:crypto";
import { DEMO_GOAL_NAME } from "./demo-accounts";
import type { Db } from "@/server/db-client";
import { addDays, isoDateInTimeZone, type IsoDate } from "@/server/domain/calendar";
import { applyTemplateToTeam } from "@/server/services/metric/apply-template";
import { createGoal } from "@/server/services/goal/create-goal";
import { resolveGoalRoot } from "@/server/services/goal/goal-access";
import { loadTeamScope } from "@/server/services/team/scope";
import { rng } from "@/scripts/lib/scale-tree";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

/** Members who barely log, so the dashboard has someone clearly off pace. */
export const DEMO_BEHIND = ["Ethan Brooks", "Layla Hassan"];
const HISTORY_DAYS = 42;

/** Effort 0..1.6 per member: how much of a "normal" day they log. */
function effortOf(name: string, index: number): number {
  if (DEMO_BEHIND.includes(name)) return 0.08;
  return 0.55 + ((index * 37) % 100) / 100;
}

export async function seedDemoPlan(db: Db, args: { teamId: string; now?: Date }) {
  const { teamId } = args;
  const team = await db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: { timeZone: true, workingDays: true },
  });
  const today = args.now ? isoDateInTimeZone(args.now.getTime(), team.timeZone) : clock.teamToday(team);
  await applyTemplateToTeam(db, { teamId, template: "NETWORK_MARKETING" });
  const metrics = new Map(
    (await db.metric.findMany({ where: { teamId }, select: { id: true, key: true } })).map((m) => [m.key, m.id]),
  );
  const members = await db.membership.findMany({
    where: { teamId, status: "ACTIVE" },
    select: { id: true, userId: true, role: true, joinedAt: true, user: { select: { name: true } } },
    orderBy: { joinedAt: "asc" },
  });
  const owner = members.find((m) => m.role === "OWNER")!;

  let entries = 0;
  if ((await db.entry.count({ where: { teamId } })) === 0) {
    entries = await seedActivity(db, { teamId, today, workingDays: team.workingDays, metrics, members });
  }
  if ((await db.victory.count({ where: { teamId } })) === 0) await seedVictories(db, { teamId, today, members });

  let goalId = (await db.goal.findFirst({ where: { teamId, name: DEMO_GOAL_NAME }, select: { id: true } }))?.id;
  if (!goalId) {
    const startDate = `${today.slice(0, 8)}01` as IsoDate;
    const scope = { ...(await loadTeamScope(db, { teamId, userId: owner.userId })), today };
    const goal = await createGoal(db, scope, {
      rootMembershipId: await resolveGoalRoot(db, scope.actor, undefined),
      name: DEMO_GOAL_NAME,
      metricId: metrics.get("team_volume")!,
      target: 5_000_000,
      baseline: 0,
      startDate,
      deadline: endOfNextMonth(today),
      period: "WEEK",
      curve: "CUSTOM",
      curveStrength: null,
      checkpoints: [
        { weeksToGo: 3, cumulative: 2_000_000 },
        { weeksToGo: 2, cumulative: 3_000_000 },
        { weeksToGo: 1, cumulative: 4_200_000 },
      ],
      splitRule: "HISTORY",
      historyDays: 28,
      historyFloorPct: 50,
      publish: true,
    });
    goalId = goal.id;
  }
  return { goalId, entries };
}

function endOfNextMonth(today: IsoDate): IsoDate {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m + 1, 0)); // day 0 of the month after next = last day of next month
  return toIsoDay(next) as IsoDate;
}

interface DemoMember {
  id: string;
  joinedAt: Date;
  user: { name: string | null };
}

async function seedActivity(
  db: Db,
  args: { teamId: string; today: IsoDate; workingDays: number[]; metrics: Map<string, string>; members: DemoMember[] },
): Promise<number> {
  const { teamId, metrics } = args;
  const rows: { id: string; membershipId: string; metricId: string; day: string; amount: number }[] = [];
  args.members.forEach((member, index) => {
    const random = rng(1000 + index);
    const effort = effortOf(member.user.name ?? "", index);
    const joined = toIsoDay(member.joinedAt);
    for (let back = HISTORY_DAYS; back >= 1; back--) {
      const day = addDays(args.today, -back);
      if (day < joined) continue;
      const weekday = toDbDay(day).getUTCDay();
      if (!args.workingDays.includes(weekday) || random() > 0.85) continue;
      const scale = effort * (0.6 + random() * 0.8);
      const contacts = Math.round(10 * scale);
      const followUps = Math.round(5 * scale);
      const presentations = random() < 0.5 * effort ? 1 + Math.floor(random() * 2) : 0;
      const sponsors = random() < 0.06 * effort ? 1 : 0;
      const volume = random() < 0.6 * effort ? 1_000 + Math.floor(random() * 10) * 500 : 0;
      const add = (key: string, amount: number) => {
        if (amount > 0)
          rows.push({ id: randomUUID(), membershipId: member.id, metricId: metrics.get(key)!, day, amount });
      };
      add("contacts", contacts);
      add("follow_ups", followUps);
      add("presentations", presentations);
      add("sponsors", sponsors);
      add("team_volume", volume);
    }
  });
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Entry" (id, "teamId", "membershipId", "metricId", day, amount, "createdById", "createdAt", "updatedAt")
      SELECT r.id, ${teamId}, r.m, r.metric, r.day::date, r.amount, r.m, r.day::timestamp + interval '18 hours', r.day::timestamp + interval '18 hours'
      FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.membershipId)}::text[], ${rows.map((r) => r.metricId)}::text[],
                  ${rows.map((r) => r.day)}::text[], ${rows.map((r) => r.amount)}::int[]) AS r(id, m, metric, day, amount)`;
    await tx.$executeRaw`
      INSERT INTO "DailyTotal" ("teamId", "membershipId", "metricId", day, total, entries)
      SELECT "teamId", "membershipId", "metricId", day, SUM(amount)::int, COUNT(*)::int
      FROM "Entry" WHERE "teamId" = ${teamId} AND "deletedAt" IS NULL
      GROUP BY "teamId", "membershipId", "metricId", day
      ON CONFLICT ("membershipId", "metricId", day) DO NOTHING`;
  });
  return rows.length;
}

async function seedVictories(db: Db, args: { teamId: string; today: IsoDate; members: DemoMember[] }) {
  const active = args.members.filter((m) => !DEMO_BEHIND.includes(m.user.name ?? "")).slice(1, 7);
  const kinds = [
    { kind: "STREAK", title: "7-day logging streak", back: 1 },
    { kind: "PLAN_DONE", title: "Today's plan done", back: 1 },
    { kind: "RECORD", title: "Personal record: 18 contacts in a day", back: 2 },
    { kind: "MILESTONE", title: "First £1,000 of team volume", back: 3 },
    { kind: "STREAK", title: "5-day logging streak", back: 4 },
    { kind: "PLAN_DONE", title: "Today's plan done", back: 5 },
  ] as const;
  await db.victory.createMany({
    data: active.map((m, i) => {
      const v = kinds[i % kinds.length]!;
      const day = addDays(args.today, -v.back);
      return {
        teamId: args.teamId,
        membershipId: m.id,
        kind: v.kind,
        key: `demo:${v.kind}:${day}`,
        title: v.title,
        day: toDbDay(day),
      };
    }),
    skipDuplicates: true,
  });
}
