/**
 * `npm run seed:scale -- --members 10000 [--days 90] [--no-entries]`
 *
 * A team at scale for benchmarks: a deep, uneven tree (scripts/lib/scale-tree.ts: uplines with 50 direct members,
 * long thin legs 30 levels deep), 4 metrics (contacts, presentations, sponsors, team volume), `--days` days of
 * activity (raw entries and the per-member per-day aggregates), and an active goal cascaded to every member.
 * Bulk inserts only: the tree goes in as array parameters (10,000 rows a statement) and the activity is generated
 * inside the database with generate_series, so 100,000 members take seconds on PostgreSQL. Re-running replaces
 * the team `scale-<members>`. DATABASE_URL picks the database (PGlite by default).
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { openDatabase, type Db } from "../server/db-client";
import { cascadeTargets } from "../server/domain/cascade";
import { encodeSplit } from "../server/domain/goal-split";
import { formatMoney } from "../server/domain/money";
import { buildGenealogy, depths, rng } from "./lib/scale-tree";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

const CHUNK = 10_000;

export interface ScaleSeedOptions {
  members: number;
  days: number;
  entries: boolean;
  /** The last day of activity (YYYY-MM-DD); default today (UTC). */
  today?: string;
  log?: (line: string) => void;
}

export interface ScaleSeedResult {
  teamId: string;
  slug: string;
  goalId: string;
  rootMembershipId: string;
  metricIds: Record<string, string>;
  members: number;
  maxDepth: number;
  dailyTotals: number;
  entries: number;
}

export const SCALE_METRICS = [
  { key: "contacts", name: "Contacts", kind: "ACTIVITY", unit: "COUNT", minutes: 5 },
  { key: "presentations", name: "Presentations", kind: "ACTIVITY", unit: "COUNT", minutes: 30 },
  { key: "sponsors", name: "Sponsored members", kind: "RESULT", unit: "COUNT", minutes: null },
  { key: "team_volume", name: "Team volume", kind: "RESULT", unit: "MONEY", minutes: null },
] as const;

