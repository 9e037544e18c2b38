import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { sendMail, setMailSettings } from "@/server/mail";
import { logEntries } from "@/server/services/entry/log-entries";
import { loadTeamScope } from "@/server/services/team/scope";
import { pinClock } from "@/server/clock";
import { TEST_NOW } from "@/tests/clock";
import { createTestDatabase } from "@/tests/setup/test-db";
import { makeMetric, makeTestTree } from "@/tests/factories";
import { sendDueReminders } from "./send-due-reminders";

interface Received {
  to: string[];
  body: string;
}

let database: Database;
let smtp: SMTPServer;
let restoreMail: () => void;
const inbox: Received[] = [];
let t: Awaited<ReturnType<typeof makeTestTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  // A real SMTP peer: nodemailer (server/mail.ts, SMTP_URL) talks to it over TCP.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  restoreMail = setMailSettings({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
});
afterAll(async () => {
  restoreMail();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});
beforeEach(async () => {
  inbox.length = 0;
  // Every test has its own tree; earlier trees' reminders must not be due at this test's instants.
  await database.db.membership.updateMany({ data: { reminderTime: null } });
  t = await makeTestTree(database.db);
  await database.db.team.update({ where: { id: t.team.id }, data: { timeZone: "America/New_York" } });
});

const db = () => database.db;
const emailOf = async (membershipId: string) =>
  (
    await db().membership.findUniqueOrThrow({
      where: { id: membershipId },
      select: { user: { select: { email: true } } },
    })
  ).user.email;
const remindedTo = () => inbox.flatMap((m) => m.to);
/** Logs one entry as the scope's member at `instant` (the clock pinned there, then back to the files' TEST_NOW). */
async function logAt(instant: Date, scope: Awaited<ReturnType<typeof loadTeamScope>>, metricId: string) {
  pinClock(instant, { frozen: true });
  try {
    return await logEntries(db(), scope, { entries: [{ id: randomUUID(), metricId, amount: 1 }] });
  } finally {
    pinClock(TEST_NOW);
  }
}

