import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db-client";
import { addDays, countWorkingDays, isoDateInTimeZone, isWorkingDay, startOfPeriod } from "@/server/domain/calendar";
import { parseMoney } from "@/server/domain/money";
import { EXPORT_COLUMNS } from "@/server/services/dashboard/export-goal-csv";
import { getRollup } from "@/server/services/progress/get-rollup";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { loadTeamScope } from "@/server/services/team/scope";
import { callerFor, callerForMember } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";
import {
  makeEntriesWithTotals,
  makeGoal,
  makeMetric,
  makeTeam,
  makeTestTree,
  makeUser,
  type LoggedAmount,
} from "@/tests/factories";
import * as clock from "@/server/clock";
import { takeMemberSlots } from "@/server/queries/member-slot";

const env = setUpTestDatabase({ tree: "none" });

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const today = () => isoDateInTimeZone(clock.nowMs(), "Europe/London");

/** A goal around today and random logged amounts for every member on random days (some before the start). */
async function seedActivity(db: Db, teamId: string, rootId: string, memberIds: string[], seed: number) {
  const metric = await makeMetric(db, { teamId, key: `sales_${seed}`, kind: "RESULT", unit: "MONEY" });
  const start = addDays(today(), -45);
  const deadline = addDays(today(), 40);
  const goal = await makeGoal(db, {
    teamId,
    rootMembershipId: rootId,
    metricId: metric.id,
    target: 1_000_003,
    startDate: start,
    deadline,
  });
  const random = rng(seed);
  const logged: LoggedAmount[] = [];
  for (const id of memberIds) {
    for (let d = -50; d <= 0; d++) {
      if (random() < 0.35)
        logged.push({ membershipId: id, day: addDays(today(), d), amount: 1 + Math.floor(random() * 5000) });
      if (random() < 0.05)
        logged.push({ membershipId: id, day: addDays(today(), d), amount: 1 + Math.floor(random() * 100) });
    }
  }
  await makeEntriesWithTotals(db, { teamId, metricId: metric.id, entries: logged });
  return { goal, logged, start, deadline };
}

