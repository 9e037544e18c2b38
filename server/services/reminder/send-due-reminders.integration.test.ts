import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { sendMail } from "@/server/mail";
import { logEntries } from "@/server/services/entry/log-entries";
import { loadTeamAccess } from "@/server/services/team/load-team-access";
import { createTestDatabase } from "@/tests/setup/test-db";
import { makeMetric, makeTestTree } from "@/tests/factories";
import { sendDueReminders } from "./send-due-reminders";

interface Received {
  to: string[];
  body: string;
}

let database: Database;
let smtp: SMTPServer;
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
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});
beforeEach(async () => {
  inbox.length = 0;
  t = await makeTestTree(database.db);
  await database.db.team.update({ where: { id: t.team.id }, data: { timeZone: "America/New_York" } });
});

const db = () => database.db;
const emailOf = async (membershipId: string) =>
  (await db().membership.findUniqueOrThrow({ where: { id: membershipId }, select: { user: { select: { email: true } } } })).user.email;
const remindedTo = () => inbox.flatMap((m) => m.to);

describe("sendDueReminders", () => {
  // 2026-11-24 23:30 UTC = 18:30 in New York (same day), 23:30 in London.
  const at1830 = new Date("2026-11-24T23:30:00Z");

  it("emails over SMTP the members whose time has passed in the team's zone and who have not logged today", async () => {
    await db().membership.updateMany({ where: { id: { in: [t.memberA1.id, t.memberA2.id, t.memberB1.id] } }, data: { reminderTime: "18:00" } });
    await db().membership.update({ where: { id: t.leaderA.id }, data: { reminderTime: "19:00" } });
    // memberA2 already logged today (New York day 2026-11-24).
    const calls = await makeMetric(db(), { teamId: t.team.id, key: "calls" });
    const a2 = await db().membership.findUniqueOrThrow({ where: { id: t.memberA2.id }, select: { userId: true } });
    const actor = (await loadTeamAccess(db(), { teamId: t.team.id, userId: a2.userId })).membership;
    await logEntries(db(), { teamId: t.team.id, actor, entries: [{ id: randomUUID(), metricId: calls.id, amount: 1 }], now: at1830 });

    const run = await sendDueReminders(db(), { now: at1830, appUrl: "https://backplan.test" });
    expect(run).toEqual({ sent: 2, failed: 0 });
    expect(remindedTo().sort()).toEqual([await emailOf(t.memberA1.id), await emailOf(t.memberB1.id)].sort());
    expect(inbox[0]!.body).toContain(`https://backplan.test/${(await db().team.findUniqueOrThrow({ where: { id: t.team.id } })).slug}/log`);
    expect(inbox[0]!.body).toMatch(/^Subject: Time to log today \(Test Team\)/m);
    const sentOn = await db().membership.findUniqueOrThrow({ where: { id: t.memberA1.id }, select: { reminderSentOn: true } });
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
});
