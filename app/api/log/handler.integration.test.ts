/**
 * POST /api/log (the Log's write route) on a real database, with real Requests and real session cookies (next-auth's
 * JWT format, read by the tRPC context's own reader): the same access rules, input and results as `entry.log`.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { SESSION_ENDED, revokeSession } from "@/server/auth/session-version";
import * as clock from "@/server/clock";
import { MAX_ENTRIES_PER_BATCH } from "@/server/schemas/entry";
import { addMember, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import { personOf as personOfIn, sessionCookieFor, testUserReader, type SessionPerson } from "@/tests/route-session";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { createLogHandler, MAX_LOG_BODY_BYTES, NOT_JSON_MESSAGE, TOO_LARGE_MESSAGE } from "./handler";

const env = setUpTestDatabase({ tree: "once" });

let metricId: string;
let otherMetricId: string;
let member: SessionPerson;
let outsiderTeamId: string;

const personOf = (membershipId: string) => personOfIn(env.db, membershipId);
const cookieFor = (user: SessionPerson, claims: { sv?: number; sid?: string } = {}) => sessionCookieFor(user, claims);
const handler = () => createLogHandler({ db: env.db, getUser: testUserReader() });

async function post(
  body: unknown,
  options: { cookie?: string; contentType?: string | null; raw?: string; contentLength?: boolean } = {},
) {
  const headers = new Headers();
  if (options.contentType !== null) headers.set("content-type", options.contentType ?? "application/json");
  if (options.cookie) headers.set("cookie", options.cookie);
  const text = options.raw ?? JSON.stringify(body);
  if (options.contentLength) headers.set("content-length", String(Buffer.byteLength(text)));
  const response = await handler()(new Request("http://localhost/api/log", { method: "POST", headers, body: text }));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const oneEntry = (extra: Record<string, unknown> = {}) => ({
  teamId: env.t.team.id,
  entries: [{ id: randomUUID(), metricId, amount: 1, ...extra }],
});

const entryCount = () => env.db.entry.count({ where: { teamId: env.t.team.id } });

beforeAll(async () => {
  const { t } = env;
  metricId = (await makeMetric(env.db, { teamId: t.team.id, name: "Calls" })).id;
  otherMetricId = (await makeMetric(env.db, { teamId: t.team.id, name: "Meetings" })).id;
  member = await personOf(t.memberA1.id);
  const stranger = await makeUser(env.db, { name: "Sam Stranger" });
  outsiderTeamId = (await makeTeam(env.db, { ownerId: stranger.id })).id;
});

describe("POST /api/log: who may log", () => {
  it("answers 401 without a session, and writes nothing", async () => {
    const before = await entryCount();
    const res = await post(oneEntry());
    expect(res).toEqual({ status: 401, json: { error: "Please sign in." } });
    expect(await entryCount()).toBe(before);
  });

  it("answers 401 for a cookie made with another secret", async () => {
    const cookie = await sessionCookieFor(member, {}, "another-secret-another-secret-another-secret");
    const res = await post(oneEntry(), { cookie });
    expect(res.status).toBe(401);
  });

  it("answers 404 for a team the caller is not in (as entry.log does)", async () => {
    const body = { ...oneEntry(), teamId: outsiderTeamId };
    const res = await post(body, { cookie: await cookieFor(member) });
    expect(res).toEqual({ status: 404, json: { error: "Team was not found." } });
    await expect(createCaller({ db: env.db, user: member }).entry.log(body)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Team was not found.",
    });
  });

  it("answers 404 for a removed member, and writes nothing", async () => {
    const removed = await addMember(env.db, {
      teamId: env.t.team.id,
      parentId: env.t.leaderA.id,
      name: "Rita Removed",
    });
    const user = await personOf(removed.id);
    const cookie = await cookieFor(user);
    expect((await post(oneEntry(), { cookie })).status).toBe(200);
    await env.db.membership.update({
      where: { id: removed.id },
      data: { status: "REMOVED", removedAt: clock.now(), formerParentId: env.t.leaderA.id, parentId: null },
    });
    const before = await entryCount();
    expect(await post(oneEntry(), { cookie })).toEqual({ status: 404, json: { error: "Team was not found." } });
    expect(await entryCount()).toBe(before);
  });

  it("refuses a session ended by a newer session version, and a signed-out session", async () => {
    const person = await personOf(
      (await addMember(env.db, { teamId: env.t.team.id, parentId: env.t.leaderA.id, name: "Val Version" })).id,
    );
    const old = await cookieFor(person, { sv: 0 });
    expect((await post(oneEntry(), { cookie: old })).status).toBe(200);
    await env.db.user.update({ where: { id: person.id }, data: { sessionVersion: { increment: 1 } } });
    const before = await entryCount();
    expect(await post(oneEntry(), { cookie: old })).toEqual({ status: 401, json: { error: SESSION_ENDED } });
    expect(await entryCount()).toBe(before);

    const sid = randomUUID();
    const current = await cookieFor(person, { sv: 1, sid });
    expect((await post(oneEntry(), { cookie: current })).status).toBe(200);
    await revokeSession(env.db, { sub: person.id, sid });
    expect(await post(oneEntry(), { cookie: current })).toEqual({ status: 401, json: { error: SESSION_ENDED } });
  });
});

describe("POST /api/log: what it accepts", () => {
  it("answers 400 with zod's sentence for bad input — the same sentence as entry.log — and writes nothing", async () => {
    const cookie = await cookieFor(member);
    const before = await entryCount();
    const bad = oneEntry({ amount: 1.5 });
    const res = await post(bad, { cookie });
    expect(res).toEqual({
      status: 400,
      json: { error: "Invalid input — entries.0.amount: Amounts are whole numbers" },
    });
    await expect(createCaller({ db: env.db, user: member }).entry.log(bad)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: res.json.error,
    });
    const badTeam = { ...oneEntry(), teamId: "no such team!" };
    const teamRes = await post(badTeam, { cookie });
    expect(teamRes.status).toBe(400);
    await expect(createCaller({ db: env.db, user: member }).entry.log(badTeam)).rejects.toMatchObject({
      message: teamRes.json.error,
    });
    expect((await post({ teamId: env.t.team.id, entries: [] }, { cookie })).json.error).toBe(
      "Invalid input — entries: Nothing to log",
    );
    expect((await post(null, { cookie, raw: "{not json" })).status).toBe(400);
    expect(await entryCount()).toBe(before);
  });

  it("answers 415 unless the body is declared JSON (a cross-site form post), and writes nothing", async () => {
    const cookie = await cookieFor(member);
    const before = await entryCount();
    for (const contentType of [null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      expect(await post(oneEntry(), { cookie, contentType })).toEqual({
        status: 415,
        json: { error: NOT_JSON_MESSAGE },
      });
    }
    expect((await post(oneEntry(), { cookie, contentType: "application/json; charset=utf-8" })).status).toBe(200);
    expect(await entryCount()).toBe(before + 1);
  });

  it("answers 413 for an oversized body, declared or streamed, before parsing it", async () => {
    const cookie = await cookieFor(member);
    const before = await entryCount();
    const huge = JSON.stringify({ ...oneEntry(), padding: "x".repeat(MAX_LOG_BODY_BYTES) });
    for (const contentLength of [true, false]) {
      expect(await post(null, { cookie, raw: huge, contentLength })).toEqual({
        status: 413,
        json: { error: TOO_LARGE_MESSAGE },
      });
    }
    expect(await entryCount()).toBe(before);
  });

  it("takes the largest valid batch: 200 entries with the longest notes", async () => {
    const cookie = await cookieFor(member);
    const note = '€"'.repeat(140); // 280 characters, 700 bytes of JSON
    const body = {
      teamId: env.t.team.id,
      entries: Array.from({ length: MAX_ENTRIES_PER_BATCH }, () => ({
        id: randomUUID(),
        metricId,
        amount: 1,
        note,
        touchId: randomUUID(),
      })),
    };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(MAX_LOG_BODY_BYTES / 2);
    const res = await post(body, { cookie });
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
    expect(res.json.created).toBe(MAX_ENTRIES_PER_BATCH);
  });
});

describe("POST /api/log and entry.log give the same results", () => {
  /** A batch with every kind of outcome: created, a duplicate inside the batch, a conflict, a rejected day. */
  const batch = () => {
    const a = randomUUID();
    const b = randomUUID();
    return [
      { id: a, metricId, amount: 3 },
      { id: b, metricId: otherMetricId, amount: 2, note: "  first meeting  " },
      { id: a, metricId, amount: 3 },
      { id: b, metricId, amount: 9 },
      { id: randomUUID(), metricId, amount: 1, day: "2001-01-01" },
      { id: randomUUID(), metricId: "not-this-teams-metric", amount: 1 },
    ];
  };
  /** A result with each entry id replaced by the position of its first use in the batch, to compare two batches. */
  const shape = (entries: { id: string }[], result: unknown) => {
    let text = JSON.stringify(result);
    entries.forEach((e) => (text = text.replaceAll(e.id, `#${entries.findIndex((x) => x.id === e.id)}`)));
    return JSON.parse(text) as unknown;
  };
  const rows = async (entries: { id: string }[]) => {
    const stored = await env.db.entry.findMany({
      where: { id: { in: entries.map((e) => e.id) } },
      select: { id: true, metricId: true, day: true, amount: true, note: true },
    });
    return entries
      .map((e, i) => ({ at: i, row: stored.find((s) => s.id === e.id) }))
      .filter((x) => x.row && entries.findIndex((e) => e.id === entries[x.at]!.id) === x.at)
      .map(({ at, row }) => ({ ...row!, id: at }));
  };

  it("stores the same rows and answers the same results; a retry is a duplicate on either path", async () => {
    // Two members with the same (empty) history, so that their celebrations are the same too.
    const [one, two] = await Promise.all(
      ["Rory Route", "Tia Trpc"].map(async (name) =>
        personOf((await addMember(env.db, { teamId: env.t.team.id, parentId: env.t.leaderB.id, name })).id),
      ),
    );
    const cookie = await cookieFor(one!);
    const viaRoute = batch();
    const viaTrpc = batch();
    const routeRes = await post({ teamId: env.t.team.id, entries: viaRoute }, { cookie });
    const trpcRes = await createCaller({ db: env.db, user: two! }).entry.log({
      teamId: env.t.team.id,
      entries: viaTrpc,
    });
    expect(routeRes.status).toBe(200);
    // Plain JSON of the same result (no superjson wrapping).
    expect(shape(viaRoute, routeRes.json)).toEqual(shape(viaTrpc, trpcRes));
    expect((routeRes.json.results as { status: string }[]).map((r) => r.status)).toEqual([
      "created",
      "created",
      "duplicate",
      "conflict",
      "rejected",
      "rejected",
    ]);
    expect(await rows(viaRoute)).toEqual(await rows(viaTrpc));
    expect((await rows(viaRoute)).length).toBe(2);

    // Retried (a lost answer): every stored entry comes back a duplicate, nothing is stored twice — on either path.
    const before = await entryCount();
    const retryRoute = await post({ teamId: env.t.team.id, entries: viaRoute }, { cookie });
    const retryTrpc = await createCaller({ db: env.db, user: one! }).entry.log({
      teamId: env.t.team.id,
      entries: viaRoute,
    });
    expect(retryRoute.json.created).toBe(0);
    expect((retryRoute.json.results as { status: string }[]).slice(0, 2).map((r) => r.status)).toEqual([
      "duplicate",
      "duplicate",
    ]);
    expect(retryRoute.json).toEqual(JSON.parse(JSON.stringify(retryTrpc)));
    expect(await entryCount()).toBe(before);
  });
});
