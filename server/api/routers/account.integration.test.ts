/**
 * Issue 16, side doors 3 and 6 (sign-up) and session revocation: password sign-up answers the same for any address
 * and mails a verification link; an unverified account cannot join a team; a magic-link sign-in never inherits an
 * unverified account's password or sessions; reset and change of the password, and "sign out everywhere", end every
 * older session — on team procedures (checked in the team-access query) and on the others.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backplanAdapter } from "@/server/auth/adapter";
import { authOptions } from "@/server/auth";
import { verifyCredentials } from "@/server/services/auth/verify-credentials";
import { countingClient } from "@/tests/query-counter";
import { callerFor } from "@/tests/caller";
import { makeUser, uniqueEmail } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { startInbox } from "@/tests/smtp-inbox";
import * as clock from "@/server/clock";

const env = setUpTestDatabase({ tree: "each" });
let inbox: Awaited<ReturnType<typeof startInbox>>;
beforeAll(async () => {
  inbox = await startInbox();
});
afterAll(() => inbox.stop());

const lastMailTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address)).at(-1);
const linkToken = (text: string | undefined, path: string) =>
  new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text ?? "")?.[1];
const sessionUser = async (id: string) => {
  const u = await env.db.user.findUniqueOrThrow({ where: { id } });
  return { id: u.id, email: u.email, name: u.name, sessionVersion: u.sessionVersion };
};

describe("sign-up and email verification", () => {
  it("answers 'check your email' whether or not the address has an account, and mails the owner instead", async () => {
    const visitor = callerFor(env.db, null);
    const owner = await makeUser(env.db, { name: "Owen Owner" });
    const fresh = uniqueEmail("fresh");
    const forNew = await visitor.auth.signUp({ name: "New Person", email: fresh, password: "a-long-password" });
    const forExisting = await visitor.auth.signUp({
      name: "Intruder",
      email: owner.email,
      password: "a-long-password",
    });
    expect(forExisting).toEqual(forNew);
    expect(JSON.stringify(forExisting)).not.toMatch(/already/i);
    // The existing account is untouched; its owner hears about it, with a way to set a new password.
    expect(await verifyCredentials(env.db, { email: owner.email, password: "a-long-password" })).toBeNull();
    expect(lastMailTo(owner.email)?.text).toMatch(/already has one/);
    expect(linkToken(lastMailTo(owner.email)?.text, "/reset-password")).toBeDefined();
    // The new account exists, unverified, with a verification link in its mailbox.
    const created = await env.db.user.findUniqueOrThrow({ where: { email: fresh } });
    expect(created.emailVerified).toBeNull();
    expect(created.passwordHash).toMatch(/^\$argon2id\$/);
    expect(linkToken(lastMailTo(fresh)?.text, "/verify-email")).toBeDefined();
  });

  it("an unverified account cannot join a team; the verification link lets it", async () => {
    const { t } = env;
    const email = uniqueEmail("joiner");
    await callerFor(env.db, null).auth.signUp({ name: "Jo Joiner", email, password: "a-long-password" });
    const jo = callerFor(env.db, await sessionUser((await env.db.user.findUniqueOrThrow({ where: { email } })).id));
    const invite = await (await env.as(t.owner.id)).invite.create({ teamId: t.team.id, maxUses: null });
    await expect(jo.invite.accept({ token: invite.token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Verify your email first") as string,
    });
    expect(await jo.auth.status()).toMatchObject({ verified: false });
    expect(await jo.auth.resendVerification({ callbackUrl: `/join/${invite.token}` })).toMatchObject({ sent: true });
    const mail = lastMailTo(email)?.text;
    expect(mail).toContain(encodeURIComponent(`/join/${invite.token}`));
    expect(await callerFor(env.db, null).auth.verifyEmail({ token: linkToken(mail, "/verify-email")! })).toEqual({
      verified: true,
      email,
    });
    expect(await jo.auth.status()).toMatchObject({ verified: true });
    expect((await jo.invite.accept({ token: invite.token })).joined).toBe(true);
    // A link works once.
    expect(await callerFor(env.db, null).auth.verifyEmail({ token: linkToken(mail, "/verify-email")! })).toMatchObject({
      verified: false,
      message: expect.stringContaining("not valid") as string,
    });
  });

  it("a magic-link sign-in to an unverified account clears its password and ends its sessions", async () => {
    // The attacker signs up with the victim's address (never verified) and stays signed in.
    const email = uniqueEmail("victim");
    await callerFor(env.db, null).auth.signUp({ name: "Attacker", email, password: "attackers-password" });
    const attacker = await sessionUser((await env.db.user.findUniqueOrThrow({ where: { email } })).id);
    expect(await verifyCredentials(env.db, { email, password: "attackers-password" })).not.toBeNull();

    // The real owner signs in by magic link: next-auth marks the address verified through the adapter.
    const adapter = backplanAdapter(env.db);
    const found = await adapter.getUserByEmail!(email);
    const signedIn = await adapter.updateUser!({ id: found!.id, emailVerified: clock.now() });
    expect(signedIn.emailVerified).not.toBeNull();
    expect(await verifyCredentials(env.db, { email, password: "attackers-password" })).toBeNull();
    await expect(callerFor(env.db, attacker).invite.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // The owner's new session carries the new version and works.
    expect((signedIn as { sessionVersion?: number }).sessionVersion).toBe(attacker.sessionVersion + 1);
    expect(await callerFor(env.db, await sessionUser(found!.id)).invite.mine()).toEqual([]);
  });
});

describe("password reset and change", () => {
  it("reset by email: a link that works once, verifies the address and ends every session", async () => {
    const user = await makeUser(env.db, { name: "Rita Reset", verified: false });
    const before = await sessionUser(user.id);
    const visitor = callerFor(env.db, null);
    const answer = await visitor.auth.requestPasswordReset({ email: user.email });
    expect(await visitor.auth.requestPasswordReset({ email: uniqueEmail("nobody") })).toEqual(answer);
    const token = linkToken(lastMailTo(user.email)?.text, "/reset-password")!;
    expect(await visitor.auth.resetPassword({ token, password: "brand-new-password" })).toEqual({
      ok: true,
      email: user.email,
    });
    expect(await verifyCredentials(env.db, { email: user.email, password: "brand-new-password" })).not.toBeNull();
    expect((await env.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
    await expect(callerFor(env.db, before).auth.status()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await visitor.auth.resetPassword({ token, password: "another-password-1" })).toMatchObject({ ok: false });
    expect(await verifyCredentials(env.db, { email: user.email, password: "another-password-1" })).toBeNull();
  });

  it("change (signed in, current password) ends the other sessions; a wrong current password is a 400", async () => {
    const user = await makeUser(env.db, { name: "Carl Change", password: "current-password-1" });
    const session = callerFor(env.db, await sessionUser(user.id));
    await expect(
      session.auth.changePassword({ currentPassword: "not-the-password", newPassword: "new-password-123" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await session.auth.changePassword({ currentPassword: "current-password-1", newPassword: "new-password-123" });
    expect(await verifyCredentials(env.db, { email: user.email, password: "new-password-123" })).not.toBeNull();
    await expect(session.auth.status()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("session revocation", () => {
  it("sign out everywhere ends older sessions on team procedures too, at no extra query", async () => {
    const { t } = env;
    const member = await env.db.membership.findUniqueOrThrow({ where: { id: t.memberA1.id } });
    const old = await sessionUser(member.userId);
    const counting = countingClient(env.db);
    const caller = callerFor(counting.db, old);
    await caller.member.day({ teamId: t.team.id });
    const queries = counting.count();
    await callerFor(env.db, old).auth.signOutEverywhere();
    counting.reset();
    await expect(caller.member.day({ teamId: t.team.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(counting.count()).toBe(1); // the team-access query said no, nothing else ran
    const fresh = callerFor(counting.db, await sessionUser(member.userId));
    counting.reset();
    await fresh.member.day({ teamId: t.team.id });
    expect(counting.count()).toBe(queries);
  });

  it("a plain sign-out ends that session only, wherever its token was copied, at no extra query", async () => {
    const { t } = env;
    const member = await env.db.membership.findUniqueOrThrow({ where: { id: t.memberA1.id } });
    const base = await sessionUser(member.userId);
    // Two sessions of the same user, as the jwt callback issues them: each with its own random id.
    const jwt = authOptions.callbacks!.jwt!;
    const issue = async () => {
      const token = (await jwt({ token: {}, user: { ...base } } as never)) as { sid?: unknown; sv?: unknown };
      expect(token).toMatchObject({ sub: base.id, sv: base.sessionVersion, sid: expect.any(String) as string });
      return token as { sub: string; sid: string; sv: number };
    };
    const [tokenA, tokenB] = [await issue(), await issue()];
    expect(tokenA.sid).not.toBe(tokenB.sid);
    const deviceA = { ...base, sid: tokenA.sid };
    const deviceB = { ...base, sid: tokenB.sid };

    const counting = countingClient(env.db);
    const a = callerFor(counting.db, deviceA);
    const b = callerFor(counting.db, deviceB);
    await a.member.day({ teamId: t.team.id });
    const queries = counting.count();
    await a.auth.status();

    // next-auth's signOut event, with the decoded JWT of device A (JWT sessions).
    (globalThis as { backplanDatabase?: unknown }).backplanDatabase = env.database;
    try {
      const exp = Math.floor(clock.nowMs() / 1000) + 30 * 24 * 60 * 60;
      await authOptions.events!.signOut!({ token: { ...tokenA, exp }, session: undefined } as never);
      // Pages: the jwt callback refuses the signed-out session only.
      await expect(jwt({ token: { ...tokenA } } as never)).rejects.toThrow("SESSION_REVOKED");
      await expect(jwt({ token: { ...tokenB } } as never)).resolves.toMatchObject({ sid: tokenB.sid });
    } finally {
      delete (globalThis as { backplanDatabase?: unknown }).backplanDatabase;
    }

    counting.reset();
    await expect(a.member.day({ teamId: t.team.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(counting.count()).toBe(1); // the team-access query said no, nothing else ran
    await expect(a.auth.status()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    // The other device is still signed in, at the same number of queries as before.
    counting.reset();
    await b.member.day({ teamId: t.team.id });
    expect(counting.count()).toBe(queries);
    await expect(b.auth.status()).resolves.toBeDefined();
  });

  it("a revoked session is signed out on pages too (next-auth's jwt callback)", async () => {
    const user = await makeUser(env.db);
    const jwt = authOptions.callbacks!.jwt!;
    (globalThis as { backplanDatabase?: unknown }).backplanDatabase = env.database;
    try {
      const token = { sub: user.id, email: user.email, sv: 0 };
      await expect(jwt({ token } as never)).resolves.toMatchObject({ sub: user.id });
      await callerFor(env.db, await sessionUser(user.id)).auth.signOutEverywhere();
      await expect(jwt({ token } as never)).rejects.toThrow("SESSION_REVOKED");
    } finally {
      delete (globalThis as { backplanDatabase?: unknown }).backplanDatabase;
    }
  });
});