describe("dashboard.rollup", () => {
  let t: Awaited<ReturnType<typeof makeTestTree>>;
  let data: Awaited<ReturnType<typeof seedActivity>>;
  let downline: Map<string, Set<string>>;

  beforeAll(async () => {
    t = await makeTestTree(env.db);
    const ids = [t.owner.id, t.leaderA.id, t.leaderB.id, t.memberA1.id, t.memberA1a.id, t.memberA2.id, t.memberB1.id];
    data = await seedActivity(env.db, t.team.id, t.owner.id, ids, 7);
    const parent = new Map<string, string | null>([
      [t.owner.id, null],
      [t.leaderA.id, t.owner.id],
      [t.leaderB.id, t.owner.id],
      [t.memberA1.id, t.leaderA.id],
      [t.memberA1a.id, t.memberA1.id],
      [t.memberA2.id, t.leaderA.id],
      [t.memberB1.id, t.leaderB.id],
    ]);
    downline = new Map(ids.map((id) => [id, new Set([id])]));
    for (const id of ids) for (let p = parent.get(id); p; p = parent.get(p)) downline.get(p)!.add(id);
  });

  it.each(["week", "month", "goal"] as const)(
    "team actual at every node = sum of its downline's logged entries (%s)",
    async (period) => {
      const owner = await callerForMember(env.db, t.owner.id);
      const result = await owner.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id, period });
      expect(result.rows).toHaveLength(7);
      const { from, asOf } = result.period;
      expect(from >= data.start).toBe(true);
      const inPeriod = (e: LoggedAmount) => e.day >= from && e.day <= asOf;
      const toDate = (e: LoggedAmount) => e.day >= data.start && e.day <= result.goalAsOf;
      for (const row of result.rows) {
        const members = downline.get(row.id)!;
        const sum = (f: (e: LoggedAmount) => boolean, ids: Set<string>) =>
          data.logged.filter((e) => ids.has(e.membershipId) && f(e)).reduce((s, e) => s + e.amount, 0);
        expect(row.teamActual).toBe(sum(inPeriod, members));
        expect(row.ownActual).toBe(sum(inPeriod, new Set([row.id])));
        expect(row.goal.teamActual).toBe(sum(toDate, members));
        // Targets add up the tree too, and the goal's root holds the whole target.
        const ownTargets = result.rows.filter((r) => members.has(r.id)).reduce((s, r) => s + r.ownTarget, 0);
        expect(row.teamTarget).toBe(ownTargets);
        expect(row.goal.teamShare).toBe(data.goal.targets.get(row.id)!.team);
        expect(row.below.total).toBe(members.size - 1);
      }
      if (period === "goal") expect(result.rows[0]!.teamTarget).toBe(1_000_003);
    },
  );

  it("period targets are whole numbers that never exceed the member's share", async () => {
    const owner = await callerForMember(env.db, t.owner.id);
    const result = await owner.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id, period: "week" });
    // Today is under way: the plan is due up to yesterday.
    expect(result.dueThrough).toBe(addDays(today(), -1));
    for (const row of result.rows) {
      expect(Number.isInteger(row.ownTarget)).toBe(true);
      expect(row.ownTarget).toBeGreaterThanOrEqual(0);
      expect(row.ownExpected).toBeLessThanOrEqual(row.ownTarget);
      expect(row.ownTarget).toBeLessThanOrEqual(row.goal.share);
      expect(["ahead", "on_track", "at_risk", "behind"]).toContain(row.ownStatus);
      // The pace model: the catch-up is what each week must bring to finish on target (not only the shortfall vs
      // the plan), and it is "none" only when on plan and the forecast reaches the target.
      const g = row.goal;
      const missing = Math.max(0, g.teamShare - g.teamActual);
      const onCourse =
        missing === 0 || (g.teamActual >= g.teamExpected && (g.forecast === null || g.forecast >= g.teamShare));
      expect(g.catchUpPerWeek === 0).toBe(onCourse);
      if (!onCourse) {
        const weeksLeft = Math.max(1, result.remainingWorkingDays / 5);
        expect(g.catchUpPerWeek).toBe(Math.ceil((missing * 5) / Math.max(5, result.remainingWorkingDays) - 1e-9));
        expect(g.catchUpPerWeek * weeksLeft).toBeGreaterThanOrEqual(missing - 1e-6);
        expect(g.catchUpPerDay).toBe(Math.ceil(missing / result.remainingWorkingDays - 1e-9));
      }
    }
  });

  it("a day is due once it is over: Monday morning's week expects nothing yet, Tuesday expects Monday, a past week all", async () => {
    const scope = await loadTeamScope(env.db, { teamId: t.team.id, userId: t.owner.userId });
    const goal = await loadGoalPlan(env.db, scope, { goalId: data.goal.id });
    // The day viewed, while `currentDay` is the team's today.
    const view = (day: string, currentDay: string) =>
      getRollup(
        env.db,
        { ...scope, today: currentDay },
        { goal, period: "week", rootId: scope.actor.id, viewDay: day },
      );
    const monday = startOfPeriod(addDays(today(), -14), "week", scope.team.weekStartsOn);
    expect(isWorkingDay(monday, scope.team.workingDays)).toBe(true);
    const tuesday = addDays(monday, 1);

    const morning = await view(monday, monday);
    expect(morning.dueThrough).toBe(addDays(monday, -1));
    for (const r of morning.rows) {
      expect([r.ownExpected, r.teamExpected]).toEqual([0, 0]);
      // Nothing due yet: anything logged this morning is ahead, nothing is on track (never "behind").
      expect(r.ownStatus).toBe(r.ownActual > 0 ? "ahead" : "on_track");
    }
    const mondayOver = await view(monday, tuesday);
    const tuesdayMorning = await view(tuesday, tuesday);
    expect(mondayOver.rows[0]!.teamExpected).toBeGreaterThan(0);
    mondayOver.rows.forEach((r, i) => {
      expect(tuesdayMorning.rows[i]!.ownExpected).toBe(r.ownExpected);
      expect(tuesdayMorning.rows[i]!.teamExpected).toBe(r.teamExpected);
    });
    // Goal to date: Monday's part is added once Monday is over, and the catch-up gains Monday as a day to catch up in.
    expect(mondayOver.rows[0]!.goal.teamExpected).toBeGreaterThan(morning.rows[0]!.goal.teamExpected);
    expect(morning.remainingWorkingDays).toBe(mondayOver.remainingWorkingDays + 1);
    // The forecast counts the days after the day viewed, whether or not it is over.
    expect(morning.rows[0]!.goal.forecast).toBe(mondayOver.rows[0]!.goal.forecast);

    // Before the goal starts nothing is due, and the days left are the goal's own.
    const early = addDays(data.start, -5);
    const before = await view(early, early);
    expect(before.rows.every((r) => r.goal.teamExpected === 0 && r.goal.catchUpPerWeek === 0)).toBe(true);
    expect(before.remainingWorkingDays).toBe(countWorkingDays(data.start, data.deadline, scope.team.workingDays));

    // A week that has ended (what the weekly review shows) is due in full: expected = target for everyone.
    const sunday = addDays(monday, 6);
    const pastWeek = await view(sunday, addDays(sunday, 3));
    for (const r of pastWeek.rows) {
      expect(r.ownExpected).toBe(r.ownTarget);
      expect(r.teamExpected).toBe(r.teamTarget);
    }
  });

  it("charts: cumulative plan vs actual, daily completion per branch (today not judged yet) and the funnel's result step", async () => {
    const owner = await callerForMember(env.db, t.owner.id);
    const charts = await owner.dashboard.charts({ teamId: t.team.id, goalId: data.goal.id, period: "week" });
    const sum = (f: (e: LoggedAmount) => boolean) => data.logged.filter(f).reduce((s, e) => s + e.amount, 0);

    // Cumulative: actuals since the start up to today, nothing after; the plan reaches the whole target at the deadline.
    const last = charts.cumulative.at(-1)!;
    expect(last).toMatchObject({ date: data.deadline, planned: 1_000_003, actual: null });
    const todayPoint = charts.cumulative.find((c) => c.date === charts.goalAsOf)!;
    expect(todayPoint.actual).toBe(sum((e) => e.day >= data.start && e.day <= charts.goalAsOf));

    // Heat strip: the owner's own work first, then each direct member's whole team.
    expect(charts.heat.map((b) => [b.id, b.own, b.members])).toEqual([
      [t.owner.id, true, 1],
      [t.leaderB.id, false, 2], // "Lara Leader B" sorts before "Leo Leader A"
      [t.leaderA.id, false, 4],
    ]);
    for (const branch of charts.heat) {
      const members = branch.own ? new Set([branch.id]) : downline.get(branch.id)!;
      expect(branch.days.map((d) => d.date)).toEqual(charts.heat[0]!.days.map((d) => d.date));
      for (const d of branch.days) {
        expect(d.actual).toBe(d.future ? 0 : sum((e) => members.has(e.membershipId) && e.day === d.date));
        expect(d.future).toBe(d.date > charts.period.asOf);
        expect(d.today).toBe(d.date === today());
        expect(d.pct).toBe(d.expected > 0 ? Math.round((d.actual / d.expected) * 100) : null);
      }
    }
    // The branches' daily plans add up to the team's: the week's days so far sum to the funnel's planned result,
    // which covers the same days as its "done" (like with like).
    const weekPlanned = charts.heat.reduce(
      (s, b) => s + b.days.filter((d) => d.date <= charts.period.asOf).reduce((x, d) => x + d.expected, 0),
      0,
    );
    const result = charts.funnel.at(-1)!;
    expect(Math.abs(weekPlanned - result.planned)).toBeLessThanOrEqual(charts.heat.length + 1); // rounding: ≤ ½ at each end, per branch and for the team
    expect(result.done).toBe(
      sum((e) => e.day >= charts.period.from && e.day <= charts.period.asOf && e.day >= data.start),
    );
  });

  it("a member's dashboard shows only their subtree; siblings, uplines and other teams are refused", async () => {
    const a1 = await callerForMember(env.db, t.memberA1.id);
    const mine = await a1.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id, period: "goal" });
    expect(mine.rows.map((r) => r.name).sort()).toEqual(["Max A1a", "Mia A1"]);
    await expect(
      a1.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id, rootId: t.memberA2.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      a1.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id, rootId: t.leaderA.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const leaderA = await callerForMember(env.db, t.leaderA.id);
    const branch = await leaderA.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id, rootId: t.memberA1.id });
    expect(branch.rows.map((r) => r.id)).toEqual([t.memberA1.id, t.memberA1a.id]);
    await expect(
      leaderA.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id, rootId: t.memberB1.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const stranger = callerFor(env.db, await makeUser(env.db));
    await expect(stranger.dashboard.rollup({ teamId: t.team.id, goalId: data.goal.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another team's owner cannot read this team's goal through their own team either.
    const otherOwner = await makeUser(env.db);
    const other = await makeTeam(env.db, { ownerId: otherOwner.id });
    await expect(
      callerFor(env.db, otherOwner).dashboard.rollup({ teamId: other.id, goalId: data.goal.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

/** A random tree of `size` members written in bulk (ids given, parents before children). */
async function makeRandomTree(db: Db, size: number, seed: number) {
  const ownerUser = await makeUser(db, { name: `Owner ${seed}` });
  const team = await makeTeam(db, { ownerId: ownerUser.id, input: { name: `Team ${seed}` } });
  const random = rng(seed);
  const ids = [team.membershipId];
  const users = Array.from({ length: size - 1 }, (_, i) => ({
    id: `u${seed}x${i}`,
    email: `u${seed}x${i}@example.test`,
    name: `Member ${i}`,
  }));
  await db.user.createMany({ data: users });
  const first = await takeMemberSlots(db, team.id, users.length);
  const memberships = users.map((u, i) => {
    const id = `m${seed}x${i}`;
    const parentId = ids[Math.floor(random() * ids.length)]!;
    ids.push(id);
    return { id, teamId: team.id, userId: u.id, parentId, slot: first + i };
  });
  await db.membership.createMany({ data: memberships });
  return { teamId: team.id, rootId: team.membershipId, ids, ownerUser };
}

describe("dashboard.rollup — query count", () => {
  it("is the same for 10 and 200 members", async () => {
    const counts: number[] = [];
    for (const [size, seed] of [
      [10, 101],
      [200, 202],
    ] as const) {
      const tree = await makeRandomTree(env.db, size, seed);
      const data = await seedActivity(env.db, tree.teamId, tree.rootId, tree.ids, seed);
      let queries = 0;
      const counted = env.db.$extends({
        query: {
          $allOperations({ args, query }) {
            queries++;
            return query(args);
          },
        },
      }) as unknown as Db;
      const caller = callerFor(counted, tree.ownerUser);
      const result = await caller.dashboard.rollup({ teamId: tree.teamId, goalId: data.goal.id, period: "month" });
      expect(result.rows).toHaveLength(size);
      expect(result.rows[0]!.teamActual).toBe(
        data.logged
          .filter((e) => e.day >= result.period.from && e.day <= result.period.asOf)
          .reduce((s, e) => s + e.amount, 0),
      );
      counts.push(queries);
    }
    // The goal, the one recursive CTE and, beside it, the goal's re-plans (raw queries are counted too).
    expect(counts[0]).toBeGreaterThanOrEqual(3);
    expect(counts[0]).toBeLessThanOrEqual(5);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe("dashboard CSV", () => {
  it("exports plan and actuals per member per week, and the export's members import into another team (round trip)", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const ids = [t.owner.id, t.leaderA.id, t.leaderB.id, t.memberA1.id, t.memberA1a.id, t.memberA2.id, t.memberB1.id];
    const data = await seedActivity(db, t.team.id, t.owner.id, ids, 31);
    const owner = await callerForMember(db, t.owner.id);
    const exported = await owner.dashboard.exportCsv({ teamId: t.team.id, goalId: data.goal.id, period: "week" });
    const Papa = (await import("papaparse")).default;
    const parsed = Papa.parse<Record<string, string>>(exported.csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...EXPORT_COLUMNS]);
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        "member",
        "period_start",
        "metric",
        "unit",
        "currency",
        "personal_target",
        "team_actual",
      ]),
    );
    // Money in major units ("3012.50") of the team currency: read back to minor units with the one money parser.
    expect(
      parsed.data.every((r) => r.unit === "money" && r.currency === "GBP" && /^\d+\.\d{2}$/.test(r.personal_target!)),
    ).toBe(true);
    const minor = (text: string | undefined) => {
      const read = parseMoney(text ?? "", "GBP");
      if (!read.ok) throw new Error(read.message);
      return read.value;
    };
    expect(parsed.data.length).toBe(exported.rows);
    const emailOf = new Map(
      (
        await db.membership.findMany({
          where: { id: { in: ids } },
          select: { id: true, user: { select: { email: true } } },
        })
      ).map((m) => [m.user.email, m.id]),
    );
    // Every member's target over all periods adds up to their share; actuals to what they logged up to today.
    for (const [email, id] of emailOf) {
      const mine = parsed.data.filter((r) => r.email === email);
      expect(mine.reduce((s, r) => s + minor(r.personal_target), 0)).toBe(data.goal.targets.get(id)!.personal);
      const loggedSum = data.logged
        .filter((e) => e.membershipId === id && e.day >= data.start)
        .reduce((s, e) => s + e.amount, 0);
      expect(mine.reduce((s, r) => s + minor(r.personal_actual), 0)).toBe(loggedSum);
      expect(mine.reduce((s, r) => s + minor(r.team_target), 0)).toBe(data.goal.targets.get(id)!.team);
    }

    // Import the same people (all but the owner) into a second team of the same owner.
    const ownerUser = await db.user.findUniqueOrThrow({ where: { id: t.owner.userId } });
    const team2 = await makeTeam(db, { ownerId: ownerUser.id, input: { name: "Second team" } });
    const people = [
      ...new Map(parsed.data.filter((r) => r.email !== ownerUser.email).map((r) => [r.email, r])).values(),
    ];
    // The export imports back as ONE file, the whole tree: rows under a row of the file wait for it, and each level's
    // invitations open as the level above accepts (nobody joins without accepting).
    const owner2 = callerFor(db, ownerUser);
    const csv = Papa.unparse({
      fields: ["name", "email", "upline email"],
      data: people.map((r) => [r.member, r.email, r.upline_email]),
    });
    const preview = await owner2.member.import({ teamId: team2.id, csv });
    expect(preview).toMatchObject({ valid: people.length, invalid: 0, committed: false });
    const done = await owner2.member.import({ teamId: team2.id, csv, commit: true });
    expect(done).toMatchObject({ committed: true, invited: people.length, waiting: preview.waiting });
    expect(done.waiting).toBeGreaterThan(0);
    let remaining = people;
    while (remaining.length > 0) {
      const accepted: typeof people = [];
      for (const r of remaining) {
        const person = callerFor(db, await db.user.findUniqueOrThrow({ where: { email: r.email } }));
        const [invitation] = await person.invite.mine();
        if (!invitation) continue; // still waiting for their upline
        await person.invite.acceptInvitation({ inviteId: invitation.id });
        accepted.push(r);
      }
      expect(accepted.length).toBeGreaterThan(0);
      remaining = remaining.filter((r) => !accepted.includes(r));
    }
    const tree2 = await owner2.member.tree({ teamId: team2.id });
    const tree1 = await owner.member.tree({ teamId: t.team.id });
    const shape = (tree: typeof tree1) => tree.nodes.map((n) => `${n.email}@${n.depth}`).sort();
    expect(shape(tree2)).toEqual(shape(tree1));
  });

  it("reports row-level errors and imports nothing until fixed, unless only valid rows are chosen", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const leaderA = await db.membership.findUniqueOrThrow({
      where: { id: t.leaderA.id },
      select: { user: { select: { email: true } } },
    });
    const leaderB = await db.membership.findUniqueOrThrow({
      where: { id: t.leaderB.id },
      select: { user: { select: { email: true } } },
    });
    const a = leaderA.user.email;
    const csv = [
      "name,email,upline email",
      `Ok One,ok.one@example.test,${a}`,
      `Ok Two,ok.two@example.test,ok.one@example.test`,
      `,no.name@example.test,${a}`,
      `Bad Email,not-an-email,${a}`,
      `Elsewhere,elsewhere@example.test,${leaderB.user.email}`,
      `Nobody,nobody@example.test,ghost@example.test`,
      `Existing,${a},${a}`,
      `Orphan,orphan@example.test,no.name@example.test`,
    ].join("\n");
    const caller = await callerForMember(db, t.leaderA.id);
    const preview = await caller.member.import({ teamId: t.team.id, csv });
    expect(preview.valid).toBe(2);
    const errorsByLine = new Map(preview.rows.map((r) => [r.line, r.errors.join("; ")]));
    expect(errorsByLine.get(2)).toBe("");
    // Under another row of the file: valid, invited once ok.one has joined.
    expect(errorsByLine.get(3)).toBe("");
    expect(preview.rows.find((r) => r.line === 3)?.waitsFor).toBe("ok.one@example.test");
    expect(errorsByLine.get(4)).toMatch(/^Name:/);
    expect(errorsByLine.get(5)).toMatch(/^Email: /);
    expect(errorsByLine.get(6)).toMatch(/not a member of your part of the team/);
    expect(errorsByLine.get(7)).toMatch(/not a member of your part of the team/);
    expect(errorsByLine.get(8)).toMatch(/already in your part of the team|own upline/);
    expect(errorsByLine.get(9)).toBe("Upline email: no.name@example.test's row (line 4) has errors");

    const before = await db.invite.count({ where: { teamId: t.team.id } });
    const blocked = await caller.member.import({ teamId: t.team.id, csv, commit: true });
    expect(blocked.committed).toBe(false);
    expect(blocked.message).toMatch(/6 row\(s\) have errors/);
    expect(await db.invite.count({ where: { teamId: t.team.id } })).toBe(before);

    const partial = await caller.member.import({ teamId: t.team.id, csv, commit: true, onlyValid: true });
    expect(partial).toMatchObject({ committed: true, invited: 2, waiting: 1 });
    // Nobody was attached and no account was made: ok.one has an invitation under leader A, and ok.two's waits for
    // ok.one's.
    expect(await db.user.count({ where: { email: "ok.one@example.test" } })).toBe(0);
    const one = await db.invite.findFirstOrThrow({
      where: { email: "ok.one@example.test" },
      select: { id: true, parentId: true, afterInviteId: true },
    });
    expect(one).toEqual({ id: one.id, parentId: t.leaderA.id, afterInviteId: null });
    expect(
      await db.invite.findFirstOrThrow({ where: { email: "ok.two@example.test" }, select: { afterInviteId: true } }),
    ).toEqual({ afterInviteId: one.id });

    // Plain members cannot import.
    await expect(
      (await callerForMember(db, t.memberA1.id)).member.import({ teamId: t.team.id, csv }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("dashboard leaderboard, victories and cheers", () => {
  it("ranks the visible team, can be switched off by the owner, and cheers are idempotent per person", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const ids = [t.owner.id, t.leaderA.id, t.leaderB.id, t.memberA1.id, t.memberA1a.id, t.memberA2.id, t.memberB1.id];
    const data = await seedActivity(db, t.team.id, t.owner.id, ids, 55);
    const owner = await callerForMember(db, t.owner.id);
    const board = await owner.dashboard.leaderboard({
      teamId: t.team.id,
      goalId: data.goal.id,
      period: "goal",
      by: "result",
    });
    expect(board.enabled).toBe(true);
    const values = board.rows.map((r) => r.value);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    const top = board.rows[0]!;
    const topLogged = data.logged
      .filter((e) => e.membershipId === top.id && e.day >= data.start)
      .reduce((s, e) => s + e.amount, 0);
    expect(top.value).toBe(topLogged);
    // A leader only ranks their own branch.
    const branch = await (
      await callerForMember(db, t.leaderB.id)
    ).dashboard.leaderboard({ teamId: t.team.id, goalId: data.goal.id, by: "completion" });
    expect(branch.rows.every((r) => [t.leaderB.id, t.memberB1.id].includes(r.id))).toBe(true);

    await expect(
      (await callerForMember(db, t.leaderA.id)).dashboard.setLeaderboard({ teamId: t.team.id, enabled: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await owner.dashboard.setLeaderboard({ teamId: t.team.id, enabled: false });
    expect(await owner.dashboard.leaderboard({ teamId: t.team.id, goalId: data.goal.id, by: "result" })).toMatchObject({
      enabled: false,
      rows: [],
    });

    const victory = await db.victory.create({
      data: {
        teamId: t.team.id,
        membershipId: t.memberA1a.id,
        kind: "MILESTONE",
        key: "m50",
        title: "50% of target",
        day: clock.now(),
      },
    });
    const leaderA = await callerForMember(db, t.leaderA.id);
    expect((await leaderA.dashboard.cheer({ teamId: t.team.id, victoryId: victory.id })).cheers).toBe(1);
    expect((await leaderA.dashboard.cheer({ teamId: t.team.id, victoryId: victory.id })).cheers).toBe(1);
    expect((await owner.dashboard.cheer({ teamId: t.team.id, victoryId: victory.id })).cheers).toBe(2);
    const feed = await leaderA.dashboard.victories({ teamId: t.team.id });
    expect(feed[0]).toMatchObject({ id: victory.id, cheers: 2, cheeredByMe: true, name: "Max A1a" });
    // Leader B's side neither sees nor cheers it.
    expect(await (await callerForMember(db, t.leaderB.id)).dashboard.victories({ teamId: t.team.id })).toEqual([]);
    await expect(
      (await callerForMember(db, t.leaderB.id)).dashboard.cheer({ teamId: t.team.id, victoryId: victory.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
