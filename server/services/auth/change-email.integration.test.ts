/**
 * Changing an account's address (issue 17): asked for with the current password, applied only once the link mailed to
 * the NEW address is opened — until then the old address stays; an address of another account is refused without
 * saying whose; asking again or cancelling kills the earlier link; applying it ends every session and tells the old
 * address.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/services/auth/verify-credentials";
import { callerFor } from "@/tests/caller";
import { DEFAULT_PASSWORD, makeUser, uniqueEmail } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { startInbox } from "@/tests/smtp-inbox";

const env = setUpTestDatabase({ tree: "none" });
let inbox: Awaited<ReturnType<typeof startInbox>>;
beforeAll(async () => {
  inbox = await startInbox();
});
afterAll(() => inbox.stop());

const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address));
const confirmToken = (address: string) =>
  /\/confirm-email\?token=([A-Za-z0-9_-]{43})/.exec(mailsTo(address).at(-1)?.text ?? "")?.[1];
const sessionOf = async (id: string) => {
  const u = await env.db.user.findUniqueOrThrow({ where: { id } });
  return { id: u.id, email: u.email, name: u.name, sessionVersion: u.sessionVersion };
};
async function failure(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("auth.requestEmailChange → auth.confirmEmailChange", () => {
  it("keeps the old address until the link to the new one is opened, then applies it and ends every session", async () => {
    const user = await makeUser(env.db, { name: "Cara Change" });
    const me = callerFor(env.db, await sessionOf(user.id));
    const newEmail = uniqueEmail("cara-new");

    const asked = await me.auth.requestEmailChange({
      newEmail: newEmail.toUpperCase(),
      currentPassword: DEFAULT_PASSWORD,
    });
    expect(asked.email).toBe(user.email);
    expect(asked.pending.email).toBe(newEmail);
    // Nothing changed yet: the old address signs in, the new one does not.
    expect((await env.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await verifyCredentials(env.db, { email: user.email, password: DEFAULT_PASSWORD })).not.toBeNull();
    expect(await verifyCredentials(env.db, { email: newEmail, password: DEFAULT_PASSWORD })).toBeNull();
    expect((await me.auth.status()).email).toBe(user.email);

    const token = confirmToken(newEmail);
    expect(token).toBeDefined();
    expect(mailsTo(newEmail).at(-1)?.text).toMatch(/Nothing changes until you confirm/);

    const visitor = callerFor(env.db, null); // the link may be opened on another device
    expect(await visitor.auth.confirmEmailChange({ token: token! })).toEqual({ changed: true, email: newEmail });
    const after = await env.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerified).not.toBeNull();
    expect(await verifyCredentials(env.db, { email: newEmail, password: DEFAULT_PASSWORD })).not.toBeNull();
    expect(await verifyCredentials(env.db, { email: user.email, password: DEFAULT_PASSWORD })).toBeNull();
    // The old address is told; the old session is over.
    expect(mailsTo(user.email).at(-1)?.text).toContain(`changed to ${newEmail}`);
    expect((await failure(me.auth.status())).code).toBe("UNAUTHORIZED");
    // The link works once.
    expect(await visitor.auth.confirmEmailChange({ token: token! })).toMatchObject({ changed: false });
  });

  it("refuses an address of another account without saying whose, and sends nothing", async () => {
    const user = await makeUser(env.db, { name: "Dee Dup" });
    const other = await makeUser(env.db, { name: "Otto Other" });
    const me = callerFor(env.db, await sessionOf(user.id));
    const sent = inbox.mails.length;
    const error = await failure(
      me.auth.requestEmailChange({ newEmail: other.email, currentPassword: DEFAULT_PASSWORD }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/Another account uses this address/);
    expect(error.message).not.toMatch(/Otto/);
    expect(inbox.mails.length).toBe(sent);
    expect((await env.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("needs the current password, and refuses the address the account already has", async () => {
    const user = await makeUser(env.db, { name: "Pat Password" });
    const me = callerFor(env.db, await sessionOf(user.id));
    const target = uniqueEmail("pat-new");
    const missing = await failure(me.auth.requestEmailChange({ newEmail: target }));
    expect(missing.code).toBe("BAD_REQUEST");
    const wrong = await failure(me.auth.requestEmailChange({ newEmail: target, currentPassword: "not-my-password" }));
    expect(wrong.message).toBe("That is not your current password.");
    const same = await failure(me.auth.requestEmailChange({ newEmail: user.email, currentPassword: DEFAULT_PASSWORD }));
    expect(same.message).toBe("That is already your address.");
    expect(mailsTo(target)).toHaveLength(0);
    const bad = await failure(
      me.auth.requestEmailChange({ newEmail: "not an address", currentPassword: DEFAULT_PASSWORD }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("asking again replaces the earlier link; cancelling kills it; the address stays", async () => {
    const user = await makeUser(env.db, { name: "Rita Redo" });
    const me = callerFor(env.db, await sessionOf(user.id));
    const first = uniqueEmail("rita-1");
    const second = uniqueEmail("rita-2");
    await me.auth.requestEmailChange({ newEmail: first, currentPassword: DEFAULT_PASSWORD });
    const firstToken = confirmToken(first)!;
    await me.auth.requestEmailChange({ newEmail: second, currentPassword: DEFAULT_PASSWORD });
    const secondToken = confirmToken(second)!;
    expect(await me.auth.confirmEmailChange({ token: firstToken })).toMatchObject({ changed: false });
    expect(await me.auth.cancelEmailChange()).toEqual({ cancelled: 1 });
    expect(await me.auth.confirmEmailChange({ token: secondToken })).toMatchObject({ changed: false });
    expect((await env.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("an address taken by another account meanwhile is not applied", async () => {
    const user = await makeUser(env.db, { name: "Tom Taken" });
    const me = callerFor(env.db, await sessionOf(user.id));
    const wanted = uniqueEmail("wanted");
    await me.auth.requestEmailChange({ newEmail: wanted, currentPassword: DEFAULT_PASSWORD });
    await makeUser(env.db, { name: "Quick Quentin", email: wanted });
    const r = await callerFor(env.db, null).auth.confirmEmailChange({ token: confirmToken(wanted)! });
    expect(r).toEqual({ changed: false, message: "Another account uses this address. Choose another one." });
    expect((await env.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("an account without a password (magic link only) changes its address without one", async () => {
    const user = await makeUser(env.db, { name: "Mag Link", password: null });
    const me = callerFor(env.db, await sessionOf(user.id));
    const target = uniqueEmail("mag-new");
    await me.auth.requestEmailChange({ newEmail: target });
    expect(await me.auth.confirmEmailChange({ token: confirmToken(target)! })).toEqual({
      changed: true,
      email: target,
    });
  });
});
