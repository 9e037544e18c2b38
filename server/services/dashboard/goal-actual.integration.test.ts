/**
 * GoalActual (a member's actual over a goal's metric and dates, kept by database triggers on DailyTotal and Goal)
 * must always equal a recomputation from the raw entries, whatever writes them: the Log (entry.log), edits, deletes,
 * bulk writers (factories, seeds), and goal date changes. The dashboard roll-up reads it, so its goal-to-date figures
 * must match the entries too.
 */
import { randomUUID } from "node:crypto";
import { targetTable } from "@/tests/target-table";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDateInTimeZone } from "@/server/domain/calendar";
import { callerForMember } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { addDailyTotal, makeEntriesWithTotals, makeGoal, makeMetric, makeTestTree } from "@/tests/factories";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "none" });
const db = () => env.db;

const iso = (d: Date) => toIsoDay(d);

/** GoalActual rows of a goal (non-zero), member → total. */
async function goalActuals(goalId: string): Promise<Map<string, number>> {
  const rows = await db().goalActual.findMany({ where: { goalId }, select: { membershipId: true, total: true } });
  return new Map(rows.filter((r) => r.total !== 0n).map((r) => [r.membershipId, Number(r.total)]));
}

/** The same, recomputed from live entries of the goal's metric between its start and deadline. */
async function fromEntries(goalId: string): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ membershipId: string; total: number }[]>`
    SELECT e."membershipId", SUM(e.amount)::float8 AS total
      FROM "Entry" e JOIN "Goal" g ON g.id = ${goalId}
     WHERE e."teamId" = g."teamId" AND e."metricId" = g."metricId" AND e.day BETWEEN g."startDate" AND g.deadline AND e."deletedAt" IS NULL
     GROUP BY e."membershipId"`;
  return new Map(rows.filter((r) => r.total !== 0).map((r) => [r.membershipId, r.total]));
}

/** The same, recomputed from DailyTotal (for writers that add daily totals without entries). */
async function fromDailyTotals(goalId: string): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ membershipId: string; total: number }[]>`
    SELECT dt."membershipId", SUM(dt.total)::float8 AS total
      FROM "DailyTotal" dt JOIN "Goal" g ON g.id = ${goalId}
     WHERE dt."teamId" = g."teamId" AND dt."metricId" = g."metricId" AND dt.day BETWEEN g."startDate" AND g.deadline
     GROUP BY dt."membershipId"`;
  return new Map(rows.filter((r) => r.total !== 0).map((r) => [r.membershipId, r.total]));
}

