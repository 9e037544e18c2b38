/**
 * GET /api/teams/<teamId>/entries (the owner's export of every entry) on a real database with real session cookies:
 * the team rules of every entry point — a revoked session is refused here too, as on tRPC and the Log's route.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { revokeSession, SESSION_ENDED } from "@/server/auth/session-version";
import { ENTRY_EXPORT_HEADER } from "@/server/services/team/export-entries";
import { makeEntriesWithTotals, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import { personOf, sessionCookieFor, testUserReader, type SessionPerson } from "@/tests/route-session";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { createEntriesExportHandler } from "./handler";

const env = setUpTestDatabase({ tree: "once" });

let owner: SessionPerson;
let leader: SessionPerson;
let outsiderTeamId: string;

const get = (teamId: string, cookie?: string) =>
  createEntriesExportHandler({ db: env.db, getUser: testUserReader() })(
    new Request(`http://localhost/api/teams/${encodeURIComponent(teamId)}/entries`, {
      headers: new Headers(cookie ? { cookie } : {}),
    }),
    teamId,
  );

const errorOf = async (res: Response) => ({ status: res.status, json: (await res.json()) as unknown });

beforeAll(async () => {
  const { t } = env;
  const metric = await makeMetric(env.db, { teamId: t.team.id, name: "Calls" });
  await makeEntriesWithTotals(env.db, {
    teamId: t.team.id,
    metricId: metric.id,
    entries: [{ membershipId: t.memberA1.id, day: "2027-03-15", amount: 3 }],
  });
  owner = await personOf(env.db, t.owner.id);
  leader = await personOf(env.db, t.leaderA.id);
  outsiderTeamId = (await makeTeam(env.db, { ownerId: (await makeUser(env.db, { name: "Sam Stranger" })).id })).id;
});

describe("GET /api/teams/<teamId>/entries", () => {
  it("answers 401 without a session, 404 outside the team, 403 to a member who is not the owner", async () => {
    expect((await errorOf(await get(env.t.team.id))).status).toBe(401);
    expect(await errorOf(await get(outsiderTeamId, await sessionCookieFor(owner)))).toEqual({
      status: 404,
      json: { error: "Team was not found." },
    });
    expect((await errorOf(await get(env.t.team.id, await sessionCookieFor(leader)))).status).toBe(403);
    expect((await get("x\u0000y", await sessionCookieFor(owner))).status).toBe(400);
  });

  it("refuses a signed-out session and one ended by a newer session version (it did not check either)", async () => {
    const sid = randomUUID();
    const cookie = await sessionCookieFor(owner, { sv: 0, sid });
    expect((await get(env.t.team.id, cookie)).status).toBe(200);
    await revokeSession(env.db, { sub: owner.id, sid });
    expect(await errorOf(await get(env.t.team.id, cookie))).toEqual({ status: 401, json: { error: SESSION_ENDED } });

    const older = await sessionCookieFor(owner, { sv: 0 });
    await env.db.user.update({ where: { id: owner.id }, data: { sessionVersion: { increment: 1 } } });
    try {
      expect(await errorOf(await get(env.t.team.id, older))).toEqual({ status: 401, json: { error: SESSION_ENDED } });
    } finally {
      await env.db.user.update({ where: { id: owner.id }, data: { sessionVersion: { decrement: 1 } } });
    }
  });

  it("streams the owner every entry as CSV", async () => {
    const res = await get(env.t.team.id, await sessionCookieFor(owner));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe(ENTRY_EXPORT_HEADER.join(","));
    expect(lines.filter((l) => l.startsWith("2027-03-15,Mia A1,"))).toHaveLength(1);
  });
});
