/**
 * The life of a goal through the router: a draft edited freely and deleted, a published goal edited through the
 * previewed re-plan (history recorded, targets exactly as previewed), archive and restore, the team's main goal, and a
 * closed goal's summary (the dashboard's numbers) with next month's goal made from it (the stretch rule).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { addDays } from "@/server/domain/calendar";
import { proposeNextTarget } from "@/server/domain/next-target";
import { teamToday } from "@/server/clock";
import { atInstant } from "@/tests/clock";
import { addDailyTotal, makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase, type TestCaller, type TestTree } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });
let t: TestTree;
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
let today: string;
const as: Record<string, TestCaller> = {};

beforeAll(async () => {
  t = env.t;
  m = await makeFunnelMetrics(env.db, { teamId: t.team.id });
  today = teamToday(await env.db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { timeZone: true } }));
  for (const [name, id] of Object.entries({
    owner: t.owner.id,
    leaderA: t.leaderA.id,
    leaderB: t.leaderB.id,
    memberA1: t.memberA1.id,
    memberA1a: t.memberA1a.id,
  })) {
    as[name] = await env.as(id);
  }
});

const teamId = () => t.team.id;

function fields(over: Record<string, unknown> = {}) {
  return {
    teamId: teamId(),
    name: "Volume push",
    metricId: m.volume.id,
    target: 1_200_000,
    startDate: today,
    deadline: addDays(today, 41),
    ...over,
  };
}

async function targetsOf(goalId: string) {
  const rows = await targetTable(env.db).findMany({
    where: { goalId },
    select: { membershipId: true, personal: true, team: true },
  });
  return new Map(rows.map((r) => [r.membershipId, { personal: r.personal, team: r.team }]));
}

const version = async (goalId: string) =>
  (await env.db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { version: true } })).version;

describe("a draft is edited freely and can be deleted", () => {
  it("edits every field with the validation of creating a goal, then deletes it after the version check", async () => {
    const draft = await as.leaderA!.goal.create(fields({ name: "Draft for A" }));
    const edited = await as.leaderA!.goal.update({
      ...fields({ name: "Recruiting sprint", metricId: m.sponsors.id, target: 12, curve: "FRONT_LOADED" }),
      goalId: draft.id,
      version: draft.version,
      curveStrength: 70,
      rootMembershipId: t.memberA1.id,
    });
    const row = await env.db.goal.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({
      name: "Recruiting sprint",
      metricId: m.sponsors.id,
      target: 12,
      curve: "FRONT_LOADED",
      curveStrength: 70,
      rootMembershipId: t.memberA1.id,
      version: edited.version,
      status: "DRAFT",
    });
    // Same validation as create: a deadline in the past, a root outside the leader's branch.
    await expect(
      as.leaderA!.goal.update({
        ...fields({ deadline: addDays(today, -1), startDate: addDays(today, -9) }),
        goalId: draft.id,
        version: edited.version,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as.leaderA!.goal.update({
        ...fields(),
        goalId: draft.id,
        version: edited.version,
        rootMembershipId: t.memberB1.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A stale version is a conflict, not an overwrite.
    await expect(
      as.leaderA!.goal.update({ ...fields(), goalId: draft.id, version: draft.version }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      as.leaderA!.goal.delete({ teamId: teamId(), goalId: draft.id, version: draft.version }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await as.leaderA!.goal.delete({ teamId: teamId(), goalId: draft.id, version: edited.version });
    expect(await env.db.goal.findUnique({ where: { id: draft.id } })).toBeNull();
    const audit = await env.db.auditEvent.findMany({ where: { subjectId: draft.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["goal.draft_deleted", "goal.draft_edited"]);
  });

  it("refuses to edit or delete a published goal as a draft", async () => {
    const goal = await as.leaderA!.goal.create(fields({ name: "Published A", publish: true }));
    await expect(
      as.leaderA!.goal.update({ ...fields(), goalId: goal.id, version: goal.version }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      as.leaderA!.goal.delete({ teamId: teamId(), goalId: goal.id, version: goal.version }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("who may change a goal's life", () => {
  it("refuses a leader and a member on the owner's team-wide goal, and lets the owner", async () => {
    const goal = await as.owner!.goal.create(fields({ name: "Team-wide", publish: true }));
    const v = { teamId: teamId(), goalId: goal.id, version: goal.version };
    const edit = { ...v, change: { kind: "edit" as const, name: "Renamed" } };
    for (const who of ["leaderA", "memberA1"]) {
      await expect(as[who]!.goal.archive(v), `archive as ${who}`).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(as[who]!.goal.applyChange(edit), `edit as ${who}`).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(as[who]!.goal.previewChange(edit), `preview as ${who}`).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(as[who]!.goal.setMain({ ...v, main: true }), `main as ${who}`).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    // A leader of another branch cannot even see a goal of leader A's branch.
    const branch = await as.leaderA!.goal.create(fields({ name: "A's branch", publish: true }));
    await expect(
      as.leaderB!.goal.archive({ teamId: teamId(), goalId: branch.id, version: branch.version }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      as.leaderA!.goal.archive({ teamId: teamId(), goalId: branch.id, version: branch.version }),
    ).resolves.toMatchObject({ status: "ARCHIVED" });
    await expect(as.owner!.goal.archive(v)).resolves.toMatchObject({ status: "ARCHIVED" });
  });
});

describe("editing a published goal goes through the preview", () => {
  it("changes targets and milestones exactly as previewed, and records the history", async () => {
    // Results in the 28 days before today's start, not in those before the new start: the history split moves.
    await addDailyTotal(env.db, {
      teamId: teamId(),
      membershipId: t.memberA1.id,
      metricId: m.volume.id,
      day: addDays(today, -8),
      total: 80_000,
    });
    const goal = await as.owner!.goal.create(
      fields({ name: "Spring volume", splitRule: "HISTORY", historyDays: 28, publish: true }),
    );
    const change = {
      kind: "edit" as const,
      name: "Spring volume (extended)",
      startDate: addDays(today, 30),
      deadline: addDays(today, 80),
      curve: "BACK_LOADED" as const,
      curveStrength: 40,
    };
    const input = { teamId: teamId(), goalId: goal.id, change };
    const preview = await as.owner!.goal.previewChange(input);
    expect(preview.canApply).toBe(true);
    expect(preview.goal.map((g) => g.field)).toEqual(["name", "startDate", "deadline", "curve"]);
    expect(preview.calendar?.milestones.length).toBeGreaterThan(0);
    expect(preview.members.length).toBeGreaterThan(0);
    const before = await targetsOf(goal.id);

    const saved = await as.owner!.goal.applyChange({ ...input, version: goal.version });
    expect(saved.changed).toBe(preview.members.length);
    const after = await targetsOf(goal.id);
    for (const d of preview.members) {
      expect(before.get(d.membershipId)).toEqual({ personal: d.personal.from, team: d.team.from });
      expect(after.get(d.membershipId)).toEqual({ personal: d.personal.to, team: d.team.to });
    }
    for (const [id, v] of before) {
      if (!preview.members.some((d) => d.membershipId === id)) expect(after.get(id)).toEqual(v);
    }
    const row = await env.db.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect(row).toMatchObject({
      name: change.name,
      curve: "BACK_LOADED",
      curveStrength: 40,
      version: goal.version + 1,
    });
    const history = await env.db.targetChange.findMany({
      where: { goalId: goal.id, membershipId: null, field: { in: ["name", "startDate", "deadline", "curve"] } },
      select: { field: true, reason: true, data: true },
    });
    expect(history.map((h) => h.field).sort()).toEqual(["curve", "deadline", "name", "startDate"]);
    expect(history[0]!.reason).toMatch(/^Goal edited: name, start, deadline, curve/);
    // The member sees it in their history of the goal.
    const mine = await as.memberA1!.goal.history({ teamId: teamId(), goalId: goal.id });
    expect(mine.some((h) => h.field === "startDate")).toBe(true);
    // A stale version is refused; a start after the deadline is a clear 400.
    await expect(as.owner!.goal.applyChange({ ...input, version: goal.version })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      as.owner!.goal.previewChange({ ...input, change: { kind: "edit", startDate: addDays(today, 90) } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("archive, restore and the team's main goal", () => {
  it("an archived goal leaves My plan and the dashboard, stays readable, and comes back", async () => {
    const a = await as.owner!.goal.create(fields({ name: "Goal A", publish: true }));
    const b = await as.owner!.goal.create(fields({ name: "Goal B", deadline: addDays(today, 80), publish: true }));
    // The main goal is listed first on My plan and labelled.
    await as.owner!.goal.setMain({ teamId: teamId(), goalId: b.id, main: true });
    const plan = await as.memberA1!.goal.myPlan({ teamId: teamId() });
    expect(plan.mainGoalId).toBe(b.id);
    expect(plan.goals[0]!.goal.id).toBe(b.id);
    expect(plan.goals.map((g) => g.goal.id)).toContain(a.id);
    expect((await as.memberA1!.goal.get({ teamId: teamId(), goalId: b.id })).main).toEqual({
      isMain: true,
      canChoose: false,
    });

    const archived = await as.owner!.goal.archive({ teamId: teamId(), goalId: b.id, version: await version(b.id) });
    const after = await as.memberA1!.goal.myPlan({ teamId: teamId() });
    expect(after.goals.map((g) => g.goal.id)).not.toContain(b.id);
    expect(after.mainGoalId).toBeNull();
    expect((await as.memberA1!.dashboard.goals({ teamId: teamId() })).map((g) => g.id)).not.toContain(b.id);
    expect((await as.owner!.goal.list({ teamId: teamId() })).map((g) => g.id)).not.toContain(b.id);
    // Still readable: its page, the Archived list (the member had a target in it).
    await expect(as.memberA1!.goal.get({ teamId: teamId(), goalId: b.id })).resolves.toMatchObject({
      goal: { status: "ARCHIVED" },
    });
    expect((await as.memberA1!.goal.archived({ teamId: teamId() })).map((g) => g.id)).toContain(b.id);
    expect((await as.leaderB!.goal.archived({ teamId: teamId() })).map((g) => g.id)).toContain(b.id);
    // No longer the main goal; restored, published again with its targets.
    expect((await env.db.goal.findUniqueOrThrow({ where: { id: b.id } })).mainSince).toBeNull();
    const targets = await targetsOf(b.id);
    await expect(
      as.owner!.goal.restore({ teamId: teamId(), goalId: b.id, version: archived.version }),
    ).resolves.toMatchObject({ status: "PUBLISHED" });
    expect(await targetsOf(b.id)).toEqual(targets);
    expect((await as.memberA1!.goal.myPlan({ teamId: teamId() })).goals.map((g) => g.goal.id)).toContain(b.id);
    await expect(as.owner!.goal.setMain({ teamId: teamId(), goalId: b.id, main: false })).resolves.toMatchObject({
      mainGoalId: null,
    });
  });

  it("only a published goal can be the main one, and only one is", async () => {
    const draft = await as.owner!.goal.create(fields({ name: "Draft main" }));
    await expect(as.owner!.goal.setMain({ teamId: teamId(), goalId: draft.id, main: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const x = await as.owner!.goal.create(fields({ name: "Goal X", publish: true }));
    const y = await as.owner!.goal.create(fields({ name: "Goal Y", publish: true }));
    await as.owner!.goal.setMain({ teamId: teamId(), goalId: x.id, main: true });
    await expect(as.owner!.goal.setMain({ teamId: teamId(), goalId: y.id, main: true })).resolves.toEqual({
      mainGoalId: y.id,
    });
    expect(await env.db.goal.count({ where: { teamId: teamId(), mainSince: { not: null } } })).toBe(1);
  });

  it("the Log names the main goal to those in it, with their target, progress and today's actions for it", async () => {
    const logOf = async (who: string) => (await as[who]!.entry.day({ teamId: teamId() })).mainGoal;
    const main = await as.owner!.goal.create(fields({ name: "Main volume", publish: true }));
    await as.owner!.goal.setMain({ teamId: teamId(), goalId: main.id, main: true });
    await addDailyTotal(env.db, {
      teamId: teamId(),
      membershipId: t.memberA1.id,
      metricId: m.volume.id,
      day: today,
      total: 12_345,
    });
    const personal = (await targetsOf(main.id)).get(t.memberA1.id)!.personal;
    const day = await as.memberA1!.entry.day({ teamId: teamId() });
    expect(day.mainGoal).toMatchObject({
      goalId: main.id,
      name: "Main volume",
      deadline: addDays(today, 41),
      metric: { id: m.volume.id, unit: "MONEY" },
      personal,
      done: 12_345,
    });
    // Today's actions for the main goal alone: each is also one of the Log's (every goal merged), never more.
    expect(day.mainGoal!.today.length).toBeGreaterThan(0);
    for (const a of day.mainGoal!.today) {
      expect(a.planned).toBeGreaterThan(0);
      expect(a.planned).toBeLessThanOrEqual(day.actions.find((x) => x.metricId === a.metricId)!.planned);
    }

    // A branch goal made main: leader B's branch sees it, memberA1 (not in it) sees no main goal.
    const branch = await as.owner!.goal.create(
      fields({ name: "B push", rootMembershipId: t.leaderB.id, publish: true }),
    );
    await as.owner!.goal.setMain({ teamId: teamId(), goalId: branch.id, main: true });
    expect(await logOf("memberA1")).toBeNull();
    expect((await logOf("leaderB"))?.name).toBe("B push");

    // Archived, it is no longer the main goal anywhere.
    await as.owner!.goal.archive({ teamId: teamId(), goalId: branch.id, version: await version(branch.id) });
    expect(await logOf("leaderB")).toBeNull();
  });
});

describe("a goal closes with a summary, and next month's goal is made from it", () => {
  it("sums up with the dashboard's numbers, and drafts next month with the stretch target", async () => {
    // A February goal, created and published on 1 February; today is in March.
    const feb = await atInstant("2027-02-01T09:00:00Z", () =>
      as.owner!.goal.create(
        fields({
          name: "Volume push — February 2027",
          startDate: "2027-02-01",
          deadline: "2027-02-28",
          target: 900_000,
          publish: true,
        }),
      ),
    );
    for (const [who, day, total] of [
      [t.memberA1.id, "2027-02-03", 210_000],
      [t.memberA1a.id, "2027-02-10", 145_000],
      [t.leaderB.id, "2027-02-11", 95_000],
      [t.memberA1.id, "2027-02-20", 60_000],
    ] as const) {
      await addDailyTotal(env.db, { teamId: teamId(), membershipId: who, metricId: m.volume.id, day, total });
    }
    await env.db.victory.create({
      data: {
        teamId: teamId(),
        membershipId: t.memberA1.id,
        kind: "MILESTONE",
        key: "test:feb",
        title: "50% of your February target!",
        day: new Date("2027-02-20T00:00:00.000Z"),
      },
    });
    const input = { teamId: teamId(), goalId: feb.id };
    const closing = await as.owner!.goal.closing(input);
    expect(closing.closed).toBe(true);
    if (!closing.closed) return;
    const dashboard = await as.owner!.dashboard.rollup({ ...input, period: "goal" });
    expect(closing.result.actual).toBe(dashboard.rows[0]!.teamActual);
    expect(closing.result.target).toBe(dashboard.rows[0]!.teamTarget);
    expect(closing.result.actual).toBe(510_000);
    expect(closing.result.hit).toBe(false);
    expect(closing.result.difference).toBe(510_000 - 900_000);
    expect(closing.result.status).toBe(dashboard.rows[0]!.goal.status);
    expect(closing.contributors.map((c) => c.name)).toEqual(["Mia A1", "Max A1a", "Lara Leader B"]);
    expect(closing.contributors[0]!.actual).toBe(270_000);
    expect(closing.victories.map((v) => v.title)).toContain("50% of your February target!");
    const stretched = proposeNextTarget(510_000, 10, "money").target;
    expect(closing.next).toMatchObject({ target: stretched, basedOn: "actual", period: { start: "2027-03-01" } });

    // A member sees the summary for their own branch, with the dashboard's numbers too, and no "next month".
    const mine = await as.memberA1!.goal.closing(input);
    const theirs = await as.memberA1!.dashboard.rollup({ ...input, period: "goal" });
    expect(mine.closed && mine.result.actual).toBe(theirs.rows[0]!.teamActual);
    expect(mine.closed && mine.next).toBeNull();
    await expect(as.memberA1!.goal.createNext(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as.leaderA!.goal.createNext(input)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const next = await as.owner!.goal.createNext(input);
    expect(next.existed).toBe(false);
    const row = await env.db.goal.findUniqueOrThrow({ where: { id: next.id } });
    expect(row).toMatchObject({
      status: "DRAFT",
      name: "Volume push — March 2027",
      target: stretched,
      baseline: 0,
      metricId: m.volume.id,
    });
    expect(row.startDate.toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(row.deadline.toISOString().slice(0, 10)).toBe("2027-03-31");
    // Asked twice: the same draft.
    await expect(as.owner!.goal.createNext(input)).resolves.toMatchObject({ id: next.id, existed: true });
    // The leader reviews and publishes it.
    await expect(
      as.owner!.goal.publish({ teamId: teamId(), goalId: next.id, version: row.version }),
    ).resolves.toMatchObject({ id: next.id });
  });

  it("is not closed before the deadline", async () => {
    const goal = await as.owner!.goal.create(fields({ name: "Running", publish: true }));
    await expect(as.owner!.goal.closing({ teamId: teamId(), goalId: goal.id })).resolves.toMatchObject({
      closed: false,
    });
    await expect(as.owner!.goal.createNext({ teamId: teamId(), goalId: goal.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
