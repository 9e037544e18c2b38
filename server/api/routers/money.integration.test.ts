/**
 * Money in the team's own currency, end to end on the real database: a yen team (no minor unit) logs ¥2,468 and
 * every page, email and file shows ¥2,468 — not "JP¥24.68" (My plan), "JP¥25 of JP¥556" (dashboard) or a digest
 * divided by 100. The pages format what the services return with the same formatter the components use
 * (server/domain/money.ts); the server's own sentences (plan messages, celebrations, the digest, CSV) are read as
 * they are. CSV files carry major units, the currency and each metric's unit, and neutralise formula-like cells.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, startOfPeriod } from "@/server/domain/calendar";
import { amountFormatter, ENTRY_AMOUNT_LIMITS, formatAmount, parseAmount } from "@/server/domain/money";
import type { TCreateTeamInput } from "@/server/schemas/team";
import { exportEntriesCsv } from "@/server/services/team/export-entries";
import { loadTeamScope } from "@/server/services/team/scope";
import { DASHBOARD_AMOUNTS } from "@/components/dashboard/format";
import { callerForMember } from "@/tests/caller";
import { addMember, makeEntriesWithTotals, makeGoal, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { startInbox, type ReceivedMail } from "@/tests/smtp-inbox";
import * as clock from "@/server/clock";
import { toDbDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "none" });
let inbox: { mails: ReceivedMail[]; stop: () => Promise<void> };

beforeAll(async () => {
  inbox = await startInbox();
});
afterAll(async () => {
  await inbox.stop();
});

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of gen) text += chunk;
  return text;
}

/** The owner's entries export, one record a row. */
async function entriesFile(teamId: string, ownerUserId: string) {
  const scope = await loadTeamScope(env.db, { teamId, userId: ownerUserId });
  const csv = await collect(exportEntriesCsv(env.db, scope));
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
}

/** A team in a currency with a money metric "Volume". */
async function teamIn(input: Partial<TCreateTeamInput>) {
  const db = env.db;
  const ownerUser = await makeUser(db, { name: "Olivia Owner" });
  const team = await makeTeam(db, { ownerId: ownerUser.id, input });
  const volume = await makeMetric(db, {
    teamId: team.id,
    key: "volume",
    name: "Volume",
    kind: "RESULT",
    unit: "MONEY",
  });
  return { db, team, ownerUser, ownerId: team.membershipId, volume };
}

/** A yen team: the owner and Aiko; a ¥55,600 goal that began three weeks before this one. */
async function yenTeam(aikoName = "Aiko Sato") {
  const t = await teamIn({ name: "Tokyo", currency: "JPY", timeZone: "Asia/Tokyo" });
  const aiko = await addMember(t.db, { teamId: t.team.id, parentId: t.ownerId, name: aikoName });
  const today = clock.todayIn("Asia/Tokyo");
  const lastWeek = addDays(startOfPeriod(today, "week", 1), -7);
  const goal = await makeGoal(t.db, {
    teamId: t.team.id,
    rootMembershipId: t.ownerId,
    metricId: t.volume.id,
    target: 55_600,
    startDate: addDays(lastWeek, -14),
    deadline: addDays(today, 41),
    name: "Yen volume",
  });
  return { ...t, aiko, goal, today, lastWeek };
}

