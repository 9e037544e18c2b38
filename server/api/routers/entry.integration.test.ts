import { randomUUID } from "node:crypto";
import { targetTable } from "@/tests/target-table";
import { beforeEach, describe, expect, it } from "vitest";
import { isoDateInTimeZone, addDays } from "@/server/domain/calendar";
import { logEntries } from "@/server/services/entry/log-entries";
import { updateEntry } from "@/server/services/entry/update-entry";
import { loadTeamScope } from "@/server/services/team/scope";
import { atInstant } from "@/tests/clock";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { makeMetric, makeTeam, makeUser } from "@/tests/factories";
import * as clock from "@/server/clock";
import { toIsoDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "each" });
let calls: Awaited<ReturnType<typeof makeMetric>>;
let sales: Awaited<ReturnType<typeof makeMetric>>;
beforeEach(async () => {
  calls = await makeMetric(env.db, { teamId: env.t.team.id, key: "calls", name: "Calls" });
  sales = await makeMetric(env.db, {
    teamId: env.t.team.id,
    key: "sales",
    name: "Sales",
    kind: "RESULT",
    unit: "MONEY",
  });
});

const db = () => env.db;
const as = (membershipId: string) => env.as(membershipId);
const today = () => isoDateInTimeZone(clock.nowMs(), "Europe/London");
/** The scope of a member's own requests (as `teamProcedure` builds it), loaded at the current instant. */
const scopeOf = async (membershipId: string) => {
  const m = await db().membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { userId: true, teamId: true },
  });
  return loadTeamScope(db(), { teamId: m.teamId, userId: m.userId });
};
/** A service call as `membershipId` at a fixed instant (the scope is loaded at that instant too). */
const at = <T>(instant: Date, fn: () => Promise<T>) => atInstant(instant.toISOString(), fn);
const logAt = (instant: Date, membershipId: string, entries: Parameters<typeof logEntries>[2]["entries"]) =>
  at(instant, async () => logEntries(db(), await scopeOf(membershipId), { entries }));
const updateAt = (instant: Date, membershipId: string, input: Parameters<typeof updateEntry>[2]) =>
  at(instant, async () => updateEntry(db(), await scopeOf(membershipId), input));

/** DailyTotal rows of a member must equal the sums of their live entries, day by day and metric by metric. */
async function expectTotalsMatchEntries(membershipId: string) {
  const fromEntries = await db().$queryRaw<{ metricId: string; day: Date; total: number; entries: number }[]>`
    SELECT "metricId", day, SUM(amount)::int AS total, COUNT(*)::int AS entries
      FROM "Entry" WHERE "membershipId" = ${membershipId} AND "deletedAt" IS NULL GROUP BY "metricId", day`;
  const totals = await db().dailyTotal.findMany({
    where: { membershipId },
    select: { metricId: true, day: true, total: true, entries: true },
  });
  const key = (r: { metricId: string; day: Date }) => `${r.metricId}/${toIsoDay(r.day)}`;
  const live = new Map(fromEntries.map((r) => [key(r), [r.total, r.entries]]));
  const kept = new Map(
    totals.filter((r) => r.entries !== 0 || r.total !== 0).map((r) => [key(r), [r.total, r.entries]]),
  );
  expect(kept).toEqual(live);
}