describe("sendDueReminders", () => {
  // 2026-11-24 23:30 UTC = 18:30 in New York (same day), 23:30 in London.
  const at1830 = new Date("2026-11-24T23:30:00Z");

  it("emails over SMTP the members whose time has passed in the team's zone and who have not logged today", async () => {
    await db().membership.updateMany({
      where: { id: { in: [t.memberA1.id, t.memberA2.id, t.memberB1.id] } },
      data: { reminderTime: "18:00" },
    });
    await db().membership.update({ where: { id: t.leaderA.id }, data: { reminderTime: "19:00" } });
    // memberA2 already logged today (New York day 2026-11-24).
    const calls = await makeMetric(db(), { teamId: t.team.id, key: "calls" });
    const a2 = await db().membership.findUniqueOrThrow({ where: { id: t.memberA2.id }, select: { userId: true } });
    await logAt(at1830, await loadTeamScope(db(), { teamId: t.team.id, userId: a2.userId }), calls.id);

    const run = await sendDueReminders(db(), { now: at1830, appUrl: "https://backplan.test" });
    expect(run).toEqual({ sent: 2, failed: 0 });
    expect(remindedTo().sort()).toEqual([await emailOf(t.memberA1.id), await emailOf(t.memberB1.id)].sort());
    expect(inbox[0]!.body).toContain(
      `https://backplan.test/${(await db().team.findUniqueOrThrow({ where: { id: t.team.id } })).slug}/log`,
    );
    expect(inbox[0]!.body).toMatch(/^Subject: Time to log today \(Test Team\)/m);
    const sentOn = await db().membership.findUniqueOrThrow({
      where: { id: t.memberA1.id },
      select: { reminderSentOn: true },
    });
    expect(sentOn.reminderSentOn?.toISOString().slice(0, 10)).toBe("2026-11-24");

    // At most one a day: a second run the same evening sends nothing; the 19:00 reminder goes at 19:00.
    inbox.length = 0;
    expect(await sendDueReminders(db(), { now: new Date("2026-11-24T23:45:00Z") })).toEqual({ sent: 0, failed: 0 });
    expect(await sendDueReminders(db(), { now: new Date("2026-11-25T00:00:00Z") })).toEqual({ sent: 1, failed: 0 });
    expect(remindedTo()).toEqual([await emailOf(t.leaderA.id)]);
    // The next day (New York), members are due again: the three at 18:00 by 18:30 (leaderA's 19:00 is not due yet).
    inbox.length = 0;
    expect((await sendDueReminders(db(), { now: new Date("2026-11-25T23:30:00Z") })).sent).toBe(3);
  });

  it("sends nothing before the time, to removed members, or without a reminder time", async () => {
    await db().membership.update({ where: { id: t.memberA1.id }, data: { reminderTime: "18:45" } });
    await db().membership.update({ where: { id: t.memberA2.id }, data: { reminderTime: "08:00", status: "REMOVED" } });
    expect(await sendDueReminders(db(), { now: at1830 })).toEqual({ sent: 0, failed: 0 });
    expect(inbox).toEqual([]);
  });

  it("puts the mark back when a mail fails, so the next run retries", async () => {
    await db().membership.update({ where: { id: t.memberA1.id }, data: { reminderTime: "18:00" } });
    const failing = () => Promise.reject(new Error("SMTP down"));
    expect(await sendDueReminders(db(), { now: at1830, mailer: failing })).toEqual({ sent: 0, failed: 1 });
    expect((await db().membership.findUniqueOrThrow({ where: { id: t.memberA1.id } })).reminderSentOn).toBeNull();
    expect(await sendDueReminders(db(), { now: at1830, mailer: sendMail })).toEqual({ sent: 1, failed: 0 });
  });

  describe("only on the member's working days, at their time in their zone", () => {
    // The test tree's team works Monday to Friday. 23:30 UTC is 18:30 in New York.
    const evening = (day: string) => new Date(`${day}T23:30:00Z`);
    const everyoneAt1800 = () =>
      db().membership.updateMany({ where: { teamId: t.team.id }, data: { reminderTime: "18:00" } });
    const sentOn = async (membershipId: string) =>
      (
        await db().membership.findUniqueOrThrow({ where: { id: membershipId }, select: { reminderSentOn: true } })
      ).reminderSentOn
        ?.toISOString()
        .slice(0, 10) ?? null;

    it("a Monday–Friday team gets no 'time to log' at the weekend, and gets it again on Monday", async () => {
      await everyoneAt1800();
      expect(await sendDueReminders(db(), { now: evening("2026-11-28") })).toEqual({ sent: 0, failed: 0 }); // Saturday
      expect(await sendDueReminders(db(), { now: evening("2026-11-29") })).toEqual({ sent: 0, failed: 0 }); // Sunday
      expect(inbox).toEqual([]);
      expect(await sendDueReminders(db(), { now: evening("2026-11-30") })).toEqual({ sent: 7, failed: 0 }); // Monday
      expect(await sentOn(t.memberA1.id)).toBe("2026-11-30");
    });

    it("skips a team holiday, and one member's day off but not the others'", async () => {
      await everyoneAt1800();
      await db().teamHoliday.create({
        data: { teamId: t.team.id, day: new Date("2026-11-26T00:00:00Z"), name: "Thanksgiving" },
      });
      expect(await sendDueReminders(db(), { now: evening("2026-11-26") })).toEqual({ sent: 0, failed: 0 });

      await db().memberDayOff.create({
        data: { membershipId: t.memberA1.id, day: new Date("2026-11-27T00:00:00Z"), kind: "SICK" },
      });
      expect(await sendDueReminders(db(), { now: evening("2026-11-27") })).toEqual({ sent: 6, failed: 0 });
      expect(remindedTo()).not.toContain(await emailOf(t.memberA1.id));
      expect(await sentOn(t.memberA1.id)).toBeNull();
    });

    it("fires at the reminder time where the member lives and marks their own day", async () => {
      // The team is in New York; memberA1 lives in London, memberA2 in Auckland, both with an 18:00 / 08:00 reminder.
      await db().membership.update({
        where: { id: t.memberA1.id },
        data: { timeZone: "Europe/London", reminderTime: "18:00" },
      });
      await db().membership.update({
        where: { id: t.memberA2.id },
        data: { timeZone: "Pacific/Auckland", reminderTime: "08:00" },
      });
      await db().membership.update({ where: { id: t.memberB1.id }, data: { reminderTime: "18:00" } }); // the team's zone

      // Tue 24 Nov 18:30 in London = 13:30 in New York = Wed 25 Nov 07:30 in Auckland: only London is due.
      expect(await sendDueReminders(db(), { now: new Date("2026-11-24T18:30:00Z") })).toEqual({ sent: 1, failed: 0 });
      expect(remindedTo()).toEqual([await emailOf(t.memberA1.id)]);
      expect(await sentOn(t.memberA1.id)).toBe("2026-11-24");

      // 19:30 UTC = 08:30 Wednesday in Auckland: its reminder goes, marked with the member's Wednesday.
      inbox.length = 0;
      expect(await sendDueReminders(db(), { now: new Date("2026-11-24T19:30:00Z") })).toEqual({ sent: 1, failed: 0 });
      expect(remindedTo()).toEqual([await emailOf(t.memberA2.id)]);
      expect(await sentOn(t.memberA2.id)).toBe("2026-11-25");

      // 23:30 UTC = 18:30 in New York: the member on the team's zone; London and Auckland are not reminded twice.
      inbox.length = 0;
      expect(await sendDueReminders(db(), { now: evening("2026-11-24") })).toEqual({ sent: 1, failed: 0 });
      expect(remindedTo()).toEqual([await emailOf(t.memberB1.id)]);
    });

    it("counts the member's own weekday: Saturday morning in Auckland is a rest day though New York still has Friday", async () => {
      await db().membership.update({
        where: { id: t.memberA2.id },
        data: { timeZone: "Pacific/Auckland", reminderTime: "08:00" },
      });
      // Fri 27 Nov 14:30 in New York = Sat 28 Nov 08:30 in Auckland.
      expect(await sendDueReminders(db(), { now: new Date("2026-11-27T19:30:00Z") })).toEqual({ sent: 0, failed: 0 });
      // Mon 30 Nov 08:30 in Auckland (Sunday afternoon in New York): a working day for the member.
      expect(await sendDueReminders(db(), { now: new Date("2026-11-29T19:30:00Z") })).toEqual({ sent: 1, failed: 0 });
      expect(await sentOn(t.memberA2.id)).toBe("2026-11-30");
    });

    it("does not remind a member who logged on their own day (a New York member's Monday evening is Tuesday in London)", async () => {
      await db().team.update({ where: { id: t.team.id }, data: { timeZone: "Europe/London" } });
      await db().membership.update({
        where: { id: t.memberA1.id },
        data: { timeZone: "America/New_York", reminderTime: "20:30" },
      });
      const calls = await makeMetric(db(), { teamId: t.team.id, key: "calls" });
      const user = await db().membership.findUniqueOrThrow({ where: { id: t.memberA1.id }, select: { userId: true } });
      // Mon 23 Nov, 20:00 in New York = 01:00 Tuesday in London: the entry is for the member's Monday.
      const logged = await logAt(
        new Date("2026-11-24T01:00:00Z"),
        await loadTeamScope(db(), { teamId: t.team.id, userId: user.userId }),
        calls.id,
      );
      expect(logged.today).toBe("2026-11-23");
      expect(await sendDueReminders(db(), { now: new Date("2026-11-24T01:45:00Z") })).toEqual({ sent: 0, failed: 0 });
    });
  });
});