describe("a yen team (JPY has no minor unit)", () => {
  it("logs ¥2,468 as 2468 and celebrates it as ¥2,468", async () => {
    const { db, team, aiko, volume, today } = await yenTeam();
    // An earlier best day of ¥1,000, so today's ¥2,468 is a personal record.
    await makeEntriesWithTotals(db, {
      teamId: team.id,
      metricId: volume.id,
      entries: [{ membershipId: aiko.id, day: addDays(today, -2), amount: 1000 }],
    });
    // What Aiko types on the Log, read by the Log's parser.
    const typed = parseAmount("2,468", "MONEY", "JPY", undefined, ENTRY_AMOUNT_LIMITS);
    expect(typed).toEqual({ ok: true, value: 2468 });
    expect(parseAmount("24.68", "MONEY", "JPY", undefined, ENTRY_AMOUNT_LIMITS)).toEqual({
      ok: false,
      message: "Enter a whole amount, like 1,250",
    });
    const me = await callerForMember(db, aiko.id);
    const logged = await me.entry.log({
      teamId: team.id,
      entries: [{ id: randomUUID(), metricId: volume.id, amount: typed.ok ? typed.value : 0 }],
    });
    const stored = await db.entry.findMany({
      where: { membershipId: aiko.id, day: toDbDay(today) },
      select: { amount: true },
    });
    expect(stored).toEqual([{ amount: 2468 }]);
    expect(JSON.stringify(logged)).toContain("New personal best: ¥2,468 volume in a day!");
    expect(JSON.stringify(logged)).not.toMatch(/JP¥|¥24\.68/);
  });

  it("shows ¥2,468 on My plan, the dashboard and in the weekly digest", async () => {
    const { db, team, ownerId, aiko, volume, goal, lastWeek } = await yenTeam();
    await makeEntriesWithTotals(db, {
      teamId: team.id,
      metricId: volume.id,
      entries: [{ membershipId: aiko.id, day: addDays(lastWeek, 2), amount: 2468 }],
    });

    // My plan (components/plan/my-plan.tsx formats with amountFormatter of the goal's unit and the team currency).
    const aikoCaller = await callerForMember(db, aiko.id);
    const [mine] = (await aikoCaller.goal.myPlan({ teamId: team.id })).goals;
    const fmt = amountFormatter(mine!.goal.metric.unit, "JPY");
    expect(mine!.actualToDate).toBe(2468);
    expect(fmt(mine!.actualToDate)).toBe("¥2,468");
    expect(fmt(mine!.personalTarget)).toBe("¥27,800");
    // Plan tables: every planned amount in whole yen ("JP¥2,187.5" before).
    for (const m of mine!.milestones) expect(fmt(m.cumulative)).toMatch(/^¥\d{1,3}(,\d{3})*$/);

    // Dashboard tiles (components/dashboard: whole units).
    const owner = await callerForMember(db, ownerId);
    const rollup = await owner.dashboard.rollup({ teamId: team.id, goalId: goal.id, period: "goal" });
    const dash = (n: number) => formatAmount(n, rollup.goal.metric.unit, "JPY", undefined, DASHBOARD_AMOUNTS);
    const root = rollup.rows[0]!;
    expect(`${dash(root.teamActual)} of ${dash(root.teamTarget)}`).toBe("¥2,468 of ¥55,600");

    // Plan messages written by the server, in yen.
    const refused = await owner.goal
      .preview({
        teamId: team.id,
        name: "Too low",
        metricId: volume.id,
        target: 55_600,
        baseline: 60_000,
        startDate: addDays(lastWeek, -14),
        deadline: addDays(lastWeek, 60),
        period: "WEEK",
        curve: "LINEAR",
        checkpoints: [],
        splitRule: "EVEN",
      })
      .then(
        () => "accepted",
        (e: Error) => e.message,
      );
    expect(refused).toMatch(/¥55,600/);
    expect(refused).toMatch(/¥60,000/);

    // The weekly review and its digest email.
    const { id } = await owner.review.start({ teamId: team.id, goalId: goal.id });
    const review = await owner.review.get({ teamId: team.id, reviewId: id });
    expect(review.snapshot.week.from).toBe(lastWeek);
    expect(review.snapshot.scoreboard.weekActual).toBe(2468);
    inbox.mails.length = 0;
    expect((await owner.review.close({ teamId: team.id, reviewId: id })).digestsSent).toBe(1);
    const digest = inbox.mails[0]!.text;
    expect(digest).toContain("Last week: ¥2,468 of ");
    expect(digest).toContain("Goal to date: ¥2,468 of ");
    expect(digest).not.toMatch(/JP¥|¥25\b|¥24\.68/);
  });

  it("rounds next month's proposed target to whole yen, not to hundreds of yen", async () => {
    const { db, team, ownerId, aiko, volume, goal, today } = await yenTeam();
    const lastMonth = startOfPeriod(addDays(startOfPeriod(today, "month"), -1), "month");
    await makeEntriesWithTotals(db, {
      teamId: team.id,
      metricId: volume.id,
      entries: [{ membershipId: aiko.id, day: lastMonth, amount: 2468 }],
    });
    const owner = await callerForMember(db, ownerId);
    const next = await owner.goal.proposeNext({ teamId: team.id, goalId: goal.id, stretchPercent: 10 });
    // ¥2,468 × 1.1 = ¥2,714.8, up to a step of at most 1 % (¥20): ¥2,720 — with pence rules it was ¥2,800.
    expect(next.lastMonth.actual).toBe(2468);
    expect(next.target).toBe(2720);
  });

  it("exports major units with the currency and the unit, and neutralises formula-like names and notes", async () => {
    const { db, team, ownerUser, ownerId, aiko, volume, goal, today } = await yenTeam(
      '=HYPERLINK("http://evil.test","Aiko")',
    );
    const calls = await makeMetric(db, {
      teamId: team.id,
      key: "calls",
      name: "Calls",
      kind: "ACTIVITY",
      unit: "COUNT",
    });
    const me = await callerForMember(db, aiko.id);
    await me.entry.log({
      teamId: team.id,
      entries: [
        { id: randomUUID(), metricId: volume.id, amount: 2468, note: "@SUM(1+1)*cmd|' /C calc'!A0" },
        { id: randomUUID(), metricId: calls.id, amount: 12, note: "-2+3" },
      ],
    });

    const entries = await entriesFile(team.id, ownerUser.id);
    const sale = entries.find((r) => r.metric === "Volume")!;
    expect(sale).toMatchObject({
      amount: "2468",
      currency: "JPY",
      unit: "money",
      member: `'=HYPERLINK("http://evil.test","Aiko")`,
      note: "'@SUM(1+1)*cmd|' /C calc'!A0",
    });
    expect(entries.find((r) => r.metric === "Calls")).toMatchObject({
      amount: "12",
      currency: "",
      unit: "count",
      note: "'-2+3",
    });

    const owner = await callerForMember(db, ownerId);
    const file = await owner.dashboard.exportCsv({ teamId: team.id, goalId: goal.id, period: "week" });
    const rows = Papa.parse<Record<string, string>>(file.csv, { header: true, skipEmptyLines: true }).data;
    const week = startOfPeriod(today, "week", 1);
    const aikoNow = rows.find((r) => r.member!.startsWith("'=") && r.period_start === week)!;
    expect(aikoNow).toMatchObject({
      metric: "Volume",
      unit: "money",
      currency: "JPY",
      personal_actual: "2468",
      team_actual: "2468",
    });
    expect(rows.every((r) => /^\d+$/.test(r.personal_target!) && r.currency === "JPY")).toBe(true);
  });

  it("writes pounds and dinars in their own decimals in the file", async () => {
    for (const [currency, amount, text] of [
      ["GBP", 301_250, "3012.50"],
      ["BHD", 1250, "1.250"],
    ] as const) {
      const { db, team, ownerUser, ownerId, volume } = await teamIn({ currency });
      const owner = await callerForMember(db, ownerId);
      await owner.entry.log({ teamId: team.id, entries: [{ id: randomUUID(), metricId: volume.id, amount }] });
      expect(await entriesFile(team.id, ownerUser.id)).toEqual([
        expect.objectContaining({ amount: text, currency, unit: "money" }),
      ]);
    }
  });
});
