/**
 * Test data builders shared by integration tests, e2e fixtures and the demo seed (prisma/seed.ts).
 * They write real rows through Prisma (and real services where a rule matters, e.g. team creation).
 */
import { randomBytes } from "node:crypto";
import type { Db, DbClient } from "@/server/db-client";
import { hashPassword } from "@/server/auth/password";
import { createTeam } from "@/server/services/team/create-team";
import type { TCreateGoalInput } from "@/server/schemas/goal";
import type { TCreateTeamInput } from "@/server/schemas/team";
import type { IsoDate } from "@/server/domain/calendar";
import type { Role } from "@/generated/prisma/enums";
import * as clock from "@/server/clock";
import { takeMemberSlots } from "@/server/queries/member-slot";
import { toDbDay } from "@/server/domain/db-day";

const hashes = new Map<string, Promise<string>>();
/** argon2 is deliberately slow: hash each distinct password once per process. */
function cachedHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

export const DEFAULT_PASSWORD = "correct-horse-battery";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.test`;
}

/** A user with a verified address (as after opening the verification link), unless `verified: false`. */
export async function makeUser(
  db: DbClient,
  overrides: { name?: string; email?: string; password?: string | null; verified?: boolean } = {},
): Promise<{ id: string; email: string; name: string }> {
  const email = (overrides.email ?? uniqueEmail()).toLowerCase();
  const password = overrides.password === undefined ? DEFAULT_PASSWORD : overrides.password;
  return db.user.upsert({
    where: { email },
    create: {
      email,
      name: overrides.name ?? "Test User",
      passwordHash: password ? await cachedHash(password) : null,
      emailVerified: overrides.verified === false ? null : clock.now(),
    },
    update: {},
    select: { id: true, email: true, name: true },
  });
}

export const DEFAULT_TEAM: TCreateTeamInput = {
  name: "Test Team",
  currency: "GBP",
  timeZone: "Europe/London",
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
};

export async function makeTeam(db: Db, args: { ownerId: string; input?: Partial<TCreateTeamInput> }) {
  return createTeam(db, { userId: args.ownerId, input: { ...DEFAULT_TEAM, ...args.input } });
}

export async function addMember(
  db: DbClient,
  args: { teamId: string; parentId: string; userId?: string; role?: Role; name?: string; email?: string },
): Promise<{ id: string; userId: string }> {
  const userId = args.userId ?? (await makeUser(db, { name: args.name, email: args.email })).id;
  return db.membership.create({
    data: {
      teamId: args.teamId,
      userId,
      parentId: args.parentId,
      role: args.role ?? "MEMBER",
      slot: await takeMemberSlots(db, args.teamId),
    },
    select: { id: true, userId: true },
  });
}

/**
 * A small named tree for permission tests:
 *
 *   owner
 *   ├── leaderA (LEADER)
 *   │   ├── memberA1
 *   │   │   └── memberA1a
 *   │   └── memberA2
 *   └── leaderB (LEADER)
 *       └── memberB1
 */
export async function makeTestTree(db: Db) {
  const ownerUser = await makeUser(db, { name: "Olivia Owner" });
  const team = await makeTeam(db, { ownerId: ownerUser.id });
  const owner = { id: team.membershipId, userId: ownerUser.id };
  const leaderA = await addMember(db, { teamId: team.id, parentId: owner.id, role: "LEADER", name: "Leo Leader A" });
  const leaderB = await addMember(db, { teamId: team.id, parentId: owner.id, role: "LEADER", name: "Lara Leader B" });
  const memberA1 = await addMember(db, { teamId: team.id, parentId: leaderA.id, name: "Mia A1" });
  const memberA1a = await addMember(db, { teamId: team.id, parentId: memberA1.id, name: "Max A1a" });
  const memberA2 = await addMember(db, { teamId: team.id, parentId: leaderA.id, name: "Mo A2" });
  const memberB1 = await addMember(db, { teamId: team.id, parentId: leaderB.id, name: "Ben B1" });
  return { team, owner, leaderA, leaderB, memberA1, memberA1a, memberA2, memberB1 };
}

export interface TreeSpec {
  name: string;
  email: string;
  role?: Role;
  joinedAt?: Date;
  children?: TreeSpec[];
}

/**
 * Upserts a whole tree under `parentId` (users by email, memberships by team + user), so running it twice
 * leaves the same tree. Returns membership ids by email. Parents are written before their children.
 */
export async function upsertTree(
  db: DbClient,
  args: { teamId: string; parentId: string; nodes: TreeSpec[]; password?: string },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const queue: Array<{ node: TreeSpec; parentId: string }> = args.nodes.map((node) => ({
    node,
    parentId: args.parentId,
  }));
  while (queue.length > 0) {
    const { node, parentId } = queue.shift()!;
    const user = await makeUser(db, { name: node.name, email: node.email, password: args.password });
    const had = await db.membership.findUnique({
      where: { teamId_userId: { teamId: args.teamId, userId: user.id } },
      select: { slot: true },
    });
    const membership = await db.membership.upsert({
      where: { teamId_userId: { teamId: args.teamId, userId: user.id } },
      create: {
        teamId: args.teamId,
        userId: user.id,
        parentId,
        role: node.role ?? "MEMBER",
        joinedAt: node.joinedAt,
        slot: had?.slot ?? (await takeMemberSlots(db, args.teamId)),
      },
      update: { parentId, role: node.role ?? "MEMBER", status: "ACTIVE", removedAt: null },
      select: { id: true },
    });
    ids.set(node.email, membership.id);
    for (const child of node.children ?? []) queue.push({ node: child, parentId: membership.id });
  }
  return ids;
}

// ─── Plan (metrics, funnels, goals) ─────────────────────────────────────────

/** Metrics of a small network-marketing funnel: contacts 30 → 10 presentations → 1 sponsor → £500 team volume. */
export async function makeFunnelMetrics(db: DbClient, args: { teamId: string }) {
  const mk = (
    key: string,
    name: string,
    kind: "RESULT" | "ACTIVITY",
    unit: "COUNT" | "MONEY",
    minutesPerAction: number | null,
    position: number,
  ) =>
    db.metric.create({
      data: { teamId: args.teamId, key, name, kind, unit, minutesPerAction, position },
      select: { id: true, key: true },
    });
  const contacts = await mk("contacts", "Contacts", "ACTIVITY", "COUNT", 5, 0);
  const presentations = await mk("presentations", "Presentations", "ACTIVITY", "COUNT", 30, 1);
  const sponsors = await mk("sponsors", "New sponsors", "RESULT", "COUNT", 15, 2);
  const volume = await mk("team_volume", "Team volume", "RESULT", "MONEY", null, 3);
  await db.funnelStage.createMany({
    data: [
      {
        teamId: args.teamId,
        resultMetricId: volume.id,
        activityMetricId: contacts.id,
        position: 0,
        fromCount: 30,
        toCount: 10,
      },
      {
        teamId: args.teamId,
        resultMetricId: volume.id,
        activityMetricId: presentations.id,
        position: 1,
        fromCount: 10,
        toCount: 1,
      },
      {
        teamId: args.teamId,
        resultMetricId: volume.id,
        activityMetricId: sponsors.id,
        position: 2,
        fromCount: 1,
        toCount: 50_000,
      },
      {
        teamId: args.teamId,
        resultMetricId: sponsors.id,
        activityMetricId: contacts.id,
        position: 0,
        fromCount: 30,
        toCount: 10,
      },
      {
        teamId: args.teamId,
        resultMetricId: sponsors.id,
        activityMetricId: presentations.id,
        position: 1,
        fromCount: 10,
        toCount: 1,
      },
    ],
  });
  return { contacts, presentations, sponsors, volume };
}

/** Adds to a member's DailyTotal for a metric on a day (as the Log journey would). */
export async function addDailyTotal(
  db: DbClient,
  args: { teamId: string; membershipId: string; metricId: string; day: string; total: number },
) {
  const day = toDbDay(args.day);
  await db.dailyTotal.upsert({
    where: { membershipId_metricId_day: { membershipId: args.membershipId, metricId: args.metricId, day } },
    create: {
      teamId: args.teamId,
      membershipId: args.membershipId,
      metricId: args.metricId,
      day,
      total: args.total,
      entries: 1,
    },
    update: { total: { increment: args.total }, entries: { increment: 1 } },
  });
}

// ─── Log (entries) ──────────────────────────────────────────────────────────

let metricSeq = 0;

/** A metric of the team (an activity counted in whole numbers unless told otherwise). */
export async function makeMetric(
  db: DbClient,
  args: {
    teamId: string;
    key?: string;
    name?: string;
    kind?: "RESULT" | "ACTIVITY";
    unit?: "COUNT" | "MONEY" | "MINUTES";
    position?: number;
  },
): Promise<{ id: string; key: string; name: string }> {
  metricSeq++;
  const key = args.key ?? `metric_${metricSeq}_${randomBytes(3).toString("hex")}`;
  return db.metric.upsert({
    where: { teamId_key: { teamId: args.teamId, key } },
    create: {
      teamId: args.teamId,
      key,
      name: args.name ?? `Metric ${metricSeq}`,
      kind: args.kind ?? "ACTIVITY",
      unit: args.unit ?? "COUNT",
      position: args.position ?? metricSeq,
    },
    update: {},
    select: { id: true, key: true, name: true },
  });
}

// ─── Dashboard: goals with member targets, logged activity ──────────────────

/**
 * A PUBLISHED goal with a MemberTarget for every active member of the goal root's subtree. Personal targets are
 * split evenly (largest remainder) unless `personal` gives some of them; team = own + downline, bottom-up.
 */
export async function makeGoal(
  db: DbClient,
  args: {
    teamId: string;
    rootMembershipId: string;
    metricId: string;
    target: number;
    baseline?: number;
    startDate: string;
    deadline: string;
    name?: string;
    personal?: Map<string, number>;
  },
): Promise<{ id: string; targets: Map<string, { personal: number; team: number }> }> {
  const { listSubtree } = await import("@/server/queries/tree");
  const { splitEvenly } = await import("@/server/domain/apportion");
  const nodes = await listSubtree(db, { teamId: args.teamId, rootId: args.rootMembershipId });
  const baseline = args.baseline ?? 0;
  const fixed = args.personal ?? new Map<string, number>();
  const fixedSum = [...fixed.values()].reduce((s, x) => s + x, 0);
  const free = nodes.filter((n) => !fixed.has(n.id));
  const even = splitEvenly(Math.max(0, args.target - baseline - fixedSum), free.length);
  const personal = new Map<string, number>(fixed);
  free.forEach((n, i) => personal.set(n.id, even[i]!));
  const team = new Map<string, number>(nodes.map((n) => [n.id, personal.get(n.id) ?? 0]));
  for (let i = nodes.length - 1; i > 0; i--) {
    const n = nodes[i]!;
    team.set(n.parentId!, team.get(n.parentId!)! + team.get(n.id)!);
  }
  const goal = await db.goal.create({
    data: {
      teamId: args.teamId,
      rootMembershipId: args.rootMembershipId,
      createdById: args.rootMembershipId,
      metricId: args.metricId,
      name: args.name ?? "Test goal",
      target: args.target,
      baseline,
      startDate: toDbDay(args.startDate),
      deadline: toDbDay(args.deadline),
      status: "PUBLISHED",
      publishedAt: clock.now(),
    },
    select: { id: true },
  });
  const { writeMemberTargets } = await import("@/server/queries/goal-targets");
  await writeMemberTargets(db, {
    goal: { id: goal.id, teamId: args.teamId },
    columns: {
      membershipIds: nodes.map((n) => n.id),
      personal: nodes.map((n) => personal.get(n.id) ?? 0),
      team: nodes.map((n) => team.get(n.id) ?? 0),
    },
    replace: true,
  });
  const targets = new Map(nodes.map((n) => [n.id, { personal: personal.get(n.id) ?? 0, team: team.get(n.id) ?? 0 }]));
  return { id: goal.id, targets };
}

/**
 * A goal's create input (`goal.create`, `createGoal`): a steady (linear) curve split evenly, milestones weekly, no
 * baseline, published — the name, the metric, the target and the dates given, anything else overridden.
 */
export function goalInput(
  args: Pick<TCreateGoalInput, "name" | "metricId" | "target" | "startDate" | "deadline"> & Partial<TCreateGoalInput>,
): TCreateGoalInput {
  return {
    baseline: 0,
    period: "WEEK",
    curve: "LINEAR",
    curveStrength: null,
    checkpoints: [],
    splitRule: "EVEN",
    historyDays: 28,
    historyFloorPct: 50,
    publish: true,
    ...args,
  };
}

/**
 * "March sales" on the test tree (makeTestTree), made and published by the owner on Fri 26 Feb 2027 through the
 * service: 1,610 over March 2027 (23 open days), front-loaded at 50%, split evenly between the 7 members (230 each).
 */
export async function makeMarchSalesGoal(
  db: Db,
  tree: Awaited<ReturnType<typeof makeTestTree>>,
  metricId: string,
): Promise<{ id: string }> {
  const { loadTeamScope } = await import("@/server/services/team/scope");
  const { createGoal } = await import("@/server/services/goal/create-goal");
  const scope = {
    ...(await loadTeamScope(db, { teamId: tree.team.id, userId: tree.owner.userId })),
    today: "2027-02-26" as IsoDate,
  };
  const created = await createGoal(db, scope, {
    ...goalInput({
      name: "March sales",
      metricId,
      target: 1_610,
      startDate: "2027-03-01",
      deadline: "2027-03-31",
      curve: "FRONT_LOADED",
      curveStrength: 50,
    }),
    rootMembershipId: tree.owner.id,
  });
  return { id: created.id };
}

export interface LoggedAmount {
  membershipId: string;
  day: string;
  amount: number;
}

/** Entry rows (device-style uuids) and the matching DailyTotal aggregates, in bulk. */
export async function makeEntriesWithTotals(
  db: DbClient,
  args: { teamId: string; metricId: string; entries: LoggedAmount[] },
): Promise<void> {
  const { randomUUID } = await import("node:crypto");
  const toDate = (iso: string) => toDbDay(iso);
  await db.entry.createMany({
    data: args.entries.map((e) => ({
      id: randomUUID(),
      teamId: args.teamId,
      membershipId: e.membershipId,
      metricId: args.metricId,
      day: toDate(e.day),
      amount: e.amount,
      createdById: e.membershipId,
    })),
  });
  const totals = new Map<string, { membershipId: string; day: string; total: number; entries: number }>();
  for (const e of args.entries) {
    const key = `${e.membershipId}|${e.day}`;
    const t = totals.get(key) ?? { membershipId: e.membershipId, day: e.day, total: 0, entries: 0 };
    t.total += e.amount;
    t.entries += 1;
    totals.set(key, t);
  }
  await makeDailyTotals(db, { teamId: args.teamId, metricId: args.metricId, totals: [...totals.values()] });
}

/** DailyTotal rows only (adds to an existing row for the same member, metric and day). */
export async function makeDailyTotals(
  db: DbClient,
  args: {
    teamId: string;
    metricId: string;
    totals: { membershipId: string; day: string; total: number; entries?: number }[];
  },
): Promise<void> {
  const { Prisma } = await import("@/generated/prisma/client");
  const chunk = 2000;
  for (let i = 0; i < args.totals.length; i += chunk) {
    const part = args.totals.slice(i, i + chunk);
    if (part.length === 0) continue;
    const values = Prisma.join(
      part.map(
        (t) =>
          Prisma.sql`(${args.teamId}, ${t.membershipId}, ${args.metricId}, ${t.day}::date, ${t.total}::int, ${t.entries ?? 1}::int)`,
      ),
    );
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "DailyTotal" ("teamId", "membershipId", "metricId", day, total, entries) VALUES ${values}
      ON CONFLICT ("membershipId", "metricId", day)
      DO UPDATE SET total = "DailyTotal".total + EXCLUDED.total, entries = "DailyTotal".entries + EXCLUDED.entries`);
  }
}