describe("entry.log", () => {
  it("logs a tap for today with its revision and daily total", async () => {
    const id = randomUUID();
    const result = await (
      await as(env.t.memberA1.id)
    ).entry.log({ teamId: env.t.team.id, entries: [{ id, metricId: calls.id, amount: 1 }] });
    expect(result.results).toEqual([{ id, status: "created" }]);
    expect(result.today).toBe(today());
    const entry = await db().entry.findUniqueOrThrow({ where: { id } });
    expect(entry).toMatchObject({
      membershipId: env.t.memberA1.id,
      createdById: env.t.memberA1.id,
      amount: 1,
      version: 1,
    });
    expect(toIsoDay(entry.day)).toBe(today());
    // One row an entry: the entry is its own creation record until its first change writes the revision.
    expect(await db().entryRevision.count({ where: { entryId: id } })).toBe(0);
    const history = await (await as(env.t.memberA1.id)).entry.history({ teamId: env.t.team.id, entryId: id });
    expect(history).toEqual([
      {
        action: "create",
        day: today(),
        amount: 1,
        note: null,
        at: entry.createdAt,
        by: { id: env.t.memberA1.id, name: "Mia A1" },
      },
    ]);
    const total = await db().dailyTotal.findFirstOrThrow({
      where: { membershipId: env.t.memberA1.id, metricId: calls.id },
    });
    expect(total).toMatchObject({ total: 1, entries: 1 });
  });

  it("counts the same entry id once, however often it is sent (retries, double sends, duplicates in a batch)", async () => {
    const caller = await as(env.t.memberA1.id);
    const a = randomUUID();
    const b = randomUUID();
    const first = await caller.entry.log({
      teamId: env.t.team.id,
      entries: [{ id: a, metricId: calls.id, amount: 1 }],
    });
    expect(first.created).toBe(1);
    const retry = await caller.entry.log({
      teamId: env.t.team.id,
      entries: [
        { id: a, metricId: calls.id, amount: 1 },
        { id: b, metricId: calls.id, amount: 2 },
        { id: b, metricId: calls.id, amount: 2 },
      ],
    });
    expect(retry.results.map((r) => r.status)).toEqual(["duplicate", "created", "duplicate"]);
    // Two devices (or a lost response and a retry) sending at the same moment.
    const c = randomUUID();
    const both = await Promise.all(
      [1, 2].map(() =>
        caller.entry.log({ teamId: env.t.team.id, entries: [{ id: c, metricId: calls.id, amount: 5 }] }),
      ),
    );
    expect(both.map((r) => r.results[0]!.status).sort()).toEqual(["created", "duplicate"]);
    expect(await db().entry.count({ where: { membershipId: env.t.memberA1.id } })).toBe(3);
    const total = await db().dailyTotal.findFirstOrThrow({
      where: { membershipId: env.t.memberA1.id, metricId: calls.id },
    });
    expect(total).toMatchObject({ total: 8, entries: 3 });
    await expectTotalsMatchEntries(env.t.memberA1.id);
  });

  it("reports an id reused with different content instead of accepting it", async () => {
    const caller = await as(env.t.memberA1.id);
    const id = randomUUID();
    await caller.entry.log({ teamId: env.t.team.id, entries: [{ id, metricId: calls.id, amount: 1 }] });
    const changed = await caller.entry.log({ teamId: env.t.team.id, entries: [{ id, metricId: calls.id, amount: 3 }] });
    expect(changed.results[0]).toMatchObject({
      id,
      status: "conflict",
      message: expect.stringContaining("already used"),
    });
    // Someone else sending the same id (or another team) never touches the first member's entry.
    const other = await (
      await as(env.t.memberA2.id)
    ).entry.log({ teamId: env.t.team.id, entries: [{ id, metricId: calls.id, amount: 1 }] });
    expect(other.results[0]!.status).toBe("conflict");
    const inBatch = randomUUID();
    const batch = await caller.entry.log({
      teamId: env.t.team.id,
      entries: [
        { id: inBatch, metricId: calls.id, amount: 1 },
        { id: inBatch, metricId: calls.id, amount: 2 },
      ],
    });
    expect(batch.results.map((r) => r.status)).toEqual(["created", "conflict"]);
    expect(await db().entry.findUniqueOrThrow({ where: { id } })).toMatchObject({
      amount: 1,
      membershipId: env.t.memberA1.id,
    });
    await expectTotalsMatchEntries(env.t.memberA1.id);
    await expectTotalsMatchEntries(env.t.memberA2.id);
  });

  it("an entry that was edited is still recognised when its original send is retried", async () => {
    const caller = await as(env.t.memberA1.id);
    const id = randomUUID();
    await caller.entry.log({ teamId: env.t.team.id, entries: [{ id, metricId: calls.id, amount: 2, note: "Coffee" }] });
    await caller.entry.update({ teamId: env.t.team.id, entryId: id, amount: 4 });
    const retry = await caller.entry.log({
      teamId: env.t.team.id,
      entries: [{ id, metricId: calls.id, amount: 2, note: " Coffee " }],
    });
    expect(retry.results[0]!.status).toBe("duplicate");
    expect((await db().entry.findUniqueOrThrow({ where: { id } })).amount).toBe(4);
  });

  it("rejects metrics of another team and archived ones, per entry, while keeping the good ones", async () => {
    const strangerOwner = await makeUser(db());
    const otherTeam = await makeTeam(db(), { ownerId: strangerOwner.id });
    const foreign = await makeMetric(db(), { teamId: otherTeam.id, key: "calls" });
    const archived = await makeMetric(db(), { teamId: env.t.team.id, key: "old", name: "Old thing" });
    await db().metric.update({ where: { id: archived.id }, data: { archivedAt: clock.now() } });
    const good = randomUUID();
    const result = await (
      await as(env.t.memberA1.id)
    ).entry.log({
      teamId: env.t.team.id,
      entries: [
        { id: randomUUID(), metricId: foreign.id, amount: 1 },
        { id: good, metricId: calls.id, amount: 1 },
        { id: randomUUID(), metricId: archived.id, amount: 1 },
      ],
    });
    expect(result.results.map((r) => r.status)).toEqual(["rejected", "created", "rejected"]);
    expect(result.results[0]).toMatchObject({ message: "That activity is not part of this team." });
    expect(result.results[2]).toMatchObject({ message: expect.stringContaining("archived") });
    expect(await db().entry.count({ where: { membershipId: env.t.memberA1.id } })).toBe(1);
  });

  it("refuses bad input with a clear message and non-members entirely", async () => {
    const caller = await as(env.t.memberA1.id);
    await expect(
      caller.entry.log({ teamId: env.t.team.id, entries: [{ id: "not-a-uuid", metricId: calls.id, amount: 1 }] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("UUID"),
    });
    await expect(
      caller.entry.log({ teamId: env.t.team.id, entries: [{ id: randomUUID(), metricId: calls.id, amount: 1.5 }] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("whole"),
    });
    await expect(caller.entry.log({ teamId: env.t.team.id, entries: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const strangerUser = await makeUser(db());
    const strangerTeam = await makeTeam(db(), { ownerId: strangerUser.id });
    const stranger = await as(strangerTeam.membershipId);
    await expect(
      stranger.entry.log({ teamId: env.t.team.id, entries: [{ id: randomUUID(), metricId: calls.id, amount: 1 }] }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("stores money in minor units exactly", async () => {
    const id = randomUUID();
    await (
      await as(env.t.memberA1.id)
    ).entry.log({ teamId: env.t.team.id, entries: [{ id, metricId: sales.id, amount: 1999 }] });
    const day = await (await as(env.t.memberA1.id)).entry.day({ teamId: env.t.team.id });
    expect(day.actions.find((a) => a.metricId === sales.id)).toMatchObject({ unit: "MONEY", done: 1999 });
  });
});

describe("backdating (services with a fixed clock)", () => {
  // Wednesday 2026-11-25 07:30 UTC is still Tuesday 2026-11-24 23:30 in Los Angeles.
  const now = new Date("2026-11-25T07:30:00.000Z");
  const log = async (membershipId: string, metricId: string, day: string) => {
    const r = await logAt(now, membershipId, [{ id: randomUUID(), metricId, day, amount: 1 }]);
    return r.results[0]!;
  };

  it("uses the team's time zone for today and refuses future days", async () => {
    await db().team.update({ where: { id: env.t.team.id }, data: { timeZone: "America/Los_Angeles" } });
    const r = await logAt(now, env.t.memberA1.id, [{ id: randomUUID(), metricId: calls.id, amount: 1 }]);
    expect(r.today).toBe("2026-11-24");
    const future = await log(env.t.memberA1.id, calls.id, "2026-11-25");
    expect(future).toMatchObject({ status: "rejected", message: expect.stringContaining("future") });
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-24")).toMatchObject({ status: "created" });
    // The same instant in London is already Wednesday.
    await db().team.update({ where: { id: env.t.team.id }, data: { timeZone: "Europe/London" } });
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-25")).toMatchObject({ status: "created" });
  });

  it("allows earlier days of the current week only, within the team's backdate limit", async () => {
    // London: today Wednesday 2026-11-25, week starts Monday 2026-11-23.
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-24")).toMatchObject({ status: "created" });
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-23")).toMatchObject({ status: "created" });
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-22")).toMatchObject({
      status: "rejected",
      message: "2026-11-22 is too far back — you can log from 2026-11-23 to 2026-11-25.",
    });
    await db().team.update({ where: { id: env.t.team.id }, data: { backdateDays: 1 } });
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-24")).toMatchObject({ status: "created" });
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-23")).toMatchObject({ status: "rejected" });
    await db().team.update({ where: { id: env.t.team.id }, data: { backdateDays: 0 } });
    expect(await log(env.t.memberA1.id, calls.id, "2026-11-24")).toMatchObject({
      status: "rejected",
      message: expect.stringContaining("only allows logging for today"),
    });
    await expectTotalsMatchEntries(env.t.memberA1.id);
  });

  it("refuses to move an entry outside the window", async () => {
    const id = randomUUID();
    await logAt(now, env.t.memberA1.id, [{ id, metricId: calls.id, amount: 1, day: "2026-11-24" }]);
    await expect(updateAt(now, env.t.memberA1.id, { entryId: id, day: "2026-11-26" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("future"),
    });
    // A week later the entry belongs to a closed week and can no longer be changed.
    await expect(
      updateAt(new Date("2026-12-02T12:00:00Z"), env.t.memberA1.id, { entryId: id, amount: 2 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("can no longer be changed") });
  });
});

describe("entry.update / entry.delete", () => {
  async function logOne(membershipId: string, amount = 2) {
    const id = randomUUID();
    await (await as(membershipId)).entry.log({ teamId: env.t.team.id, entries: [{ id, metricId: calls.id, amount }] });
    return id;
  }

  it("the author edits and deletes; totals follow and every change is kept", async () => {
    const caller = await as(env.t.memberA1.id);
    const id = await logOne(env.t.memberA1.id, 2);
    await logOne(env.t.memberA1.id, 3);
    const yesterday = addDays(today(), -1);
    const updated = await caller.entry.update({
      teamId: env.t.team.id,
      entryId: id,
      amount: 5,
      note: "Five calls",
      version: 1,
    });
    expect(updated).toMatchObject({ version: 2, amount: 5, note: "Five calls" });
    await expectTotalsMatchEntries(env.t.memberA1.id);
    // Moving the entry to yesterday (when yesterday is inside this week's window).
    const week = await caller.entry.day({ teamId: env.t.team.id });
    if (week.allowedDays.includes(yesterday)) {
      await caller.entry.update({ teamId: env.t.team.id, entryId: id, day: yesterday });
      await expectTotalsMatchEntries(env.t.memberA1.id);
    }
    await expect(
      caller.entry.update({ teamId: env.t.team.id, entryId: id, amount: 6, version: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.entry.delete({ teamId: env.t.team.id, entryId: id });
    await expectTotalsMatchEntries(env.t.memberA1.id);
    expect(await db().entry.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedAt: expect.any(Date) });
    await expect(caller.entry.delete({ teamId: env.t.team.id, entryId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const history = await caller.entry.history({ teamId: env.t.team.id, entryId: id });
    expect(history.map((h) => h.action)).toEqual(
      week.allowedDays.includes(yesterday) ? ["create", "update", "update", "delete"] : ["create", "update", "delete"],
    );
    expect(history[0]).toMatchObject({ amount: 2, by: { name: "Mia A1" } });
    expect(history[1]).toMatchObject({ amount: 5, note: "Five calls" });
    const list = await caller.entry.list({ teamId: env.t.team.id, from: addDays(today(), -6), to: today() });
    expect(list.map((e) => e.amount)).toEqual([3]);
  });

  it("an upline may change a downline member's entries only when the team allows it", async () => {
    const id = await logOne(env.t.memberA1a.id);
    const leader = await as(env.t.leaderA.id);
    await expect(leader.entry.update({ teamId: env.t.team.id, entryId: id, amount: 9 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("does not let uplines"),
    });
    await expect(leader.entry.delete({ teamId: env.t.team.id, entryId: id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await db().team.update({ where: { id: env.t.team.id }, data: { uplineCanEditEntries: true } });
    await leader.entry.update({ teamId: env.t.team.id, entryId: id, amount: 9 });
    await (await as(env.t.memberA1.id)).entry.delete({ teamId: env.t.team.id, entryId: id });
    const revisions = await db().entryRevision.findMany({
      where: { entryId: id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    // The first change wrote the creation (its author, not the upline who edited), once.
    expect(revisions).toEqual([
      { action: "create", actorId: env.t.memberA1a.id },
      { action: "update", actorId: env.t.leaderA.id },
      { action: "delete", actorId: env.t.memberA1.id },
    ]);
    await expectTotalsMatchEntries(env.t.memberA1a.id);
  });

  it("refuses everyone else: a downline member, a sibling, another branch's leader, another team", async () => {
    await db().team.update({ where: { id: env.t.team.id }, data: { uplineCanEditEntries: true } });
    const id = await logOne(env.t.memberA1.id);
    // Below the author: can't see them → not found.
    await expect(
      (await as(env.t.memberA1a.id)).entry.update({ teamId: env.t.team.id, entryId: id, amount: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await as(env.t.memberA2.id)).entry.delete({ teamId: env.t.team.id, entryId: id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await as(env.t.leaderB.id)).entry.delete({ teamId: env.t.team.id, entryId: id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherUser = await makeUser(db());
    const otherTeam = await makeTeam(db(), { ownerId: otherUser.id });
    await expect(
      (await as(otherTeam.membershipId)).entry.delete({ teamId: otherTeam.id, entryId: id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await as(env.t.memberA2.id)).entry.history({ teamId: env.t.team.id, entryId: id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().entry.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("keeps DailyTotal equal to the live entries through a random mix of logs, edits and deletes", async () => {
    const caller = await as(env.t.memberA2.id);
    const window = (await caller.entry.day({ teamId: env.t.team.id })).allowedDays;
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const ids: string[] = [];
    for (let step = 0; step < 30; step++) {
      const op = ids.length === 0 ? 0 : rand(3);
      if (op === 0) {
        const batch = Array.from({ length: 1 + rand(4) }, () => ({
          id: randomUUID(),
          metricId: rand(2) ? calls.id : sales.id,
          day: window[rand(window.length)]!,
          amount: 1 + rand(500),
        }));
        await caller.entry.log({
          teamId: env.t.team.id,
          entries: [...batch, ...(ids.length ? [{ ...batch[0]! }] : [])],
        });
        ids.push(...batch.map((b) => b.id));
      } else if (op === 1) {
        const id = ids[rand(ids.length)]!;
        await caller.entry
          .update({ teamId: env.t.team.id, entryId: id, amount: 1 + rand(50), day: window[rand(window.length)]! })
          .catch(() => undefined);
      } else {
        const id = ids.splice(rand(ids.length), 1)[0]!;
        await caller.entry.delete({ teamId: env.t.team.id, entryId: id });
      }
    }
    await expectTotalsMatchEntries(env.t.memberA2.id);
  });
});

describe("celebrations", () => {
  it("celebrates a personal best day once, and a retry never celebrates again", async () => {
    const monday = new Date("2026-11-23T12:00:00Z");
    const tuesday = new Date("2026-11-24T12:00:00Z");
    await logAt(monday, env.t.memberA1.id, [{ id: randomUUID(), metricId: calls.id, amount: 3 }]);
    const batch = [{ id: randomUUID(), metricId: calls.id, amount: 2 }];
    const first = await logAt(tuesday, env.t.memberA1.id, batch);
    expect(first.celebrations).toEqual([]);
    const second = await logAt(tuesday, env.t.memberA1.id, [{ id: randomUUID(), metricId: calls.id, amount: 2 }]);
    expect(second.celebrations).toEqual([
      expect.objectContaining({ kind: "RECORD", day: "2026-11-24", title: "New personal best: 4 calls in a day!" }),
    ]);
    const retry = await logAt(tuesday, env.t.memberA1.id, batch);
    expect(retry.celebrations).toEqual([]);
    expect(await db().victory.count({ where: { membershipId: env.t.memberA1.id, kind: "RECORD" } })).toBe(1);
  });

  it("celebrates goal milestones from the member's personal target", async () => {
    const goal = await db().goal.create({
      data: {
        teamId: env.t.team.id,
        rootMembershipId: env.t.owner.id,
        createdById: env.t.owner.id,
        metricId: sales.id,
        name: "Winter sales",
        target: 100_000,
        startDate: new Date("2026-11-01T00:00:00Z"),
        deadline: new Date("2026-12-31T00:00:00Z"),
        status: "PUBLISHED",
      },
    });
    await targetTable(db()).create({
      data: { goalId: goal.id, membershipId: env.t.memberA1.id, personal: 10_000, team: 10_000 },
    });
    const now = new Date("2026-11-24T12:00:00Z");
    const r = await logAt(now, env.t.memberA1.id, [{ id: randomUUID(), metricId: sales.id, amount: 5_000 }]);
    // Half the target in one go: both milestones passed (and today's share of the plan is done too).
    const milestones = r.celebrations.filter((c) => c.key.startsWith("milestone:"));
    expect(milestones.map((c) => c.key)).toEqual([`milestone:${goal.id}:25`, `milestone:${goal.id}:50`]);
    expect(milestones[1]!.title).toBe("50% of your Winter sales target!");
    expect(r.celebrations.map((c) => c.key)).toContain("plan_done:2026-11-24");
    const done = await logAt(now, env.t.memberA1.id, [{ id: randomUUID(), metricId: sales.id, amount: 5_000 }]);
    expect(done.celebrations.map((c) => c.key)).toContain(`target:${goal.id}`);
  });
});

describe("entry.day and reminders settings", () => {
  it("shows the loggable metrics, the day's entries, the allowed days and the week", async () => {
    const caller = await as(env.t.memberA1.id);
    await makeMetric(db(), {
      teamId: env.t.team.id,
      key: "customers",
      name: "Customers",
      kind: "RESULT",
      unit: "COUNT",
    });
    await caller.entry.log({
      teamId: env.t.team.id,
      entries: [{ id: randomUUID(), metricId: calls.id, amount: 2, note: "Morning" }],
    });
    const day = await caller.entry.day({ teamId: env.t.team.id });
    expect(day.actions.map((a) => a.name)).toEqual(["Calls", "Sales"]);
    expect(day.actions[0]).toMatchObject({ done: 2, planned: 0 });
    expect(day.entries).toEqual([expect.objectContaining({ metricId: calls.id, amount: 2, note: "Morning" })]);
    expect(day.allowedDays[0]).toBe(today());
    expect(day.week).toHaveLength(7);
    expect(day.week.find((w) => w.isToday)).toMatchObject({ logged: 2 });
    expect(day.streak).toMatchObject({ current: 0 });
    await expect(caller.entry.day({ teamId: env.t.team.id, day: addDays(today(), 1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    expect(await caller.entry.setReminder({ teamId: env.t.team.id, time: "18:30" })).toEqual({ reminderTime: "18:30" });
    expect((await caller.entry.day({ teamId: env.t.team.id })).reminderTime).toBe("18:30");
    await expect(caller.entry.setReminder({ teamId: env.t.team.id, time: "25:00" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await caller.entry.setReminder({ teamId: env.t.team.id, time: null })).toEqual({ reminderTime: null });
  });
});
