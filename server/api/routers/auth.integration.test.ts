import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { verifyCredentials } from "@/server/services/auth/verify-credentials";
import { backplanAdapter } from "@/server/auth/adapter";
import { callerFor } from "@/tests/caller";
import { createTestDatabase } from "@/tests/setup/test-db";
import { uniqueEmail } from "@/tests/factories";
import * as clock from "@/server/clock";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("auth.signUp", () => {
  it("creates an unverified user with an argon2id hash, normalising the email", async () => {
    const email = uniqueEmail("Signup").toUpperCase();
    const answer = await callerFor(database.db, null).auth.signUp({
      name: " Ana Lopez ",
      email,
      password: "a-long-password",
    });
    expect(answer).toMatchObject({ ok: true, message: expect.stringContaining("Check your email") });
    const stored = await database.db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(stored.name).toBe("Ana Lopez");
    expect(stored.emailVerified).toBeNull();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("a-long-password");
  });

  it("lets the new user sign in with the password, and refuses a wrong one", async () => {
    const email = uniqueEmail("signin");
    await callerFor(database.db, null).auth.signUp({ name: "Sam", email, password: "right-password-1" });
    expect(await verifyCredentials(database.db, { email, password: "right-password-1" })).toMatchObject({ email });
    expect(await verifyCredentials(database.db, { email, password: "wrong-password-1" })).toBeNull();
    expect(await verifyCredentials(database.db, { email: uniqueEmail("nobody"), password: "x" })).toBeNull();
  });

  it("never makes a second account for the same email, whatever its case, and never says one exists", async () => {
    const email = uniqueEmail("dup");
    const caller = callerFor(database.db, null);
    const first = await caller.auth.signUp({ name: "First", email, password: "first-password" });
    const second = await caller.auth.signUp({
      name: "Second",
      email: email.toUpperCase(),
      password: "second-password",
    });
    expect(second).toEqual(first);
    expect(await database.db.user.count({ where: { email } })).toBe(1);
    expect(await verifyCredentials(database.db, { email, password: "second-password" })).toBeNull();
  });

  it("rejects bad input with clear field messages and writes nothing", async () => {
    const before = await database.db.user.count();
    const caller = callerFor(database.db, null);
    await expect(caller.auth.signUp({ name: "", email: "not-an-email", password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(
        /name: Enter a name.*email: Enter a valid email address.*password: Use at least 10 characters/,
      ),
    });
    expect(await database.db.user.count()).toBe(before);
  });
});

describe("magic-link adapter", () => {
  it("creates a user on first email sign-in and consumes a token exactly once", async () => {
    const adapter = backplanAdapter(database.db);
    const email = uniqueEmail("ana.lopez");
    const user = await adapter.createUser!({ email, emailVerified: clock.now() } as never);
    expect(user.name).toMatch(/^Ana Lopez/);
    const expires = new Date(clock.nowMs() + 60_000);
    await adapter.createVerificationToken!({ identifier: email, token: "hashed-token", expires });
    expect(await adapter.useVerificationToken!({ identifier: email, token: "hashed-token" })).toMatchObject({
      identifier: email,
    });
    expect(await adapter.useVerificationToken!({ identifier: email, token: "hashed-token" })).toBeNull();
  });
});
