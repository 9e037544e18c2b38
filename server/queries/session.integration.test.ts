/** Round trip of the session queries on a real database: the revocation check and the sign-out record. */
import { describe, expect, it } from "vitest";
import { insertRevokedSession, readSessionState } from "@/server/queries/session";
import { makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import * as clock from "@/server/clock";

const env = setUpTestDatabase({ tree: "none" });

describe("session queries", () => {
  it("readSessionState reads the session version and whether this session was signed out", async () => {
    const { db } = env;
    const user = await makeUser(db);
    const other = await makeUser(db);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 2 } });
    const now = clock.now();
    const later = new Date(now.getTime() + 60_000);
    expect(await readSessionState(db, { userId: user.id, sid: "round-trip-a" })).toEqual({
      sessionVersion: 2,
      revoked: false,
    });
    await insertRevokedSession(db, { sid: "round-trip-a", userId: user.id, expiresAt: later, now });
    await insertRevokedSession(db, { sid: "round-trip-a", userId: user.id, expiresAt: later, now }); // idempotent
    expect(await readSessionState(db, { userId: user.id, sid: "round-trip-a" })).toEqual({
      sessionVersion: 2,
      revoked: true,
    });
    expect(await readSessionState(db, { userId: user.id, sid: "round-trip-b" })).toMatchObject({ revoked: false });
    expect(await readSessionState(db, { userId: user.id })).toMatchObject({ revoked: false });
    // Another user's session of the same id is not this one.
    expect(await readSessionState(db, { userId: other.id, sid: "round-trip-a" })).toMatchObject({ revoked: false });
    expect(await readSessionState(db, { userId: "nobody", sid: "round-trip-a" })).toBeNull();
  });

  it("insertRevokedSession deletes the rows whose token has expired, in the same transaction", async () => {
    const { db } = env;
    const user = await makeUser(db);
    const now = clock.now();
    const past = new Date(now.getTime() - 1000);
    await db.revokedSession.create({ data: { sid: "expired-1", userId: user.id, expiresAt: past } });
    await insertRevokedSession(db, {
      sid: "current-1",
      userId: user.id,
      expiresAt: new Date(now.getTime() + 60_000),
      now,
    });
    const sids = (await db.revokedSession.findMany({ where: { userId: user.id }, select: { sid: true } })).map(
      (r) => r.sid,
    );
    expect(sids).toEqual(["current-1"]);
  });
});
