/**
 * Email done properly, end to end over a real SMTP peer (tests/smtp-inbox.ts: nodemailer → smtp-server over TCP), on
 * the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL), the clock pinned:
 * - the daily reminder: HTML + text, today's plan and follow-ups, List-Unsubscribe (RFC 8058) headers; none on a rest
 *   day; none after a one-click unsubscribe (POST /api/unsubscribe with the header's token); a bad token is 400 and
 *   changes nothing;
 * - the weekly digest: each upline once for their branch only, its numbers the dashboard's roll-up, run twice = once.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pinClock } from "@/server/clock";
import type { Database } from "@/server/db-client";
import { addDays } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { formatAmount } from "@/server/domain/money";
import { sendWeeklyDigests } from "@/server/services/email/send-weekly-digests";
import { weeklyDigestJob } from "@/server/services/email/weekly-digest.job";
import { remindersTickJob } from "@/server/services/reminder/reminders.job";
import { sendDueReminders } from "@/server/services/reminder/send-due-reminders";
import { unsubscribeToken } from "@/server/mail/unsubscribe-secret";
import { TEST_NOW } from "@/tests/clock";
import { makeEntriesWithTotals, makeGoal, makeMetric, type LoggedAmount } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { startInbox, type ReceivedMail } from "@/tests/smtp-inbox";

const { POST } = await import("@/app/api/unsubscribe/route");

const env = setUpTestDatabase({ tree: "each" });
const globalDb = globalThis as { backplanDatabase?: Database };
let inbox: Awaited<ReturnType<typeof startInbox>>;
const APP = "https://backplan.test";

beforeAll(async () => {
  // The unsubscribe route reads the app's database (server/db.ts): this file's test database.
  globalDb.backplanDatabase = env.database;
  inbox = await startInbox();
});
afterAll(async () => {
  delete globalDb.backplanDatabase;
  await inbox.stop();
  pinClock(TEST_NOW);
});
beforeEach(async () => {
  inbox.mails.length = 0;
  vi.spyOn(console, "info").mockImplementation(() => undefined);
  // Earlier trees' reminders must not be due at this test's instants.
  await env.db.membership.updateMany({ where: { teamId: { not: env.t.team.id } }, data: { reminderTime: null } });
});

/** The mail's headers, unfolded (RFC 5322: a long header continues on lines starting with white space). */
function header(mail: ReceivedMail, name: string): string | null {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}
const emailOf = async (membershipId: string) =>
  (
    await env.db.membership.findUniqueOrThrow({
      where: { id: membershipId },
      select: { user: { select: { email: true } } },
    })
  ).user.email;
/** The mails to a member, their text parts with plain line ends. */
const mailsTo = async (membershipId: string) => {
  const email = await emailOf(membershipId);
  return inbox.mails.filter((m) => m.to.includes(email)).map((m) => ({ ...m, text: m.text.replace(/\r\n/g, "\n") }));
};
const oneClick = (url: string) =>
  POST(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );

describe("the daily reminder", () => {
  // Wednesday 17 March 2027, 18:30 in London (the test team's zone, GMT).
  const evening = (day: string) => new Date(`${day}T18:30:00Z`);

  async function a1DueAt1800() {
    const { db, t } = env;
    await db.membership.updateMany({ where: { teamId: t.team.id }, data: { reminderTime: null } });
    await db.membership.update({ where: { id: t.memberA1.id }, data: { reminderTime: "18:00" } });
  }

  it("is HTML + text with today's plan, the follow-ups due and one-click unsubscribe headers", async () => {
    const { db, t } = env;
    await a1DueAt1800();
    const calls = await makeMetric(db, {
      teamId: t.team.id,
      key: "calls",
      name: "Calls",
      kind: "ACTIVITY",
      unit: "COUNT",
    });
    await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: calls.id,
      target: 6000,
      startDate: "2027-03-01",
      deadline: "2027-04-30",
    });
    for (const [name, day] of [
      ["Due today", "2027-03-17"],
      ["Overdue", "2027-03-10"],
      ["Later", "2027-03-30"],
    ] as const) {
      await db.person.create({
        data: { id: randomUUID(), teamId: t.team.id, membershipId: t.memberA1.id, name, nextFollowUp: toDbDay(day) },
      });
    }

    expect(await sendDueReminders(db, { now: evening("2027-03-17"), appUrl: APP })).toEqual({ sent: 1, failed: 0 });
    const [mail] = await mailsTo(t.memberA1.id);
    expect(inbox.mails).toHaveLength(1);
    expect(header(mail!, "Subject")).toBe("Time to log today (Test Team)");
    // Text part: readable, with the Log link, today's plan, the follow-ups (count only) and the unsubscribe link.
    expect(mail!.text).toContain("Hi Mia,");
    expect(mail!.text).toContain("Wednesday 17 March");
    expect(mail!.text).toContain(`${APP}/${t.team.slug}/log`);
    expect(mail!.text).toMatch(/TODAY'S PLAN\n- Calls: \d+/);
    expect(mail!.text).toContain("2 follow-ups from your names list are due today.");
    expect(mail!.text).not.toContain("Due today"); // names never leave the list
    // HTML part: the same content in the layout.
    expect(mail!.html).toContain("<html");
    expect(mail!.html).toContain(`href="${APP}/${t.team.slug}/log"`);
    expect(mail!.html).toContain("Today&#x27;s plan");
    // RFC 8058 one-click unsubscribe.
    const listUnsubscribe = header(mail!, "List-Unsubscribe")!;
    expect(listUnsubscribe).toMatch(/^<https:\/\/backplan\.test\/api\/unsubscribe\?token=[^>]+>$/);
    expect(header(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const url = listUnsubscribe.slice(1, -1);
    expect(mail!.text).toContain(`Unsubscribe from this email: ${url}`);
  });

  it("formats days and amounts in the locale the member chose (the words stay English)", async () => {
    const { db, t } = env;
    await a1DueAt1800();
    const sales = await makeMetric(db, {
      teamId: t.team.id,
      key: "sales",
      name: "Sales",
      kind: "RESULT",
      unit: "MONEY",
    });
    await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: sales.id,
      target: 1_234_567_00,
      startDate: "2027-03-01",
      deadline: "2027-04-30",
    });
    const mia = await env.as(t.memberA1.id);
    await expect(mia.auth.setLocale({ locale: "xx-YY" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await mia.auth.setLocale({ locale: "de-DE" })).toEqual({ locale: "de-DE" });
    expect((await mia.member.profile({ teamId: t.team.id })).locale).toBe("de-DE");

    expect(await sendDueReminders(db, { now: evening("2027-03-17"), appUrl: APP })).toEqual({ sent: 1, failed: 0 });
    const [mail] = await mailsTo(t.memberA1.id);
    expect(mail!.text).toContain("Mittwoch, 17. März");
    const planned = mail!.text.match(/- Sales: (.+)/)![1]!;
    expect(planned).toMatch(/^[\d.]+(,\d\d)?\s£$/);
    // Back to the default: en-GB.
    await mia.auth.setLocale({ locale: null });
    expect(
      (await db.user.findFirstOrThrow({ where: { memberships: { some: { id: t.memberA1.id } } } })).locale,
    ).toBeNull();
  });

  it("is not sent on a rest day: the weekend, a team holiday, the member's day off", async () => {
    const { db, t } = env;
    await a1DueAt1800();
    await db.teamHoliday.create({ data: { teamId: t.team.id, day: toDbDay("2027-03-18"), name: "Feast" } });
    await db.memberDayOff.create({ data: { membershipId: t.memberA1.id, day: toDbDay("2027-03-19"), kind: "SICK" } });
    for (const day of ["2027-03-18", "2027-03-19", "2027-03-20", "2027-03-21"]) {
      expect(await sendDueReminders(db, { now: evening(day), appUrl: APP })).toEqual({ sent: 0, failed: 0 });
    }
    expect(inbox.mails).toEqual([]);
    // Monday is a working day again: the job sends it (the clock's now).
    pinClock(evening("2027-03-22"), { frozen: true });
    try {
      await remindersTickJob.handler(db, {});
    } finally {
      pinClock(TEST_NOW);
    }
    expect((await mailsTo(t.memberA1.id)).length).toBe(1);
  });

  it("is not sent after a one-click unsubscribe with the header's token; a bad token is 400 and changes nothing", async () => {
    const { db, t } = env;
    await a1DueAt1800();
    await sendDueReminders(db, { now: evening("2027-03-16"), appUrl: APP });
    const [mail] = await mailsTo(t.memberA1.id);
    const url = header(mail!, "List-Unsubscribe")!.slice(1, -1);
    const prefs = () => db.notificationPreference.findMany({ where: { userId: t.memberA1.userId } });

    // Bad tokens: forged for another kind, cut short, made up, missing — 400, nothing stored.
    const token = new URL(url).searchParams.get("token")!;
    const [payload] = token.split(".");
    const forged = `${Buffer.from(Buffer.from(payload!, "base64url").toString().replace("DAILY_REMINDER", "WEEKLY_DIGEST")).toString("base64url")}.${token.split(".")[1]}`;
    for (const bad of [forged, token.slice(0, -3), "nonsense", ""]) {
      const res = await oneClick(`${APP}/api/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect((await res.json()) as { error: string }).toEqual({ error: expect.stringContaining("not valid") });
    }
    // A token for a kind that has no email (signed by us all the same) is refused too.
    const inboxOnly = await oneClick(`${APP}/api/unsubscribe?token=${unsubscribeToken(t.memberA1.userId, "CHEER")}`);
    expect(inboxOnly.status).toBe(400);
    expect(await prefs()).toEqual([]);

    const res = await oneClick(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, kind: "DAILY_REMINDER", label: "Daily reminder to log" });
    expect(await prefs()).toMatchObject([{ kind: "DAILY_REMINDER", channel: "EMAIL", enabled: false }]);
    expect((await oneClick(url)).status).toBe(200); // repeating it is fine

    inbox.mails.length = 0;
    // The next evening the member is due (not logged, working day) but has turned the email off.
    expect(await sendDueReminders(db, { now: evening("2027-03-17"), appUrl: APP })).toEqual({ sent: 0, failed: 0 });
    expect(inbox.mails).toEqual([]);
  });

  it("the unsubscribe page's button posts the token and returns to the page", async () => {
    const { t } = env;
    const form = new FormData();
    form.set("token", unsubscribeToken(t.memberA2.userId, "WEEKLY_DIGEST"));
    form.set("source", "page");
    form.set("team", t.team.slug);
    const res = await POST(new Request(`${APP}/api/unsubscribe`, { method: "POST", body: form }));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/unsubscribe");
    expect(location.searchParams.get("done")).toBe("1");
    expect(location.searchParams.get("team")).toBe(t.team.slug);
    expect(
      await env.db.notificationPreference.findUnique({
        where: { userId_kind_channel: { userId: t.memberA2.userId, kind: "WEEKLY_DIGEST", channel: "EMAIL" } },
      }),
    ).toMatchObject({ enabled: false });
  });
});

describe("the weekly digest", () => {
  // Last week: Mon 15 – Sun 21 March 2027. The digest goes on Monday 22 March from 07:00 in London (GMT).
  const lastWeek = "2027-03-15";
  const mondayMorning = "2027-03-22T07:30:00Z";

  async function setUp() {
    const { db, t } = env;
    const calls = await makeMetric(db, {
      teamId: t.team.id,
      key: "calls",
      name: "Calls",
      kind: "ACTIVITY",
      unit: "COUNT",
    });
    const logged: LoggedAmount[] = [];
    const log = (membershipId: string, from: string, to: string, amount: number) => {
      for (let d = from; d <= to; d = addDays(d, 1)) {
        const weekday = toDbDay(d).getUTCDay();
        if (weekday >= 1 && weekday <= 5) logged.push({ membershipId, day: d, amount });
      }
    };
    // A's branch steadily; Ben (B1) nothing last week; Lara (B) a little.
    for (const id of [t.leaderA.id, t.memberA1.id, t.memberA1a.id, t.memberA2.id])
      log(id, "2027-02-22", "2027-03-19", 30);
    log(t.memberB1.id, "2027-02-22", "2027-03-12", 30);
    log(t.leaderB.id, lastWeek, "2027-03-19", 5);
    await makeEntriesWithTotals(db, { teamId: t.team.id, metricId: calls.id, entries: logged });
    const goal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: calls.id,
      target: 7000,
      startDate: "2027-02-22",
      deadline: "2027-05-28",
      name: "Spring calls",
    });
    await db.victory.create({
      data: {
        teamId: t.team.id,
        membershipId: t.memberA2.id,
        kind: "PLAN_DONE",
        key: "win-a2",
        title: "Mo hit the week's plan",
        day: toDbDay("2027-03-18"),
      },
    });
    await db.targetProposal.create({
      data: { teamId: t.team.id, goalId: goal.id, membershipId: t.memberB1.id, proposed: 500 },
    });
    return { goal };
  }

  const run = () => sendWeeklyDigests(env.db, { appUrl: APP, teamIds: [env.t.team.id] });

  it("reaches each upline once, for their branch only, with the dashboard's numbers; run twice = sent once", async () => {
    const { db, t } = env;
    const { goal } = await setUp();

    // Before 07:00 on Monday, and on another day, nothing goes.
    pinClock("2027-03-22T06:30:00Z", { frozen: true });
    expect(await run()).toEqual({ teams: 0, sent: 0, failed: 0 });
    pinClock("2027-03-23T07:30:00Z", { frozen: true });
    expect(await run()).toEqual({ teams: 0, sent: 0, failed: 0 });

    pinClock(mondayMorning, { frozen: true });
    try {
      // Uplines: the owner, both leaders, and Mia (A1), a sponsor with a downline (the team lets sponsors lead).
      expect(await run()).toEqual({ teams: 1, sent: 4, failed: 0 });
      await weeklyDigestJob.handler(db, {}); // the job again, the same week: nothing more
      expect(await run()).toEqual({ teams: 1, sent: 0, failed: 0 });
    } finally {
      pinClock(TEST_NOW);
    }
    const uplines = [t.owner, t.leaderA, t.leaderB, t.memberA1];
    for (const u of uplines) expect(await mailsTo(u.id)).toHaveLength(1);
    for (const m of [t.memberA1a, t.memberA2, t.memberB1]) expect(await mailsTo(m.id)).toHaveLength(0);
    // (The job ran for every team of this database; earlier tests' teams have their own uplines.)
    const teamEmails = await Promise.all([...uplines, t.memberA1a, t.memberA2, t.memberB1].map((m) => emailOf(m.id)));
    expect(inbox.mails.filter((m) => m.to.some((to) => teamEmails.includes(to)))).toHaveLength(4);
    const teamMarkers = { teamId: t.team.id };
    expect(await db.digestSent.count({ where: { weekStart: toDbDay("2027-03-22"), membership: teamMarkers } })).toBe(4);

    // Each digest's numbers are the dashboard's for that branch, as its upline saw it on Sunday evening.
    const f = (n: number) => formatAmount(n, "COUNT", "GBP", "en-GB", { wholeUnits: true });
    const word = { ahead: "ahead", on_track: "on track", at_risk: "at risk", behind: "behind" } as const;
    for (const u of uplines) {
      const [mail] = await mailsTo(u.id);
      const dashboard = await pinnedAt("2027-03-21T20:00:00Z", async () =>
        (await env.as(u.id)).dashboard.rollup({ teamId: t.team.id, goalId: goal.id, period: "week", rootId: u.id }),
      );
      const row = dashboard.rows[0]!;
      expect(row.id).toBe(u.id);
      expect(mail!.text).toContain(
        `Last week: ${f(row.teamActual)} of ${f(row.teamTarget)} planned (${word[row.teamStatus]})`,
      );
      expect(mail!.text).toContain(
        `Goal to date: ${f(row.goal.teamActual)} of ${f(row.goal.teamExpected)} expected by now`,
      );
      expect(mail!.text).toContain(`Members on pace: ${row.below.onPace}, off pace: ${row.below.offPace}`);
      expect(mail!.html).toContain(f(row.teamActual));
      expect(header(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      // Off pace: exactly the dashboard's members of this branch.
      const off = dashboard.rows.filter(
        (r) => r.id !== u.id && (r.ownStatus === "at_risk" || r.ownStatus === "behind"),
      );
      const offSection = mail!.text.split("OFF PACE\n")[1]!.split("\n\n")[0]!;
      expect(offSection.split("\n").filter((l) => l.startsWith("- ") && l !== "- nobody").length).toBe(off.length);
      for (const r of off) expect(offSection).toContain(`- ${r.name}: ${word[r.ownStatus]}`);
    }

    // Branch only: Lara's digest says nothing of A's branch; Leo's nothing of B's; the win and proposal stay home.
    const lara = (await mailsTo(t.leaderB.id))[0]!.text;
    const leo = (await mailsTo(t.leaderA.id))[0]!.text;
    for (const name of ["Mia A1", "Max A1a", "Mo A2", "Leo Leader A"]) expect(lara).not.toContain(name);
    for (const name of ["Ben B1", "Lara Leader B"]) expect(leo).not.toContain(name);
    expect(lara).toContain("Lara Leader B's team");
    expect(lara).toContain("- Ben B1: behind");
    expect(lara).toContain("1 target proposal waits for a decision.");
    expect(leo).not.toContain("target proposal");
    expect(leo).toContain("- Mo A2: Mo hit the week's plan");
    expect(lara).toContain("- none recorded");
  });

  it("skips an upline who unsubscribed from the digest, and retries a failed mail at the next run", async () => {
    const { db, t } = env;
    await setUp();
    await db.notificationPreference.create({
      data: { userId: t.leaderB.userId, kind: "WEEKLY_DIGEST", channel: "EMAIL", enabled: false },
    });
    pinClock(mondayMorning, { frozen: true });
    try {
      const failing = () => Promise.reject(new Error("SMTP down"));
      expect(await sendWeeklyDigests(db, { appUrl: APP, teamIds: [t.team.id], mailer: failing })).toEqual({
        teams: 1,
        sent: 0,
        failed: 3,
      });
      expect(
        await db.digestSent.count({ where: { membershipId: { in: [t.owner.id, t.leaderA.id, t.memberA1.id] } } }),
      ).toBe(0);
      expect(await run()).toEqual({ teams: 1, sent: 3, failed: 0 });
    } finally {
      pinClock(TEST_NOW);
    }
    expect(await mailsTo(t.leaderB.id)).toHaveLength(0);
  });
});

async function pinnedAt<T>(instant: string, fn: () => Promise<T>): Promise<T> {
  pinClock(instant, { frozen: true });
  try {
    return await fn();
  } finally {
    pinClock(TEST_NOW);
  }
}