async function removeTeam(db: Db, teamId: string) {
  // Delete children before parents (memberships are RESTRICT-referenced by entries and by each other). Goals go
  // first: their GoalActual rows leave with them, so the DailyTotal triggers have no goal left to keep up to date.
  // A goal's split and overrides (GoalSplit, TargetOverride) leave with the goal (ON DELETE CASCADE).
  for (const table of ["TargetChange", "Goal", "DailyTotal", "EntryRevision", "Entry", "Victory"]) {
    if (table === "EntryRevision") {
      await db.$executeRawUnsafe(
        `DELETE FROM "EntryRevision" WHERE "entryId" IN (SELECT id FROM "Entry" WHERE "teamId" = $1)`,
        teamId,
      );
      continue;
    }
    await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "teamId" = $1`, teamId);
  }
  await db.$executeRawUnsafe(`UPDATE "Membership" SET "parentId" = NULL WHERE "teamId" = $1`, teamId);
  const users = await db.$queryRawUnsafe<{ userId: string }[]>(
    `SELECT "userId" FROM "Membership" WHERE "teamId" = $1`,
    teamId,
  );
  await db.$executeRawUnsafe(`DELETE FROM "Team" WHERE id = $1`, teamId);
  const ids = users.map((u) => u.userId);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db.$executeRawUnsafe(
      `DELETE FROM "User" u WHERE u.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id)`,
      ids.slice(i, i + CHUNK),
    );
  }
}

function isoDay(date: Date): string {
  return toIsoDay(date);
}

export async function seedScale(db: Db, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const log = options.log ?? (() => {});
  const { members, days } = options;
  if (!Number.isInteger(members) || members < 2) throw new Error("--members must be a whole number ≥ 2");
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new Error("--days must be a whole number 1–366");
  const slug = `scale-${members}`;
  const prefix = `s${members}`;
  const today = options.today ?? clock.todayIn("UTC");
  const firstDay = isoDay(new Date(toDbDay(today).getTime() - (days - 1) * 86_400_000));

  let t = performance.now();
  const lap = (what: string) => {
    const now = performance.now();
    log(`  ${what.padEnd(34)} ${((now - t) / 1000).toFixed(2)} s`);
    t = now;
  };

  const existing = await db.team.findUnique({ where: { slug }, select: { id: true } });
  if (existing) {
    await removeTeam(db, existing.id);
    lap("removed the previous scale team");
  }

  const random = rng(members);
  const parentOf = buildGenealogy(members, random);
  const { depth, max: maxDepth } = depths(parentOf);
  const childCount = new Int32Array(members);
  for (let i = 1; i < members; i++) childCount[parentOf[i]!]!++;

  const teamId = `${prefix}_team`;
  const memberId = (i: number) => `${prefix}_m${i}`;
  const userId = (i: number) => `${prefix}_u${i}`;
  await db.team.create({
    data: {
      id: teamId,
      slug,
      name: `Scale team (${members.toLocaleString("en-GB")} members)`,
      currency: "GBP",
      timeZone: "Europe/London",
      weekStartsOn: 1,
      workingDays: [1, 2, 3, 4, 5],
      template: "NETWORK_MARKETING",
      // Member i takes slot i (server/queries/member-slot.ts).
      nextSlot: members,
    },
  });

  for (let start = 0; start < members; start += CHUNK) {
    const idx = Array.from({ length: Math.min(CHUNK, members - start) }, (_, k) => start + k);
    await db.$executeRawUnsafe(
      `INSERT INTO "User" (id, email, name, "createdAt", "updatedAt")
       SELECT id, email, name, now(), now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, email, name)`,
      idx.map(userId),
      idx.map((i) => `member-${i}@${slug}.test`),
      idx.map((i) => `Member ${i}`),
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "Membership" (id, "teamId", "userId", "parentId", role, "splitWeight", slot, "createdAt", "updatedAt")
       SELECT id, $1, "userId", "parentId", role::"Role", weight, slot, now(), now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) AS t(id, "userId", "parentId", role, weight, slot)`,
      teamId,
      idx.map(memberId),
      idx.map(userId),
      idx.map((i) => (i === 0 ? null : memberId(parentOf[i]!))),
      idx.map((i) => (i === 0 ? "OWNER" : depth[i] === 1 && childCount[i]! > 0 ? "LEADER" : "MEMBER")),
      // Split weights are percentages of a full-time share: 5–40 hours a week at 20 hours = 100%.
      idx.map(() => (5 + Math.floor(random() * 36)) * 5),
      idx,
    );
  }
  lap(`users + memberships (${members})`);

  const metricIds: Record<string, string> = {};
  for (const [position, m] of SCALE_METRICS.entries()) {
    const id = `${prefix}_metric_${m.key}`;
    metricIds[m.key] = id;
    await db.metric.create({
      data: { id, teamId, key: m.key, name: m.name, kind: m.kind, unit: m.unit, minutesPerAction: m.minutes, position },
    });
  }

  // Activity, generated in the database: ~60 % of members are active; an active member logs on about half the
  // working days; contacts every logging day, presentations on 60 % of them, a sponsor now and then, volume on 20 %.
  // Deterministic (hashes of ids and days), so two runs give the same data.
  const amounts: Record<string, { share: number; amount: string }> = {
    contacts: { share: 100, amount: "1 + (h % 12)" },
    presentations: { share: 60, amount: "1 + (h % 4)" },
    sponsors: { share: 4, amount: "1" },
    team_volume: { share: 20, amount: "(2000 + (h % 40) * 500)" },
  };
  const metricCases = SCALE_METRICS.map((m) => `WHEN '${metricIds[m.key]}' THEN ${amounts[m.key]!.amount}`).join(" ");
  const shareCases = SCALE_METRICS.map((m) => `WHEN '${metricIds[m.key]}' THEN ${amounts[m.key]!.share}`).join(" ");
  const dailyTotals = await db.$executeRawUnsafe(
    `INSERT INTO "DailyTotal" ("teamId", "membershipId", "metricId", day, total, entries)
     SELECT $1, g.id, g.metric, g.day, CASE g.metric ${metricCases} END, 1
     FROM (
       SELECT a.id, a.day, mt.id AS metric, abs(hashtext(a.id || a.day::text || mt.id)) AS h
       FROM (
         SELECT m.id, d::date AS day
         FROM "Membership" m CROSS JOIN generate_series($2::date, $3::date, interval '1 day') d
         WHERE m."teamId" = $1 AND extract(isodow FROM d) < 6 AND abs(hashtext(m.id)) % 100 < 60
           AND abs(hashtext(m.id || d::date::text)) % 100 < 50
       ) a CROSS JOIN "Metric" mt
       WHERE mt."teamId" = $1
     ) g
     WHERE g.h % 100 < CASE g.metric ${shareCases} END`,
    teamId,
    firstDay,
    today,
  );
  lap(`daily totals (${dailyTotals})`);

  let entries = 0;
  if (options.entries) {
    // One raw entry per member, metric and day (the aggregates above are their sums).
    entries = await db.$executeRawUnsafe(
      `INSERT INTO "Entry" (id, "teamId", "membershipId", "metricId", day, amount, "createdById", "createdAt", "updatedAt")
       SELECT md5("membershipId" || "metricId" || day::text)::uuid::text, "teamId", "membershipId", "metricId", day, total,
              "membershipId", day + time '19:00', day + time '19:00'
       FROM "DailyTotal" WHERE "teamId" = $1`,
      teamId,
    );
    lap(`entries (${entries})`);
  }

  // The active goal: £600 of team volume per member over 13 weeks (capped to fit the integer amounts: £20m), split
  // by weight, cascaded to everyone.
  const goalId = `${prefix}_goal`;
  const start = isoDay(new Date(toDbDay(today).getTime() - 56 * 86_400_000));
  const deadline = isoDay(new Date(toDbDay(start).getTime() + 90 * 86_400_000));
  const target = Math.min(members * 60_000, 2_000_000_000);
  await db.goal.create({
    data: {
      id: goalId,
      teamId,
      rootMembershipId: memberId(0),
      createdById: memberId(0),
      metricId: metricIds.team_volume!,
      name: `${formatMoney(target, "GBP", "en-GB", { wholeUnits: true })} team volume in 13 weeks`,
      target,
      startDate: toDbDay(start),
      deadline: toDbDay(deadline),
      period: "WEEK",
      curve: "LINEAR",
      splitRule: "WEIGHT",
      status: "PUBLISHED",
      publishedAt: clock.now(),
    },
  });
  const weights = await db.$queryRawUnsafe<{ id: string; w: number }[]>(
    `SELECT id, "splitWeight" AS w FROM "Membership" WHERE "teamId" = $1`,
    teamId,
  );
  const weightOf = new Map(weights.map((r) => [r.id, Number(r.w)]));
  const cascade = cascadeTargets({
    nodes: parentOf.map((p, i) => ({
      id: memberId(i),
      parentId: p < 0 ? null : memberId(p),
      weight: weightOf.get(memberId(i)) ?? 100,
    })),
    target,
    rule: "weight",
  });
  // The goal's split: member i's numbers at slot i (server/domain/goal-split.ts), one row.
  const slotOfId = new Map(parentOf.map((_, i) => [memberId(i), i]));
  const split = encodeSplit({
    slots: cascade.targets.map((x) => slotOfId.get(x.id)!),
    personal: cascade.targets.map((x) => x.personal),
    team: cascade.targets.map((x) => x.team),
  });
  await db.$executeRawUnsafe(
    `INSERT INTO "GoalSplit" ("goalId", split, "createdAt", "updatedAt") VALUES ($1, decode($2, 'hex'), now(), now())`,
    goalId,
    Buffer.from(split).toString("hex"),
  );
  lap(`goal + member targets (${cascade.targets.length})`);
  await db.$executeRawUnsafe(`ANALYZE`);
  lap("analyze");

  return {
    teamId,
    slug,
    goalId,
    rootMembershipId: memberId(0),
    metricIds,
    members,
    maxDepth,
    dailyTotals,
    entries,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      members: { type: "string", default: "10000" },
      days: { type: "string", default: "90" },
      "no-entries": { type: "boolean", default: false },
    },
  });
  const database = openDatabase(process.env.DATABASE_URL);
  try {
    const started = performance.now();
    console.info(`Seeding a scale team on ${database.kind}…`);
    const result = await seedScale(database.db, {
      members: Number(values.members),
      days: Number(values.days),
      entries: !values["no-entries"],
      log: (line) => console.info(line),
    });
    console.info(
      `Seeded "${result.slug}": ${result.members} members (max depth ${result.maxDepth}), ` +
        `${result.dailyTotals} daily totals, ${result.entries} entries, goal ${result.goalId} ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