type Op =
  | { kind: "log"; who: number; metric: number; day: number; amount: number; batch: number }
  | { kind: "edit"; pick: number; day: number; amount: number }
  | { kind: "delete"; pick: number }
  | { kind: "bulk"; who: number; day: number; amount: number }
  | { kind: "dates"; start: number; end: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("log" as const),
      who: fc.nat(3),
      metric: fc.nat(1),
      day: fc.nat(40),
      amount: fc.integer({ min: 1, max: 5000 }),
      batch: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      pick: fc.nat(1000),
      day: fc.nat(40),
      amount: fc.integer({ min: 1, max: 5000 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat(1000) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("bulk" as const),
      who: fc.nat(3),
      day: fc.nat(40),
      amount: fc.integer({ min: 1, max: 5000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dates" as const), start: fc.nat(10), end: fc.nat(40) }) },
);

describe("GoalActual", () => {
  it("equals the live entries of the goal's metric and dates through any mix of logs, edits, deletes, bulk writes and date changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
        const t = await makeTestTree(db());
        const sales = await makeMetric(db(), { teamId: t.team.id, kind: "RESULT", unit: "MONEY" });
        const calls = await makeMetric(db(), { teamId: t.team.id });
        const today = isoDateInTimeZone(clock.nowMs(), "Europe/London");
        const goal = await makeGoal(db(), {
          teamId: t.team.id,
          rootMembershipId: t.owner.id,
          metricId: sales.id,
          target: 1_000_000,
          startDate: addDays(today, -5),
          deadline: addDays(today, 30),
        });
        const members = [t.owner, t.memberA1, t.memberA2, t.memberB1];
        const callers = await Promise.all(members.map((m) => callerForMember(db(), m.id)));
        const window = (await callers[0]!.entry.day({ teamId: t.team.id })).allowedDays;
        const logged: { id: string; who: number }[] = [];
        for (const op of ops) {
          if (op.kind === "log") {
            const entries = Array.from({ length: op.batch }, (_, i) => ({
              id: randomUUID(),
              metricId: op.metric === 0 ? sales.id : calls.id,
              day: window[(op.day + i) % window.length]!,
              amount: op.amount + i,
            }));
            await callers[op.who]!.entry.log({ teamId: t.team.id, entries });
            logged.push(...entries.map((e) => ({ id: e.id, who: op.who })));
          } else if (op.kind === "edit" && logged.length > 0) {
            const e = logged[op.pick % logged.length]!;
            await callers[e.who]!.entry.update({
              teamId: t.team.id,
              entryId: e.id,
              amount: op.amount,
              day: window[op.day % window.length]!,
            });
          } else if (op.kind === "delete" && logged.length > 0) {
            const [e] = logged.splice(op.pick % logged.length, 1);
            await callers[e!.who]!.entry.delete({ teamId: t.team.id, entryId: e!.id });
          } else if (op.kind === "bulk") {
            // Bulk writers (imports, seeds) insert entries and add their DailyTotal rows in their own statements.
            const day = addDays(today, op.day - 30);
            await makeEntriesWithTotals(db(), {
              teamId: t.team.id,
              metricId: sales.id,
              entries: [{ membershipId: members[op.who]!.id, day, amount: op.amount }],
            });
          } else if (op.kind === "dates") {
            // At least a week long, as the product only accepts plans with a working day in them (a raw update skips that check).
            const start = addDays(today, -op.start * 3);
            const deadline = addDays(start, op.end + 6);
            await db().goal.update({
              where: { id: goal.id },
              data: { startDate: toDbDay(start), deadline: toDbDay(deadline) },
            });
          }
        }
        expect(await goalActuals(goal.id)).toEqual(await fromEntries(goal.id));

        // The dashboard's goal-to-date (owner, whole team) is the entries from the start up to today (or the deadline).
        const g = await db().goal.findUniqueOrThrow({
          where: { id: goal.id },
          select: { startDate: true, deadline: true },
        });
        const asOf = iso(g.deadline) < today ? iso(g.deadline) : today;
        const sums = await db().$queryRaw<{ total: number }[]>`
          SELECT COALESCE(SUM(amount), 0)::int AS total FROM "Entry"
           WHERE "metricId" = ${sales.id} AND "deletedAt" IS NULL AND day >= ${g.startDate} AND day <= ${asOf}::date`;
        const rollup = await callers[0]!.dashboard.rollup({ teamId: t.team.id, goalId: goal.id, period: "goal" });
        expect(rollup.rows[0]!.goal.teamActual).toBe(iso(g.startDate) > today ? 0 : sums[0]!.total);
        expect(rollup.rows[0]!.teamActual).toBe(rollup.rows[0]!.goal.teamActual);
      }),
      { numRuns: 6 },
    );
  });

  it("follows writers that change DailyTotal directly, a goal created after the activity, and deleted daily totals", async () => {
    const t = await makeTestTree(db());
    const sales = await makeMetric(db(), { teamId: t.team.id, kind: "RESULT", unit: "MONEY" });
    const log = (membershipId: string, day: string, total: number) =>
      addDailyTotal(db(), { teamId: t.team.id, membershipId, metricId: sales.id, day, total });
    await log(t.memberA1.id, "2026-11-02", 700);
    await log(t.memberA1.id, "2026-10-30", 5); // before the goal
    // A goal created after the activity starts from what is already there.
    const goal = await makeGoal(db(), {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: sales.id,
      target: 10_000,
      startDate: "2026-11-01",
      deadline: "2026-11-30",
    });
    expect(await goalActuals(goal.id)).toEqual(new Map([[t.memberA1.id, 700]]));
    await log(t.memberA1.id, "2026-11-02", 300); // an upsert that updates the row
    await log(t.memberB1.id, "2026-11-30", 2_000_000_000);
    await log(t.memberB1.id, "2026-11-29", 2_000_000_000); // past 2^31 for one member: GoalActual is a BIGINT
    await log(t.memberA2.id, "2026-12-01", 9); // after the deadline
    expect(await goalActuals(goal.id)).toEqual(await fromDailyTotals(goal.id));
    expect((await goalActuals(goal.id)).get(t.memberB1.id)).toBe(4_000_000_000);
    await db().dailyTotal.deleteMany({ where: { membershipId: t.memberA1.id, day: new Date("2026-11-02T00:00:00Z") } });
    expect(await goalActuals(goal.id)).toEqual(await fromDailyTotals(goal.id));
    await db().goal.update({
      where: { id: goal.id },
      data: { startDate: new Date("2026-10-01T00:00:00Z"), deadline: new Date("2026-12-31T00:00:00Z") },
    });
    expect(await goalActuals(goal.id)).toEqual(await fromDailyTotals(goal.id));
    expect((await goalActuals(goal.id)).get(t.memberA2.id)).toBe(9);
    // No foreign keys on GoalActual: deleting a membership or a goal deletes their rows by trigger.
    await targetTable(db()).deleteMany({ where: { membershipId: t.memberA2.id } });
    await db().membership.delete({ where: { id: t.memberA2.id } });
    expect(await db().goalActual.count({ where: { membershipId: t.memberA2.id } })).toBe(0);
    expect(await goalActuals(goal.id)).toEqual(await fromDailyTotals(goal.id));
    await targetTable(db()).deleteMany({ where: { goalId: goal.id } });
    await db().goal.delete({ where: { id: goal.id } });
    expect(await db().goalActual.count({ where: { goalId: goal.id } })).toBe(0);
  });
});
