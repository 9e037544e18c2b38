/**
 * GET /api/export (the goal CSV, streamed) on a real database with real session cookies: the access rules of
 * `dashboard.exportCsv` per object (the team, the goal, the caller's own subtree), and the same file.
 */
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { SESSION_ENDED } from "@/server/auth/session-version";
import * as clock from "@/server/clock";
import { addDays } from "@/server/domain/calendar";
import { toIsoDay } from "@/server/domain/db-day";
import { makeEntriesWithTotals, makeGoal, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import { personOf, sessionCookieFor, testUserReader, type SessionPerson } from "@/tests/route-session";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { createExportHandler } from "./handler";

const env = setUpTestDatabase({ tree: "once" });

let teamGoalId: string;
let branchBGoalId: string;
let owner: SessionPerson;
let memberA1: SessionPerson;
let outsiderTeamId: string;

async function get(query: Record<string, string>, cookie?: string) {
  const headers = new Headers(cookie ? { cookie } : {});
  const url = `http://localhost/api/export?${new URLSearchParams(query)}`;
  return createExportHandler({ db: env.db, getUser: testUserReader() })(new Request(url, { headers }));
}

const errorOf = async (res: Response) => ({ status: res.status, json: (await res.json()) as unknown });

beforeAll(async () => {
  const { t } = env;
  const metric = await makeMetric(env.db, { teamId: t.team.id, name: "Sales" });
  const today = toIsoDay(clock.now());
  const dates = { startDate: addDays(today, -14), deadline: addDays(today, 21) };
  teamGoalId = (
    await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 9_000,
      ...dates,
    })
  ).id;
  branchBGoalId = (
    await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.leaderB.id,
      metricId: metric.id,
      target: 500,
      ...dates,
    })
  ).id;
  await makeEntriesWithTotals(env.db, {
    teamId: t.team.id,
    metricId: metric.id,
    entries: [
      { membershipId: t.memberA1.id, day: addDays(today, -3), amount: 120 },
      { membershipId: t.memberA1a.id, day: addDays(today, -10), amount: 45 },
      { membershipId: t.memberB1.id, day: addDays(today, -1), amount: 7 },
    ],
  });
  owner = await personOf(env.db, t.owner.id);
  memberA1 = await personOf(env.db, t.memberA1.id);
  const stranger = await makeUser(env.db, { name: "Sam Stranger" });
  outsiderTeamId = (await makeTeam(env.db, { ownerId: stranger.id })).id;
});

describe("GET /api/export: who may export what", () => {
  it("answers 401 without a session", async () => {
    expect(await errorOf(await get({ teamId: env.t.team.id, goalId: teamGoalId }))).toEqual({
      status: 401,
      json: { error: "Please sign in." },
    });
  });

  it("answers 404 for a team the caller is not in, and for a goal they may not see", async () => {
    const cookie = await sessionCookieFor(memberA1);
    expect(await errorOf(await get({ teamId: outsiderTeamId, goalId: teamGoalId }, cookie))).toEqual({
      status: 404,
      json: { error: "Team was not found." },
    });
    // Leader B's branch goal: member A1 has no target in it and does not manage it.
    const hidden = await get({ teamId: env.t.team.id, goalId: branchBGoalId }, cookie);
    expect(hidden.status).toBe(404);
    await expect(
      createCaller({ db: env.db, user: memberA1 }).dashboard.exportCsv({
        teamId: env.t.team.id,
        goalId: branchBGoalId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another team's goal id inside my team: not found either.
    expect((await get({ teamId: env.t.team.id, goalId: "c".repeat(25) }, cookie)).status).toBe(404);
  });

  it("answers 400 with a sentence for a bad period or id", async () => {
    const cookie = await sessionCookieFor(owner);
    const bad = await errorOf(await get({ teamId: env.t.team.id, goalId: teamGoalId, period: "year" }, cookie));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("period");
    expect((await get({ teamId: "x\u0000y", goalId: teamGoalId }, cookie)).status).toBe(400);
  });

  it("refuses a session ended by a newer session version", async () => {
    const old = await sessionCookieFor(memberA1, { sv: 0 });
    await env.db.user.update({ where: { id: memberA1.id }, data: { sessionVersion: { increment: 1 } } });
    try {
      expect(await errorOf(await get({ teamId: env.t.team.id, goalId: teamGoalId }, old))).toEqual({
        status: 401,
        json: { error: SESSION_ENDED },
      });
    } finally {
      await env.db.user.update({ where: { id: memberA1.id }, data: { sessionVersion: { decrement: 1 } } });
    }
  });
});

describe("GET /api/export: the file", () => {
  it.each(["week", "month"] as const)(
    "is dashboard.exportCsv's file, over the caller's own subtree (%s)",
    async (period) => {
      for (const person of [owner, memberA1]) {
        const res = await get({ teamId: env.t.team.id, goalId: teamGoalId, period }, await sessionCookieFor(person));
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+-(week|month)\.csv"$/);
        expect(res.headers.get("cache-control")).toBe("no-store");
        const text = await res.text();
        const inline = await createCaller({ db: env.db, user: person }).dashboard.exportCsv({
          teamId: env.t.team.id,
          goalId: teamGoalId,
          period,
        });
        expect(text).toBe(`${inline.csv}\r\n`);
        const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
        expect(rows).toHaveLength(inline.rows);
        expect(Number(res.headers.get("x-export-rows"))).toBe(inline.rows);
        const names = new Set(rows.map((r) => r.member));
        if (person === memberA1) expect([...names].sort()).toEqual(["Max A1a", "Mia A1"]);
        else expect(names.size).toBe(7);
        // The actuals are there: member A1's own, summed over the periods.
        const a1 = rows.filter((r) => r.member === "Mia A1").reduce((s, r) => s + Number(r.personal_actual), 0);
        expect(a1).toBe(120);
      }
    },
  );
});
